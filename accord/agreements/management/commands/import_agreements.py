from accord.records.tableimport_command import TableImportCommand


class Command(TableImportCommand):
    kind = "agreements"
