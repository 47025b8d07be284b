"""Match a teacher's research direction (free English text) to open calls and to partners.

Text relevance is TF-IDF with cosine similarity (scikit-learn; nothing is downloaded). Calls whose
eligible countries include countries where the university already has partners get a boost; each
suggestion carries the reason, computed from the records that produced it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accord.activities.models import ActivityParty
from accord.agreements import isced
from accord.agreements.models import AgreementParty
from accord.guidance.models import Application, Call
from accord.mobility.models import ProgramPartner
from accord.registry.models import Country, Institution, home_unit_q

COUNTRY_BOOST = 0.15  # added to a call's text score when partners' countries are eligible
MIN_RECORD_SCORE = 0.05  # a record this close to the direction counts towards a partner
TOPIC_TERMS = 3
# Words every cooperation record shares: they say nothing about the research itself (with
# scikit-learn's English stop words).
RECORD_WORDS = {
    "agreement", "agreements", "collaboration", "cooperation", "international", "joint", "partner", "partners",
    "program", "programme", "programs", "project", "projects", "research", "universities", "university",
}


@dataclass
class CallMatch:
    call: Call
    score: float
    text_score: float
    terms: list[str]
    partner_countries: list[str]
    reasons: list[str] = field(default_factory=list)


@dataclass
class PartnerMatch:
    institution: Institution
    score: float
    counts: dict[str, int]
    topic: str
    since: int | None
    reason: str


def _vectorize(docs: list[str], query: str):
    """TF-IDF rows of the documents and of the query (L2-normalised, so a dot product is the cosine)."""
    # scikit-learn is imported here, not with the module: it adds ~1.4 s to every process that loads the URLs
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words=sorted(ENGLISH_STOP_WORDS | RECORD_WORDS), sublinear_tf=True, token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b")
    try:
        matrix = vectorizer.fit_transform([*docs, query])
    except ValueError:  # nothing but stop words
        return None, None, None
    return matrix[:-1], matrix[-1], vectorizer.get_feature_names_out()


def _shared_terms(doc_rows, query_row, names, limit=TOPIC_TERMS) -> list[str]:
    """The query's terms that weigh most in these documents together."""
    import numpy as np  # imported when matching, like scikit-learn: not when the server starts

    weights = np.asarray(doc_rows.multiply(query_row).sum(axis=0)).ravel()
    order = [i for i in np.argsort(-weights, kind="stable") if weights[i] > 0]
    return [str(names[i]) for i in order[:limit]]


# --- partners the university already works with ---------------------------------------------------

def _not_home():
    return Q(is_home=False) & ~home_unit_q()


def partner_institution_ids() -> set[int]:
    ids = set(AgreementParty.objects.exclude(role=AgreementParty.Role.HOME).values_list("institution_id", flat=True))
    ids |= set(ActivityParty.objects.values_list("institution_id", flat=True))
    ids |= set(ProgramPartner.objects.values_list("institution_id", flat=True))
    ids |= set(Application.partner_institutions.through.objects.values_list("institution_id", flat=True))
    return set(Institution.objects.filter(_not_home(), pk__in=ids).values_list("pk", flat=True))


def partner_countries() -> dict[str, int]:
    """Country code -> how many partner institutions the university has there."""
    rows = Institution.objects.filter(pk__in=partner_institution_ids()).exclude(country=None).values_list(
        "country_id", flat=True
    )
    return dict(Counter(rows))


# --- calls ----------------------------------------------------------------------------------------

def call_text(call: Call) -> str:
    disciplines = " ".join(isced.name_of(code) for code in call.disciplines)
    return " ".join([call.title, call.funder, call.positioning, call.requirements, disciplines, call.keywords])


def match_calls(direction: str, *, today: date | None = None, limit: int = 10) -> list[CallMatch]:
    """Open calls ranked by how well their texts fit `direction`, boosted when partners' countries are eligible."""
    calls = list(
        Call.objects.filter(Call.open_q(today)).prefetch_related("countries", "country_groups__countries").order_by("pk")
    )
    if not calls or not direction.strip():
        return []
    docs, query, names = _vectorize([call_text(c) for c in calls], direction)
    if docs is None:
        return []
    scores = (docs @ query.T).toarray().ravel()
    partners = partner_countries()
    country_names = dict(Country.objects.filter(code__in=partners).values_list("code", "name"))
    matches = []
    for index, call in enumerate(calls):
        text_score = float(scores[index])
        if text_score <= 0:
            continue
        eligible = call.eligible_country_codes()
        shared = sorted(eligible & partners.keys(), key=lambda code: (-partners[code], country_names[code]))
        match = CallMatch(call, text_score + (COUNTRY_BOOST if shared else 0.0), text_score,
                          _shared_terms(docs[index], query, names), [country_names[c] for c in shared])
        match.reasons.append(_("Its texts share your terms: %(terms)s.") % {"terms": ", ".join(match.terms)})
        if shared:
            listed = ", ".join(
                ngettext("%(country)s (%(n)d partner)", "%(country)s (%(n)d partners)", partners[c])
                % {"country": country_names[c], "n": partners[c]}
                for c in shared[:5]
            )
            match.reasons.append(_("Open to countries where the university has partners: %(list)s.") % {"list": listed})
        elif not eligible:
            match.reasons.append(_("Open to partners in any country."))
        matches.append(match)
    matches.sort(key=lambda m: (-m.score, m.call.external_deadline or date.max, m.call.pk))
    return matches[:limit]


