"""``faceaudit mandate``: draft the client's mandate, record it signed, and the case's letters
become the clinic's, on the client's behalf; bad input says what to do and saves nothing."""

from __future__ import annotations

import email
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from faceaudit.cli import main
from faceaudit.letters.mandates import mandates
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "mandate cli passphrase 7"
PROFILE = [
    "clinic",
    "profile",
    "--name",
    "Clinique Vie Privée",
    "--address",
    "4 place du Droit\\n69001 Lyon",
    "--email",
    "aide@clinique.example",
]


@pytest.fixture
def store(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> CaseStore:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(
        full_name="Marie Dupont",
        email="marie@example.org",
        postal_address="12 rue des Lilas\n75011 Paris",
        country="FR",
        language="fr",
    )
    store.create("marie", PASSPHRASE, person=person).close()
    return store


def _pdf_words(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_draft_record_and_letters_on_the_clients_behalf(
    store: CaseStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No clinic profile yet: said, with the command that sets it.
    assert main(["mandate", "--case", "marie", "-o", str(tmp_path / "m.pdf")]) == 1
    assert "No clinic profile is set" in capsys.readouterr().err
    assert not (tmp_path / "m.pdf").exists()

    assert main([*PROFILE, "--art80"]) == 0
    assert main(["mandate", "--case", "marie", "-o", str(tmp_path / "m.pdf")]) == 0
    out = capsys.readouterr().out
    assert "an Art. 80(1) GDPR mandate in fr" in out and "mandate record --case marie" in out
    words = _pdf_words(tmp_path / "m.pdf")
    assert "Mandat au titre de l'article 80, paragraphe 1, du RGPD" in words
    assert "Marie Dupont" in words and "Clinique Vie Privée" in words
    # Another language, another format; the name's suffix chooses it.
    assert (
        main(["mandate", "--case", "marie", "--language", "it", "-o", str(tmp_path / "m.txt")]) == 0
    )
    assert "Mandato ai sensi dell'art. 80, par. 1, GDPR" in (tmp_path / "m.txt").read_text("utf-8")

    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 signed by Marie")
    assert (
        main(
            [
                "mandate",
                "record",
                "--case",
                "marie",
                "--signed-on",
                "2026-11-20",
                "--file",
                str(scan),
            ]
        )
        == 0
    )
    assert (
        "Recorded mandate 1: an Art. 80(1) GDPR mandate signed on 2026-11-20"
        in capsys.readouterr().out
    )
    assert main(["mandate", "show", "--case", "marie", "--json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)
    assert shown["in_force"] and shown["copy_kept"] and shown["kind"] == "art80"

    out_dir = tmp_path / "letters"
    argv = ["letter", "--case", "marie", "--type", "access", "--controller", "pimeyes"]
    assert main([*argv, "--format", "txt,eml", "-o", str(out_dir)]) == 0
    assert "the e-mail draft (.eml) carries the copy kept in the case" in capsys.readouterr().out
    [text] = (p for p in out_dir.glob("*.txt") if not p.name.endswith(".mailto.txt"))
    letter = text.read_text("utf-8")
    assert letter.startswith("Clinique Vie Privée\n4 place du Droit\n69001 Lyon")
    assert "au nom de Marie Dupont" in letter and "article 80, paragraphe 1, du RGPD" in letter
    [eml] = out_dir.glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes())
    assert "aide@clinique.example" in message["From"]
    assert any(part.get_filename() == "signed.pdf" for part in message.walk())

    # Revoked: the next letter is the client's own again.
    assert main(["mandate", "revoke", "--case", "marie"]) == 0
    assert main([*argv, "--format", "txt", "-o", str(tmp_path / "after")]) == 0
    [after] = (tmp_path / "after").glob("*.txt")
    assert after.read_text("utf-8").startswith("Marie Dupont\n12 rue des Lilas")
    assert "Clinique" not in after.read_text("utf-8")


def test_without_art80_the_document_is_an_authorisation(
    store: CaseStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(PROFILE) == 0
    assert (
        main(["mandate", "--case", "marie", "--language", "de", "-o", str(tmp_path / "v.docx")])
        == 0
    )
    assert "an authorisation letter in de" in capsys.readouterr().out
    # An Art. 80 mandate cannot be recorded for a clinic that is not such a body.
    argv = ["mandate", "record", "--case", "marie", "--signed-on", "2026-11-20"]
    assert main([*argv, "--kind", "art80"]) == 1
    assert "not-for-profit body" in capsys.readouterr().err
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "an authorisation letter signed on 2026-11-20" in out
    assert "no signed copy is kept" in out


def test_bad_input_is_said_and_saves_nothing(
    store: CaseStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*PROFILE, "--art80"]) == 0
    capsys.readouterr()
    record = ["mandate", "record", "--case", "marie", "--signed-on"]
    assert main([*record, "2999-01-01"]) == 1
    assert "in the future" in capsys.readouterr().err
    assert main([*record, "2026-11-20", "--file", str(tmp_path / "missing.pdf")]) == 1
    assert "missing.pdf" in capsys.readouterr().err
    assert main([*record, "2026-11-20", "--file", str(tmp_path)]) == 1  # a folder
    assert capsys.readouterr().err.startswith("faceaudit: ")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert main([*record, "2026-11-20", "--file", str(empty)]) == 1
    assert "is empty" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*record, "20 November"])
    assert "is not a date as YYYY-MM-DD" in capsys.readouterr().err
    assert main(["mandate", "--case", "marie"]) == 2
    assert "give -o FILE" in capsys.readouterr().err
    assert main(["mandate", "revoke", "--case", "marie"]) == 1
    assert "no mandate in force" in capsys.readouterr().err
    assert main(["mandate", "show", "--case", "nobody"]) == 1
    assert "no case named 'nobody'" in capsys.readouterr().err
    with store.open("marie", PASSPHRASE) as case:
        assert mandates(case) == []
