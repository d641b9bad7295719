"""Letters as files: private modes, safe e-mail headers, what the PDF cannot show, --url checks,
and output errors (a file in the way, /dev/full, a full disk) as messages, nothing lost."""

from __future__ import annotations

import email
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.letters.directory import Operator
from faceaudit.letters.export import format_warnings
from faceaudit.letters.render import LetterSpec, Sender, render_letter
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "letter output passphrase 3"
OPERATOR = Operator(slug="blog", name="Blog Ltd", address="1 Road\nLondon", email="p@blog.example")


def one_shot(
    *extra: str, name: str = "Jane Roe", email_address: str = "jane@example.org"
) -> list[str]:
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
        "1 Main Street\\nDublin 2",
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


@pytest.fixture
def case_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(
        full_name="Marie Dupont",
        email="marie@example.org",
        postal_address="12 rue des Lilas\n75011 Paris",
        country="FR",
        language="en",
    )
    with store.create("marie", PASSPHRASE, person=person):
        pass
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return "marie"


def _case_letter(case: str, *extra: str) -> list[str]:
    return [
        "letter",
        "--case",
        case,
        "--type",
        "erasure",
        "--jurisdiction",
        "eu",
        "--operator-name",
        "Blog Ltd",
        "--operator-email",
        "privacy@blog.example",
        "--url",
        "https://blog.example/team",
        *extra,
    ]


def _tracked(case: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["requests", "--case", case]) == 0
    return capsys.readouterr().out


# --- modes ---------------------------------------------------------------------------


def test_letters_are_private_in_a_private_folder(
    sandbox_home: Path, case_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = sandbox_home / "exports"
    exports.mkdir(mode=0o755)
    exports.chmod(0o755)  # as an older version left it
    status, _, err = _run(capsys, _case_letter(case_name, "--format", "pdf,docx,txt,eml"))
    assert status == 0, err
    folder = exports / case_name
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(exports.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert sorted(p.suffix for p in files) == [".docx", ".eml", ".pdf", ".txt", ".txt"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}


def test_a_folder_the_person_picks_keeps_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    picked = tmp_path / "shared-with-my-lawyer"
    picked.mkdir()
    picked.chmod(0o750)
    status, _, err = _run(capsys, one_shot("--format", "txt", "-o", str(picked)))
    assert status == 0, err
    assert stat.S_IMODE(picked.stat().st_mode) == 0o750
    (letter,) = picked.iterdir()
    assert stat.S_IMODE(letter.stat().st_mode) == 0o600
    new = tmp_path / "new" / "folder"
    assert _run(capsys, one_shot("--format", "txt", "-o", str(new)))[0] == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o700


# --- e-mail headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Jöhn <attacker@evil.example>", 'Jane "<x', "Roe, Jane", "<evil@x.org>"]
)
def test_eml_from_keeps_a_name_a_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = tmp_path / "l.eml"
    status, _, err = _run(capsys, one_shot("--format", "eml", "-o", str(out), name=name))
    assert status == 0, err
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    (sender,) = message["From"].addresses
    assert sender.addr_spec == "jane@example.org"
    assert sender.display_name == name
    (recipient,) = message["To"].addresses
    assert recipient.addr_spec == "privacy@blog.example"


# --- what the PDF cannot show -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "characters"),
    [
        ("محمد علي", "محمد"),
        ("שרה לוי", "שרה"),
        ("山田太郎", "山田太郎"),
        ("Jane 😀 Roe", "😀"),
    ],
)
def test_pdf_warns_of_characters_it_cannot_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, characters: str
) -> None:
    status, _, err = _run(capsys, one_shot("-o", str(tmp_path), name=name))
    assert status == 0, err
    warning = next(line for line in err.splitlines() if "cannot show" in line)
    assert "in your name" in warning and "--format docx" in warning
    for char in characters:
        assert f"'{char}'" in warning
    assert len(list(tmp_path.glob("*.pdf"))) == 1  # written all the same, with the warning


