"""The hand-off commands' contract, in-process through ``faceaudit.cli.main`` on real files:
``clinic keygen -o FILE``, ``case export NAME -o FILE [--recipient K... |
--export-passphrase-file F]``, ``case import FILE [--identity F | --export-passphrase-file F]
[--as NAME]``."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from faceaudit.cli import main

PASSPHRASE = "the client's case passphrase"


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _keygen(capsys, path: Path, name: str) -> str:
    status, out, _ = run(capsys, "clinic", "keygen", "-o", str(path), "--name", name)
    assert status == 0
    [recipient] = re.findall(r"age1[0-9a-z]+", out)
    return recipient


def test_keygen_export_import(capsys, passphrase_env, sandbox_home: Path, tmp_path: Path) -> None:
    key_file = tmp_path / "helpline.key"
    recipient = _keygen(capsys, key_file, "Privacy Helpline")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    status, _, err = run(capsys, "clinic", "keygen", "-o", str(key_file))
    assert status == 1 and "does not overwrite" in err

    assert run(capsys, "case", "create", "client-07", "--name", "Camille Example")[0] == 0
    # The installation's own key has no name: the manifest names the clinic's profile.
    profile = ["--name", "Clinique Vie Privée", "--address", "1 rue X", "--email", "c@x.example"]
    assert run(capsys, "clinic", "profile", *profile)[0] == 0
    out_file = tmp_path / "client-07.age"
    status, _, err = run(
        capsys, "case", "export", "client-07", "-o", str(out_file), "--recipient", recipient
    )
    assert status == 1 and "consent" in err and "Traceback" not in err
    assert not out_file.exists()

    status, out, err = run(
        capsys,
        "case",
        "export",
        "client-07",
        "-o",
        str(out_file),
        "--recipient",
        recipient,
        "--consent",
        "signed form, 2026-12-02",
    )
    assert status == 0, err
    assert "Exported case 'client-07'" in out and "case passphrase too" in out
    assert "Made this installation's clinic key" in err
    assert (sandbox_home / "clinic" / "handoff.key").is_file()

    status, _, err = run(capsys, "case", "import", str(out_file), "--identity", str(key_file))
    assert status == 1 and "already exists" in err and "--as NAME" in err

    status, out, err = run(
        capsys, "case", "import", str(out_file), "--identity", str(key_file), "--as", "client-07-b"
    )
    assert status == 0, err
    assert "Imported case 'client-07-b'" in out and "'Clinique Vie Privée'" in out
    # The sender's own installation key signed it: this data folder trusts its own key.
    assert "not confirmed" not in err
    status, out, _ = run(capsys, "case", "show", "client-07-b")
    assert status == 0 and "Camille Example" in out


def test_import_on_another_machine_names_the_signer(
    capsys, passphrase_env, tmp_path: Path, monkeypatch
) -> None:
    sender_home, receiver_home = tmp_path / "sender", tmp_path / "receiver"
    key_file = tmp_path / "receiver.key"
    recipient = _keygen(capsys, key_file, "Receiver")
    sender_key = tmp_path / "sender.key"
    _keygen(capsys, sender_key, "Clinique du Droit")
    status, out, _ = run(capsys, "clinic", "keygen", "-o", str(tmp_path / "other.key"))
    [other_fingerprint] = re.findall(r"(?m)^  ([0-9a-f]{4}(?: [0-9a-f]{4}){7})$", out)
    sender = ["--data-dir", str(sender_home)]
    receiver = ["--data-dir", str(receiver_home)]
    assert run(capsys, *sender, "case", "create", "client-07")[0] == 0
    out_file = tmp_path / "x.age"
    status, _, err = run(
        capsys,
        *sender,
        "case",
        "export",
        "client-07",
        "-o",
        str(out_file),
        "--recipient",
        recipient,
        "--key",
        str(sender_key),
        "--consent",
        "oral, noted by J. on 2026-12-02",
    )
    assert status == 0, err

    status, _, err = run(
        capsys,
        *receiver,
        "case",
        "import",
        str(out_file),
        "--identity",
        str(key_file),
        "--trust-signer",
        other_fingerprint,
    )
    assert status == 1 and "Clinique du Droit" in err and "fingerprint" in err
    assert not (receiver_home / "cases" / "client-07").exists()

    status, out, err = run(
        capsys, *receiver, "case", "import", str(out_file), "--identity", str(key_file)
    )
    assert status == 0, err
    assert "Clinique du Droit" in out and "not confirmed" in err


def test_passphrase_mode_and_bad_files(capsys, passphrase_env, tmp_path: Path) -> None:
    phrase = tmp_path / "phrase.txt"
    phrase.write_text("read this one aloud on the phone\n")
    phrase.chmod(0o600)
    assert run(capsys, "case", "create", "client-09")[0] == 0
    out_file = tmp_path / "p.age"
    status, _, err = run(
        capsys,
        "case",
        "export",
        "client-09",
        "-o",
        str(out_file),
        "--export-passphrase-file",
        str(phrase),
        "--consent",
        "form 12",
    )
    assert status == 0, err

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the phrase at all\n")
    wrong.chmod(0o600)
    for options, words in (
        (["--export-passphrase-file", str(wrong)], "passphrase does not open"),
        ([], "protected by an export passphrase"),
    ):
        status, _, err = run(capsys, "case", "import", str(out_file), "--as", "c9", *options)
        assert status == 1 and words in err and "Traceback" not in err

    damaged = tmp_path / "damaged.age"
    data = bytearray(out_file.read_bytes())
    data[-40] ^= 1
    damaged.write_bytes(bytes(data))
    status, _, err = run(
        capsys,
        "case",
        "import",
        str(damaged),
        "--export-passphrase-file",
        str(phrase),
        "--as",
        "c9",
    )
    assert status == 1 and "Nothing was imported" in err

    status, out, err = run(
        capsys,
        "case",
        "import",
        str(out_file),
        "--export-passphrase-file",
        str(phrase),
        "--as",
        "c9",
    )
    assert status == 0, err
    assert "Imported case 'c9'" in out


def test_usage_errors(capsys, passphrase_env, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(
            [
                "case",
                "export",
                "x",
                "-o",
                str(tmp_path / "o"),
                "--recipient",
                "age1x",
                "--export-passphrase-file",
                "f",
            ]
        )
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["case", "export", "x", "-o", str(tmp_path / "o")])
    assert exited.value.code == 2
    assert run(capsys, "case", "create", "client-10")[0] == 0
    status, _, err = run(
        capsys,
        "case",
        "export",
        "client-10",
        "-o",
        str(tmp_path / "o"),
        "--recipient",
        "age1notakey",
        "--consent",
        "yes",
    )
    assert status == 1 and "not an age public key" in err
    status, _, err = run(capsys, "case", "import", str(tmp_path / "absent.age"))
    assert status == 1 and "does not exist" in err
