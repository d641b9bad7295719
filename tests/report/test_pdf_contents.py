"""The PDF report, read back with pypdf: every section, in French and in English."""

from __future__ import annotations

import datetime as dt
import re
import stat
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from faceaudit.letters import tracking
from faceaudit.letters.texts import format_date
from faceaudit.report import generate
from faceaudit.report.snapshots import snapshots


def pdf_text(path: Path) -> str:
    """The text of every page, whitespace (no-break spaces too) folded to single spaces."""
    reader = PdfReader(BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def squashed(text: str) -> str:
    """Without any whitespace: long URLs are wrapped over lines in the PDF."""
    return re.sub(r"\s+", "", text)


FRENCH_SECTIONS = (
    "Rapport d'exposition",
    "En bref",
    "Dates des analyses",
    "Sources vérifiées",
    "Sources qui n'ont pas pu être vérifiées",
    "Apparitions confirmées",
    "Lettres envoyées",
    "Ce qui a changé depuis le rapport précédent",
    "Que faire maintenant",
)
ENGLISH_SECTIONS = (
    "Exposure report",
    "In short",
    "Scan dates",
    "Sources checked",
    "Sources that could not be checked",
    "Confirmed appearances",
    "Letters sent",
    "What changed since the previous report",
    "What to do next",
)


def test_french_report_in_the_case_language(case, scenario, tmp_path: Path) -> None:
    made = generate(case, "pdf", tmp_path / "rapport.pdf")
    assert made.language == "fr"  # the person's language, as the case records it
    text = pdf_text(made.path)
    for title in FRENCH_SECTIONS:
        assert title in text, title
    today = dt.date.today()
    assert "Camille Dupont" in text and "camille" in text
    assert format_date(today, "fr") in text  # the letters' own date writing
    # Sources: checked ones with their state, the failed one with its reason, the new one.
    flat = squashed(text)
    for url in (scenario.team, scenario.gone_page, scenario.down, scenario.later):
        assert squashed(url) in flat
    assert "Vous apparaissez : 2 visages." in text
    assert "N'a pas pu être lue." in text and scenario.reason in text
    assert "Pas encore analysée." in text
    # Appearances: URLs, still online, gone since the second scan.
    assert squashed("http://127.0.0.1:8000/img/a.jpg") in flat
    assert squashed("http://127.0.0.2:8001/img/b.jpg") in flat
    assert "Toujours en ligne (vue au dernier contrôle)" in text
    assert f"Disparue : la page a été relue le {format_date(today, 'fr')} sans la photo" in text
    # Letters with their deadlines and status, and the erasure checked since the answer.
    assert "FA-1" in text and "FA-2" in text
    assert "Exemple SA" in text and "Autre SARL" in text
    access = tracking.find_request(case, scenario.access_letter)
    assert access is not None
    assert f"Réponse attendue le : {format_date(access.effective_due, 'fr')}" in text
    assert "en retard : pas de réponse dans le délai" in text
    assert "satisfaite" in text and "répondue" in text
    assert "Toujours en ligne : 1 photo sur 2 a été revue" in text
    # What changed since the first report: b removed, a still there, d new.
    assert "Nouvelle : 1 apparition." in text
    assert "Retirée : 1 photo a disparu." in text
    assert "Toujours là : 1 photo." in text
    # Next steps: the overdue request, the erasure not done, the unreviewed match.
    assert "Autre SARL n'a pas répondu à temps à la demande FA-2 : envoyez la relance." in text
    assert "Exemple SA a dit avoir effacé vos données (FA-1), mais 1 photo est toujours" in text
    assert "Examinez la correspondance possible pas encore examinée" in text
    assert "1 source n'a pas pu être vérifiée" in text


def test_english_report_says_the_same(case, scenario, tmp_path: Path) -> None:
    made = generate(case, "pdf", tmp_path / "report.pdf", language="en")
    text = pdf_text(made.path)
    for title in ENGLISH_SECTIONS:
        assert title in text, title
    today = dt.date.today()
    assert format_date(today, "en") in text
    assert "Could not be read." in text and scenario.reason in text
    assert "Not scanned yet." in text
    assert "Still online (seen at the last check)" in text
    assert f"Gone: the page was read again on {format_date(today, 'en')} without the photo" in text
    assert "overdue: no answer in time" in text
    assert "complied (" in text
    assert "Still online: 1 of the 2 photos was seen again" in text
    assert "New: 1 appearance." in text
    assert "Removed: 1 photo is gone." in text
    assert "Still there: 1 photo." in text
    assert "Autre SARL did not answer request FA-2 in time: send the reminder." in text
    assert "Review the possible match not reviewed yet" in text


def test_file_is_private_and_each_report_is_remembered(case, scenario, tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"an older file, world-readable")
    target.chmod(0o644)
    generate(case, "pdf", target, language="en")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob(".*.part"))  # no temporary file left beside it
    kept = snapshots(case)
    assert [s.format for s in kept] == ["pdf", "pdf"]
    entry = case.audit_log()[-1]  # the audit log says a report was made, nothing personal
    assert entry.action == "report_generated"
    assert entry.details == {
        "format": "pdf",
        "language": "en",
        "appearances": 3,
        "letters": 2,
        "snapshot": kept[-1].id,
    }
    assert case.verify_audit().ok
    assert kept[-1].appearances == {
        scenario.still: "seen",
        scenario.removed: "gone",
        scenario.new: "seen",
    }
    # A second report of the same state (the HTML) is compared with the same first report.
    html = generate(case, "html", tmp_path / "report.html", language="en")
    assert html.data.changes is not None
    assert html.data.changes.removed == (scenario.removed,)
    assert html.data.changes.new == (scenario.new,)
    assert html.data.changes.still_there == (scenario.still,)


