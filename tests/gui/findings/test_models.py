"""The findings models: named roles, Qt's model invariants, filters and grouping by site."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.findings.model import (
    Filters,
    FindingsFilter,
    FindingsModel,
    Role,
    SiteGroups,
)

pytestmark = pytest.mark.shared


def _models(case):
    source = FindingsModel()
    source.set_findings(case.findings())
    filtered = FindingsFilter()
    filtered.setSourceModel(source)
    groups = SiteGroups()
    groups.setSourceModel(filtered)
    return source, filtered, groups


def _layout(groups: SiteGroups) -> list[str | int]:
    """Headers as their site, tiles as their finding id, in display order."""
    out: list[str | int] = []
    for row in range(groups.rowCount()):
        index = groups.index(row, 0)
        out.append(
            index.data(Role.SITE) if index.data(Role.IS_HEADER) else index.data(Role.FINDING_ID)
        )
    return out


def test_models_pass_qt_model_tester(qtmodeltester, three_site_case) -> None:
    case, _ = three_site_case
    source, filtered, groups = _models(case)
    qtmodeltester.check(source)
    qtmodeltester.check(filtered)
    qtmodeltester.check(groups)
    filtered.set_filters(Filters(verdict="match"))
    qtmodeltester.check(groups)


def test_tiles_are_grouped_by_site_strongest_first(three_site_case) -> None:
    case, ids = three_site_case
    _, _, groups = _models(case)
    assert _layout(groups) == [
        "blog.example", ids[2], ids[4], ids[3],
        "news.example", ids[0], ids[1],
        "shop.example", ids[5], ids[6],
    ]  # fmt: skip
    header = groups.index(0, 0)
    assert header.data(Role.GROUP_COUNT) == 3
    selectable = Qt.ItemFlag.ItemIsSelectable
    assert not groups.flags(header) & selectable
    assert groups.flags(groups.index(1, 0)) & selectable


def test_named_roles_carry_the_finding(three_site_case) -> None:
    case, ids = three_site_case
    source, _, _ = _models(case)
    index = source.index(source.row_for(ids[1]) or 0, 0)
    assert index.data(Role.VERDICT) == "possible"
    assert index.data(Role.SIMILARITY) == pytest.approx(0.34)
    assert index.data(Role.SITE) == "news.example"
    assert index.data(Role.REVIEW) == "unreviewed"
    assert index.data(Role.IS_NEW) is True
    assert source.roleNames()[int(Role.FINDING_ID)] == b"finding_id"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(verdict="match"), [2, 4, 0, 5]),
        (Filters(verdict="possible"), [3, 1, 6]),
        (Filters(site="shop.example"), [5, 6]),
        (Filters(review="unreviewed"), [2, 4, 0, 1, 5, 6]),
        (Filters(review="reviewed"), [3]),
        (Filters(new_only=True, review="confirmed"), []),
    ],
)
def test_filters_keep_what_was_asked(
    three_site_case, filters: Filters, expected: list[int]
) -> None:
    case, ids = three_site_case
    case.review(ids[3], "rejected")
    _, filtered, groups = _models(case)
    filtered.set_filters(filters)
    tiles = [x for x in _layout(groups) if isinstance(x, int)]
    assert tiles == [ids[i] for i in expected]


def test_a_decision_repaints_its_tile_and_the_review_filter_drops_it(
    qtbot, three_site_case
) -> None:
    case, ids = three_site_case
    source, filtered, groups = _models(case)
    filtered.set_filters(Filters(review="unreviewed"))
    before = groups.rowCount()
    case.review(ids[0], "confirmed")
    source.set_review(ids[0], "confirmed")
    assert groups.rowCount() == before - 1
    assert ids[0] not in _layout(groups)
    filtered.set_filters(Filters())
    row = groups.mapFromSource(filtered.mapFromSource(source.index(source.row_for(ids[0]) or 0, 0)))
    assert row.data(Role.REVIEW) == "confirmed"
