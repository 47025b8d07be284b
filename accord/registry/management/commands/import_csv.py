from accord.registry.importers import ImportCommand


class Command(ImportCommand):
    importer_name = "csv"
