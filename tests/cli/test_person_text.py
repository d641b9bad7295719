"""The person's text in letters: control characters, newlines, huge fields, bytes that are not
UTF-8 and far dates give a message or a clean letter, never a traceback or an extra header."""

from __future__ import annotations

import datetime as dt
import email
from email import policy
from pathlib import Path

import docx
import pytest

from faceaudit.cli import main
from faceaudit.errors import FaceAuditError
from faceaudit.letters.directory import Operator
from faceaudit.letters.render import LetterSpec, Sender, render_letter
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore


def one_shot(*extra: str, name: str = "Jane Roe", address: str = "1 Main Street\\nDublin 2",
             email_address: str = "jane@example.org") -> list[str]:  # fmt: skip
    return [
        "letter",
        "--type",
        "access",
        "--jurisdiction",
        "eu",
        "--lang",
        "en",
        "--operator-name",
        "Blog Ltd",
        "--operator-email",
        "privacy@blog.example",
        "--name",
        name,
        "--address",
        address,
        "--email",
        email_address,
        "--url",
        "https://blog.example/team",
        *extra,
    ]


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_control_characters_are_stripped_before_word_sees_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        capsys,
        one_shot(
            "--format",
            "docx,pdf,eml",
            "-o",
            str(tmp_path / "l.docx"),
            name="Ja\x00ne\x07 R\x1boe\u202e",
            address="1 Main\x0b Street\\nDublin\x0c 2",
        ),
    )
    assert status == 0, err
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "l.docx")).paragraphs)
    assert "Jane Roe" in text and "1 Main Street" in text and "Dublin 2" in text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


def test_newlines_never_become_header_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "l.eml"
    name = "Jane Roe\nBcc: everyone@evil.example"
    status, _, err = _run(capsys, one_shot("--format", "eml", "-o", str(out), name=name))
    assert status == 0, err
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Bcc"] is None
    (sender,) = message["From"].addresses
    assert sender.display_name == "Jane Roe Bcc: everyone@evil.example"  # one line, folded
    assert sender.addr_spec == "jane@example.org"


@pytest.mark.parametrize(
    "bad",
    [
        ("--email", "jane@example.org\nBcc: everyone@evil.example"),
        ("--email", "jane@example.org, boss@example.org"),
        ("--operator-email", "privacy@blog.example\r\nBcc: x@evil.example"),
        ("--operator-email", "not an address"),
    ],
)
def test_a_bad_e_mail_address_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: tuple[str, str]
) -> None:
    status, _, err = _run(capsys, [*one_shot("--format", "eml", "-o", str(tmp_path)), *bad])
    assert status == 1
    assert err.startswith("faceaudit: ") and "cannot be used" in err and "e-mail" in err
    assert list(tmp_path.iterdir()) == []


def test_a_ten_thousand_character_name_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(
        capsys, one_shot("--format", "docx", "-o", str(tmp_path), name="N" * 10_000)
    )
    assert status == 1
    assert "10,000 characters" in err and "at most 200" in err and len(err) < 400
    assert list(tmp_path.iterdir()) == []


def test_bytes_that_are_not_utf8_are_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What Python makes of the byte 0xff in a command-line argument (surrogateescape).
    status, _, err = _run(
        capsys, one_shot("-o", str(tmp_path), name=b"J\xffane".decode(errors="surrogateescape"))
    )
    assert status == 1
    assert "not UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize("option", ["--date", "--original-date"])
@pytest.mark.parametrize("day", ["9999-12-31", "10000-01-01", "0001-01-01"])
def test_far_dates_are_refused_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, day: str
) -> None:
    argv = one_shot("-o", str(tmp_path), option, day)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert option in err and ("outside the years" in err or "is not a date" in err)


def test_the_core_refuses_a_year_9999_letter() -> None:
    spec = LetterSpec(
        letter_type="access",
        jurisdiction="eu",
        language="en",
        sender=Sender("Jane Roe", "1 Main Street", "jane@example.org", "IE"),
        operator=Operator(slug="blog", name="Blog Ltd", email="p@blog.example"),
        letter_date=dt.date(9999, 12, 31),
    )
    with pytest.raises(FaceAuditError, match="outside the years"):
        render_letter(spec)


def test_case_details_are_cleaned_when_stored(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "case details passphrase 5")
    status, _, err = _run(
        capsys,
        ["case", "create", "sam", "--name", "Sam\x00 \nLee", "--address", "1 Road\\n\\nLeeds\x07"],
    )
    assert status == 0, err
    store = CaseStore(resolve_paths(sandbox_home))
    with store.open("sam", "case details passphrase 5") as case:
        assert case.person.full_name == "Sam Lee"
        assert case.person.postal_address == "1 Road\nLeeds"
    status, _, err = _run(capsys, ["case", "create", "kim", "--email", "kim@example.org\nBcc: x@y"])
    assert status == 1 and "cannot be used" in err
    assert not store.exists("kim")
