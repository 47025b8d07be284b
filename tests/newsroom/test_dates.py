"""Dates: absolute, partial and relative to the publication date; the publication date itself."""

from datetime import date

import pytest

from accord.newsroom.pipeline.dates import find_dates, header_date, period_end, publication_date, resolve, url_date
from accord.newsroom.pipeline.document import DateValue

ANCHOR = date(2024, 10, 10)  # a Thursday


def first(text, anchor=ANCHOR):
    for match in find_dates(text):
        value = resolve(match, anchor)
        if value is not None:
            return value.iso()
    return None


@pytest.mark.parametrize("text, expected", [
    ("signed on Sep 30 by video link", "2024-09-30"),
    ("signed on September 13, 2017 in Valmont", "2017-09-13"),
    ("the 2nd of March 2022", "2022-03-02"),
    ("held on 14 May 2025", "2025-05-14"),
    ("the visit on 03/05/2024", "2024-05-03"),
    ("the June 2023 summit", "2023-06"),
    ("the trip from August 28 to September 2", "2024-08-28"),
    ("the call runs 1st June – 30th June 2019", "2019-06-01"),
    ("on the 7th and 8th of July 2020", "2020-07-07"),
    ("on Tuesday the delegation arrived", "2024-10-08"),
    ("guests came last month", "2024-09"),
    ("the forum held this past May", "2024-05"),
    ("in December the partners met", "2023-12"),
    ("the agreement first signed in 1998", None),
    ("the two sides met recently", None),
    ("they may 5 more times meet", None),
])
def test_it_resolves_dates_against_the_publication_date(text, expected):
    assert first(text) == expected


def test_a_date_without_a_year_and_without_a_publication_date_keeps_month_and_day():
    assert first("signed on Sep 30", anchor=None) == "--09-30"


def test_a_weekday_beside_a_full_date_adds_nothing():
    assert [m.kind for m in find_dates("received on Friday 14/06/2024 a delegation")] == ["numeric"]


@pytest.mark.parametrize("raw, expected", [
    (" date 2023-02-01 \nText.", date(2023, 2, 1)),
    ("Oranje news\nPosted: 2022-11-30\nText.", date(2022, 11, 30)),
    ("Headline\nMarch 3, 2021\nText.", date(2021, 3, 3)),
    ("Headline\n7 January 2020\nText.", date(2020, 1, 7)),
    ("Headline\nOn March 3, 2021, a long sentence that reports an event and goes on for quite a while to be prose.", None),
])
def test_it_reads_the_publication_date_from_a_date_line_near_the_top(raw, expected):
    assert header_date(raw)[0] == expected


@pytest.mark.parametrize("url, expected", [
    ("https://news.example.edu/2019/0704/c12a34/page.htm", date(2019, 7, 4)),
    ("https://example.org/2021-08/31/c_1.htm", date(2021, 8, 31)),
    ("https://example.org/news/2020/05/17/title/", date(2020, 5, 17)),
    ("https://example.org/news/title", None),
])
def test_it_reads_the_date_path_of_a_url(url, expected):
    assert url_date(url) == expected


def test_the_published_field_wins():
    assert publication_date("March 3, 2021\nText", "https://x.org/2020/01/02/a", date(2022, 2, 2))[0] == date(2022, 2, 2)


def test_a_published_month_anchors_at_its_last_day_with_month_precision():
    assert publication_date("Text", "", DateValue(2021, 1)) == (date(2021, 1, 31), "published field", "month")


def test_a_published_year_anchors_at_its_last_day_with_year_precision():
    assert publication_date("Text", "", DateValue(2021)) == (date(2021, 12, 31), "published field", "year")


def test_a_page_date_within_a_partial_published_value_gives_the_day():
    assert publication_date("January 12, 2021\nText", "", DateValue(2021, 1))[0] == date(2021, 1, 12)
    assert publication_date("March 3, 2020\nText", "", DateValue(2021, 1))[0] == date(2021, 1, 31)


def test_a_year_and_month_in_the_url_anchor_to_the_month_only():
    assert publication_date("Text", "https://example.org/2021-08/c_1.htm")[1:] == ("URL date path", "month")


@pytest.mark.parametrize("text, precision, expected", [
    ("the delegation arrived on Tuesday", "month", None),  # a weekday needs the day of publication
    ("the delegation arrived last month", "year", None),
    ("the delegation arrived last month", "month", "2020-12"),
    ("signed on May 5", "year", "2021-05-05"),
    ("signed on May 5", "month", "2020-05-05"),  # after a January publication: the year before
])
def test_a_partial_anchor_resolves_only_what_its_precision_allows(text, precision, expected):
    anchor = period_end(DateValue(2021, 1 if precision == "month" else None))
    values = [resolve(m, anchor, precision) for m in find_dates(text)]
    assert next((v.iso() for v in values if v is not None), None) == expected


def test_a_weekday_with_day_and_month_in_figures_reads_day_first_without_a_page_date():
    assert first("the ambassador visited on Wednesday (1/12), at the rector's office", anchor=None) == "--12-01"


@pytest.mark.parametrize("text, expected", [
    ("the delegation came on Wednesday (3/4) to the campus", "2024-04-03"),  # 3 April 2024 is a Wednesday
    ("the delegation came on Monday (3/4) to the campus", "2024-03-04"),  # 4 March 2024 is a Monday
    ("the delegation came on Friday (3/4) to the campus", "2024-04-03"),  # neither: day first
])
def test_a_weekday_with_figures_takes_its_year_from_the_page_and_its_order_from_the_weekday(text, expected):
    assert first(text, anchor=date(2024, 4, 10)) == expected


def test_a_weekday_before_the_day_of_the_month_repeats_it():
    assert [m.kind for m in find_dates("On Saturday the 3rd of October, 2009, they signed")] == ["dm"]


def test_a_dateline_is_where_and_when_the_report_was_filed_not_the_event():
    from accord.newsroom.pipeline.dates import dateline

    text = "Beirut, 06/10/2009- On Saturday the 3rd of October, 2009, the presidents signed"
    assert [dateline(text, m) for m in find_dates(text)] == [True, False]
    text = "DHAKA, Nov. 24 (Xinhua) -- The classroom, opened on 21 November, is the first"
    assert [dateline(text, m) for m in find_dates(text)] == [True, False]
