"""The letter, requests and operators commands, end to end through ``faceaudit.cli.main``."""

from __future__ import annotations

import email
import hashlib
import io
import json
from pathlib import Path

import docx
import numpy as np
import pytest
from pypdf import PdfReader

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "cli letters passphrase 7"
DATENANFRAGEN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "controllers" / "datenanfragen"
)
PAGES = (
    (
        "https://www.instagram.com/p/Cx1/",
        "https://scontent-cdg4-1.cdninstagram.com/v/t51/photo_1.jpg",
    ),
    ("https://blog.example.org/team", "https://blog.example.org/img/team.jpg"),
)


def _thumbnail() -> bytes:
    import cv2
    import insightface

    photo = (Path(insightface.__file__).parent / "data" / "images" / "t1.jpg").read_bytes()
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[:160, :160], (80, 80)))
    assert ok
    return encoded.tobytes()


def _match(seed: int) -> FaceMatch:
    vector = np.random.default_rng(seed).standard_normal(512).astype(np.float32)
    box = (10.0 + seed, 20.0, 110.0 + seed, 140.0)
    marks = ((40.0, 60.0), (80.0, 60.0), (60.0, 90.0), (45.0, 115.0), (75.0, 115.0))
    face = Face(bbox=box, landmarks=marks, det_score=0.9, embedding=vector / np.linalg.norm(vector))
    return FaceMatch(face=face, similarity=0.7, verdict=Verdict.MATCH, reference_index=0)


