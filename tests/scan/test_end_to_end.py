"""A scan of a loopback site where the person's face is planted among strangers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import WebCollector, scan_one_shot

if TYPE_CHECKING:
    from .conftest import LoopbackSite, PlantedSite

pytestmark = [pytest.mark.models, pytest.mark.shared]


def test_every_planted_appearance_is_found_and_no_stranger(
    obama_site: PlantedSite, scan_face_engine, sandbox_home: Path
) -> None:
    planted = obama_site
    references = scan_face_engine.enrol([("me", planted.reference.read_bytes())])
    collector = WebCollector(resolve_paths(sandbox_home), depth=1)

    outcome = scan_one_shot(
        scan_face_engine, references, [planted.start_url], collector, ScanSettings(workers=2)
    )

    assert outcome.status == "done"
    assert outcome.errors == []
    found = {finding.image_url: finding for finding in outcome.findings}
    assert set(found) == set(planted.planted), (
        f"missed: {set(planted.planted) - set(found)}; extra: {set(found) - set(planted.planted)}"
    )
    assert all(finding.verdict == "match" for finding in outcome.findings)
    assert not set(found) & planted.strangers
    # One finding per planted image: in the group photos, only Obama's face is reported.
    assert len(outcome.findings) == len(planted.planted)
    assert found[planted.start_url + "img/share.jpg"].found_by == "og:image"
    assert outcome.stats["pages"] == 2
    copy = found[planted.start_url + "img/banner-copy.jpg"]
    assert (copy.page_url, copy.found_by) == (planted.pages[1], "img")
    assert copy.bbox == found[planted.start_url + "img/banner.jpg"].bbox
    # The copy's bytes were analysed once, for the banner.
    assert outcome.stats["images"] == len(planted.planted) - 1 + len(planted.strangers)


def test_a_face_in_a_video_is_found_with_its_frame_time(
    site: LoopbackSite, examples_dir: Path, scan_face_engine, sandbox_home: Path
) -> None:
    reference = (examples_dir / "lin-manuel-miranda.png").read_bytes()
    site.serve("/clip.mp4", (examples_dir / "short_hamilton_clip.mp4").read_bytes(), "video/mp4")
    page = site.page("/show.html", '<video src="/clip.mp4" controls></video>')
    references = scan_face_engine.enrol([("lin", reference)])

    outcome = scan_one_shot(
        scan_face_engine,
        references,
        [page],
        WebCollector(resolve_paths(sandbox_home)),
        ScanSettings(workers=2),
    )

    assert outcome.errors == []
    assert outcome.findings, "Lin-Manuel Miranda appears in the clip but was not found"
    assert {f.found_by for f in outcome.findings} == {"video-frame"}
    assert {f.image_url for f in outcome.findings} == {site.url("/clip.mp4")}
    assert {f.page_url for f in outcome.findings} == {page}
    [clip] = outcome.findings  # one finding per clip, with the times of its frames
    times = list(clip.frame_times)
    assert all(0 <= t <= 9.5 for t in times) and times == sorted(times)
    assert len(set(times)) >= 3  # he is on screen for several seconds
    assert clip.frame_time == times[0] and clip.as_json()["frame_times"] == times
    assert any(f.verdict == "match" for f in outcome.findings)
