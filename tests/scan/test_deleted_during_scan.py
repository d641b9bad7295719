"""`faceaudit case delete` while `faceaudit scan --case` runs: the scan says the case was
deleted, never that it is damaged and must be restored from a backup."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest

from faceaudit.cli import main

from .test_crash_resume import WAIT_LIMIT, _make_case, _wait_for_images

if TYPE_CHECKING:
    from .conftest import LoopbackSite, PlantedSite

pytestmark = [pytest.mark.models, pytest.mark.shared]


def test_a_scan_of_a_deleted_case_says_it_was_deleted(
    case_store,
    obama_site: PlantedSite,
    site: LoopbackSite,
    scan_face_engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from .conftest import PASSPHRASE

    _make_case(case_store, "doomed", obama_site, scan_face_engine, obama_site.pages)
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    site.hold_images_after(4)  # the scan stalls mid-way until released
    command = [sys.executable, "-m", "faceaudit", "scan", "--case", "doomed"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            seen.append(line)
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        _wait_for_images(lines, 4)
        assert main(["case", "delete", "doomed", "--yes"]) == 0
        capsys.readouterr()
        site.release()
        process.wait(timeout=WAIT_LIMIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    reader.join(timeout=WAIT_LIMIT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    process.stderr.close()
    left = case_store.case_dir("doomed")
    leftovers = sorted(p.name for p in left.rglob("*")) if left.exists() else []
    err = "".join(seen)
    assert process.returncode != 0
    assert "was deleted while this was running" in err, err
    assert "damaged" not in err and "backup" not in err.split("deleted", 1)[0]
    assert "Traceback" not in err
    assert leftovers == [], leftovers  # the scan still running wrote nothing back
