"""The command-line contract: `accord extract` and `accord ingest`."""

import json

import pytest
from django.core.management import call_command

from accord.newsroom.models import Article, Proposal
from accord.registry.models import Institution, InstitutionName

pytestmark = pytest.mark.django_db


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def database_state():
    from accord.agreements.models import Agreement

    return (
        Institution.objects.count(), InstitutionName.objects.count(), Institution.history.count(),
        Article.objects.count(), Proposal.objects.count(), Agreement.objects.count(),
    )


def test_extract_skips_a_malformed_line_with_its_number_and_writes_the_others(tmp_path, registry, article_text, capsys):
    source = write_lines(tmp_path / "in.jsonl", [
        json.dumps({"id": "good-1", "text": article_text, "published": "2024-03-12"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "x", "published": "12 March"}),
        json.dumps({"id": "good-2", "text": "A sports day was held on campus.", "title": "Sports day"}),
        json.dumps({"id": "month-only", "text": article_text, "published": "2024-03"}),
        json.dumps({"id": "year-only", "text": article_text, "published": "2024"}),
    ])
    before = database_state()
    call_command("extract", "--input", str(source), "--output", str(tmp_path / "out.jsonl"))
    err = capsys.readouterr().err
    assert "in.jsonl:2: skipped" in err and "in.jsonl:3: skipped" in err and '"text"' in err
    assert "in.jsonl:4: skipped" in err and "published" in err
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["good-1", "good-2", "month-only", "year-only"]  # partial dates are anchors
    assert rows[2]["events"][0]["date"] == rows[3]["events"][0]["date"] == "2024-03-08"
    event = rows[0]["events"][0]
    assert set(event) >= {"type", "date", "institutions", "people", "mode", "evidence", "confidence"}
    assert event["type"] == "agreement_signing" and event["date"] == "2024-03-08" and event["mode"] == "online"
    assert {i["name"]: i["role"] for i in event["institutions"]} == {
        "Lakeside Institute of Technology": "home", "Northbridge University": "partner"}
    assert all(set(i) <= {"name", "country", "role", "registry_id"} for i in event["institutions"])
    assert rows[1]["events"] == []
    assert database_state() == before


def test_extract_fails_clearly_when_the_input_is_missing(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="cannot read"):
        call_command("extract", "--input", str(tmp_path / "missing.jsonl"), "--output", str(tmp_path / "o.jsonl"))


def test_ingest_adds_files_and_folders_once(tmp_path, registry, article_text, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "signing.txt").write_text(article_text, encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><body><nav>Home | News</nav><h1>Forum</h1><p>Northbridge University hosted the Arctic "
        "Forum with Lakeside Institute of Technology on 3 May 2024 in London.</p></body></html>", encoding="utf-8")
    (folder / "ignored.pdf").write_bytes(b"%PDF")
    batch = write_lines(tmp_path / "batch.jsonl", [
        json.dumps({"id": "dup", "text": article_text + "\n"}),
        '{"id": 2',
    ])
    call_command("ingest", str(folder), str(batch))
    out, err = capsys.readouterr()
    assert "2 articles added to the review queue, 1 already there, 1 skipped" in out
    assert "batch.jsonl:2: skipped" in err
    html = Article.objects.get(original_format="html")
    assert "Home | News" not in html.text and "<p>" not in html.text
    call_command("ingest", str(folder))
    assert "0 articles added to the review queue, 2 already there" in capsys.readouterr().out
    assert Article.objects.count() == 2
