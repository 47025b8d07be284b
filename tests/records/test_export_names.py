"""An export's file name: the list, each filter set and its value, the day; short and plain ASCII."""

from datetime import date

from accord.records.export import FILE_NAME_LENGTH, export_file_name

DAY = date(2026, 12, 2)


def test_the_name_is_the_list_then_each_filter_and_value_then_the_day():
    applied = [("status", "Status", "Active", "active"), ("country", "Partner country", "Korea", "korea")]
    assert export_file_name("Agreements", applied, "csv", today=DAY) == "agreements-status-active-country-korea-2026-12-02.csv"


def test_an_unfiltered_export_is_the_list_and_the_day():
    assert export_file_name("Agreements", [], "xlsx", today=DAY) == "agreements-2026-12-02.xlsx"


def test_a_value_with_no_ascii_letters_keeps_the_filter_s_name():
    applied = [("q", "Search", "北京理工", ""), ("open", "Open now", "yes", "")]
    assert export_file_name("Calls", applied, "csv", today=DAY) == "calls-q-open-2026-12-02.csv"


def test_a_long_name_is_cut_before_the_day():
    applied = [(f"f{i}", "F", "x" * 40, "x" * 40) for i in range(10)]
    name = export_file_name("Agreements", applied, "csv", today=DAY)
    assert name.endswith("-2026-12-02.csv") and len(name) <= FILE_NAME_LENGTH + len("-2026-12-02.csv")
    assert '"' not in name and "/" not in name
