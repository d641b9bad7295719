"""Scanning a page the person looked at in the in-app browser ("Scan this page").

The page becomes a Source of the case, marked as seen in the in-app browser (unless the
person had listed that address already), and an ordinary ``scan_case(only_sources=[id])``
runs with a collector told what the browser showed: the images are fetched through the
collector's guarded media path (caps, address checks per connection, contained decoding),
the page itself is not fetched again. Findings get ``found_by`` ``browser:img`` (``srcset``,
``css``...) with the page's URL, and appear in the Findings screen like any other.

A later ordinary scan leaves such a source out (a plain fetch may see an empty shell or a
login page): its findings stay "not checked", and a retry of that source alone says to scan
it again from the Browser screen (``runs.BROWSER_ONLY_REASON``). Images that only load with
the person's login cannot be fetched by FaceAudit's own client (it sends no cookies): they
are reported as not fetched, with the server's answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from faceaudit.collect.types import ShownPage
from faceaudit.store.records import SEEN_IN, SEEN_IN_BROWSER
from faceaudit.store.sources import normalise_source

if TYPE_CHECKING:
    from faceaudit.faces.types import Reference
    from faceaudit.scan.control import ScanControl
    from faceaudit.scan.pipeline import FaceBackend, ProgressCallback, ScanOutcome, ScanSettings
    from faceaudit.scan.runs import WebCollector
    from faceaudit.store import Case


def browser_source(case: Case, page_url: str) -> tuple[int, str]:
    """The case's source for the page (id, text): the one already listed at that address, or
    a new one marked as seen in the in-app browser."""
    text = normalise_source(page_url)
    if not text.lower().startswith(("http://", "https://")):
        raise ValueError("only a web page can be scanned from the browser")
    for row in case.sources():
        if row.url_or_path == text:
            return row.id, text
    case.add_sources([text], options={SEEN_IN: SEEN_IN_BROWSER})
    for row in case.sources():
        if row.url_or_path == text:
            return row.id, text
    raise AssertionError("the source just added is not listed")  # pragma: no cover


def scan_shown_page(
    engine: FaceBackend,
    case: Case,
    collector: WebCollector,
    page: ShownPage,
    settings: ScanSettings | None = None,
    *,
    cache_namespace: str = "buffalo_sc",
    control: ScanControl | None = None,
    on_progress: ProgressCallback | None = None,
    references: Sequence[Reference] | None = None,
) -> ScanOutcome:
    """Scan the images the browser showed on ``page`` as a scan of the page's source."""
    from faceaudit.scan.runs import scan_case

    source_id, text = browser_source(case, page.url)
    collector.shown = {text: page}
    return scan_case(
        engine,
        case,
        collector,
        settings,
        cache_namespace=cache_namespace,
        control=control,
        on_progress=on_progress,
        references=references,
        only_sources=[source_id],
    )
