"""The request tracker: every letter with its due date, days left and status; the reminder,
then the complaint, offered once a deadline passes; every step ``faceaudit requests`` can
record (sent, answered with its outcome and reply file, extended, UK pause and resume, closed,
send date corrected, undo, discard); the replies kept; deadlines to a calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from faceaudit.gui.letters import data, recording, words
from faceaudit.gui.letters.details import DetailsBox
from faceaudit.gui.letters.model import RequestsModel
from faceaudit.gui.letters.steps import StepsBox
from faceaudit.gui.widgets import hint_label, set_state
from faceaudit.letters import corrections
from faceaudit.letters.render import LetterError
from faceaudit.letters.tracking import Tracked


class TrackerPanel(QWidget):
    follow_up_requested = Signal(object, str)  # the Tracked, "reminder" | "complaint"
    changed = Signal()  # something was recorded: reload

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._details_asked = 0
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
        self.undo_button = QPushButton(self.tr("&Undo the last step…"))
        self.undo_button.setToolTip(
            self.tr("Take back the latest step recorded for the selected letter")
        )
        self.calendar_button = QPushButton(self.tr("Export deadlines to a &calendar…"))
        shortcuts.bind(
            self.calendar_button,
            shortcuts.EXPORT_CALENDAR,
            self.tr("Write the due dates to a calendar file (.ics)"),
        )
        self.details = DetailsBox()
        self.steps = StepsBox()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        # Two rows: in one, the five buttons made the window wider than a laptop in French.
        follow = QHBoxLayout()
        follow.addWidget(self.reminder_button)
        follow.addWidget(self.complaint_button)
        follow.addWidget(self.discard_button)
        follow.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.undo_button)
        more.addStretch(1)
        more.addWidget(self.calendar_button)
        below = QHBoxLayout()
        below.addWidget(self.details, 1)
        below.addWidget(self.steps, 1)
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
        layout.addLayout(more)
        layout.addLayout(below)
        layout.addWidget(self.message)

        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.reminder_button.clicked.connect(lambda: self._follow_up("reminder"))
        self.complaint_button.clicked.connect(lambda: self._follow_up("complaint"))
        self.discard_button.clicked.connect(self.discard)
        self.undo_button.clicked.connect(self.undo)
        self.steps.record_requested.connect(self.record)
        self.steps.reply_requested.connect(self.choose_reply)
        self.details.save_requested.connect(self.save_replies)
        self.calendar_button.clicked.connect(self.export_calendar)
        calendar_key = shortcuts.action(self, "", shortcuts.EXPORT_CALENDAR)
        calendar_key.triggered.connect(self.export_calendar)
        self._selected()

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
        self._selected()

    def clear(self) -> None:
        self.model.clear()
        set_state(self.banner, "", "")
        set_state(self.message, "", "")
        self._selected()

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

    def _selected(self) -> None:
        item = self.selected()
        self.details.show_item(item)
        self.steps.set_item(item)
        self._update()
        case = self.context.case
        self._details_asked += 1  # only the latest answer is shown (tasks finish in any order)
        asked = self._details_asked
        if item is not None and item.request is not None and case is not None:
            self.context.run(
                data.load_details,
                case,
                item.letter.id,
                on_result=lambda found: self._details_loaded(found, asked),
                on_error=self._failed,
            )

    def _details_loaded(self, details: data.Details, asked: int) -> None:
        if asked == self._details_asked:
            self.details.show_details(details)

    def _update(self) -> None:
        item = self.selected()
        step = item.next_step if item else None
        self.reminder_button.setEnabled(step == "reminder")
        self.complaint_button.setEnabled(step == "complaint")
        self.discard_button.setEnabled(item is not None and item.request is None)
        self.undo_button.setEnabled(item is not None and item.request is not None)
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

    def undo(self) -> None:
        item = self.selected()
        if item is None or item.request is None:
            return
        step = corrections.last_step(item.request)
        question = self.tr("Take back the latest step recorded for FA-%1: %2?").replace(
            "%1", str(item.letter.id)
        ).replace("%2", self._step_taken_back(step))  # fmt: skip
        if not self.context.dialogs.question(self, self.tr("Undo the last step"), question):
            return
        self._run(
            data.undo,
            item.letter.id,
            done=self.tr("Taken back: %1.").replace("%1", self._step_taken_back(step)),
        )

    def _step_taken_back(self, step: str) -> str:
        return {
            "closed": self.tr("the request was closed"),
            "answered": self.tr("the operator's answer and its outcome"),
            "paused": self.tr("the paused clock"),
            "extended": self.tr("the extension"),
            "sent": self.tr("the letter was sent (it becomes a draft again)"),
        }.get(step, step)

    def record(self) -> None:
        """Record the step chosen in the box (checks and calls: :mod:`recording`)."""
        recording.record(self)

    def choose_reply(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("The operator's reply"), self.tr("Any file (*)")
        )
        if files:
            self.steps.set_reply(Path(files[0]))

    def save_replies(self) -> None:
        item, case = self.selected(), self.context.case
        if item is None or case is None:
            return
        folder = self.context.dialogs.get_existing_dir(
            self, self.tr("Save the replies into"), str(self.context.app.paths.exports)
        )
        if not folder:
            return
        self.context.run(
            data.save_replies,
            case,
            item.letter.id,
            Path(folder),
            on_result=lambda written: set_state(
                self.message,
                "good",
                self.tr("%n reply file(s) saved in %1.", "", len(written)).replace("%1", folder),
            ),
            on_error=self._failed,
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
