"""The one scan of the open case: started, paused, resumed and cancelled from any screen.

One :class:`ScanRunner` per window (``ScanRunner.of(context)``): the Scan screen drives it and
the Sources screen's Retry uses it too, so two scans of a case never race for its lock. The
scan itself is the CLI's (``faceaudit scan --case``): :func:`run_case_scan` builds the same
collector and calls the same :func:`faceaudit.scan.runs.scan_case`, on the worker pool via
``context.run``; its progress callback becomes the ``progressed`` signal there (gui/worker.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from faceaudit.gui.worker import CancelToken
from faceaudit.scan.control import ScanControl, ScanProgress

if TYPE_CHECKING:
    from faceaudit.app import App
    from faceaudit.collect.types import ShownPage
    from faceaudit.gui.context import GuiContext
    from faceaudit.gui.worker import Task
    from faceaudit.scan.pipeline import ScanOutcome
    from faceaudit.store import Case

_ATTRIBUTE = "_faceaudit_scan_runner"


@dataclass(frozen=True)
class Readiness:
    """What the open case has, to say plainly why a scan cannot start."""

    references: int
    sources: int
    resumable_scan: int | None


def case_readiness(case: Case) -> Readiness:
    return Readiness(len(case.reference_rows()), len(case.sources()), case.resumable_scan())


class NotReady(Exception):
    """The case cannot be scanned yet; ``reason`` is "references" or "sources" (the screens
    say it in the window's language, pointing at the screen that fixes it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def run_case_scan(
    app: App,
    case: Case,
    control: ScanControl,
    *,
    resume: bool = False,
    only_sources: Collection[int] | None = None,
    progress: Callable[[ScanProgress], None] | None = None,
    revalidate: bool = False,
    shown: ShownPage | None = None,
) -> ScanOutcome:
    """What ``faceaudit scan --case NAME [--resume]`` runs, with its default network settings.

    ``revalidate`` asks every server again even for pages the HTTP cache holds as fresh (a
    re-check after a promised erasure: ``faceaudit requests recheck``). ``shown``: scan the
    images the in-app browser showed on a page instead (:mod:`faceaudit.scan.browser`)."""
    from faceaudit.scan.pipeline import ScanSettings
    from faceaudit.scan.runs import default_workers, scan_case, scan_engine, web_collector

    ready = case_readiness(case)
    if not ready.references:
        raise NotReady("references")
    if not ready.sources and shown is None:
        raise NotReady("sources")
    settings = ScanSettings(workers=default_workers(app.threads))
    network = cli_network()
    if revalidate:
        network["honour_freshness"] = False
    collector = web_collector(app.paths, depth=0, max_pages=None, network=network)
    references = None
    if case.model_pack not in (None, app.model_pack):
        # The stored embeddings belong to another pack: embed the stored photos anew.
        references = app.engine.enrol(
            [(row.label, case.reference_photo(row.id)) for row in case.reference_rows()]
        )
    if shown is not None:
        from faceaudit.scan.browser import scan_shown_page

        return scan_shown_page(
            scan_engine(app.engine),
            case,
            collector,
            shown,
            settings,
            cache_namespace=app.model_pack,
            control=control,
            on_progress=progress,
            references=references,
        )
    return scan_case(
        scan_engine(app.engine),
        case,
        collector,
        settings,
        resume=resume,
        cache_namespace=app.model_pack,
        control=control,
        on_progress=progress,
        references=references,
        only_sources=only_sources,
    )


def cli_network() -> dict[str, Any]:
    """The network settings of ``faceaudit scan --case NAME`` given no network option, read
    from the CLI's own parser so the window's scan stays the CLI's. Timeouts, request limits
    and robots.txt are not named: the saved settings decide them (faceaudit.config), as for
    ``faceaudit scan``."""
    from faceaudit.cli import build_parser
    from faceaudit.cli.collect import network_settings

    args = build_parser().parse_args(["scan", "--case", "-"])
    network = network_settings(args)
    network["sitemap"] = bool(args.sitemap)  # each source's own choice applies on top
    return network