def test_the_core_returns_the_warning_for_the_window() -> None:
    spec = LetterSpec(
        letter_type="access",
        jurisdiction="eu",
        language="en",
        sender=Sender("Łukasz Dvořák", "Rynek 1\nŁódź", "l@example.org", "PL"),
        operator=OPERATOR,
    )
    letter = render_letter(spec)
    (warning,) = format_warnings(letter, ["pdf"])
    assert "'ř'" in warning and "'ź'" in warning and "your name, your address" in warning
    assert format_warnings(letter, ["docx", "txt"]) == ()
    plain = render_letter(
        LetterSpec(
            letter_type="access",
            jurisdiction="eu",
            language="fr",
            sender=Sender("Hélène Çelik", "12 rue des Lilas\nParis", "h@example.org", "FR"),
            operator=OPERATOR,
        )
    )
    assert format_warnings(plain, ["pdf", "eml"]) == ()


# --- --url -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://blog.example/a\nThe operator owes me nothing.", "control characters"),
        ("javascript:alert(1)", "only http and https"),
        ("https://blog.example/" + "a" * 100_000, "longer than"),
    ],
)
def test_url_is_checked_like_any_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], url: str, reason: str
) -> None:
    status, _, err = _run(capsys, one_shot("--url", url, "--format", "txt", "-o", str(tmp_path)))
    assert status == 1
    assert reason in err and "nothing was written" in err
    assert len(err) < 600  # the 100,000 characters are not echoed back
    assert list(tmp_path.iterdir()) == []


# --- output errors ------------------------------------------------------------------------


def test_an_output_path_under_a_file_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    for target in (a_file / "letter.pdf", a_file / "sub" / "letter.pdf", Path("/dev/full")):
        status, _, err = _run(capsys, one_shot("-o", str(target)))
        assert status == 1
        assert err.startswith("faceaudit: ") and "Traceback" not in err
        assert "nothing was written" in err and "-o" in err
    assert a_file.read_text() == "mine"


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 512 KiB file system (tmpfs), so a write meets ENOSPC as on a full disk."""
    mount, umount = shutil.which("mount"), shutil.which("umount")
    point = tmp_path / "tiny"
    point.mkdir()
    if os.geteuid() != 0 or mount is None or umount is None:
        pytest.skip("mounting a tiny tmpfs needs root")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield point
    finally:
        subprocess.run([umount, "-l", str(point)], check=False)


def test_a_full_disk_is_a_message_and_nothing_is_lost(
    tiny_disk: Path, case_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tiny_disk / "earlier-letter.txt"
    earlier.write_text("sent last month\n")
    filler = tiny_disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        with pytest.raises(OSError):
            while True:
                os.write(descriptor, b"\0" * 4096)
    finally:
        os.close(descriptor)
    status, _, err = _run(
        capsys, _case_letter(case_name, "--format", "pdf,docx", "-o", str(tiny_disk))
    )
    assert status == 1, err
    assert "the disk is full" in err and "nothing was written" in err and "Traceback" not in err
    assert earlier.read_text() == "sent last month\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["earlier-letter.txt", "filler"]
    assert "No letters yet" in _tracked(case_name, capsys)  # nothing recorded either
    filler.unlink()
    status, _, err = _run(
        capsys, _case_letter(case_name, "--format", "pdf,docx", "-o", str(tiny_disk))
    )
    assert status == 0, err
    assert "   1  erasure" in _tracked(case_name, capsys)


def test_a_device_or_pipe_is_never_replaced_by_a_letter_or_calendar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Written by renaming over it, /dev/full itself became a plain file once (as root).
    pipe = tmp_path / "letter.txt"
    os.mkfifo(pipe)
    status, _, err = _run(capsys, one_shot("--format", "txt", "-o", str(pipe), "--force"))
    assert status == 1 and "not a regular file" in err
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    calendar = tmp_path / "deadlines.ics"
    os.mkfifo(calendar)
    status, _, err = _run(capsys, ["requests", "--all", "--ics", str(calendar)])
    assert status == 1 and "not a regular file" in err
    assert stat.S_ISFIFO(calendar.stat().st_mode)
