"""Every place a finding was seen, and "gone" only when its pages were read again."""

from __future__ import annotations

import hashlib

from faceaudit.store import Case

PAGE = "http://127.0.0.1:8000/team.html"
OTHER_SITE_PAGE = "http://127.0.0.2:8000/mirror.html"


def _seen(
    case: Case, samples, scan: int, photo: bytes, page: str, image: str, face: int = 1
) -> int:
    """The face number ``face`` of the photo, seen on ``page``."""
    box = (10.0 + 200 * face, 20.0, 110.0 + 200 * face, 140.0)
    return case.add_finding(
        scan,
        hashlib.sha256(photo).hexdigest(),
        samples.provenance(photo, page=page, image_url=image),
        samples.make_match(face, box),
        samples.jpeg_crop(photo),
    )


def test_every_place_is_kept_and_counted_per_finding(case: Case, samples, photo_bytes) -> None:
    scan = case.start_scan({})
    image = "http://127.0.0.1:8000/img/t1.jpg"
    first = _seen(case, samples, scan, photo_bytes, PAGE, image)
    for page in ("http://127.0.0.1:8000/about.html", OTHER_SITE_PAGE):
        assert _seen(case, samples, scan, photo_bytes, page, image) == first
    case.finish_scan(scan, {}, "done")

    history = case.finding_history()[first]
    assert [place.where for place in history.places] == [
        PAGE,
        "http://127.0.0.1:8000/about.html",
        OTHER_SITE_PAGE,
    ]
    assert (history.pages, history.sites) == (3, 2)
    assert history.also_on() == "also on 2 pages, 1 other site"
    assert history.presence == "seen" and history.last_seen_at == "2026-03-01T10:00:00Z"
    assert case.finding_history([12345]) == {}


def test_gone_only_when_the_page_was_read_again(case: Case, samples, photo_bytes) -> None:
    image = "http://127.0.0.1:8000/img/t1.jpg"
    scan1 = case.start_scan({})
    finding = _seen(case, samples, scan1, photo_bytes, PAGE, image)
    mirrored = _seen(case, samples, scan1, photo_bytes, OTHER_SITE_PAGE, image, face=2)
    case.record_checked(scan1, [PAGE, OTHER_SITE_PAGE])
    case.finish_scan(scan1, {}, "done")

    # Scan 2 read neither page (the sites were down, or the scan was less deep).
    scan2 = case.start_scan({})
    case.finish_scan(scan2, {}, "done")
    assert case.scan_changes(scan2) == {
        "new": [],
        "gone": [],
        "unchanged": [],
        "unchecked": [finding, mirrored],
    }
    assert case.finding_history()[finding].presence == "unchecked"

    # Scan 3 read the first page only, and the photo was no longer on it.
    scan3 = case.start_scan({})
    case.record_checked(scan3, [PAGE])
    case.finish_scan(scan3, {}, "done")
    assert case.scan_changes(scan3)["gone"] == [finding]
    assert case.scan_changes(scan3)["unchecked"] == [mirrored]
    history = case.finding_history()[finding]
    assert history.presence == "gone" and history.gone_since_scan_id == scan3
    assert history.places[0].gone and history.last_seen_at == "2026-03-01T10:00:00Z"

    # Scan 4 reads it again: still gone, but counted as gone once, in the scan that saw it go.
    scan4 = case.start_scan({})
    case.record_checked(scan4, [PAGE])
    case.finish_scan(scan4, {}, "done")
    assert case.scan_changes(scan4)["gone"] == []
    assert case.finding_history()[finding].presence == "gone"

    # It comes back in scan 5: seen again, not "new".
    scan5 = case.start_scan({})
    assert _seen(case, samples, scan5, photo_bytes, PAGE, image) == finding
    case.record_checked(scan5, [PAGE])
    case.finish_scan(scan5, {}, "done")
    assert case.scan_changes(scan5)["unchanged"] == [finding]
    assert case.scan_changes(scan5)["new"] == []
    assert case.finding_history()[finding].presence == "seen"
    # What was known at the end of scan 3 can still be asked.
    assert case.finding_history(until_scan=scan3)[finding].presence == "gone"


def test_source_settings_are_saved_with_the_source(case: Case) -> None:
    from faceaudit.store import SourceSettings

    case.add_sources([PAGE], settings=SourceSettings(depth=2, max_pages=10))
    case.add_sources(["http://127.0.0.1:8000/other.html"])
    deep, plain = case.sources()
    assert deep.settings == SourceSettings(depth=2, max_pages=10)
    assert plain.settings == SourceSettings()
    case.set_source_settings(plain.id, SourceSettings(depth=1, sitemap=True))
    assert case.sources()[1].settings.describe() == "depth 1, sitemap"
