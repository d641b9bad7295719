"""``faceaudit clinic profile``: the clinic's own details in config.toml, shown and set."""

from __future__ import annotations

import argparse
import json
import tomllib
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.cli.clinic import clinic_commands
from faceaudit.clinic import ClinicProfile, ClinicProfileError, load_profile, require_profile
from faceaudit.config import Config, config_path, load_config, save_config
from faceaudit.paths import resolve_paths

FULL = [
    "clinic",
    "profile",
    "--name",
    "Clinique Vie Privée",
    "--address",
    "12 rue des Lilas\\n75011 Paris",
    "--email",
    "contact@clinique.example",
    "--art80",
    "--language",
    "fr",
]


def test_profile_set_shown_and_kept_in_config(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clinic", "profile"]) == 0
    assert "No clinic profile is set" in capsys.readouterr().out
    assert main(FULL) == 0
    out = capsys.readouterr().out
    assert "Saved the clinic profile." in out
    assert "Clinique Vie Privée" in out and "75011 Paris" in out and "Art. 80(1)" in out
    saved = tomllib.loads((sandbox_home / "config.toml").read_text("utf-8"))["clinic"]
    assert saved == {
        "name": "Clinique Vie Privée",
        "address": "12 rue des Lilas\n75011 Paris",
        "email": "contact@clinique.example",
        "art80": True,
        "language": "fr",
    }
    # One field changed, the others kept.
    assert main(["clinic", "profile", "--email", "aide@clinique.example", "--no-art80"]) == 0
    capsys.readouterr()
    assert main(["clinic", "profile", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["email"] == "aide@clinique.example" and shown["art80"] is False
    assert shown["name"] == "Clinique Vie Privée" and shown["language"] == "fr"


def test_incomplete_or_bad_details_are_refused_and_nothing_saved(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["clinic", "profile", "--name", "Only A Name"]) == 1
    err = capsys.readouterr().err
    assert "needs the clinic's address (--address); the clinic's email (--email)" in err
    assert not (sandbox_home / "config.toml").exists()
    assert main(FULL) == 0
    before = (sandbox_home / "config.toml").read_bytes()
    assert main(["clinic", "profile", "--email", "two@a.example, three@b.example"]) == 1
    assert "The clinic's e-mail address (--email)" in capsys.readouterr().err
    assert main(["clinic", "profile", "--name", "Bad\u202eName" + "x" * 300]) == 1
    assert "The clinic's name (--name) is 30" in capsys.readouterr().err
    assert (sandbox_home / "config.toml").read_bytes() == before


def test_settings_and_profile_keep_each_other(sandbox_home: Path) -> None:
    paths = resolve_paths(sandbox_home)
    save_config(paths, Config(match_level="strict", concurrency=4, per_host=1))
    assert main(FULL) == 0
    assert load_config(paths).config == Config(match_level="strict", concurrency=4, per_host=1)
    # The window's Settings screen rewrites its tables: the clinic's stays.
    save_config(paths, Config(match_level="lenient"))
    profile = load_profile(paths)
    assert profile is not None and profile.name == "Clinique Vie Privée" and profile.art80
    # A value the settings cannot use stays as written (the settings report it themselves).
    text = config_path(paths).read_text("utf-8").replace('"lenient"', '"very loose"')
    config_path(paths).write_text(text, "utf-8")
    assert main(["clinic", "profile", "--language", "de"]) == 0
    assert 'match_level = "very loose"' in config_path(paths).read_text("utf-8")
    assert any("very loose" in problem for problem in load_config(paths).problems)


def test_a_damaged_config_file_is_said_and_left_alone(
    sandbox_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sandbox_home / "config.toml"
    path.write_text("[clinic\nname = 'x'\n", "utf-8")
    assert main(["clinic", "profile", "--name", "New"]) == 1
    assert "is not valid TOML" in capsys.readouterr().err
    assert path.read_text("utf-8") == "[clinic\nname = 'x'\n"
    path.write_text('[clinic]\nname = "C"\naddress = "A"\nemail = "c@c.example"\nart80 = "yes"\n')
    assert main(["clinic", "profile"]) == 1
    assert "art80 in config.toml's [clinic] should be true or false" in capsys.readouterr().err


def test_require_profile_names_what_is_missing(sandbox_home: Path) -> None:
    paths = resolve_paths(sandbox_home)
    with pytest.raises(ClinicProfileError, match="No clinic profile is set"):
        require_profile(paths)
    (sandbox_home / "config.toml").write_text('[clinic]\nname = "Helpline"\n', "utf-8")
    with pytest.raises(ClinicProfileError, match=r"lacks the clinic's address"):
        require_profile(paths)
    assert main(FULL) == 0
    assert require_profile(paths) == ClinicProfile(
        "Clinique Vie Privée",
        "12 rue des Lilas\n75011 Paris",
        "contact@clinique.example",
        art80=True,
        language="fr",
    )


def test_other_modules_add_subcommands_to_the_same_group() -> None:
    parser = argparse.ArgumentParser(prog="faceaudit")
    subparsers = parser.add_subparsers(dest="command")
    first = clinic_commands(subparsers)
    first.add_parser("keygen").set_defaults(which="keygen")
    second = clinic_commands(subparsers)
    assert second is first
    second.add_parser("init").set_defaults(which="init")
    assert parser.parse_args(["clinic", "keygen"]).which == "keygen"
    assert parser.parse_args(["clinic", "init"]).which == "init"


def test_clinic_alone_shows_its_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clinic"]) == 0
    assert "profile" in capsys.readouterr().out
