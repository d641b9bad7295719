"""The scan's table: finding ids, rejected findings never shown again, first scan, Ctrl+C."""

from __future__ import annotations

import functools
import os
import signal
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore

pytestmark = pytest.mark.models

PASSPHRASE = "scan table passphrase 5"


class _QuietServer(ThreadingHTTPServer):
    """A cancelled scan drops its connections: the server must not print that to stderr,
    where the test looks for the CLI's own tracebacks."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class _Handler(SimpleHTTPRequestHandler):
    slow_started: threading.Event
    release: threading.Event

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/slow"):
            self.slow_started.set()
            self.release.wait(10)
        super().do_GET()


@pytest.fixture
def site(tmp_path: Path, person_photos: dict[str, list[Path]]) -> Iterator[dict[str, object]]:
    root = tmp_path / "www"
    root.mkdir()
    (root / "me.jpg").write_bytes(person_photos["obama"][1].read_bytes())
    (root / "slow.jpg").write_bytes(person_photos["obama"][2].read_bytes())
    (root / "index.html").write_text('<html><body><img src="me.jpg"></body></html>')
    handler = type(
        "Handler", (_Handler,), {"slow_started": threading.Event(), "release": threading.Event()}
    )
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield {"page": f"{base}/", "slow": f"{base}/slow.jpg", "handler": handler}
    finally:
        handler.release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def _scan(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["scan", "--case", "obama", "--quiet"])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_case_table_shows_ids_and_hides_rejected_findings(
    site: dict[str, object],
    person_photos: dict[str, list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["case", "create", "obama"]) == 0
    assert main(["enroll", "--case", "obama", str(person_photos["obama"][0])]) == 0
    assert main(["sources", "add", "--case", "obama", str(site["page"])]) == 0
    capsys.readouterr()

    status, out, _ = _scan(capsys)
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["id", "verdict"]
    assert lines[1].split()[:2] == ["1", "match"] and "me.jpg" in lines[1]
    assert "the case's first complete scan: every finding is new" in out
    assert "since the previous scan" not in out

    assert main(["review", "--case", "obama", "1", "reject"]) == 0
    capsys.readouterr()
    status, out, _ = _scan(capsys)
    assert status == 0 and "me.jpg" not in out  # "not me" is never printed as a match again
    assert "Your face was not found" in out and "since the previous scan" in out
    with CaseStore(resolve_paths()).open("obama", PASSPHRASE) as case:
        assert [row.review for row in case.findings()] == ["rejected"]


def test_ctrl_c_cancels_the_scan_and_exits_130(
    site: dict[str, object],
    person_photos: dict[str, list[Path]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    handler = site["handler"]

    def interrupt() -> None:
        assert handler.slow_started.wait(60)  # type: ignore[attr-defined]
        os.kill(os.getpid(), signal.SIGINT)  # what Ctrl+C does, to the CLI's own handler
        handler.release.set()  # type: ignore[attr-defined]

    thread = threading.Thread(target=interrupt)
    thread.start()
    reference = str(person_photos["obama"][0])
    status = main(["scan", "--reference", reference, str(site["slow"]), str(site["page"])])
    thread.join()
    captured = capsys.readouterr()
    assert status == 130
    assert "faceaudit scan: cancelled" in captured.err
    assert "Traceback" not in captured.err
    assert "(scan cancelled)" in captured.out