@pytest.fixture
def case_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A real case with two confirmed findings, one on Instagram; the passphrase is in the
    environment."""
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(
        full_name="Marie Dupont",
        email="marie@example.org",
        postal_address="12 rue des Lilas\n75011 Paris",
        country="FR",
        language="fr",
    )
    with store.create("marie", PASSPHRASE, person=person) as case:
        scan = case.start_scan({})
        thumbnail = _thumbnail()
        for seed, (page, image) in enumerate(PAGES):
            sha = hashlib.sha256(image.encode()).hexdigest()
            provenance = Provenance(
                source=page,
                page_url=page,
                image_url=image,
                found_by="img",
                fetched_at="2026-01-10T09:00:00Z",
                sha256=sha,
            )
            case.record_image(scan, provenance)
            finding = case.add_finding(scan, sha, provenance, _match(seed), thumbnail)
            case.review(finding, "confirmed")
        case.finish_scan(scan, {}, "done")
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return "marie"


def one_shot(letter_type: str, jurisdiction: str, lang: str, controller: str) -> list[str]:
    """The start of a one-shot `letter` command line for the person J (address A)."""
    return [
        "letter",
        "--type",
        letter_type,
        "--jurisdiction",
        jurisdiction,
        "--lang",
        lang,
        "--controller",
        controller,
        "--name",
        "J",
        "--address",
        "A",
        "--email",
        "j@example.org",
    ]


def _pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_one_shot_letter_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status = main(
        [
            "letter",
            "--type",
            "erasure",
            "--jurisdiction",
            "eu",
            "--lang",
            "en",
            "--controller",
            "clearview.ai",
            "--name",
            "Jane Roe",
            "--address",
            "1 Main Street\\nDublin 2",
            "--email",
            "jane@example.org",
            "--url",
            "https://www.clearview.ai/r/1",
            "--url",
            "https://cdn.clearview.ai/i/2.jpg",
            "--format",
            "pdf,docx,txt,eml",
            "-o",
            str(out),
        ]
    )
    assert status == 0
    printed = capsys.readouterr().out
    files = sorted(p.suffix for p in out.iterdir())
    assert files == [".docx", ".eml", ".pdf", ".txt", ".txt"]  # .txt and .mailto.txt
    pdf = _pdf_text(next(out.glob("*.pdf"))).replace("\n", "")
    assert (
        "Clearview AI, Inc." in pdf
        and "Art. 17(2) GDPR" in pdf
        and "https://cdn.clearview.ai/i/2.jpg" in pdf
    )
    text = "\n".join(p.text for p in docx.Document(next(out.glob("*.docx"))).paragraphs)
    assert "Jane Roe" in text and "Art. 19 GDPR" in text
    message = email.message_from_bytes(next(out.glob("*.eml")).read_bytes())
    assert "legal-requests@clearview.ai" in message["To"]
    assert (
        (out / next(out.glob("*.mailto.txt")).name)
        .read_text()
        .startswith("mailto:legal-requests@clearview.ai?subject=")
    )
    assert "Verify before sending" in printed  # medium confidence in the notes


def test_one_shot_single_file_output(tmp_path: Path) -> None:
    target = tmp_path / "letter.txt"
    assert (
        main(
            [
                *one_shot("access", "uk", "en", "https://pbs.twimg.com/media/a.jpg"),
                "--format",
                "txt",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    text = target.read_text("utf-8")
    assert "Twitter International Unlimited Company" in text and "Art. 15(3) UK GDPR" in text


def test_objection_without_reason_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            *one_shot("objection", "eu", "en", "pimeyes"),
            "-o",
            str(tmp_path),
        ]
    )
    assert status == 1
    assert "--reason" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_unknown_operator_asks_for_its_details(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        *one_shot("access", "eu", "de", "https://kleiner-blog.example/team"),
        "--format",
        "txt",
        "-o",
        str(tmp_path / "l.txt"),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--operator-name" in err and "--operator-address" in err and "privacy policy" in err
    assert (
        main(
            [
                *args,
                "--operator-name",
                "Kleiner Blog GmbH",
                "--operator-email",
                "datenschutz@kleiner-blog.example",
            ]
        )
        == 0
    )
    text = (tmp_path / "l.txt").read_text("utf-8")
    assert "Kleiner Blog GmbH" in text and "Art. 15 Abs. 3 DSGVO" in text
    # The person typed these details: no "the directory's details are of medium confidence".
    assert "Verify before sending" not in capsys.readouterr().out


def test_missing_personal_details_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "letter",
                "--type",
                "access",
                "--jurisdiction",
                "eu",
                "--controller",
                "reddit",
                "--name",
                "J",
                "-o",
                str(tmp_path),
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "--address" in err and "--email" in err


def test_complaint_picks_the_authority_by_country(tmp_path: Path) -> None:
    target = tmp_path / "complaint.txt"
    assert (
        main(
            [
                *one_shot("complaint", "eu", "fr", "clearview-ai"),
                "--country",
                "FR",
                "--original-date",
                "2026-01-05",
                "--format",
                "txt",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    text = target.read_text("utf-8")
    assert text.count("Commission nationale de l'informatique et des libertés") >= 1
    assert "5 janvier 2026" in text and "article 77 du RGPD" in text


def test_case_letter_tracking_reminder_and_complaint(
    case_name: str, sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "letter",
                "--case",
                case_name,
                "--type",
                "access",
                "--jurisdiction",
                "eu",
                "--controller",
                "instagram.com",
                "--format",
                "pdf",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "Letter 1 drafted" in printed
    [pdf] = (sandbox_home / "exports" / case_name).glob("*.pdf")
    text = _pdf_text(pdf).replace("\n", "")
    # Person and findings come from the case (French by default); only one finding is Meta's.
    assert "Marie Dupont" in text and "Meta Platforms Ireland Limited" in text
    assert "cdninstagram.com/v/t51/photo_1.jpg" in text and "blog.example.org" not in text
    assert "article 15, paragraphe 3, du RGPD" in text and "FA-1" in text

    assert main(["requests", "--case", case_name, "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "draft" and row["findings"] == [1]

    assert (
        main(
            [
                "requests",
                "mark",
                "--case",
                case_name,
                "1",
                "sent",
                "--date",
                "2026-01-31",
                "--channel",
                "webform",
            ]
        )
        == 0
    )
    assert "2026-03-02" in capsys.readouterr().out  # 28 Feb 2026 is a Saturday
    assert main(["requests", "--case", case_name, "--json", "--today", "2026-03-03"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (
        row["status"] == "overdue"
        and row["next_step"] == "reminder"
        and row["due_at"] == "2026-03-02"
    )
    assert main(["requests", "--case", case_name, "--today", "2026-03-03"]) == 0
    assert "--type reminder --request 1" in capsys.readouterr().out

    out = sandbox_home / "reminder"
    assert (
        main(
            [
                "letter",
                "--case",
                case_name,
                "--type",
                "reminder",
                "--request",
                "1",
                "--format",
                "txt",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    reminder = next(out.glob("*.txt")).read_text("utf-8")
    assert "31 janvier 2026" in reminder and "2 mars 2026" in reminder and "FA-1" in reminder
    capsys.readouterr()
    assert (
        main(
            [
                "requests",
                "mark",
                "--case",
                case_name,
                "2",
                "sent",
                "--date",
                "2026-03-04",
                "--channel",
                "email",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "letter",
                "--case",
                case_name,
                "--type",
                "complaint",
                "--request",
                "2",
                "--authority",
                "frcnil",
                "--format",
                "txt",
                "-o",
                str(out / "c.txt"),
            ]
        )
        == 0
    )
    complaint = (out / "c.txt").read_text("utf-8")
    assert "Commission nationale" in complaint and "article 77 du RGPD" in complaint
    assert "relance" in complaint  # the history lists the reminder too
    capsys.readouterr()
    assert main(["requests", "--case", case_name, "--json", "--today", "2026-04-01"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows[3]["type"] == "complaint" and rows[3]["follows_up"] == rows[1]["request_id"]
    assert rows[1]["next_step"] is None and rows[2]["next_step"] is None

    assert (
        main(["requests", "mark", "--case", case_name, "1", "answered", "--date", "2026-04-02"])
        == 0
    )
    assert (
        main(["requests", "mark", "--case", case_name, "1", "closed", "--note", "data received"])
        == 0
    )


def test_case_letter_with_thumbnails_warns(
    case_name: str, sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = sandbox_home / "thumbs"
    assert (
        main(
            [
                "letter",
                "--case",
                case_name,
                "--type",
                "erasure",
                "--lang",
                "en",
                "--controller",
                "meta",
                "--findings",
                "1,2",
                "--include-thumbnails",
                "--format",
                "eml,docx",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert "biometric data" in capsys.readouterr().out
    message = email.message_from_bytes(next(out.glob("*.eml")).read_bytes())
    names = sorted(p.get_filename() for p in message.walk() if p.get_filename())
    assert names == ["annex.pdf", "face-1.jpg", "face-2.jpg"]
    document = docx.Document(next(out.glob("*.docx")))
    assert len(document.inline_shapes) == 2
    assert any("biometric data" in p.text for p in document.paragraphs)
    annex = PdfReader(
        io.BytesIO(
            next(p for p in message.walk() if p.get_filename() == "annex.pdf").get_payload(
                decode=True
            )
        )
    )
    assert "blog.example.org/img/team.jpg" in "".join(
        page.extract_text() for page in annex.pages
    ).replace("\n", "")


def test_requests_need_a_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["requests"]) == 2
    assert "--case" in capsys.readouterr().err


def test_operators_add_and_find(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "operators",
                "add",
                "--name",
                "Tiny Blog Ltd",
                "--email",
                "dpo@tinyblog.example",
                "--domain",
                "tinyblog.example",
            ]
        )
        == 0
    )
    assert main(["operators", "find", "https://www.tinyblog.example/p/1", "--json"]) == 0
    capsys.readouterr()
    assert main(["operators", "find", "https://www.tinyblog.example/p/1", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["slug"] == "tiny-blog-ltd" and found[0]["provenance"] == "local"
    assert main(["operators", "find", "fbcdn.net"]) == 0
    assert "Meta Platforms Ireland Limited" in capsys.readouterr().out


def test_operators_import_the_shared_copy(capsys: pytest.CaptureFixture[str]) -> None:
    if not (DATENANFRAGEN / "companies").is_dir():
        pytest.skip(f"the shared datarequests.org copy is absent ({DATENANFRAGEN})")
    assert main(["operators", "import", str(DATENANFRAGEN)]) == 0
    assert "57 supervisory authorities" in capsys.readouterr().out
    assert main(["operators", "find", "CNIL", "--kind", "authority", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["slug"] == "frcnil"
    assert main(["operators", "find", "clearview.ai", "--json"]) == 0
    clearview = json.loads(capsys.readouterr().out)[0]
    assert clearview["slug"] == "clearview-ai" and "datarequests.org" in clearview["also_in"]


def test_bad_arguments_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["letter", "--type", "access", "--format", "odt"])
    assert caught.value.code == 2


def test_operators_import_from_a_url(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import http.server
    import threading
    import zipfile

    if not (DATENANFRAGEN / "companies").is_dir():
        pytest.skip(f"the shared datarequests.org copy is absent ({DATENANFRAGEN})")
    archive = tmp_path / "site" / "data-master.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as bundle:
        for name in ("companies/clearview-ai.json", "supervisory-authorities/frcnil.json"):
            bundle.write(DATENANFRAGEN / name, f"data-master/{name}")
    (archive.parent / "index.html").write_text("<html><body>not an archive</body></html>")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(archive.parent), **kwargs)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert main(["operators", "import", f"{base}/data-master.zip"]) == 0
        assert "1 operators and 1 supervisory authorities" in capsys.readouterr().out
        assert main(["operators", "find", "clearview.ai", "--json"]) == 0
        assert "datarequests.org" in json.loads(capsys.readouterr().out)[0]["also_in"]
        # A page instead of an archive: a clear failure, and the earlier import stays.
        assert main(["operators", "import", f"{base}/index.html"]) == 1
        assert "returned a web page, not a .zip or .tar.gz" in capsys.readouterr().err
        assert main(["operators", "find", "clearview.ai", "--json"]) == 0
        assert "datarequests.org" in json.loads(capsys.readouterr().out)[0]["also_in"]
    finally:
        server.shutdown()
        server.server_close()


def _one_shot_reminder(target: Path, original: str, date: str) -> int:
    return main(
        [
            *one_shot("reminder", "eu", "en", "instagram.com"),
            "--url",
            "https://www.instagram.com/p/1/",
            "--original-date",
            original,
            "--original-type",
            "access",
            "--date",
            date,
            "--format",
            "txt",
            "-o",
            str(target),
        ]
    )


def test_one_shot_reminder_counts_the_original_period_with_the_controllers_holidays(
    tmp_path: Path,
) -> None:
    # 17 Feb 2026 + one month = 17 March, St Patrick's Day in Ireland, where Meta's EU
    # controller acts: the period ended on 18 March, as the first letter itself said.
    target = tmp_path / "reminder.txt"
    assert _one_shot_reminder(target, "2026-02-17", "2026-03-25") == 0
    assert "The period for your answer ended on 18 March 2026" in target.read_text("utf-8")


def test_one_shot_reminder_before_the_period_ended_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "reminder.txt"
    assert _one_shot_reminder(target, "2026-02-17", "2026-02-20") == 1
    err = capsys.readouterr().err
    assert "has not ended: it runs until 2026-03-18" in err and "2026-03-19" in err
    assert not target.exists()


def _without_jurisdiction(letter_type: str, controller: str, country: str | None) -> list[str]:
    args = one_shot(letter_type, "eu", "en", controller)
    at = args.index("--jurisdiction")
    del args[at : at + 2]
    return [*args, *(["--country", country] if country else [])]


@pytest.mark.parametrize(
    ("country", "controller", "expected", "reason"),
    [
        ("GB", "clearview.ai", "uk", "you live in the United Kingdom"),
        ("US-CA", "clearview.ai", "ca", "you live in US-CA"),
        ("FR", "clearview.ai", "eu", "you live in FR, in the EU/EEA"),
        (None, "instagram.com", "eu", "the operator is established in IE"),
    ],
)
def test_the_law_is_chosen_from_where_the_person_lives_and_said(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    country: str | None,
    controller: str,
    expected: str,
    reason: str,
) -> None:
    target = tmp_path / "letter.txt"
    args = _without_jurisdiction("access", controller, country)
    assert main([*args, "--format", "txt", "-o", str(target)]) == 0
    printed = capsys.readouterr().out
    assert reason in printed and "Law:" in printed
    act = {"uk": "Art. 15 UK GDPR", "ca": "Cal. Civ. Code § 1798.110", "eu": "Art. 15 GDPR"}
    assert act[expected] in target.read_text("utf-8")


def test_a_us_resident_without_a_state_is_asked_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _without_jurisdiction("access", "clearview.ai", "US")
    assert main([*args, "-o", str(tmp_path)]) != 0
    assert "US-CA" in capsys.readouterr().err and not list(tmp_path.iterdir())


def test_a_law_that_does_not_cover_the_person_is_warned_about(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*one_shot("access", "ca", "en", "clearview.ai"), "--country", "FR"]
    assert main([*args, "--format", "txt", "-o", str(tmp_path / "l.txt")]) == 0
    assert "Warning:" in capsys.readouterr().out
    assert "I live in California" not in (tmp_path / "l.txt").read_text("utf-8")


def test_typed_urls_carry_no_found_date(tmp_path: Path) -> None:
    target = tmp_path / "l.txt"
    args = [*one_shot("access", "eu", "en", "instagram.com"), "--url", "https://x.org/a.jpg"]
    assert main([*args, "--format", "txt", "-o", str(target)]) == 0
    text = target.read_text("utf-8")
    assert "https://x.org/a.jpg" in text and "Found:" not in text


def _mark(case_name: str, *args: str) -> int:
    return main(["requests", "mark", "--case", case_name, *args])


def test_marking_dates_warns_refuses_late_extensions_and_pauses_uk_clocks(
    case_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    drafted = [
        "letter", "--case", case_name, "--type", "access", "--controller", "instagram.com",
        "--format", "txt", "--date", "2026-03-02",
    ]  # fmt: skip
    assert main([*drafted, "--jurisdiction", "eu"]) == 0
    assert main([*drafted, "--jurisdiction", "uk"]) == 0
    capsys.readouterr()
    # Sent by post before the letter's own date: both are warned about, nothing refused.
    assert _mark(case_name, "1", "sent", "--date", "2026-02-20", "--channel", "post") == 0
    printed = capsys.readouterr().out
    assert "before that date" in printed and "--received" in printed
    # An extension announced after the month ended is refused, then kept on record with --late.
    late = ["1", "extended", "--announced", "2026-04-01"]
    assert _mark(case_name, *late) != 0
    assert "--late" in capsys.readouterr().err
    assert _mark(case_name, *late, "--late") == 0
    assert "does not count" in capsys.readouterr().out
    # The UK request: the clock pauses while ID is awaited and resumes later.
    assert _mark(case_name, "2", "sent", "--date", "2026-03-02", "--channel", "email") == 0
    assert _mark(case_name, "2", "paused", "--date", "2026-03-05") == 0
    assert _mark(case_name, "2", "resumed", "--date", "2026-03-14") == 0
    assert "answer due 2026-04-13" in capsys.readouterr().out
    assert _mark(case_name, "1", "paused", "--date", "2026-03-05") != 0
    assert "Only UK law" in capsys.readouterr().err


def test_a_swiss_objection_needs_no_reason(tmp_path: Path) -> None:
    command = [*one_shot("objection", "ch", "de", "pimeyes"), "--url", "https://x.ch/a.jpg"]
    assert main([*command, "--format", "txt", "-o", str(tmp_path)]) == 0
    [letter] = tmp_path.glob("*.txt")
    assert "Meine Gründe" not in letter.read_text("utf-8")
