"""Scanning a page as the in-app browser showed it (faceaudit.scan.browser), without Qt.

The loopback page is an empty shell to a plain fetch: its photos exist only in what the
browser reported. The scan fetches them through the guarded path, records them as seen in
the in-app browser, and later ordinary scans never turn them into "gone".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect.types import ShownPage
from faceaudit.paths import resolve_paths
from faceaudit.scan.browser import scan_shown_page
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import BROWSER_ONLY_REASON, WebCollector, scan_case

if TYPE_CHECKING:
    from .conftest import LoopbackSite

pytestmark = [pytest.mark.models, pytest.mark.shared]

SETTINGS = ScanSettings(workers=2)
SHELL = "<!doctype html><html><body><div id=app></div><script src=/app.js></script></body></html>"


@pytest.fixture
def shell_site(site: LoopbackSite, examples_dir: Path) -> dict[str, str]:
    train = examples_dir / "knn_examples" / "train"
    test = examples_dir / "knn_examples" / "test"
    return {
        "page": site.page("/feed", SHELL),
        "me": site.image("/cdn/obama1.jpg", test / "obama1.jpg"),
        "stranger": site.image("/cdn/biden.jpg", train / "biden" / "biden.jpg"),
        "reference": str(train / "obama" / "obama.jpg"),
        # Shown to the person's browser with their login; FaceAudit's own request (no
        # cookies) is refused.
        "private": site.url("/cdn/only-with-login.jpg"),
    }


@pytest.fixture
def case(case_store, shell_site: dict[str, str], scan_face_engine):  # type: ignore[no-untyped-def]
    from faceaudit.store import Person

    from .conftest import PASSPHRASE

    opened = case_store.create("obama", PASSPHRASE, person=Person(full_name="Barack Obama"))
    photo = Path(shell_site["reference"]).read_bytes()
    (reference,) = scan_face_engine.enrol([("obama.jpg", photo)])
    opened.add_reference("obama.jpg", photo, reference)
    yield opened
    opened.close()


def _shown(urls: dict[str, str], *names: str) -> ShownPage:
    return ShownPage(
        urls["page"],
        (*tuple((urls[name], "img") for name in names), ("blob:x", "img")),
        "2026-12-03T06:00:00Z",
    )


def test_the_store_and_the_collector_mark_browser_pages_alike() -> None:
    from faceaudit.collect.types import BROWSER_CHECKED_PREFIX as collected
    from faceaudit.store.history import BROWSER_CHECKED_PREFIX as read

    assert collected == read == "browser:"


def test_the_shown_images_are_scanned_and_never_gone_by_a_plain_scan(
    case, shell_site: dict[str, str], scan_face_engine, sandbox_home: Path
) -> None:
    paths = resolve_paths(sandbox_home)
    outcome = scan_shown_page(
        scan_face_engine,
        case,
        WebCollector(paths),
        _shown(shell_site, "me", "stranger", "private"),
        SETTINGS,
    )
    assert outcome.comparison["new"] == 1
    # What FaceAudit could not fetch is said, image by image, on the page it was seen on.
    [missed] = outcome.errors
    assert (missed.url, missed.page_url, missed.kind) == (
        shell_site["private"],
        shell_site["page"],
        "failed",
    )
    [source] = case.sources()
    assert source.url_or_path == shell_site["page"] and source.seen_in_browser
    [finding] = case.findings()
    assert (finding.page_url, finding.image_url, finding.found_by) == (
        shell_site["page"],
        shell_site["me"],
        "browser:img",
    )
    assert outcome.stats["images"] == 2

    # An ordinary scan leaves the browser-seen page out: nothing to scan, said plainly.
    with pytest.raises(Exception, match="no source"):
        scan_case(scan_face_engine, case, WebCollector(paths), SETTINGS)
    # A plain source beside it is scanned; the browser's finding is "not checked", not gone.
    case.add_sources([shell_site["me"]])
    plain = scan_case(scan_face_engine, case, WebCollector(paths), SETTINGS)
    assert plain.comparison["gone"] == 0
    assert case.finding_history([finding.id])[finding.id].presence == "seen"  # same image
    # Retrying the browser source alone, without the browser: not fetched, and why.
    retry = scan_case(
        scan_face_engine, case, WebCollector(paths), SETTINGS, only_sources=[source.id]
    )
    assert [e.error for e in retry.errors] == [BROWSER_ONLY_REASON]
    assert retry.comparison["gone"] == 0
    [state] = [s for s in case.source_states() if s.source_id == source.id]
    assert state.reason == BROWSER_ONLY_REASON


def test_only_the_browser_showing_the_page_again_without_the_photo_makes_it_gone(
    case, shell_site: dict[str, str], scan_face_engine, sandbox_home: Path
) -> None:
    paths = resolve_paths(sandbox_home)
    first = scan_shown_page(
        scan_face_engine, case, WebCollector(paths), _shown(shell_site, "me"), SETTINGS
    )
    assert first.comparison["new"] == 1
    [finding] = case.findings()
    # The same address listed as a plain source: its fetch reads the empty shell, which
    # says nothing about what the browser showed.
    case.remove_source(case.sources()[0].id)
    case.add_sources([shell_site["page"]])
    shell = scan_case(scan_face_engine, case, WebCollector(paths), SETTINGS)
    assert shell.comparison == {"new": 0, "gone": 0, "unchanged": 0, "unchecked": 1}
    assert case.finding_history([finding.id])[finding.id].presence == "unchecked"
    # The browser shows the page again without the photo: now it is gone.
    again = scan_shown_page(
        scan_face_engine, case, WebCollector(paths), _shown(shell_site, "stranger"), SETTINGS
    )
    assert again.comparison["gone"] == 1
    assert not case.sources()[0].seen_in_browser  # the listed source stays as it was
