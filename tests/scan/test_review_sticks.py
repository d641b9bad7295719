"""A review decision sticks across scans and covers every copy of the same image."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.paths import resolve_paths
from faceaudit.scan.pipeline import ScanSettings
from faceaudit.scan.runs import WebCollector, scan_case

if TYPE_CHECKING:
    from .conftest import LoopbackSite

pytestmark = [pytest.mark.models, pytest.mark.shared]


def test_a_rejected_face_is_not_offered_again_and_one_decision_covers_every_copy(
    obama_case, site: LoopbackSite, scan_face_engine, sandbox_home: Path
) -> None:
    collector = WebCollector(resolve_paths(sandbox_home), depth=1)
    first = scan_case(scan_face_engine, obama_case, collector, ScanSettings(workers=2))
    banner = {site.url("/img/banner.jpg"), site.url("/img/banner-copy.jpg")}
    reports = [f for f in first.findings if f.image_url in banner]
    assert {r.image_url for r in reports} == banner  # the same bytes on two pages...
    (finding_id,) = {r.finding_id for r in reports}  # ...are one finding: one decision
    obama_case.review(finding_id, "rejected")

    second = scan_case(scan_face_engine, obama_case, collector, ScanSettings(workers=2))
    assert finding_id not in {f.finding_id for f in second.findings}
    assert not {f.image_url for f in second.findings} & banner
    assert obama_case.finding(finding_id).review == "rejected"
    places = {
        s.image_url for s in obama_case.finding_sightings(finding_id) if s.scan_id == second.scan_id
    }
    assert places == banner  # still checked everywhere, just not offered for review again
    assert len(second.findings) == len(first.findings) - len(reports)
