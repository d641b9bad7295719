"""The Scan screen: start, pause, resume and cancel a scan of the case; watch it source by source.

The scan is the CLI's (see gui/scan/runner.py) and runs on the worker pool, so the window
stays responsive; pausing is the core's own (it stops taking images; downloads stop once a
few images wait); a cancelled or interrupted scan can be continued later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.scan.model import SOURCE, STATE, ScanSourcesModel
from faceaudit.gui.scan.runner import Readiness, ScanRunner, case_readiness, scan_error_text
from faceaudit.gui.scan.widgets import CountsPanel, ScanWords
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label
from faceaudit.scan.control import ScanProgress


class ScanScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ScanScreen", "Scan")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = ScanRunner.of(context)
        self.model = ScanSourcesModel(self)
        self.readiness: Readiness | None = None
        self.outcome: Any = None
        self.words = ScanWords(self)

        content = QWidget()
        self.start_button = QPushButton(self.tr("&Start scan"))
        shortcuts.bind(
            self.start_button, shortcuts.START_SCAN, self.tr("Look for your face on every source")
        )
        self.continue_button = QPushButton(self.tr("&Continue the stopped scan"))
        self.continue_button.setToolTip(
            self.tr("Scan only what the stopped scan had not reached yet")
        )
        self.pause_button = QPushButton(self.tr("&Pause"))
        shortcuts.bind(self.pause_button, shortcuts.PAUSE_SCAN, self.tr("Pause or resume the scan"))
        self.cancel_button = QPushButton(self.tr("S&top"))
        shortcuts.bind(
            self.cancel_button,
            shortcuts.CANCEL_SCAN,
            self.tr("Stop the scan; what was analysed is kept"),
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.message.setAccessibleName(self.tr("Scan: messages"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Sources scanned"))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("%v of %m sources"))
        self.progress_bar.setTextVisible(False)  # until a scan says how many
        self.counts = CountsPanel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Each source during the scan"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SOURCE, 300)

        self.summary_box = QGroupBox(self.tr("Result"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What the scan found"))
        self.findings_button = QPushButton(self.tr("&Review the findings"))
        self.findings_button.setToolTip(self.tr("Open the Findings screen"))
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Addresses that could not be read"))
        summary_layout = QVBoxLayout(self.summary_box)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.findings_button)
        summary_layout.addLayout(summary_row)
        summary_layout.addWidget(self.problems)
        self.summary_box.setVisible(False)

        buttons = QHBoxLayout()
        for button in (
            self.start_button,
            self.continue_button,
            self.pause_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Look for your face")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "FaceAudit reads the sources you listed, finds the faces in every photo and "
                    "video, and compares them with your photos, all on this computer. Only the "
                    "listed sites are contacted."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.table, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(NeedsCase(context, content))

        for shortcut, slot in (
            (shortcuts.START_SCAN, self.start),
            (shortcuts.PAUSE_SCAN, self.toggle_pause),
            (shortcuts.CANCEL_SCAN, self.cancel),
        ):
            shortcuts.action(self, "", shortcut).triggered.connect(slot)
        self.start_button.clicked.connect(self.start)
        self.continue_button.clicked.connect(self.continue_stopped)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button.clicked.connect(self.cancel)
        self.findings_button.clicked.connect(lambda: context.navigate.emit("findings"))
        self.runner.started.connect(self._started)
        self.runner.progressed.connect(self._progressed)
        self.runner.paused_changed.connect(self._paused_changed)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        context.case_opened.connect(lambda _case: self.check_ready())
        context.case_opened.connect(lambda _case: self._update_buttons())
        context.case_closed.connect(self._drop_everything)
        for signal in (context.sources_changed, context.references_changed):
            signal.connect(self.check_ready)
        if context.case is not None:
            self.check_ready()
        self._update_buttons()

    # -- readiness -------------------------------------------------------------------------

    def check_ready(self) -> None:
        case = self.context.case
        if case is None or self.runner.running:
            return
        self.context.run(
            case_readiness,
            case,
            on_result=self._ready,
            on_error=lambda error: set_state(self.message, "bad", self.context.error_text(error)),
        )

    def _ready(self, readiness: Readiness) -> None:
        if self.context.case is None:
            return
        self.readiness = readiness
        if not self.runner.running and not self.summary_box.isVisible():
            if not readiness.references:
                set_state(self.message, "warn", self._not_ready_text("references"))
            elif not readiness.sources:
                set_state(self.message, "warn", self._not_ready_text("sources"))
            elif readiness.resumable_scan is not None:
                set_state(
                    self.message,
                    "",
                    self.tr(
                        "The last scan was stopped before it finished. Continue it, or start "
                        "a new scan of every source."
                    ),
                )
            else:
                set_state(self.message, "", "")
        self._update_buttons()

    def _not_ready_text(self, reason: str) -> str:
        from faceaudit.gui.scan.runner import NotReady

        return scan_error_text(self.context, NotReady(reason))

    def _update_buttons(self) -> None:
        has_case = self.context.case is not None
        running = self.runner.running
        resumable = self.readiness is not None and self.readiness.resumable_scan is not None
        self.start_button.setEnabled(has_case and not running)
        self.continue_button.setVisible(resumable and not running)
        self.continue_button.setEnabled(has_case and not running)
        self.pause_button.setEnabled(running and not self.runner.cancelling)
        self.pause_button.setText(self.tr("&Resume") if self.runner.paused else self.tr("&Pause"))
        self.cancel_button.setEnabled(running and not self.runner.cancelling)

    # -- driving ---------------------------------------------------------------------------

    def start(self) -> None:
        self._start(resume=False)

    def continue_stopped(self) -> None:
        self._start(resume=True)

    def _start(self, *, resume: bool) -> None:
        if self.context.case is None:
            return
        if self.runner.running:
            set_state(self.message, "warn", self.tr("A scan is already running."))
            return
        self.runner.start(resume=resume)

    def toggle_pause(self) -> None:
        if not self.runner.running:
            return
        if self.runner.paused:
            self.runner.resume()
        else:
            self.runner.pause()

    def cancel(self) -> None:
        if not self.runner.running or self.runner.cancelling:
            return
        self.runner.cancel()
        set_state(
            self.message,
            "",
            self.tr("Stopping after the images being analysed... What was analysed is kept."),
        )
        self._update_buttons()

    # -- what the runner says ----------------------------------------------------------------

    def _started(self, only_sources: object) -> None:
        self.outcome = None
        self.summary_box.setVisible(False)
        self.counts.clear()
        self.model.clear()
        self.progress_bar.setRange(0, 0)  # busy until the first report
        text = self.tr("Starting: loading the face models and reading the first pages...")
        if only_sources:
            text = self.tr("Scanning the source chosen on the Sources screen again...")
        set_state(self.message, "", text)
        self._update_buttons()

    def _progressed(self, progress: ScanProgress) -> None:
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setRange(0, max(1, progress.sources_total))
        self.progress_bar.setValue(progress.sources_done)
        self.counts.show_progress(progress)
        self.model.set_tallies(progress.sources)
        if progress.phase == "scanning" and not self.runner.cancelling:
            if progress.paused:
                set_state(
                    self.message,
                    "warn",
                    self.tr(
                        "Paused. The images already being analysed are finished; nothing more "
                        "is analysed, and downloads stop once a few images are waiting. Resume "
                        "goes on from here."
                    ),
                )
            else:
                set_state(self.message, "", self.tr("Scanning..."))

    def _paused_changed(self, paused: bool) -> None:
        self._update_buttons()
        if self.runner.last_progress is not None:
            self._progressed(self.runner.last_progress)

    def _finished(self, outcome: Any) -> None:
        self.outcome = outcome
        self.progress_bar.setRange(0, max(1, int(outcome.stats.get("sources", 0))))
        self.progress_bar.setValue(int(outcome.stats.get("sources_done", 0)))
        if self.runner.last_progress is not None:
            self.counts.show_progress(self.runner.last_progress)
        self.summary.setText(self.words.summary_text(outcome))
        self.problems.setPlainText(self.words.problems_list(outcome))
        self.problems.setVisible(bool(outcome.errors))
        # As tall as its lines, up to six: one problem should not take half the screen.
        lines = min(6, max(1, len(outcome.errors)))
        metrics = self.problems.fontMetrics()
        self.problems.setFixedHeight(metrics.lineSpacing() * lines + 2 * metrics.height() // 2 + 12)
        self.findings_button.setVisible(bool(outcome.findings))
        self.summary_box.setVisible(True)
        set_state(self.message, "", "")
        self.readiness = None
        self.check_ready()
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        if self.context.case is not None:
            set_state(self.message, "bad", scan_error_text(self.context, error))
        self.check_ready()
        self._update_buttons()

    def _drop_everything(self) -> None:
        self.progress_bar.setTextVisible(False)
        self.outcome = None
        self.readiness = None
        self.model.clear()
        self.counts.clear()
        self.summary.clear()
        self.problems.clear()
        self.summary_box.setVisible(False)
        set_state(self.message, "", "")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._update_buttons()
