from accord.accounts.tableimport_command import TableImportCommand


class Command(TableImportCommand):
    kind = "agreements"
