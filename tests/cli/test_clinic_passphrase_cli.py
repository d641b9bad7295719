"""``clinic init|passphrase|status|join|leave``, ``case create --clinic`` and ``case passphrase``
in-process through ``faceaudit.cli.main``, with the real default key derivations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import KEY_FILE, CaseStore

CLINIC = "the clinic wide passphrase"
OWN = "a case of its very own"


@pytest.fixture(autouse=True)
def no_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE", raising=False)


def secret(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    return {
        "clinic": secret(tmp_path, "clinic.txt", CLINIC),
        "own": secret(tmp_path, "own.txt", OWN),
        "new": secret(tmp_path, "new.txt", "a brand new clinic passphrase"),
        "wrong": secret(tmp_path, "wrong.txt", "not any of the passphrases"),
    }


def test_a_clinic_case_from_init_to_every_opening_command(
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    sandbox_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, _, err = run(capsys, "case", "create", "client-01", "--clinic")
    assert status == 1 and "no clinic passphrase set up" in err
    assert not (sandbox_home / "cases" / "client-01").exists()

    status, out, _ = run(capsys, "clinic", "init", "--passphrase-file", files["clinic"])
    assert status == 0 and "Set up the clinic passphrase" in out
    status, _, err = run(capsys, "clinic", "init", "--passphrase-file", files["new"])
    assert status == 1 and "already set up" in err

    status, _, err = run(
        capsys, "case", "create", "client-01", "--clinic", "--passphrase-file", files["wrong"]
    )
    assert status == 1 and "not the clinic passphrase" in err
    status, out, _ = run(
        capsys, "case", "create", "client-01", "--clinic", "--passphrase-file", files["clinic"],
        "--name", "Ana Client",
    )  # fmt: skip
    assert status == 0 and "opens with the clinic passphrase" in out
    status, out, _ = run(capsys, "case", "create", "walk-in", "--passphrase-file", files["own"])
    assert status == 0

    # Every command that opens a case takes the clinic passphrase, by file or variable.
    status, out, _ = run(capsys, "case", "show", "client-01", "--passphrase-file", files["clinic"])
    assert status == 0 and "Ana Client" in out
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", CLINIC)
    assert run(capsys, "findings", "--case", "client-01")[0] == 0
    assert run(capsys, "case", "edit", "client-01", "--email", "ana@example.org")[0] == 0
    assert run(capsys, "sources", "list", "--case", "client-01")[0] == 0
    # ... but not a case with its own passphrase.
    status, _, err = run(capsys, "case", "show", "walk-in")
    assert status == 1 and "does not unlock this case" in err
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE")

    status, out, _ = run(capsys, "case", "list", "--json")
    rows = {row["name"]: row for row in json.loads(out)["cases"]}
    assert rows["client-01"]["unlocks_with"] == ["clinic"]
    assert rows["walk-in"]["unlocks_with"] == ["case"]
    status, out, _ = run(capsys, "clinic", "status")
    assert status == 0
    lines = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert lines["client-01"].endswith("the clinic passphrase")
    assert lines["walk-in"].endswith("its own passphrase")


def test_changing_the_clinic_passphrase_leaves_the_cases_alone(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], sandbox_home: Path
) -> None:
    assert run(capsys, "clinic", "init", "--passphrase-file", files["clinic"])[0] == 0
    created = run(
        capsys, "case", "create", "client-01", "--clinic", "--passphrase-file", files["clinic"]
    )
    assert created[0] == 0
    key_path = sandbox_home / "cases" / "client-01" / KEY_FILE
    case_key, clinic_key = key_path.read_bytes(), (sandbox_home / "clinic" / "clinic.key")
    before = clinic_key.read_bytes()

    status, _, err = run(
        capsys, "clinic", "passphrase",
        "--passphrase-file", files["wrong"], "--new-passphrase-file", files["new"],
    )  # fmt: skip
    assert status == 1 and "not the clinic passphrase" in err
    assert clinic_key.read_bytes() == before
    status, out, _ = run(
        capsys, "clinic", "passphrase",
        "--passphrase-file", files["clinic"], "--new-passphrase-file", files["new"],
    )  # fmt: skip
    assert status == 0 and "Changed the clinic passphrase" in out
    assert key_path.read_bytes() == case_key
    assert run(capsys, "case", "show", "client-01", "--passphrase-file", files["clinic"])[0] == 1
    assert run(capsys, "case", "show", "client-01", "--passphrase-file", files["new"])[0] == 0


def test_a_clinic_case_gets_its_own_passphrase_and_joins_and_leaves(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], sandbox_home: Path
) -> None:
    assert run(capsys, "clinic", "init", "--passphrase-file", files["clinic"])[0] == 0
    assert run(
        capsys, "case", "create", "client-01", "--clinic", "--passphrase-file", files["clinic"]
    )[0] == 0  # fmt: skip
    status, out, _ = run(
        capsys, "case", "passphrase", "client-01",
        "--passphrase-file", files["clinic"], "--new-passphrase-file", files["own"],
    )  # fmt: skip
    assert status == 0 and "and with the clinic passphrase" in out, out
    for which in ("clinic", "own"):
        assert run(capsys, "case", "show", "client-01", "--passphrase-file", files[which])[0] == 0

    status, out, _ = run(capsys, "clinic", "leave", "client-01", "--passphrase-file", files["own"])
    assert status == 0 and "no longer opens with the clinic passphrase" in out
    assert run(capsys, "case", "show", "client-01", "--passphrase-file", files["clinic"])[0] == 1
    status, out, _ = run(
        capsys, "clinic", "join", "client-01",
        "--passphrase-file", files["own"], "--clinic-passphrase-file", files["clinic"],
    )  # fmt: skip
    assert status == 0 and "as well as its own" in out
    assert run(capsys, "case", "show", "client-01", "--passphrase-file", files["clinic"])[0] == 0
    status, out, _ = run(capsys, "clinic", "status", "--json")
    document = json.loads(out)
    clinic_id = CaseStore(resolve_paths(sandbox_home)).clinic.require().clinic_id
    assert document["clinic"]["clinic_id"] == clinic_id
    assert document["clinic"]["kdf"] == {
        "name": "argon2id",
        "time_cost": 3,
        "memory_kib": 65536,
        "parallelism": 4,
    }
    assert document["cases"] == [
        {
            "name": "client-01",
            "case_id": CaseStore(resolve_paths(sandbox_home)).case_id("client-01"),
            "own_passphrase": True,
            "clinic": True,
            "this_clinic": True,
        }
    ]


def test_without_a_terminal_each_passphrase_says_where_to_give_it(
    capsys: pytest.CaptureFixture[str], files: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, _, err = run(capsys, "clinic", "init")
    assert status == 1 and "The new clinic passphrase is needed" in err
    assert "--passphrase-file FILE or the FACEAUDIT_PASSPHRASE" in err
    assert run(capsys, "clinic", "init", "--passphrase-file", files["clinic"])[0] == 0
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", CLINIC)  # the current one, never the new one
    status, _, err = run(capsys, "clinic", "passphrase")
    assert status == 1 and "The new clinic passphrase is needed" in err
    assert "--new-passphrase-file FILE." in err and "FACEAUDIT_PASSPHRASE" not in err
    assert run(capsys, "case", "create", "c1", "--clinic")[0] == 0
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE")
    status, _, err = run(capsys, "case", "show", "c1")
    assert status == 1 and "The clinic passphrase is needed" in err


def test_unlocking_one_clinic_case_unlocks_only_that_case(
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    sandbox_home: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from faceaudit.agent import AgentClient

    monkeypatch.setenv("FACEAUDIT_AGENT_DIR", str(tmp_path_factory.mktemp("agent")))
    assert run(capsys, "clinic", "init", "--passphrase-file", files["clinic"])[0] == 0
    for name in ("client-01", "client-02"):
        created = run(
            capsys, "case", "create", name, "--clinic", "--passphrase-file", files["clinic"]
        )
        assert created[0] == 0
    try:
        status, out, _ = run(capsys, "unlock", "client-01", "--passphrase-file", files["clinic"])
        assert status == 0 and "unlocked" in out
        assert run(capsys, "findings", "--case", "client-01")[0] == 0  # no passphrase asked
        status, _, err = run(capsys, "findings", "--case", "client-02")
        assert status == 1 and "The clinic passphrase is needed" in err  # B stays locked
    finally:
        AgentClient().forget(None)
    store = CaseStore(resolve_paths(sandbox_home))
    with store.open("client-01", CLINIC) as case:
        opened = [
            e.details.get("opened_with") for e in case.audit_log() if e.action == "case_opened"
        ]
    assert opened[:2] == ["unlock_clinic_passphrase", "session_key"]
