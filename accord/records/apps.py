from django.apps import AppConfig


class RecordsConfig(AppConfig):
    """The records core: what every cooperation record shares (list, detail, edit and delete views,
    export, table import, history, stored files, version locks and the hooks the apps plug into)."""

    name = "accord.records"
    label = "records"
    verbose_name = "Records"
