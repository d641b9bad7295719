"""Ids given on the command line (issue 15, item 6): one too large for SQLite is a usage
message, never an OverflowError from the database."""

from __future__ import annotations

import pytest

from faceaudit.cli import MAX_ID, main

PASSPHRASE = "id arguments passphrase 8"
TOO_LARGE = str(2**64)  # past SQLite's 64-bit integers


@pytest.fixture
def case(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["case", "create", "ids"]) == 0
    capsys.readouterr()
    return ["--case", "ids"]


@pytest.mark.parametrize(
    "command",
    [
        ["enroll", "{case}", "--remove", TOO_LARGE],
        ["letter", "--type", "reminder", "{case}", "--request", TOO_LARGE, "-o", "x.pdf"],
        ["letter", "--type", "access", "{case}", "--findings", f"1,{TOO_LARGE}", "-o", "x.pdf"],
        ["requests", "{case}", "outcome", TOO_LARGE, "complied"],
        ["requests", "{case}", "mark", TOO_LARGE, "sent", "--channel", "email"],
        ["review", "{case}", f"{TOO_LARGE}", "confirm"],
        ["review", "{case}", "²", "confirm"],  # a digit to str.isdigit(), not to int()
    ],
)
def test_an_id_sqlite_cannot_hold_is_a_usage_error(
    case: list[str], command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [part for item in command for part in (case if item == "{case}" else [item])]
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "is not an id" in err or "past the largest id" in err


def test_a_source_id_too_large_is_simply_not_found(
    case: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sources", "remove", *case, TOO_LARGE]) == 1
    assert f"The case has no source '{TOO_LARGE}'" in capsys.readouterr().err


def test_the_largest_id_is_accepted_and_simply_not_found(
    case: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", *case, str(MAX_ID), "confirm"]) == 1
    assert f"no finding with id {MAX_ID}" in capsys.readouterr().err
