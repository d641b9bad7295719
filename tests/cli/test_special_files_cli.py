"""A passphrase file that is a device, a named pipe or too large: a message, never a hang."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from faceaudit.cli import main


def test_a_named_pipe_as_passphrase_file_is_refused_not_waited_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "secret"
    os.mkfifo(fifo)
    status: list[int] = []
    thread = threading.Thread(
        target=lambda: status.append(main(["case", "create", "c", "--passphrase-file", str(fifo)])),
        daemon=True,
    )
    thread.start()
    thread.join(30)
    if thread.is_alive():  # unblock the open so the test run can end, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail("the passphrase file's named pipe blocked the command")
    assert status == [1]
    err = capsys.readouterr().err
    assert "The passphrase file" in err and "is a named pipe (FIFO), not a file" in err
    assert "can be read or changed by other users" not in err  # no advice about its mode
    assert "Traceback" not in err


def test_a_device_or_huge_passphrase_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["case", "create", "c", "--passphrase-file", "/dev/null"]) == 1
    assert "/dev/null is a device, not a file" in capsys.readouterr().err
    huge = tmp_path / "huge"
    with huge.open("wb") as handle:
        handle.truncate(10 * 2**20)  # sparse
    huge.chmod(0o600)
    assert main(["case", "create", "c", "--passphrase-file", str(huge)]) == 1
    err = capsys.readouterr().err
    assert "10 MiB, over the 64 KiB limit" in err
    assert "first line" in err
