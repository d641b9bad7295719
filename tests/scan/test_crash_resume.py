"""kill -9 in the middle of `faceaudit scan --case`, then --resume: nothing lost or doubled."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from typing import TYPE_CHECKING

import pytest

from faceaudit.cli import main

if TYPE_CHECKING:
    from .conftest import LoopbackSite, PlantedSite

pytestmark = [pytest.mark.models, pytest.mark.shared]

PROGRESS = re.compile(r"^progress: sources (\d+)/(\d+), images (\d+)/(\d+)")
WAIT_LIMIT = 120.0  # seconds; a bound for a broken build, not a synchronisation


def _make_case(case_store, name: str, site: PlantedSite, engine, sources: list[str]) -> None:
    from faceaudit.store import Person

    from .conftest import PASSPHRASE

    photo = site.reference.read_bytes()
    (reference,) = engine.enrol([("obama.jpg", photo)])
    with case_store.create(name, PASSPHRASE, person=Person()) as case:
        case.add_reference("obama.jpg", photo, reference)
        case.add_sources(sources)


def _identity(finding: dict) -> tuple:
    return (
        finding["page_url"],
        finding["image_url"],
        finding["verdict"],
        tuple(round(v) for v in finding["bbox"]),
    )


def _wait_for_images(lines: queue.Queue[str], count: int) -> str:
    deadline = time.monotonic() + WAIT_LIMIT
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        match = PROGRESS.match(line)
        if match and int(match.group(3)) >= count:
            return line
    raise AssertionError(f"the scan never reported {count} images analysed")


def test_kill_minus_nine_then_resume_equals_an_uninterrupted_scan(
    case_store,
    obama_site: PlantedSite,
    site: LoopbackSite,
    scan_face_engine,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from .conftest import PASSPHRASE

    sources = obama_site.pages  # two pages, collected at the same time
    _make_case(case_store, "reference", obama_site, scan_face_engine, sources)
    _make_case(case_store, "crashed", obama_site, scan_face_engine, sources)
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)

    # The uninterrupted reference scan.
    assert main(["scan", "--case", "reference", "--json", "--quiet"]) == 0
    reference = json.loads(capsys.readouterr().out)
    assert reference["status"] == "done"
    assert {f["image_url"] for f in reference["findings"]} == set(obama_site.planted)
    distinct = len({f["id"] for f in reference["findings"]})  # a face seen twice is one

    # The same scan in a separate process, killed once it has analysed four images and the
    # server holds every further image (so the kill lands mid-scan, at a known point).
    site.hold_images_after(4)
    command = [sys.executable, "-m", "faceaudit", "scan", "--case", "crashed", "--json"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(
        target=lambda: [lines.put(line) for line in process.stderr], daemon=True
    )
    reader.start()
    try:
        _wait_for_images(lines, 4)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=WAIT_LIMIT)
    assert process.returncode == -signal.SIGKILL
    reader.join(timeout=WAIT_LIMIT)  # it ends at the end of the dead process's output
    process.stdout.close()
    process.stderr.close()

    with case_store.open("crashed", PASSPHRASE) as case:
        killed_scan = case.resumable_scan()
        assert killed_scan is not None
        assert case.scan(killed_scan).status == "running"
        assert case.processed_count(killed_scan) >= 4
        assert len(case.findings()) < distinct

    site.release()
    resumed_run = subprocess.run(
        [*command, "--resume", "--quiet"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=WAIT_LIMIT,
        check=False,
    )
    assert resumed_run.returncode == 0, resumed_run.stderr
    resumed = json.loads(resumed_run.stdout)
    assert resumed["status"] == "done"
    assert resumed["resumed"] is True and resumed["scan_id"] == killed_scan
    assert resumed["stats"]["images_cached"] >= 4  # the work done before the kill was kept

    resumed_ids = [_identity(f) for f in resumed["findings"]]
    assert len(resumed_ids) == len(set(resumed_ids)), "a finding was duplicated"
    assert set(resumed_ids) == {_identity(f) for f in reference["findings"]}
    with case_store.open("crashed", PASSPHRASE) as case:
        assert [row.status for row in case.scans()] == ["done"]
        assert len(case.findings()) == distinct
