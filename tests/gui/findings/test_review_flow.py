"""The Findings screen end to end: a real scan of a loopback site, reviewed by key and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.findings.model import Role
from faceaudit.gui.findings.view import FindingsScreen
from faceaudit.gui.findings.viewer import ViewerDialog

pytestmark = [pytest.mark.models, pytest.mark.shared]


def _screen(qtbot, gui_context, case) -> FindingsScreen:
    gui_context.open_case(case)
    screen = FindingsScreen(gui_context)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    return screen


def _tile_ids(screen: FindingsScreen) -> list[int]:
    groups = screen.groups
    return [
        groups.index(r, 0).data(Role.FINDING_ID)
        for r in range(groups.rowCount())
        if not groups.is_header(r)
    ]


def test_confirm_by_key_reject_by_mouse_undo_and_the_filters(qtbot, gui_context, scanned_case):
    case, site = scanned_case
    screen = _screen(qtbot, gui_context, case)
    ids = _tile_ids(screen)
    assert len(ids) == len(case.findings()) >= 3
    # The photo on two pages is one tile: one decision covers both places.
    shared = next(f for f in case.findings() if f.image_url == site.url("img/shared.jpg"))
    pages = {s.page_url for s in case.finding_sightings(shared.id)}
    assert pages == {site.url("index.html"), site.url("about.html")}

    first, second = ids[0], ids[1]
    screen.gallery.select_finding(first)
    screen.gallery.setFocus()
    qtbot.keyClick(screen.gallery, Qt.Key.Key_Y)
    assert case.finding(first).review == "confirmed"
    assert screen.gallery.current_finding_id() == second  # moved on to the next face

    qtbot.mouseClick(screen.buttons["reject"], Qt.MouseButton.LeftButton)
    assert case.finding(second).review == "rejected"
    assert "not you" in screen.message.text()

    qtbot.keyClick(screen.gallery, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert case.finding(second).review == "unreviewed"
    assert case.finding(first).review == "confirmed"
    assert screen.gallery.current_finding_id() == second

    screen.review.setCurrentIndex(screen.review.findData("confirmed"))
    assert _tile_ids(screen) == [first]
    screen.review.setCurrentIndex(screen.review.findData("unreviewed"))
    assert first not in _tile_ids(screen) and second in _tile_ids(screen)
    screen.review.setCurrentIndex(screen.review.findData(""))
    screen.site.setCurrentIndex(screen.site.findData("127.0.0.1"))
    assert len(_tile_ids(screen)) == len(ids)
    assert screen.summary.counts[0][:2] == ("127.0.0.1", 1)


def test_the_viewer_draws_every_face_and_opens_the_page(qtbot, gui_context, dialogs, scanned_case):
    case, site = scanned_case
    screen = _screen(qtbot, gui_context, case)
    together = [f for f in case.findings() if f.image_url.endswith("together.jpg")]
    if not together:
        pytest.skip("the photo of Obama with Biden is only in ../shared")
    screen.gallery.select_finding(together[0].id)
    screen.gallery.setFocus()
    qtbot.keyClick(screen.gallery, Qt.Key.Key_Space)
    qtbot.waitUntil(
        lambda: any(isinstance(d, ViewerDialog) for d in dialogs.dialogs), timeout=30_000
    )
    viewer = next(d for d in dialogs.dialogs if isinstance(d, ViewerDialog))
    qtbot.waitExposed(viewer)
    kinds = [kind for kind, _ in viewer.picture.boxes()]
    assert kinds.count("this") == 1
    assert "face" in kinds  # Biden's face, drawn but not a finding
    this = next(rect for kind, rect in viewer.picture.boxes() if kind == "this")
    assert viewer.picture.rect().contains(this.toRect())
    qtbot.mouseClick(viewer.open_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened_urls == [site.url("index.html")]
    qtbot.mouseClick(viewer.confirm_button, Qt.MouseButton.LeftButton)
    assert case.finding(together[0].id).review == "confirmed"


def test_locking_the_case_drops_every_crop_and_row(qtbot, gui_context, scanned_case):
    case, _ = scanned_case
    screen = _screen(qtbot, gui_context, case)
    qtbot.waitUntil(lambda: screen.gallery.loader.cached_count() > 0)
    gui_context.close_case()
    assert screen.model.rowCount() == 0
    assert screen.gallery.loader.cached_count() == 0
    assert screen.summary.counts == []
    assert screen.page.currentIndex() == 0  # the "open a case first" page
