"""Sizes shared by every app: one place to change a page size, a batch size or a truncation."""

PAGE_SIZE = 50  # rows per page of a web list
CHANGE_REASON_LENGTH = 100  # simple-history's history_change_reason column
READ_CHUNK = 2000  # rows read from the database at a time when streaming a whole table
BATCH_SIZE = 500  # rows per INSERT when records are written in bulk
HISTORY_LIMIT = 100  # changes shown on a record's (or an account's) page
LISTED_IN_MESSAGE = 20  # names, warnings or differences one message lists before "and N more"
EXCEL_SHEET_NAME = 31  # the longest sheet name Excel accepts


def fit(model, field: str, value: str) -> str:
    """`value` cut to the length of the column `model.field` (a CharField): the one way a text is
    truncated to fit where it is stored. No Django import: it reads the model's own _meta."""
    return value[: model._meta.get_field(field).max_length]
