"""The review queue: articles beside the events proposed from them; staff accept, edit, merge or reject."""

import json
from datetime import timedelta

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, FormView, ListView, View

from accord.lib.limits import PAGE_SIZE
from accord.accounts.roles import can
from accord.accounts.views import ActionRequiredMixin
from accord.newsroom.forms import MergeForm, PasteForm, ProposalEditForm, UploadForm
from accord.newsroom.models import Article, Proposal
from accord.newsroom.services import review
from accord.newsroom.services.ingest import InputError, parse_record, queue_articles


def text_segments(text: str, proposals) -> list[dict]:
    """The article text cut into plain pieces and evidence pieces; the template escapes every piece."""
    spans = sorted(
        (p.evidence_start, p.evidence_end, p.pk) for p in proposals
        if p.evidence_start is not None and p.evidence_end is not None and p.evidence_end <= len(text)
    )
    segments, position = [], 0
    for start, end, pk in spans:
        if start < position:
            continue  # two proposals from one sentence: it is marked once
        if start > position:
            segments.append({"text": text[position:start], "mark": False})
        segments.append({"text": text[start:end], "mark": True, "proposal": pk})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "mark": False})
    return segments


class ArticleListView(ActionRequiredMixin, ListView):
    action = "newsroom.view"
    template_name = "newsroom/article_list.html"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        queryset = Article.objects.annotate(
            proposed=Count("proposals", filter=Q(proposals__status=Proposal.Status.PROPOSED)),
            accepted=Count("proposals", filter=Q(proposals__status__in=[Proposal.Status.ACCEPTED, Proposal.Status.MERGED])),
            rejected=Count("proposals", filter=Q(proposals__status=Proposal.Status.REJECTED)),
        ).order_by("-ingested_at", "-pk")
        status = self.request.GET.get("status")
        return queryset.filter(status=status) if status in Article.Status.values else queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_ingest=can(self.request.user, "newsroom.ingest"), statuses=Article.Status.choices,
            current_status=self.request.GET.get("status", ""), **kwargs)


class ArticleDetailView(ActionRequiredMixin, DetailView):
    action = "newsroom.view"
    model = Article
    template_name = "newsroom/article_detail.html"

    def get(self, request, *args, **kwargs):
        if request.htmx:  # the page polls while the worker reads the article, then reloads once
            self.object = self.get_object()
            if self.object.status != Article.Status.PROCESSING:
                return HttpResponse(status=204, headers={"HX-Refresh": "true"})
            return render(request, "newsroom/_processing.html", {"object": self.object})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        proposals = list(self.object.proposals.select_related("agreement", "activity", "reviewed_by")
                         .order_by("evidence_start", "pk"))
        return super().get_context_data(
            proposals=proposals, segments=text_segments(self.object.text, proposals),
            can_review=can(self.request.user, "newsroom.review"),
            undo_since=timezone.now() - timedelta(minutes=review.UNDO_MINUTES), **kwargs)


class PasteView(ActionRequiredMixin, FormView):
    action = "newsroom.ingest"
    form_class = PasteForm
    template_name = "newsroom/paste.html"

    def form_valid(self, form):
        data = form.cleaned_data
        job, articles, created = queue_articles([{
            "text": data["text"], "title": data["title"], "url": data["source_url"], "published": data["published"],
        }], by=self.request.user)
        if not created:
            messages.info(self.request, _("This article is already in the queue."))
        return redirect(articles[0])


class UploadView(ActionRequiredMixin, FormView):
    action = "newsroom.ingest"
    form_class = UploadForm
    template_name = "newsroom/upload.html"

    def form_valid(self, form):
        raw = form.cleaned_data["file"].read()
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
            return self.form_invalid(form)
        fmt = form.format()
        if fmt != "jsonl":
            job, articles, created = queue_articles([{"text": content, "format": fmt}], by=self.request.user)
            return redirect(articles[0])
        records, errors = [], []
        for number, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(parse_record(json.loads(line)))
            except (json.JSONDecodeError, InputError) as error:
                errors.append(_("line %(n)s: %(error)s") % {"n": number, "error": error})
        if errors:  # all or nothing: nothing is ingested from a file with a bad line
            for error in errors:
                form.add_error("file", error)
            return self.form_invalid(form)
        job, articles, created = queue_articles(
            records, by=self.request.user, label=_("Reading %(name)s") % {"name": form.cleaned_data["file"].name})
        messages.success(self.request, _("%(created)s of %(total)s articles added to the queue.")
                         % {"created": created, "total": len(records)})
        return redirect(job or "newsroom:article-list")


class ProposalActionView(ActionRequiredMixin, View):
    action = "newsroom.review"

    def proposal(self):
        return get_object_or_404(Proposal.objects.select_related("article"), pk=self.kwargs["pk"])

    def failed(self, proposal, error):
        messages.error(self.request, str(error))
        return redirect(proposal.article)


class AcceptView(ProposalActionView):
    def post(self, request, pk):
        proposal = self.proposal()
        try:
            record = review.accept(proposal, by=request.user)
        except review.ReviewError as error:
            return self.failed(proposal, error)
        messages.success(request, _("Accepted: %(record)s") % {"record": record})
        return redirect(record)


class RejectView(ProposalActionView):
    def post(self, request, pk):
        proposal = self.proposal()
        try:
            review.reject(proposal, by=request.user)
        except review.ReviewError as error:
            return self.failed(proposal, error)
        return redirect(proposal.article)


class UndoRejectView(ProposalActionView):
    def post(self, request, pk):
        proposal = self.proposal()
        try:
            review.undo_reject(proposal, by=request.user)
        except review.ReviewError as error:
            return self.failed(proposal, error)
        messages.success(request, _("Rejection undone: the proposal is back in the queue."))
        return redirect(proposal.article)


class EditView(ProposalActionView, FormView):
    """"Edit and accept": the record's kind, title, faculty and dates, its parties and people as rows;
    accepting goes through review.accept like the plain accept."""

    form_class = ProposalEditForm
    template_name = "newsroom/proposal_edit.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def proposal(self):
        if self.object is None:
            self.object = super().proposal()
        return self.object

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposal": self.proposal()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal(), **kwargs)

    def form_valid(self, form):
        try:
            record = review.accept(self.proposal(), by=self.request.user, changes=form.changes())
        except review.ReviewError as error:
            form.add_refusal(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Accepted: %(record)s") % {"record": record})
        return redirect(record)


class MergeView(ProposalActionView, FormView):
    form_class = MergeForm
    template_name = "newsroom/proposal_merge.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposal": self.proposal()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(proposal=self.proposal(), **kwargs)

    def form_valid(self, form):
        proposal = self.proposal()
        try:
            record = review.merge(proposal, by=self.request.user, agreement=form.cleaned_data.get("agreement"),
                                  activity=form.cleaned_data.get("activity"))
        except review.ReviewError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect(record)
