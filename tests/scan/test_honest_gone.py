"""'Gone' only when a page was read again without the photo, against a real loopback site.

The scenarios of issue 9: a re-scan without the earlier --depth, a source removed, a scan
cancelled and resumed; and a real takedown, which must show as gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.scan.control import ScanControl, ScanProgress
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import WebCollector, scan_case

if TYPE_CHECKING:
    from .conftest import LoopbackSite, PlantedSite

pytestmark = [pytest.mark.models, pytest.mark.shared]

SETTINGS = ScanSettings(workers=2)


def _collector(home: Path) -> WebCollector:
    """What `faceaudit scan --case` builds when no --depth is given."""
    return WebCollector(resolve_paths(home))


def _ids_on(case, image_path: str, site: LoopbackSite) -> list[int]:
    return [row.id for row in case.findings() if row.image_url == site.url(image_path)]


def test_depth_is_saved_with_the_source_and_a_shallower_scan_is_not_gone(
    obama_case, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    first = scan_case(
        scan_face_engine,
        obama_case,
        _collector(sandbox_home),
        SETTINGS,
        source_changes={"depth": 1},
    )
    assert first.comparison == {"new": 5, "gone": 0, "unchanged": 0, "unchecked": 0}
    assert obama_case.sources()[0].settings.depth == 1

    # The next scan is run without --depth: the source's saved depth still reaches about.html.
    again = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert again.comparison == {"new": 0, "gone": 0, "unchanged": 5, "unchecked": 0}

    # Asked explicitly for less depth: about.html is not read, so its photo is not checked.
    [linked] = _ids_on(obama_case, "/img/two.jpg", site)
    shallow = scan_case(
        scan_face_engine,
        obama_case,
        _collector(sandbox_home),
        SETTINGS,
        source_changes={"depth": 0},
    )
    assert shallow.comparison == {"new": 0, "gone": 0, "unchanged": 4, "unchecked": 1}
    history = obama_case.finding_history()[linked]
    assert history.presence == "unchecked"
    assert history.last_seen_scan_id == again.scan_id

    # A real takedown: the photo leaves the home page, which the next scan reads.
    [removed] = _ids_on(obama_case, "/img/obama1.jpg", site)
    home = site.routes["/"][0].decode().replace('<img src="/img/obama1.jpg" alt="">', "")
    site.page("/", home)
    takedown = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert takedown.comparison == {"new": 0, "gone": 1, "unchanged": 3, "unchecked": 1}
    assert obama_case.scan_changes(takedown.scan_id)["gone"] == [removed]
    gone = obama_case.finding_history()[removed]
    assert gone.presence == "gone" and gone.gone_since_scan_id == takedown.scan_id
    assert gone.last_seen_at <= (gone.last_checked_at or "")


def test_a_removed_source_is_unchecked_and_a_resumed_scan_reports_the_whole_scan(
    obama_case, obama_site: PlantedSite, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    about = site.url("/about.html")
    obama_case.add_sources([about])
    first = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert first.comparison == {"new": 5, "gone": 0, "unchanged": 0, "unchecked": 0}
    [linked] = _ids_on(obama_case, "/img/two.jpg", site)
    banner = obama_case.finding_history()[_ids_on(obama_case, "/img/banner.jpg", site)[0]]
    assert (banner.pages, banner.also_on()) == (2, "also on 1 page")

    [about_row] = [row for row in obama_case.sources() if row.url_or_path == about]
    obama_case.remove_source(about_row.id)
    without = scan_case(scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS)
    assert without.comparison == {"new": 0, "gone": 0, "unchanged": 4, "unchecked": 1}
    assert obama_case.finding_history()[linked].presence == "unchecked"

    # The source comes back; that scan is interrupted (Ctrl+C) and resumed.
    obama_case.add_sources([about])
    control = ScanControl()
    site.hold_images_after(3)

    def cancel_when_stalled(progress: ScanProgress) -> None:
        if progress.images_done >= 3 and not control.cancelled:
            control.cancel()
            site.release()

    interrupted = scan_case(
        scan_face_engine,
        obama_case,
        _collector(sandbox_home),
        SETTINGS,
        control=control,
        on_progress=cancel_when_stalled,
    )
    assert interrupted.status == "cancelled"
    assert interrupted.comparison is not None and interrupted.comparison["gone"] == 0
    resumed = scan_case(
        scan_face_engine, obama_case, _collector(sandbox_home), SETTINGS, resume=True
    )
    assert resumed.status == "done" and resumed.resumed
    # Seen again, not "new"; and the summary counts both parts of the scan.
    assert resumed.comparison == {"new": 0, "gone": 0, "unchanged": 5, "unchecked": 0}
    assert resumed.stats["images"] == obama_case.processed_count(first.scan_id)
    assert resumed.stats["images"] > interrupted.stats["images"]
    assert {f.image_url for f in resumed.findings} == set(obama_site.planted)
    assert obama_case.finding_history()[linked].presence == "seen"
