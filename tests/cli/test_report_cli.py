"""``faceaudit report`` and ``requests recheck``: the command-line contract of issue 14."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import stat
from io import BytesIO
from pathlib import Path

import cv2
import numpy as np
import pytest
from pypdf import PdfReader

from faceaudit.cli import main
from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Operator
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "cli report passphrase 14"
PAGE = "http://127.0.0.1:8000/team.html"
IMAGE = "http://127.0.0.1:8000/img/a.jpg"


def _thumbnail() -> bytes:
    import insightface

    photo = Path(insightface.__file__).parent / "data" / "images" / "t1.jpg"
    pixels = cv2.imdecode(np.frombuffer(photo.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    ok, encoded = cv2.imencode(".jpg", cv2.resize(pixels[:120, :120], (96, 96)))
    assert ok
    return encoded.tobytes()


@pytest.fixture
def letter_id(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """A case "camille" (in French) with one confirmed photo and an erasure request about it,
    answered "complied" today, with no scan since."""
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(full_name="Camille Dupont", language="fr", country="FR")
    with store.create("camille", PASSPHRASE, person=person) as case:
        case.add_sources([PAGE])
        scan = case.start_scan({})
        data = b"the photo's bytes"
        prov = Provenance(
            source=PAGE,
            page_url=PAGE,
            image_url=IMAGE,
            found_by="img",
            http_status=200,
            final_url=IMAGE,
            fetched_at="2026-01-05T10:00:00Z",
            byte_size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            content_type="image/jpeg",
        )
        case.record_image(scan, prov)
        vector = np.random.default_rng(1).standard_normal(512).astype(np.float32)
        face = Face(
            (10, 20, 110, 140),
            ((40, 60), (80, 60), (60, 90), (45, 115), (75, 115)),
            0.9,
            vector / np.linalg.norm(vector),
        )
        match = FaceMatch(face=face, similarity=0.7, verdict=Verdict.MATCH, reference_index=0)
        finding = case.add_finding(scan, prov.sha256, prov, match, _thumbnail())
        case.record_checked(scan, [PAGE])
        case.source_done(scan, PAGE, "ok", stats={"pages": 1})
        case.finish_scan(scan, {"pages": 1, "images": 1})
        with case.connection() as conn:  # that scan ran in January
            conn.execute("UPDATE scans SET started_at = '2026-01-05T10:00:00Z'")
        case.review(finding, "confirmed")
        letter = tracking.record_letter(
            case,
            letter_type="erasure",
            jurisdiction="eu",
            language="fr",
            operator=Operator(slug="exemple", name="Exemple SA"),
            finding_ids=(finding,),
        )
        tracking.mark_sent(case, letter, dt.date.today() - dt.timedelta(days=20), "email")
        corrections.record_outcome(case, letter, "complied", dt.date.today())
    return letter


def _text(path: Path) -> str:
    reader = PdfReader(BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())


def test_report_pdf_in_the_case_language(
    letter_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rapport.pdf"
    assert main(["report", "--case", "camille", "--format", "pdf", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Wrote the exposure report (PDF, fr) to {target}" in out
    assert "1 confirmed appearance(s), 1 letter(s) sent" in out
    assert "personal data" in out and "0600" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = _text(target)
    assert "Rapport d'exposition" in text and "Lettres envoyées" in text
    assert "Pas revérifié depuis la réponse du responsable" in text
    assert "faceaudit requests recheck --case camille 1" in text


def test_report_html_from_the_file_name_and_in_english(
    letter_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    assert main(["report", "--case", "camille", "-o", str(target), "--language", "en"]) == 0
    assert "(HTML, en)" in capsys.readouterr().out
    page = target.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "Exposure report" in page and IMAGE in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_report_refusals_are_plain_and_write_nothing(
    letter_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    assert main(["report", "--case", "camille", "-o", str(tmp_path / "report.txt")]) == 2
    assert "give --format pdf|html" in capsys.readouterr().err
    missing = tmp_path / "no-such-folder" / "r.pdf"
    assert main(["report", "--case", "camille", "--format", "pdf", "-o", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "does not exist; nothing was written" in err and "Traceback" not in err
    assert main(["report", "--case", "nobody", "--format", "pdf", "-o", str(tmp_path / "r")]) == 1
    assert "no case named 'nobody'" in capsys.readouterr().err
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "not the passphrase at all")
    assert main(["report", "--case", "camille", "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert "passphrase" in err.lower() and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--case", "camille", "--format", "docx", "-o", str(tmp_path / "r")])
    assert exit_.value.code == 2


def test_requests_show_the_erasure_check(
    letter_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["requests", "--case", "camille"]) == 0
    out = capsys.readouterr().out
    assert "erasure not checked since the answer of" in out
    assert main(["requests", "--case", "camille", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["erasure"]["state"] == "not_checked"
    assert row["erasure"]["findings"] == [1]


def test_recheck_of_a_request_without_a_promise_is_refused(
    letter_id: int, capsys: pytest.CaptureFixture[str], sandbox_home: Path
) -> None:
    store = CaseStore(resolve_paths(sandbox_home))
    with store.open("camille", PASSPHRASE) as case:
        corrections.record_outcome(case, letter_id, "refused", dt.date.today())
    assert main(["requests", "recheck", "--case", "camille", str(letter_id)]) == 1
    err = capsys.readouterr().err
    assert f"Letter {letter_id} has no answer saying the data was erased." in err
    assert "requests outcome" in err


def test_the_clinic_that_made_it_is_named(
    letter_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], sandbox_home: Path
) -> None:
    assert (
        main(
            [
                "clinic", "profile", "--name", "Clinique Vie Privée", "--address",
                "1 rue X\n75011 Paris", "--email", "contact@clinique.example",
            ]
        )
        == 0
    )  # fmt: skip
    target = tmp_path / "r.pdf"
    assert main(["report", "--case", "camille", "-o", str(target), "--language", "en"]) == 0
    text = _text(target)
    assert "Prepared for Camille Dupont" in text
    assert "Prepared by Clinique Vie Privée" in text
    # A profile edited by hand into something unusable: said, and the report made without it.
    config = sandbox_home / "config.toml"
    config.write_text(config.read_text("utf-8").replace('"en"', '"xx"'), "utf-8")
    capsys.readouterr()
    assert main(["report", "--case", "camille", "-o", str(target), "--language", "en"]) == 0
    assert "the clinic profile could not be read" in capsys.readouterr().err
    assert "Prepared by" not in _text(target)