def test_first_report_says_it_is_the_first(case, builder, tmp_path: Path) -> None:
    case.add_sources(["http://127.0.0.1:8000/team.html"])
    made = generate(case, "pdf", tmp_path / "r.pdf", language="en")
    text = pdf_text(made.path)
    assert "This is the first report for this case" in text
    assert "No scan has been run for this case yet." in text
    assert "Run a first scan of your sources" in text
    assert "You have not confirmed any photo as yours yet." in text


def test_pdf_font_draws_french_and_the_euro_sign(case, scenario, tmp_path: Path) -> None:
    from faceaudit.letters.export import pdf_missing_characters
    from faceaudit.report import REPORT_LANGUAGES, compose, gather

    data = gather(case)
    for language in REPORT_LANGUAGES:  # ß, ¿, ñ, à... and the French no-break spaces
        assert pdf_missing_characters(compose(data, language).text()) == "", language
    assert pdf_missing_characters("€ œ « » ’ é è ê à ç ù É À Ç") == ""


def test_unknown_language_and_format_are_refused_before_writing(case, tmp_path: Path) -> None:
    from faceaudit.report import ReportError

    with pytest.raises(ReportError, match="no report in 'xx'") as error:
        generate(case, "pdf", tmp_path / "r.pdf", language="xx")
    assert "en, fr, de, es, it" in error.value.todo
    with pytest.raises(ReportError, match="no report format"):
        generate(case, "docx", tmp_path / "r.docx")
    assert not list(tmp_path.iterdir())
    assert snapshots(case) == []


def test_unwritable_places_are_said_and_nothing_is_kept(case, tmp_path: Path) -> None:
    from faceaudit.report import ReportError

    with pytest.raises(ReportError, match="is a folder"):
        generate(case, "pdf", tmp_path)
    with pytest.raises(ReportError, match="does not exist"):
        generate(case, "pdf", tmp_path / "missing" / "r.pdf")
    assert snapshots(case) == []  # no snapshot of a report that was not written


def test_only_an_ordinary_file_is_replaced(case, tmp_path: Path) -> None:
    import os

    from faceaudit.report import ReportError

    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    victim = tmp_path / "keep.txt"
    victim.write_text("not a report")
    link = tmp_path / "link.pdf"
    link.symlink_to(victim)
    for target in (pipe, link):
        with pytest.raises(
            ReportError,
            match=r"not an ordinary file \(a device, a pipe or a link\); nothing was written",
        ):
            generate(case, "pdf", target)
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and link.is_symlink()
    assert victim.read_text() == "not a report"
    assert snapshots(case) == []
