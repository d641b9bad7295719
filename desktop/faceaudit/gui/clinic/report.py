"""The Clinic screen's Report panel: the client's exposure report, and re-checks of erasures.

The report is the CLI's (``faceaudit report``: :func:`faceaudit.report.generate`), written
off the GUI thread where the caseworker chooses (by default the case's exports folder,
which deleting the case destroys). A re-check scans again, through the window's one
:class:`~faceaudit.gui.scan.runner.ScanRunner`, the sources of the photos an operator said
it erased, asking every server afresh, as ``faceaudit requests recheck`` does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.context import GuiContext
from faceaudit.gui.scan.runner import ScanRunner, scan_error_text
from faceaudit.gui.widgets import hint_label, local_date, set_state

if TYPE_CHECKING:
    from faceaudit.report import GeneratedReport
    from faceaudit.report.erasure import ErasureCheck

LETTER_ROLE = Qt.ItemDataRole.UserRole + 1


class ErasureWords(QObject):
    """A promised erasure's answer and check in words (tr() context: ErasureWords)."""

    def outcome(self, check: ErasureCheck) -> str:
        day = local_date(check.promised_on)
        if check.outcome == "partly":
            return self.tr("Erased in part (%1)").replace("%1", day)
        return self.tr("Erased (%1)").replace("%1", day)

    def state(self, check: ErasureCheck) -> str:
        n = len(check.finding_ids)
        if check.state == "verified":
            return self.tr("Erasure verified: %n photo(s) gone", "", n)
        if check.state == "still_online":
            return self.tr("Still online: %n photo(s) seen again", "", len(check.still_online))
        if check.state == "partly_checked":
            return self.tr("%n photo(s) gone, the others not checked yet", "", len(check.gone))
        if check.state == "not_checked":
            return self.tr("Not checked since the answer")
        return self.tr("No photo of the case to check")


