"""``unlock`` / ``lock``: the case key in a per-user agent's memory, nothing on disk."""

from __future__ import annotations

import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from faceaudit.agent import AgentClient, socket_path
from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams

PASSPHRASE = "session unlock passphrase 1"


@pytest.fixture
def agent_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("agent")
    monkeypatch.setenv("FACEAUDIT_AGENT_DIR", str(folder))
    yield folder
    AgentClient().forget(None)  # the agent then exits by itself


@pytest.fixture
def case_name(sandbox_home: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("FACEAUDIT_PASSPHRASE", raising=False)
    store = CaseStore(resolve_paths(sandbox_home), kdf=KdfParams(n=2**10, r=8, p=1))
    store.create("nina", PASSPHRASE).close()
    return "nina"


def _no_passphrase(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["findings", "--case", "nina"])  # stdin is no terminal: nothing to ask
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_unlock_then_commands_need_no_passphrase_until_lock(
    case_name: str,
    agent_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _no_passphrase(capsys)[0] == 1  # locked: the passphrase is needed

    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    assert main(["unlock", "nina", "--passphrase-file", str(secret)]) == 0
    out = capsys.readouterr()
    assert "Case 'nina' is unlocked for 15 minutes" in out.out and "warning" not in out.err

    status, out, err = _no_passphrase(capsys)
    assert status == 0 and "No findings yet" in out, err
    assert main(["case", "show", "nina"]) == 0  # every command that opens the case
    capsys.readouterr()

    # The agent's socket is private, and nothing on disk holds the passphrase or the key.
    sock = socket_path()
    assert stat.S_ISSOCK(sock.stat().st_mode) and sock.stat().st_mode & 0o777 == 0o600
    assert agent_home.stat().st_mode & 0o777 == 0o700
    store = CaseStore(resolve_paths())
    _, key = store.unlock("nina", PASSPHRASE)
    for path in [*agent_home.rglob("*"), *resolve_paths().base.rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert PASSPHRASE.encode() not in data and key not in data

    assert main(["lock", "nina"]) == 0
    assert capsys.readouterr().out.strip() == "Case 'nina' is locked."
    assert _no_passphrase(capsys)[0] == 1
    assert main(["lock"]) == 0
    assert capsys.readouterr().out.strip() == "No case was unlocked."


def test_an_unlock_expires(case_name: str, agent_home: Path) -> None:
    store = CaseStore(resolve_paths())
    case_id, key = store.unlock("nina", PASSPHRASE)
    client = AgentClient()
    client.put(case_id, key, 1.0)
    assert client.get(case_id) == key
    deadline = time.monotonic() + 10
    while client.get(case_id) is not None:
        assert time.monotonic() < deadline, "the unlock did not expire"
        time.sleep(0.1)
    assert client.held() == []


def test_a_wrong_passphrase_unlocks_nothing(
    case_name: str, agent_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", "not the passphrase")
    assert main(["unlock", "nina"]) == 1
    assert "does not unlock this case" in capsys.readouterr().err
    assert not AgentClient().running()


def test_deleting_a_case_forgets_its_unlock(
    case_name: str, agent_home: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["unlock", "nina", "--minutes", "5"]) == 0
    case_id = CaseStore(resolve_paths()).case_id("nina")
    assert AgentClient().get(case_id) is not None
    assert main(["case", "delete", "nina", "--yes"]) == 0
    assert AgentClient().get(case_id) is None


def test_a_passphrase_file_readable_by_others_is_warned_about(
    case_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o644)
    assert main(["findings", "--case", "nina", "--passphrase-file", str(secret)]) == 0
    err = capsys.readouterr().err
    assert f"the passphrase file {secret} can be read or changed by other users" in err
    assert f"chmod 600 {secret}" in err
