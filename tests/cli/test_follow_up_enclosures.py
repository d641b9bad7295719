"""Follow-ups carry proof (issue 11): a reminder encloses the request it follows up, a
complaint the correspondence and the replies kept — listed in the letter, attached to the
.eml — and the letter lists only what is really attached."""

from __future__ import annotations

import email
import hashlib
from email.message import Message
from pathlib import Path

import numpy as np
import pytest

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "follow-up enclosures passphrase"
PAGE = "https://www.instagram.com/p/Cx1/"
IMAGE = "https://scontent-cdg4-1.cdninstagram.com/v/t51/photo_1.jpg"


def _thumbnail() -> bytes:
    import cv2
    import insightface

    photo = (Path(insightface.__file__).parent / "data" / "images" / "t1.jpg").read_bytes()
    pixels = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[:160, :160], (80, 80)))
    assert ok
    return encoded.tobytes()


@pytest.fixture
def case_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A real case with one confirmed finding on Instagram."""
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(
        full_name="Marie Dupont",
        email="marie@example.org",
        postal_address="12 rue des Lilas\n75011 Paris",
        country="FR",
        language="fr",
    )
    vector = np.random.default_rng(1).standard_normal(512).astype(np.float32)
    marks = ((40.0, 60.0), (80.0, 60.0), (60.0, 90.0), (45.0, 115.0), (75.0, 115.0))
    face = Face((10.0, 20.0, 110.0, 140.0), marks, 0.9, vector / np.linalg.norm(vector))
    match = FaceMatch(face=face, similarity=0.7, verdict=Verdict.MATCH, reference_index=0)
    with store.create("marie", PASSPHRASE, person=person) as case:
        scan = case.start_scan({})
        sha = hashlib.sha256(IMAGE.encode()).hexdigest()
        provenance = Provenance(
            source=PAGE, page_url=PAGE, image_url=IMAGE, found_by="img", sha256=sha
        )
        case.record_image(scan, provenance)
        case.review(case.add_finding(scan, sha, provenance, match, _thumbnail()), "confirmed")
        case.finish_scan(scan, {}, "done")
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return "marie"


def _letter(case: str, letter_type: str, *extra: str) -> None:
    command = ["letter", "--case", case, "--type", letter_type, "--lang", "en", *extra]
    assert main(command) == 0


def _attachments(path: Path) -> dict[str, bytes]:
    message = email.message_from_bytes(path.read_bytes())
    parts: list[Message] = [p for p in message.walk() if p.get_filename()]
    return {str(p.get_filename()): bytes(p.get_payload(decode=True)) for p in parts}  # type: ignore[arg-type]


def _body(path: Path) -> str:
    message = email.message_from_bytes(path.read_bytes())
    plain = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return bytes(plain.get_payload(decode=True)).decode("utf-8")  # type: ignore[arg-type]


def test_reminders_and_complaints_enclose_the_correspondence(
    case_name: str, sandbox_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = sandbox_home / "exports" / case_name
    _letter(case_name, "access", "--controller", "instagram.com", "--format", "pdf,eml")
    [original] = exports.glob("*-FA-1-*.pdf")
    mark = ["requests", "mark", "--case", case_name]
    assert main([*mark, "1", "sent", "--date", "2026-01-05", "--channel", "email"]) == 0

    reminders = tmp_path / "reminders"
    _letter(case_name, "reminder", "--request", "1", "--date", "2026-02-20", "--format", "eml")
    _letter(case_name, "reminder", "--request", "1", "--date", "2026-02-20", "-o", str(reminders))
    [reminder_eml] = exports.glob("*-FA-2-*.eml")
    attached = _attachments(reminder_eml)
    assert attached[original.name] == original.read_bytes()  # the original PDF itself
    assert "annex.pdf" in attached
    text = _body(reminder_eml)
    assert "Enclosures:\n\n- Copy of my letter of 5 January 2026 (request for access, my " in text
    assert "- History of the request, with the dates and channels of sending (annex)" in text
    printed = capsys.readouterr().out
    assert f"attach them yourself: {original.name}." in printed
    assert "Keep proof that you sent this reminder and when" in printed

    # The operator answers; its reply is kept in the case, then the complaint encloses it all.
    assert main([*mark, "2", "sent", "--date", "2026-02-20", "--channel", "email"]) == 0
    reply = tmp_path / "answer.txt"
    reply.write_text("We hold no data about you.", encoding="utf-8")
    outcome = ["requests", "outcome", "--case", case_name, "1", "refused"]
    assert main([*outcome, "--date", "2026-03-01", "--reply", str(reply)]) == 0
    receipt = tmp_path / "post-receipt.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    _letter(
        case_name,
        "complaint",
        "--request",
        "2",
        "--authority",
        "frcnil",
        "--date",
        "2026-03-10",
        "--format",
        "eml",
        "--enclose",
        str(receipt),
    )
    [complaint_eml] = exports.glob("*-FA-4-*.eml")
    attached = _attachments(complaint_eml)
    [reminder_copy] = [name for name in attached if "-FA-2-" in name]
    assert reminder_copy.endswith(".eml")  # the reminder was written as an e-mail draft only
    assert attached[original.name] == original.read_bytes()
    assert attached["FA-1-reply-1-answer.txt"] == reply.read_bytes()
    assert attached["post-receipt.pdf"] == receipt.read_bytes()
    text = _body(complaint_eml)
    for item in (
        "- Copy of my letter of 5 January 2026 (request for access, my reference FA-1)",
        "- Reply from Meta Platforms Ireland Limited received on 1 March 2026",
        "- Copy of my letter of 20 February 2026 (reminder, my reference FA-2)",
        "- post-receipt.pdf",
        "- History of the request, with the dates and channels of sending (annex)",
    ):
        assert item in text, item
    assert "Keep proof that you sent this complaint" in capsys.readouterr().out


def test_a_request_whose_file_is_gone_is_not_claimed_as_enclosed(
    case_name: str, sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = sandbox_home / "exports" / case_name
    _letter(case_name, "access", "--controller", "instagram.com", "--format", "pdf")
    for path in exports.glob("*-FA-1-*"):
        path.unlink()
    mark = ["requests", "mark", "--case", case_name, "1", "sent", "--date", "2026-01-05"]
    assert main([*mark, "--channel", "post"]) == 0
    capsys.readouterr()
    _letter(case_name, "reminder", "--request", "1", "--date", "2026-02-20", "--format", "txt")
    [reminder] = exports.glob("*-FA-2-*.txt")
    text = reminder.read_text("utf-8")
    assert "Copy of my letter" not in text
    assert "Enclosures:\n\n- Images of my face concerned (annex)\n- History of" in text
    printed = capsys.readouterr().out
    assert "FaceAudit has no file of your request of 2026-01-05" in printed


def test_one_shot_follow_ups_enclose_the_files_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "my-request.pdf"
    first.write_bytes(b"%PDF-1.4 the first request")
    command = [
        "letter",
        "--type",
        "reminder",
        "--jurisdiction",
        "eu",
        "--controller",
        "clearview-ai",
        "--name",
        "J",
        "--address",
        "A",
        "--email",
        "j@example.org",
        "--original-date",
        "2026-01-05",
        "--date",
        "2026-02-20",
        "--format",
        "eml",
        "--enclose",
        str(first),
        "-o",
        str(tmp_path / "out"),
    ]
    assert main(command) == 0
    [draft] = (tmp_path / "out").glob("*.eml")
    assert _attachments(draft)["my-request.pdf"] == first.read_bytes()
    assert "- my-request.pdf" in _body(draft)
    capsys.readouterr()
    assert main([*command[:-2], "--type", "access", "--url", "https://x.org/a.jpg"]) != 0
    assert "--enclose is for a reminder or a complaint" in capsys.readouterr().err
    missing = [*command[:-4], "--enclose", str(tmp_path / "nowhere.pdf"), "-o", str(tmp_path)]
    assert main(missing) != 0
    assert "cannot be read" in capsys.readouterr().err