def scan_error_text(context: GuiContext, error: BaseException) -> str:
    """Why a scan could not run, in the window's words (what happened, what to do)."""
    if isinstance(error, NotReady) and error.reason == "references":
        return QCoreApplication.translate(
            "ScanRunner",
            "There is no photo of you in this case yet, so there is nothing to compare faces "
            "with. Add one or two on the Me screen, then scan.",
        )
    from faceaudit.errors import ModelPackError

    if isinstance(error, ModelPackError):
        return QCoreApplication.translate(
            "ScanRunner",
            "The face models are missing or damaged, so no face can be compared. Close and "
            "open FaceAudit again: its welcome screen downloads them.",
        )
    if isinstance(error, NotReady):
        return QCoreApplication.translate(
            "ScanRunner",
            "This case lists no source to scan yet. Add the pages to look at on the Sources "
            "screen, then scan.",
        )
    return context.error_text(error)


class ScanRunner(QObject):
    """Holds the running scan (at most one) and tells every screen what it does."""

    started = Signal(object)  # the source ids scanned (None: all of them)
    progressed = Signal(object)  # ScanProgress
    paused_changed = Signal(bool)
    finished = Signal(object)  # ScanOutcome (status done or cancelled)
    failed = Signal(object)  # the exception

    def __init__(self, context: GuiContext) -> None:
        super().__init__(context)
        self.context = context
        self.control: ScanControl | None = None
        self.task: Task | None = None
        self.only_sources: Collection[int] | None = None
        self.last_progress: ScanProgress | None = None
        context.case_closed.connect(self.cancel)

    @classmethod
    def of(cls, context: GuiContext) -> ScanRunner:
        """The window's runner (made on first use): one scan at a time for every screen."""
        runner = getattr(context, _ATTRIBUTE, None)
        if runner is None:
            runner = cls(context)
            setattr(context, _ATTRIBUTE, runner)
        return runner

    @property
    def running(self) -> bool:
        return self.task is not None

    @property
    def paused(self) -> bool:
        return self.control is not None and self.control.paused

    def start(
        self,
        *,
        resume: bool = False,
        only_sources: Collection[int] | None = None,
        revalidate: bool = False,
        shown: ShownPage | None = None,
    ) -> bool:
        """Start a scan of the open case; False if one is already running or no case is open.

        ``shown``: what the in-app browser showed on a page, scanned as that page's source."""
        case = self.context.case
        if self.task is not None or case is None:
            return False
        # The worker's cancel token is the scan's cancel flag: the window's closing
        # (worker.cancel_all) stops the scan at its next image, as Stop does.
        token = CancelToken()
        control = ScanControl(token.event)
        self.control = control
        self.only_sources = only_sources
        self.last_progress = None
        scan = functools.partial(
            run_case_scan,
            self.context.app,
            case,
            control,
            resume=resume,
            only_sources=only_sources,
            revalidate=revalidate,
            shown=shown,
        )
        self.task = self.context.run(
            scan,
            cancel=token,
            on_progress=self._progressed,
            on_result=self._finished,
            on_error=self._failed,
        )
        self.started.emit(only_sources)
        return True

    def pause(self) -> None:
        if self.control is not None and not self.control.paused and not self.control.cancelled:
            self.control.pause()
            self.paused_changed.emit(True)

    def resume(self) -> None:
        if self.control is not None and self.control.paused:
            self.control.resume()
            self.paused_changed.emit(False)

    def cancel(self) -> None:
        """Stop after the images in progress; what was analysed is kept (and resumable)."""
        if self.control is not None:
            self.control.cancel()

    @property
    def cancelling(self) -> bool:
        return self.control is not None and self.control.cancelled

    def _progressed(self, progress: object) -> None:
        if isinstance(progress, ScanProgress):
            self.last_progress = progress
            self.progressed.emit(progress)

    def _done(self) -> None:
        self.task = None
        self.control = None

    def _finished(self, outcome: object) -> None:
        self._done()
        self.context.findings_changed.emit()
        self.context.sources_changed.emit()
        self.finished.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        self._done()
        self.context.sources_changed.emit()
        self.failed.emit(error)
