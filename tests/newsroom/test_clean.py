"""Step `clean`: plain text out of text, HTML and Markdown, page furniture removed."""

import pytest

from accord.newsroom.pipeline import Document
from accord.newsroom.pipeline.clean import clean, clean_text, guess_format


def test_it_keeps_the_text_of_html_and_drops_scripts_navigation_and_share_links():
    html = (
        "<html><head><script>var x = 1;</script><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Valmont welcomes a delegation</h1><p>Université de Valmont received guests &amp; friends.</p>"
        "<p>Share</p><footer>Contact us</footer></body></html>"
    )
    text, fmt = clean_text(html)
    assert fmt == "html"
    assert text == "Valmont welcomes a delegation\n\nUniversité de Valmont received guests & friends."


def test_it_reads_markdown_links_and_headings_as_text():
    text, fmt = clean_text("# Forum opens\n\nThe [Oranje University](https://example.org) hosted **a forum**.\n\n![photo](1.jpg)")
    assert fmt == "markdown"
    assert text == "Forum opens\n\nThe Oranje University hosted a forum."


@pytest.mark.parametrize("line", [
    "copy", "Top of page", "Main text", "More on this topic", "1.png", "IMG_2041.JPG", "By: Jane Roe",
    "author: editor: translator: Sep 09, 2019", "Home > News & Events > Content", "L M S",
    "Also read Oranje signs MoU", "Welcome to Northbridge University!", "August 31, 2021", "Date:2024-10-10",
])
def test_it_drops_page_furniture_lines(line):
    text, _ = clean_text(f"First real sentence.\n{line}\nLast real sentence.", "text")
    assert text == "First real sentence.\nLast real sentence."


def test_it_repairs_greek_letters_inside_latin_words():
    assert clean_text("The Tϋbingen fund", "text")[0] == "The Tübingen fund"


def test_it_removes_the_crawler_date_line():
    assert clean_text(" date 2024-06-15 \n\nOranje hosted guests.", "text")[0] == "Oranje hosted guests."


def test_plain_text_stays_plain():
    assert guess_format("Lakeside signs MoU with Valmont on 3 May.") == "text"


def test_the_step_puts_a_missing_title_first():
    doc = Document(raw="Lakeside hosted guests from Valmont.", title="Guests from Valmont")
    clean(doc)
    assert doc.text == "Guests from Valmont\n\nLakeside hosted guests from Valmont." and doc.title_offset == 0