class ReportPanel(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ReportPanel", "Report")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = ScanRunner.of(context)
        self.words = ErasureWords(self)
        self.busy = False
        self.loaded = False  # the promised erasures of the open case have been read
        self.generation = 0  # which reading of them is the latest
        self.rechecking: int | None = None  # the letter whose re-check scan is running
        self.rechecked: int | None = None  # the letter whose re-check result is to be said
        self.made: GeneratedReport | None = None
        self.checks: list[ErasureCheck] = []

        self.need_case = QLabel(self.tr("Open a client's case to make its report."))
        self.need_case.setWordWrap(True)

        report_box = QGroupBox(self.tr("Exposure report"))
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("PDF"), "pdf")
        self.format_box.addItem(self.tr("HTML (one file, opens in a web browser)"), "html")
        self.language_box = QComboBox()
        self.language_box.addItem(self.tr("The case's language"), None)
        for code, name in (
            ("en", "English"),
            ("fr", "Français"),
            ("de", "Deutsch"),
            ("es", "Español"),
            ("it", "Italiano"),
        ):
            self.language_box.addItem(name, code)  # each language in its own words
        self.make_button = QPushButton(self.tr("Make the report…"))
        self.make_button.clicked.connect(self.make_report)
        self.open_button = QPushButton(self.tr("Open the report"))
        self.open_button.clicked.connect(self.open_report)
        self.open_button.setVisible(False)
        self.report_message = hint_label()
        self.report_message.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Language:"), self.language_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        report_layout = QVBoxLayout(report_box)
        report_layout.addWidget(
            hint_label(
                self.tr(
                    "A PDF or HTML file the client can keep: the scan dates, the sources checked "
                    "and those that could not be, the confirmed appearances with their "
                    "thumbnails, the letters sent with their deadlines, what changed since the "
                    "previous report, and what to do next. It shows the client's face: it is "
                    "written readable by you only; hand it over privately."
                )
            )
        )
        report_layout.addLayout(form)
        report_layout.addLayout(buttons)
        report_layout.addWidget(self.report_message)

        erasure_box = QGroupBox(self.tr("Promised erasures"))
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Letter"), self.tr("Operator"), self.tr("Answer"), self.tr("Check")]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.recheck_button = QPushButton(self.tr("Re-check the pages"))
        self.recheck_button.clicked.connect(self.recheck)
        self.erasure_message = hint_label()
        self.erasure_message.setVisible(False)
        self.no_promise = hint_label(
            self.tr(
                "No operator has answered that it erased the data yet. Record an answer "
                "(complied, or in part) on an erasure request in Letters & requests."
            )
        )
        erasure_layout = QVBoxLayout(erasure_box)
        erasure_layout.addWidget(
            hint_label(
                self.tr(
                    "When an operator answers that it erased the client's photos, re-check: "
                    "FaceAudit reads those pages again and says which photos are gone and "
                    "which are still online. An ordinary scan updates this too."
                )
            )
        )
        erasure_layout.addWidget(self.no_promise)
        erasure_layout.addWidget(self.table, 1)
        erasure_layout.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignLeft)
        erasure_layout.addWidget(self.erasure_message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.need_case)
        layout.addWidget(report_box)
        layout.addWidget(erasure_box, 1)

        context.case_opened.connect(lambda _case: self._case_changed())
        context.case_closed.connect(self._case_changed)
        context.requests_changed.connect(self.reload)
        context.findings_changed.connect(self.reload)
        self.runner.started.connect(lambda _only: self._update())
        self.runner.finished.connect(self._scan_finished)
        self.runner.failed.connect(self._scan_failed)
        self._case_changed()

    # -- the open case -----------------------------------------------------------------

    def _case_changed(self) -> None:
        self.checks = []
        self._fill({})
        self.made = None
        self.rechecking = self.rechecked = None
        self.open_button.setVisible(False)
        set_state(self.report_message, "", "")
        set_state(self.erasure_message, "", "")
        self.reload()

    def reload(self) -> None:
        """Read the promised erasures off the GUI thread (each one looks at the scans)."""
        case = self.context.case
        self.generation += 1
        generation = self.generation
        self.loaded = case is None
        if case is None:
            self.checks = []
            self._fill({})
            return
        # The rows shown stay until the new ones arrive; only the latest reading counts.
        self.context.run(
            _load_checks,
            case,
            on_result=lambda loaded: self._loaded(case, generation, *loaded),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _loaded(
        self, case: Any, generation: int, checks: list[ErasureCheck], operators: dict[int, str]
    ) -> None:
        if case is not self.context.case or generation != self.generation:
            return  # another case was opened, or the checks were asked for again, meanwhile
        self.checks = checks
        self.loaded = True
        self._fill(operators)
        letter, self.rechecked = self.rechecked, None
        check = next((c for c in checks if c.letter_id == letter), None)
        if check is not None:
            state = {"verified": "good", "still_online": "bad"}.get(check.state, "warn")
            text = self.tr("FA-%1: %2").replace("%1", str(letter))
            set_state(self.erasure_message, state, text.replace("%2", self.words.state(check)))

    def _fill(self, operators: dict[int, str]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for check in self.checks:
            cells = [
                QStandardItem(f"FA-{check.letter_id}"),
                QStandardItem(operators.get(check.letter_id, "")),
                QStandardItem(self.words.outcome(check)),
                QStandardItem(self.words.state(check)),
            ]
            cells[0].setData(check.letter_id, LETTER_ROLE)
            self.model.appendRow(cells)
        self._update()

    def _update(self) -> None:
        has_case = self.context.case is not None
        self.need_case.setVisible(not has_case)
        self.make_button.setEnabled(has_case and not self.busy)
        self.format_box.setEnabled(has_case)
        self.language_box.setEnabled(has_case)
        self.no_promise.setVisible(has_case and not self.checks)
        self.table.setVisible(bool(self.checks))
        selected = self.selected_letter() is not None
        self.recheck_button.setEnabled(has_case and selected and not self.runner.running)
        self.recheck_button.setVisible(bool(self.checks))

    def selected_letter(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = self.model.item(rows[0].row(), 0).data(LETTER_ROLE)
        return int(value) if value is not None else None

    # -- the report --------------------------------------------------------------------

    def make_report(self) -> None:
        case = self.context.case
        if case is None or self.busy:
            return
        fmt = str(self.format_box.currentData())
        folder = self.context.app.paths.exports / case.name
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        suggested = folder / f"{case.name}-report-{dt.date.today().isoformat()}.{fmt}"
        filters = self.tr("PDF files (*.pdf)") if fmt == "pdf" else self.tr("Web pages (*.html)")
        chosen = self.context.dialogs.get_save_file(
            self, self.tr("Save the report"), str(suggested), filters
        )
        if not chosen:
            return
        target = Path(chosen)
        if not target.suffix:
            target = target.with_suffix(f".{fmt}")
        from faceaudit.report import clinic_name, generate

        self.busy = True
        set_state(self.report_message, "", self.tr("Making the report…"))
        self._update()
        language = self.language_box.currentData()
        paths = self.context.app.paths

        def make() -> GeneratedReport:
            clinic, _unreadable = clinic_name(paths)  # unreadable: the report names no clinic
            return generate(case, fmt, target, language=language, prepared_by=clinic)

        self.context.run(
            make,
            on_result=self._made,
            on_error=self._failed,
        )

    def _made(self, made: GeneratedReport) -> None:
        self.busy = False
        self.made = made
        text = self.tr("The report was written to %1. It shows the client's face: keep it private.")
        set_state(self.report_message, "good", text.replace("%1", str(made.path)))
        self.open_button.setVisible(True)
        self._update()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        set_state(self.report_message, "bad", self.context.error_text(error))
        self._update()

    def open_report(self) -> None:
        if self.made is not None and not self.context.dialogs.open_url(str(self.made.path)):
            set_state(
                self.report_message,
                "warn",
                self.tr("No program opened the report: open %1 yourself.").replace(
                    "%1", str(self.made.path)
                ),
            )

    # -- re-check ----------------------------------------------------------------------

    def recheck(self) -> None:
        case = self.context.case
        letter = self.selected_letter()
        if case is None or letter is None or self.runner.running:
            return
        from faceaudit.report.erasure import recheck_sources

        self.recheck_button.setEnabled(False)
        self.context.run(
            recheck_sources,
            case,
            letter,
            on_result=lambda found: self._start_recheck(case, letter, found[1]),
            on_error=self._recheck_refused,
        )

    def _start_recheck(self, case: Any, letter: int, sources: list[int]) -> None:
        if case is not self.context.case:
            return
        if self.runner.start(only_sources=sources, revalidate=True):
            self.rechecking = letter
            text = self.tr("Reading the pages of FA-%1 again…").replace("%1", str(letter))
            set_state(self.erasure_message, "", text)
        self._update()

    def _recheck_refused(self, error: BaseException) -> None:
        set_state(self.erasure_message, "bad", self.context.error_text(error))
        self._update()

    def _scan_finished(self, outcome: Any) -> None:
        letter, self.rechecking = self.rechecking, None
        case = self.context.case
        if letter is None or case is None:
            self._update()
            return
        if getattr(outcome, "status", "done") == "cancelled":
            text = self.tr("The re-check was stopped before the end; what it read is kept.")
            set_state(self.erasure_message, "warn", text)
            self.reload()
            return
        from faceaudit.report.erasure import after_recheck

        self.rechecked = letter  # said once the checks are read again
        self.context.run(
            after_recheck,
            case,
            letter,
            getattr(outcome, "scan_id", None),
            on_result=lambda _check: self.reload(),
            on_error=self._recheck_refused,
        )

    def _scan_failed(self, error: BaseException) -> None:
        if self.rechecking is None:
            self._update()
            return
        self.rechecking = None
        set_state(self.erasure_message, "bad", scan_error_text(self.context, error))
        self._update()


def _load_checks(case: Any) -> tuple[list[ErasureCheck], dict[int, str]]:
    """The promised erasures and the operator of each (on the worker: it reads the case)."""
    from faceaudit.letters import tracking
    from faceaudit.report.erasure import promised_erasures

    checks = promised_erasures(case)
    operators = {c.letter_id: tracking.get_letter(case, c.letter_id).operator.name for c in checks}
    return checks, operators
