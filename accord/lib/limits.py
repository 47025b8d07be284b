"""Sizes shared by every app: one place to change a page size, a batch size or a truncation."""

PAGE_SIZE = 50  # rows per page of a web list
CHANGE_REASON_LENGTH = 100  # simple-history's history_change_reason column
READ_CHUNK = 2000  # rows read from the database at a time when streaming a whole table
BATCH_SIZE = 500  # rows per INSERT when records are written in bulk
