"""accord.lib.tabular reads CSV and XLSX tables back: preambles skipped, errors named."""

from datetime import date

import pytest

from accord.lib import tabular

from .conftest import write_csv, write_xlsx


@pytest.mark.parametrize("bom", [True, False])
def test_it_reads_a_utf8_csv_with_or_without_a_byte_order_mark(tmp_path, bom):
    path = write_csv(tmp_path / "a.csv", ["Title", "Signed on"], [["Accord franco-chinois", "2024-05-02"]], bom=bom)
    table = tabular.read("csv", path)
    assert table.columns == ["title", "signed_on"]
    assert list(table.rows) == [(2, {"title": "Accord franco-chinois", "signed_on": "2024-05-02"})]


def test_it_skips_the_hash_preamble_of_a_csv_and_counts_lines_from_the_top(tmp_path):
    path = write_csv(tmp_path / "a.csv", ["title"], [["One"], [""], ["Two"]], preamble=["# Agreements", "# Filters: none", ""])
    assert list(tabular.read("csv", path).rows) == [(5, {"title": "One"}), (7, {"title": "Two"})]


def test_it_skips_the_title_and_filters_rows_of_an_xlsx_and_gives_dates_as_dates(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx", ["Title", "Valid from"], [["BIT–BMSTU", date(2024, 9, 1)]],
        preamble=[["Agreements"], ["Filters: Kind = Fund"], []],
    )
    table = tabular.read("xlsx", path)
    assert table.columns == ["title", "valid_from"]
    assert list(table.rows) == [(5, {"title": "BIT–BMSTU", "valid_from": date(2024, 9, 1)})]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_what_export_writes_reads_back(fmt):
    body = tabular.export(fmt, "People", {"Kind": "Student"}, ["Name", "Start date"], [["Ana, María", date(2024, 9, 1)]])
    rows = list(tabular.read(fmt, body).rows)
    assert [r for _, r in rows] == [{"name": "Ana, María", "start_date": date(2024, 9, 1) if fmt == "xlsx" else "2024-09-01"}]


def test_headers_are_mapped_through_aliases(tmp_path):
    path = write_csv(tmp_path / "a.csv", ["Partner institutions"], [["Hanyang University"]])
    table = tabular.read("csv", path, aliases={"partner_institutions": "partners"})
    assert list(table.rows) == [(2, {"partners": "Hanyang University"})]


@pytest.mark.parametrize(
    "name, expected",
    [("agreements.csv", "csv"), ("Agreements.XLSX", "xlsx")],
)
def test_the_format_comes_from_the_file_name(name, expected):
    assert tabular.format_of(name) == expected


@pytest.mark.parametrize("name", ["agreements.xls", "agreements.json", "agreements"])
def test_it_refuses_an_unknown_format(name):
    with pytest.raises(tabular.TableError, match="unknown file format"):
        tabular.format_of(name)


def test_it_names_a_missing_required_column_and_the_header_line(tmp_path):
    path = write_csv(tmp_path / "a.csv", ["title"], [["x"]], preamble=["# Agreements"])
    with pytest.raises(tabular.TableError, match="line 2: missing required column kind"):
        tabular.read("csv", path, required=["title", "kind"])


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n", b"# Agreements\n# Filters: none\n"])
def test_it_refuses_an_empty_csv(tmp_path, content):
    path = tmp_path / "a.csv"
    path.write_bytes(content)
    with pytest.raises(tabular.TableError, match="empty"):
        tabular.read("csv", path)


def test_it_refuses_an_empty_workbook(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [], [])
    with pytest.raises(tabular.TableError, match="empty"):
        tabular.read("xlsx", path)


def test_it_refuses_a_csv_that_is_not_utf8(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("title\nUniversité\n".encode("latin-1"))
    with pytest.raises(tabular.TableError, match="not UTF-8"):
        tabular.read("csv", path)


def test_it_refuses_a_file_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"title\nnot a zip\n")
    with pytest.raises(tabular.TableError, match="not an XLSX workbook"):
        tabular.read("xlsx", path)


def test_it_names_the_line_of_a_row_with_more_cells_than_the_header(tmp_path):
    path = write_csv(tmp_path / "a.csv", ["title"], [["a"], ["b", "extra"]])
    with pytest.raises(tabular.TableError, match="line 3"):
        list(tabular.read("csv", path).rows)
