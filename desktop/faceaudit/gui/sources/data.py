"""The Sources screen's calls into the open Case, run off the GUI thread (context.run)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the window starts without loading the case store
    from faceaudit.store import Case, SourceSettings
    from faceaudit.store.source_list import SourceList
    from faceaudit.store.source_states import SourceState


@dataclass(frozen=True)
class SourceItem:
    """One row of the table: what the person listed, how it is collected, what was found."""

    id: int
    url: str
    settings: SourceSettings
    state: SourceState


def load_sources(case: Case) -> list[SourceItem]:
    rows = {row.id: row for row in case.sources()}
    return [
        SourceItem(
            state.source_id,
            rows[state.source_id].url_or_path,
            rows[state.source_id].settings,
            state,
        )
        for state in case.source_states()
        if state.source_id in rows
    ]


@dataclass(frozen=True)
class Added:
    added: int  # new sources
    already: int  # listed already
    listed: SourceList  # what was read, with the lines refused


def add_sources(case: Case, listed: SourceList, settings: SourceSettings) -> Added:
    added = case.add_sources(listed.entries, settings=settings) if listed.entries else 0
    return Added(added, len(listed.entries) - added, listed)


def remove_sources(case: Case, source_ids: Sequence[int]) -> int:
    for source_id in source_ids:
        case.remove_source(source_id)
    return len(source_ids)


def save_settings(case: Case, source_id: int, settings: SourceSettings) -> None:
    case.set_source_settings(source_id, settings)
