"""Re-check after a promised erasure, against a real loopback site and the real engine.

The person appears on two pages of the site; an erasure request names both photos and the
operator answers that it complied. The site then takes one photo down (the page no longer
shows it) and keeps the other: the re-check says "still online" for one and gone for the
other; once the second is taken down too, the erasure is verified (through the CLI).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Operator
from faceaudit.paths import resolve_paths
from faceaudit.report import erasure
from faceaudit.report.erasure import erasure_check, recheck_sources
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import scan_case, scan_engine, web_collector
from faceaudit.store import CaseStore, KdfParams, Person

pytestmark = [pytest.mark.models, pytest.mark.shared]

PASSPHRASE = "recheck passphrase 14"


class Site:
    """A loopback HTTP server on 127.0.0.1 whose pages the test changes between scans."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[bytes, str]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.requests.append(self.path)
                body, kind = site.routes.get(self.path, (b"not found", "text/plain"))
                status = 200 if self.path in site.routes else 404
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=86400")  # fresh for a day
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def page(self, path: str, images: list[str]) -> str:
        tags = "".join(f'<img src="{src}" alt="">' for src in images)
        html = f"<!doctype html><html><body><h1>Team</h1>{tags}</body></html>"
        self.routes[path] = (html.encode(), "text/html; charset=utf-8")
        return self.url(path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    yield server
    server.close()


def test_recheck_tells_gone_from_still_online(
    site: Site, examples_dir: Path, face_engine, sandbox_home: Path, monkeypatch, capsys
) -> None:
    train, test = examples_dir / "knn_examples" / "train", examples_dir / "knn_examples" / "test"
    site.routes["/img/one.jpg"] = ((test / "obama1.jpg").read_bytes(), "image/jpeg")
    site.routes["/img/two.jpg"] = ((train / "obama" / "obama2.jpg").read_bytes(), "image/jpeg")
    team = site.page("/team.html", ["/img/one.jpg"])
    about = site.page("/about.html", ["/img/two.jpg"])
    engine = scan_engine(face_engine)
    paths = resolve_paths(sandbox_home)
    store = CaseStore(paths, kdf=KdfParams(n=2**10, r=8, p=1))
    with store.create("camille", PASSPHRASE, person=Person(language="fr")) as case:
        photo = (train / "obama" / "obama.jpg").read_bytes()
        (reference,) = engine.enrol([("me.jpg", photo)])
        case.add_reference("me.jpg", photo, reference)
        case.add_sources([team, about])
        first = scan_case(engine, case, web_collector(paths), ScanSettings(workers=2))
        assert first.status == "done"
        found = {row.page_url: row.id for row in case.findings()}
        assert set(found) == {team, about}
        case.review_many(found.values(), "confirmed")
        letter = tracking.record_letter(
            case,
            letter_type="erasure",
            jurisdiction="eu",
            language="fr",
            operator=Operator(slug="exemple", name="Exemple SA"),
            finding_ids=(found[team], found[about]),
        )
        tracking.mark_sent(case, letter, dt.date.today(), "email")
        with case.connection() as conn:  # the first scan ran before the letter was answered
            conn.execute("UPDATE scans SET started_at = '2026-01-05T10:00:00Z'")
        corrections.record_outcome(case, letter, "complied", dt.date.today())
        check = erasure_check(case, letter)
        assert check is not None and check.state == erasure.NOT_CHECKED

        # The operator took one photo down: the team page no longer shows it.
        site.page("/team.html", [])
        del site.routes["/img/one.jpg"]
        site.requests.clear()
        _, sources = recheck_sources(case, letter)
        collector = web_collector(paths, network={"honour_freshness": False})
        outcome = scan_case(engine, case, collector, ScanSettings(workers=2), only_sources=sources)
        assert outcome.status == "done"
        # Both pages were asked for again although the cache held them as fresh.
        assert {"/team.html", "/about.html"} <= set(site.requests)
        check = erasure_check(case, letter)
        assert check is not None
        assert check.state == erasure.STILL_ONLINE
        assert (check.gone, check.still_online) == ((found[team],), (found[about],))
        assert check.last_checked_at is not None

    # The second photo goes too; the command line re-checks and says it is verified.
    site.page("/about.html", [])
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["requests", "recheck", "--case", "camille", str(letter), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert f"Letter {letter}: erasure verified: all 2 photos are gone" in out
    assert main(["requests", "--case", "camille", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["erasure"]["state"] == "verified"

    # The photo comes back on the about page: the next ordinary scan says so by itself.
    site.page("/about.html", ["/img/two.jpg"])
    assert main(["scan", "--case", "camille", "--revalidate"]) == 0
    err = capsys.readouterr().err
    assert f"faceaudit scan: letter {letter}: still online: 1 of 2 photo(s) seen again" in err
    with store.open("camille", PASSPHRASE) as case:
        [entry] = [e for e in case.audit_log() if e.action == "erasure_rechecked"]
        assert entry.details["letter"] == letter and entry.details["state"] == "verified"
        assert (entry.details["gone"], entry.details["still_online"]) == (2, 0)
