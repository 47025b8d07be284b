"""Model signals that keep insights.PartnerYear current (see accord.insights.services.rollup)."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from accord.activities.models import Activity, ActivityParty
from accord.agreements.models import Agreement, AgreementParty
from accord.insights.services import rollup
from accord.records.signals import records_created
from accord.registry.models import Institution
from accord.registry.signals import institutions_updated

PARTIES = {AgreementParty: "agreement", ActivityParty: "activity"}  # the party's field naming its record


def _parties_of(record) -> list[int]:
    return list(record.parties.values_list("institution_id", flat=True))


@receiver(pre_save, sender=AgreementParty)
@receiver(pre_save, sender=ActivityParty)
def remember_institution(sender, instance, raw=False, **kwargs):
    """A party edited to another institution: the former one is recomputed after the save."""
    if raw or instance._state.adding:
        instance._rollup_before = None
        return
    instance._rollup_before = sender.objects.filter(pk=instance.pk).values_list("institution_id", flat=True).first()


@receiver(post_save, sender=AgreementParty)
@receiver(post_save, sender=ActivityParty)
def party_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    kind = PARTIES[sender]
    if created:
        rollup.add_party(kind, getattr(instance, kind), instance.institution_id)
    else:  # moved to another institution or record: recompute both sides
        rollup.refresh([instance.institution_id, getattr(instance, "_rollup_before", None)])


@receiver(records_created, sender=AgreementParty)
@receiver(records_created, sender=ActivityParty)
def parties_created(sender, instances, **kwargs):
    """Parties written in bulk (records.services.create_records): recompute their institutions."""
    rollup.refresh({party.institution_id for party in instances})


@receiver(post_delete, sender=AgreementParty)
@receiver(post_delete, sender=ActivityParty)
def party_deleted(sender, instance, **kwargs):
    rollup.refresh([instance.institution_id])


@receiver(post_save, sender=Agreement)
@receiver(post_save, sender=Activity)
def record_saved(sender, instance, created, raw=False, **kwargs):
    """Dates, status or faculty may have changed: recompute its parties (a new record has none yet)."""
    if not created and not raw:
        rollup.refresh(_parties_of(instance))


@receiver(post_save, sender=Institution)
def institution_saved(sender, instance, created, raw=False, **kwargs):
    """Country, kind, coordinates, status, home or parent may have changed (for its units too)."""
    if not created and not raw:
        rollup.refresh([instance.pk, *instance.units.values_list("pk", flat=True)])


@receiver(post_delete, sender=Institution)
def institution_deleted(sender, instance, **kwargs):
    rollup.refresh([instance.pk])


@receiver(institutions_updated)
def institutions_imported(sender, ids, **kwargs):
    rollup.refresh(ids)
