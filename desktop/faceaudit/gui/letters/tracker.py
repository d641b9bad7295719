"""The request tracker: every letter with its due date, days left and status; the reminder,
then the complaint, offered once a deadline passes; corrections; deadlines to a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.letters import data, words
from faceaudit.gui.letters.model import RequestsModel
from faceaudit.gui.letters.widgets import date_edit, to_date
from faceaudit.gui.widgets import hint_label, set_state
from faceaudit.letters.corrections import OUTCOMES
from faceaudit.letters.render import LetterError
from faceaudit.letters.tracking import Tracked


class TrackerPanel(QWidget):
    follow_up_requested = Signal(object, str)  # the Tracked, "reminder" | "complaint"
    changed = Signal()  # something was recorded: reload

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RequestsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Your letters and requests"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RequestsModel.OPERATOR, QHeaderView.ResizeMode.Stretch)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.reminder_button = QPushButton(self.tr("Draft the &reminder"))
        self.complaint_button = QPushButton(self.tr("Draft the &complaint"))
        self.discard_button = QPushButton(self.tr("&Discard the draft"))
        self.date = date_edit(self.tr("Corrected send date, or the date of the answer"))
        self.edit_button = QPushButton(self.tr("Correct the &send date"))
        self.outcome_box = QComboBox()
        self.outcome_box.setAccessibleName(self.tr("What the operator did"))
        for code in OUTCOMES:
            self.outcome_box.addItem(words.outcome(code), code)
        self.outcome_button = QPushButton(self.tr("Record the &answer"))
        self.calendar_button = QPushButton(self.tr("Export deadlines to a &calendar…"))
        shortcuts.bind(
            self.calendar_button,
            shortcuts.EXPORT_CALENDAR,
            self.tr("Write the due dates to a calendar file (.ics)"),
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        follow = QHBoxLayout()
        follow.addWidget(self.reminder_button)
        follow.addWidget(self.complaint_button)
        follow.addWidget(self.discard_button)
        follow.addStretch(1)
        follow.addWidget(self.calendar_button)
        correct = QHBoxLayout()
        correct.addWidget(QLabel(self.tr("Date:")))
        correct.addWidget(self.date)
        correct.addWidget(self.edit_button)
        correct.addWidget(self.outcome_box)
        correct.addWidget(self.outcome_button)
        correct.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Each letter you saved, with the day its answer is due. When a deadline "
                    "passes, FaceAudit offers the reminder, then the complaint to the authority."
                )
            )
        )
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(follow)
        layout.addLayout(correct)
        layout.addWidget(self.message)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.reminder_button.clicked.connect(lambda: self._follow_up("reminder"))
        self.complaint_button.clicked.connect(lambda: self._follow_up("complaint"))
        self.discard_button.clicked.connect(self.discard)
        self.edit_button.clicked.connect(self.edit_sent_date)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.calendar_button.clicked.connect(self.export_calendar)
        calendar_key = shortcuts.action(self, "", shortcuts.EXPORT_CALENDAR)
        calendar_key.triggered.connect(self.export_calendar)
        self._update()

    # -- showing ---------------------------------------------------------------------------

    def set_items(self, items: list[Tracked], today: dt.date) -> None:
        selected = self.selected()
        self.model.set_items(items, today)
        if selected is not None:
            self.select(selected.letter.id)
        overdue = self.model.overdue()
        if overdue:
            text = self.tr("%n request(s) overdue: the operator did not answer in time.", "",
                           len(overdue))  # fmt: skip
            offered = [item for item in overdue if item.next_step]
            if offered:
                text += " " + self.tr("Select one to draft the %1.").replace(
                    "%1", words.short_type(offered[0].next_step or "").lower()
                )
            set_state(self.banner, "warn", "⚠ " + text)
        else:
            set_state(self.banner, "", "")
        self._update()

    def clear(self) -> None:
        self.model.clear()
        set_state(self.banner, "", "")
        set_state(self.message, "", "")
        self._update()

    def select(self, letter_id: int) -> None:
        row = self.model.row_of(letter_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected(self) -> Tracked | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item: Tracked = self.model.data(rows[0], RequestsModel.TRACKED_ROLE)
        return item

    def _update(self) -> None:
        item = self.selected()
        step = item.next_step if item else None
        self.reminder_button.setEnabled(step == "reminder")
        self.complaint_button.setEnabled(step == "complaint")
        draft = item is not None and item.request is None
        self.discard_button.setEnabled(draft)
        sent = item is not None and item.request is not None
        self.edit_button.setEnabled(sent)
        self.outcome_button.setEnabled(sent)
        self.outcome_box.setEnabled(sent)
        self.calendar_button.setEnabled(self.context.case is not None)

    # -- actions ---------------------------------------------------------------------------

    def _follow_up(self, kind: str) -> None:
        item = self.selected()
        if item is not None and item.next_step == kind:
            self.follow_up_requested.emit(item, kind)

    def _run(self, fn: Any, *args: Any, done: str) -> None:
        case = self.context.case
        if case is None:
            return
        self.context.run(
            fn,
            case,
            *args,
            on_result=lambda _result: self._recorded(done),
            on_error=self._failed,
        )

    def _recorded(self, done: str) -> None:
        set_state(self.message, "good", done)
        self.changed.emit()
        self.context.requests_changed.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, LetterError):
            set_state(self.message, "bad", self.context.error_text(error))
        else:
            self.context.report_error(self, error)

    def _date_or_refuse(self) -> dt.date | None:
        day = to_date(self.date.date())
        if day > dt.date.today():
            set_state(self.message, "bad", self.tr("That date is in the future."))
            return None
        return day

    def discard(self) -> None:
        item = self.selected()
        if item is None or item.request is not None:
            return
        question = self.tr(
            "Discard the draft FA-%1? It is removed from the tracker; files already saved stay "
            "where you saved them."
        ).replace("%1", str(item.letter.id))
        if not self.context.dialogs.question(self, self.tr("Discard the draft"), question):
            return
        self._run(data.discard, item.letter.id, done=self.tr("The draft was discarded."))

    def edit_sent_date(self) -> None:
        item, day = self.selected(), self._date_or_refuse()
        if item is None or item.request is None or day is None:
            return
        self._run(
            data.edit_sent_date,
            item.letter.id,
            day,
            done=self.tr("The send date was corrected; the due date was counted again."),
        )

    def record_outcome(self) -> None:
        item, day = self.selected(), self._date_or_refuse()
        if item is None or item.request is None or day is None:
            return
        if day < item.request.sent_at:
            from faceaudit.gui.letters.model import format_date

            set_state(
                self.message,
                "bad",
                self.tr("The answer cannot be dated before the request was sent (%1).").replace(
                    "%1", format_date(item.request.sent_at)
                ),
            )
            return
        self._run(
            data.record_outcome,
            item.letter.id,
            str(self.outcome_box.currentData()),
            day,
            done=self.tr("The answer was recorded."),
        )

    def export_calendar(self) -> None:
        case = self.context.case
        if case is None:
            return
        suggested = str(self.context.app.paths.exports / case.name / "deadlines.ics")
        chosen = self.context.dialogs.get_save_file(
            self,
            self.tr("Export the deadlines"),
            suggested,
            self.tr("Calendar file (*.ics)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        self.context.run(
            data.write_calendar,
            self.context.case_store,
            case.name,
            target,
            dt.date.today(),
            on_result=lambda count: set_state(
                self.message,
                "good",
                self.tr("%n deadline(s) written to %1.", "", count).replace("%1", str(target)),
            ),
            on_error=self._failed,
        )

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
