"""Step `clean`: plain text, HTML or Markdown in; plain text out, without page furniture."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

SKIP_TAGS = {"head", "title", "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "svg", "iframe",
             "select", "figure", "template"}
BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
              "article", "blockquote", "pre", "hr", "dd", "dt", "main", "figcaption", "td", "th"}

# Lines that are page furniture, not article text.
BOILERPLATE = [
    r"(home|news|menu|search|share|print|email|e-mail|copy|copy link|top of page|main text|back to top|"
    r"more on this topic|related (news|articles|stories)|read more|next|previous|prev|close|subscribe|"
    r"follow us|facebook|twitter|wechat|weibo|linkedin|whatsapp|tweet|like|comments?|print this page|"
    r"news ?& ?events|focus|tags?|font ?size|[a-z]\s+[a-z]\s+[a-z])\s*:?",
    r"(home|news)(\s*[>»/|]\s*[\w&' -]+)+",  # breadcrumbs
    r"\S+\.(png|jpe?g|gif|webp|svg|bmp)",  # image file names such as 1.png
    r"(by|author|editor|translator|publisher|photo|photos|source|reporter|writer|text|photographer)\s*:.*",
    r"(also read|read also|see also|related)\b.*",
    r"share (this|on)\b.*",
    r".*\bnumber of views\b.*",
    r"welcome to [^.!?]{3,80}!?",
    r"[\W\d_]+",  # nothing but punctuation or numbers
    r"\w+'s avatar",
]
_BOILERPLATE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE) + r")\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(by|author|editor|source|reporter)\s*:", re.IGNORECASE)
_CRAWLER_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.IGNORECASE)
_DATE_ONLY = re.compile(
    r"^\s*(date|posted|published|release time|updated)?\s*:?\s*"
    r"(\d{4}-\d{1,2}-\d{1,2}|\w{3,9}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2} \w{3,9},? \d{4})\s*$",
    re.IGNORECASE,
)

# Greek and Cyrillic letters that stand in for Latin ones inside Latin words (a scraping accident).
HOMOGLYPHS = str.maketrans({
    "ϋ": "ü", "ϊ": "ï", "ό": "ó", "ά": "á", "έ": "é", "ο": "o", "α": "a", "е": "e", "а": "a", "о": "o",
    "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ν": "v", "ρ": "p", "τ": "t", "κ": "k",
})
_MIXED_WORD = re.compile(r"\b\w*[A-Za-z]\w*\b")


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))  # in HTML a line break inside text is a space


def html_to_text(markup: str) -> str:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


_MD_RULES = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.MULTILINE), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # quotes
    (re.compile(r"^\s*([-*+]|\d+\.)\s+", re.MULTILINE), ""),  # list markers
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])[*_](\S.*?\S|\S)[*_](?![\w*])"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.MULTILINE), ""),  # rules
]


def markdown_to_text(source: str) -> str:
    # a single line break inside a paragraph is a soft wrap
    source = re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*[^\s#>*+\-\d!|])", " ", source)
    for pattern, replacement in _MD_RULES:
        source = pattern.sub(replacement, source)
    return source


def guess_format(raw: str) -> str:
    if re.search(r"<(p|div|html|body|article|br|span|h[1-6]|a)\b[^>]*>", raw, re.IGNORECASE):
        return "html"
    if re.search(r"^\s{0,3}#{1,6} \S|\[[^\]]+\]\([^)]+\)|^\s*\*\*[^*]+\*\*", raw, re.MULTILINE):
        return "markdown"
    return "text"


CONVERTERS = {"html": html_to_text, "markdown": markdown_to_text, "text": lambda raw: raw}


def repair_homoglyphs(text: str) -> str:
    """Tϋbingen (Greek ϋ) -> Tübingen: only inside words that also hold Latin letters."""
    return _MIXED_WORD.sub(lambda m: m.group(0).translate(HOMOGLYPHS), text)


def clean_text(raw: str, fmt: str = "") -> tuple[str, str]:
    """(plain text, format) for raw input in any of the supported formats."""
    fmt = fmt or guess_format(raw)
    text = CONVERTERS[fmt](raw)
    if fmt == "html":
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " "))
    text = repair_homoglyphs(text)
    lines = []
    for line in text.split("\n"):
        line = _CRAWLER_DATE.sub("", line)
        line = re.sub(r"[ \t\u3000]+", " ", line).strip()
        if line and (_BOILERPLATE.match(line) or _BYLINE.match(line) or _DATE_ONLY.match(line)):
            continue
        if lines and lines[-1] == line:  # the same line twice in a row (a caption repeating a heading)
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"(?<=[\w,;])\n(?=[a-z])", " ", out)  # a hard-wrapped sentence continues in lower case
    return re.sub(r"\n{3,}", "\n\n", out).strip(), fmt


def clean(doc):
    """Adds text, format, title (guessed when absent)"""
    doc.text, doc.format = clean_text(doc.raw, doc.format)
    title = clean_text(doc.title, "text")[0] if doc.title else ""
    head = doc.text[: len(title) + 2000].lower()
    at = 0 if head.startswith(title.lower()) else head.find("\n" + title.lower()) + 1 if title else -1
    if title and at <= 0 and not head.startswith(title.lower()):
        doc.text = f"{title}\n\n{doc.text}" if doc.text else title
        doc.title_offset = 0
    elif title:
        doc.title_offset = at
    elif doc.text:  # no title given: a short first line without a full stop is the headline
        first = doc.text.split("\n", 1)[0].strip()
        if 3 <= len(first.split()) and len(first) <= 160 and not re.search(r"[.!?:]$", first):
            title, doc.title_offset = first, 0
    doc.title = title


clean.needs = ("raw", "format", "title")
clean.adds = ("text", "format", "title", "title_offset")