# --- partners -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Record:
    institution_id: int
    kind: str
    key: int
    year: int | None
    text: str


def _records() -> list[_Record]:
    """Every cooperation record with a partner, one row per (partner, record)."""
    rows: dict[tuple, _Record] = {}
    allowed = partner_institution_ids()

    def add(institution_id, kind, key, when, text):
        if institution_id in allowed:
            year = when.year if when else None
            rows.setdefault((institution_id, kind, key), _Record(institution_id, kind, key, year, text))

    for party in AgreementParty.objects.exclude(role=AgreementParty.Role.HOME).select_related("agreement"):
        a = party.agreement
        areas = " ".join(isced.name_of(code) for code in a.subject_areas)
        add(party.institution_id, "agreement", a.pk, a.signed_on or a.valid_from, f"{a.title} {a.notes} {areas}")
    for party in ActivityParty.objects.select_related("activity"):
        a = party.activity
        add(party.institution_id, "activity", a.pk, a.start_date, f"{a.title} {a.description}")
    for partner in ProgramPartner.objects.select_related("program"):
        p = partner.program
        add(partner.institution_id, "program", p.pk, p.began, f"{p.name} {p.description}")
    links = Application.partner_institutions.through.objects.select_related("application")
    for link in links:
        a = link.application
        add(link.institution_id, "application", a.pk, a.created.date(),
            f"{a.title} {a.research_direction} {isced.name_of(a.discipline)}")
    return sorted(rows.values(), key=lambda r: (r.institution_id, r.kind, r.key))


KIND_LABELS = {
    "agreement": lambda n: ngettext("%(n)d agreement", "%(n)d agreements", n) % {"n": n},
    "activity": lambda n: ngettext("%(n)d activity", "%(n)d activities", n) % {"n": n},
    "program": lambda n: ngettext("%(n)d program", "%(n)d programs", n) % {"n": n},
    "application": lambda n: ngettext("%(n)d past application", "%(n)d past applications", n) % {"n": n},
}
KIND_ORDER = ("activity", "agreement", "program", "application")


def _reason(counts: dict[str, int], topic: str, name: str, since: int | None) -> str:
    parts = [KIND_LABELS[kind](counts[kind]) for kind in KIND_ORDER if counts.get(kind)]
    listed = parts[0] if len(parts) == 1 else _("%(first)s and %(last)s") % {
        "first": ", ".join(parts[:-1]), "last": parts[-1]}
    if since:
        return _("%(records)s on %(topic)s with %(name)s since %(year)d") % {
            "records": listed, "topic": topic, "name": name, "year": since}
    return _("%(records)s on %(topic)s with %(name)s") % {"records": listed, "topic": topic, "name": name}


def match_partners(direction: str, *, limit: int = 10) -> list[PartnerMatch]:
    """Partner institutions ranked by the cooperation records (agreements, activities, programs, past
    applications) whose texts fit `direction`."""
    records = _records()
    if not records or not direction.strip():
        return []
    docs, query, names = _vectorize([r.text for r in records], direction)
    if docs is None:
        return []
    scores = (docs @ query.T).toarray().ravel()
    related = defaultdict(list)
    for index, record in enumerate(records):
        if scores[index] >= MIN_RECORD_SCORE:
            related[record.institution_id].append(index)
    institutions = Institution.objects.in_bulk(list(related))
    matches = []
    for institution_id, indexes in related.items():
        chosen = [records[i] for i in indexes]
        counts = dict(Counter(r.kind for r in chosen))
        terms = _shared_terms(docs[indexes], query, names, limit=1)
        topic = terms[0] if terms else ""
        years = [r.year for r in chosen if r.year]
        since = min(years) if years else None
        name = institutions[institution_id].name
        matches.append(PartnerMatch(institutions[institution_id], float(sum(scores[i] for i in indexes)), counts,
                                    topic, since, _reason(counts, topic, name, since)))
    matches.sort(key=lambda m: (-m.score, m.institution.name, m.institution.pk))
    return matches[:limit]
