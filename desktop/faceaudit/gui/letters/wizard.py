"""The letter wizard: operator → type, law, language → preview → export → mark sent.

Rendering and writing run off the GUI thread (``context.run``). Any change to a choice
drops the preview: what is exported is always what was previewed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.letters import data, words
from faceaudit.gui.letters.widgets import OperatorBox, OptionsBox, SendBox, to_date
from faceaudit.gui.widgets import set_state
from faceaudit.letters import compose, drafting
from faceaudit.letters.directory import Directory
from faceaudit.letters.export import default_stem, mailto_link, render_text
from faceaudit.letters.jurisdiction import JurisdictionUnknown
from faceaudit.letters.render import LetterError, MissingDetailsError, equivalent_notice
from faceaudit.letters.tracking import Tracked

FORMATS = ("pdf", "docx", "txt", "eml")


class DraftPanel(QWidget):
    letter_saved = Signal(int)  # the letter's number: the tracker reloads
    letter_sent = Signal(int)

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.directory: Directory | None = None
        self.draft: drafting.Draft | None = None
        self.saved: drafting.SavedLetter | None = None
        self.follows_up: int | None = None
        self.sent_letter: int | None = None  # the saved letter already marked sent
        self.busy = False

        self.operator_box = OperatorBox()
        self.options_box = OptionsBox()
        self.preview_button = QPushButton(self.tr("&Preview the letter"))
        shortcuts.bind(self.preview_button, shortcuts.DRAFT_LETTER, self.tr("Preview the letter"))
        self.law_label = QLabel()
        self.law_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the letter"))
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.preview.setMinimumHeight(220)
        self.preview.setPlaceholderText(self.tr("Choose a site, then preview the letter."))
        preview_box = QGroupBox(self.tr("3. Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_button)
        preview_layout.addWidget(self.law_label)
        preview_layout.addWidget(self.message)
        preview_layout.addWidget(self.preview, 1)

        self.export_buttons: dict[str, QPushButton] = {
            "pdf": QPushButton(self.tr("Save as &PDF…")),
            "docx": QPushButton(self.tr("Save as &DOCX…")),
            "txt": QPushButton(self.tr("Save as te&xt…")),
            "eml": QPushButton(self.tr("&E-mail draft…")),
        }
        self.export_buttons["eml"].setToolTip(
            self.tr("Save an e-mail draft (.eml) with the annex and open it in your mail program")
        )
        self.mailto_button = QPushButton(self.tr("Open in mail &program (text only)"))
        self.mailto_button.setToolTip(
            self.tr("A mailto: link carries the text but no attachment: attach the annex yourself")
        )
        self.export_message = QLabel()
        self.export_message.setWordWrap(True)
        self.export_message.setVisible(False)
        export_box = QGroupBox(self.tr("4. Save or send"))
        export_layout = QVBoxLayout(export_box)
        # Three to a row: five in one made the steps wider than their column.
        row = QGridLayout()
        for index, button in enumerate([*self.export_buttons.values(), self.mailto_button]):
            row.addWidget(button, index // 3, index % 3)
        row.setColumnStretch(3, 1)
        export_layout.addLayout(row)
        export_layout.addWidget(self.export_message)
        self.send_box = SendBox()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.operator_box, self.options_box, preview_box, export_box):
            layout.addWidget(widget)
        layout.addWidget(self.send_box)
        layout.addStretch(1)

        preview_key = shortcuts.action(self, "", shortcuts.DRAFT_LETTER)
        preview_key.triggered.connect(self.render_preview)
        self.preview_button.clicked.connect(self.render_preview)
        for fmt, button in self.export_buttons.items():
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
        self.mailto_button.clicked.connect(self.open_mailto)
        self.send_box.button.clicked.connect(self.mark_sent)
        self.operator_box.changed.connect(self._choices_changed)
        self.operator_box.search_requested.connect(self._search_directory)
        self.options_box.changed.connect(self._choices_changed)
        self.clear()

    # -- state -----------------------------------------------------------------------------

    def clear(self) -> None:
        """No site chosen (and on case close: drop the letter and the person's details)."""
        self.draft = self.saved = None
        self.follows_up = None
        self.options_box.set_follow_up(None)
        self.operator_box.set_site("", None)
        self.preview.clear()
        self.law_label.clear()
        for label in (self.message, self.export_message, self.send_box.message):
            set_state(label, "", "")
        self.setEnabled(False)
        self._update()

    def start(self, site: str, operator: Any, language: str) -> None:
        """A first letter to the operator of ``site`` (a directory record, or None)."""
        self.clear()
        self.setEnabled(True)
        self.operator_box.set_site(site, operator)
        self.options_box.set_language(language)

    def start_follow_up(self, tracked: Tracked, kind: str) -> None:
        """The reminder or complaint the tracker offers for an overdue request."""
        self.clear()
        self.setEnabled(True)
        self.follows_up = tracked.letter.id
        self.options_box.set_follow_up(kind, f"FA-{tracked.letter.id}")
        self.options_box.set_language(tracked.letter.language)
        self.operator_box.set_fixed(tracked.letter.operator)
        self.render_preview()

    def _search_directory(self, text: str) -> None:
        # The directory is in memory: a lookup is quick enough for the GUI thread.
        if self.directory is not None and text.strip():
            self.operator_box.show_results(drafting.find_operators(self.directory, text))

    def _choices_changed(self) -> None:
        if self.draft is not None or self.saved is not None:
            self.draft = self.saved = None
            self.preview.clear()
            self.law_label.clear()
            set_state(self.export_message, "", "")
            set_state(self.message, "", self.tr("Your choices changed: preview the letter again."))
        self._update()

    def _update(self) -> None:
        drafted = self.draft is not None and not self.busy
        for button in self.export_buttons.values():
            button.setEnabled(drafted)
        has_email = drafted and self.draft is not None and bool(self.draft.letter.to_email)
        self.mailto_button.setEnabled(has_email)
        sendable = self.saved is not None and self.saved.letter_id != self.sent_letter
        self.send_box.setEnabled(sendable and not self.busy)
        self.preview_button.setEnabled(not self.busy)

    # -- preview ---------------------------------------------------------------------------

    def render_preview(self) -> None:
        case = self.context.case
        if case is None or self.directory is None or self.busy or not self.isEnabled():
            return
        try:
            request = self.options_box.request(
                self.operator_box.operator(), self.follows_up, self.operator_box.site
            )
        except LetterError as error:
            set_state(self.message, "bad", self._error_words(error))
            return
        self.busy = True
        set_state(self.message, "", self.tr("Drafting…"))
        self._update()
        self.context.run(
            drafting.prepare,
            case,
            self.directory,
            request,
            on_result=self._previewed,
            on_error=self._failed,
        )

    def _previewed(self, draft: drafting.Draft) -> None:
        self.busy = False
        self.draft, self.saved = draft, None
        self.preview.setPlainText(render_text(draft.letter))
        self.law_label.setText(self._law_text(draft))
        set_state(self.message, "", "")
        set_state(self.send_box.message, "", "")
        lines = self._selection_lines(draft)
        set_state(self.export_message, "warn" if lines[1:] else "", "\n".join(lines))
        self._update()

    def _law_text(self, draft: drafting.Draft) -> str:
        choice = draft.choice
        reason = choice.reason_notice
        text = self.tr("Law: %1").replace(
            "%1", words.notice(reason) if reason else words.regime(choice.jurisdiction)
        )
        notices = [*choice.warning_notices]
        notices += [n for n in compose.warning_notices(draft.spec) if n not in notices]
        equivalent = equivalent_notice(draft.spec.jurisdiction, draft.spec.letter_type)
        if equivalent is not None:
            notices.append(equivalent)
        for item in notices:
            text += "\n⚠ " + words.notice(item)
        due = draft.letter.deadline
        from faceaudit.gui.letters.model import format_date

        text += "\n" + self.tr("Answer due %1 if received today.").replace(
            "%1", format_date(due.due)
        )
        return text

    def _selection_lines(self, draft: drafting.Draft) -> list[str]:
        selection = draft.selection
        lines = [self.tr("The letter cites %n image(s)", "", len(selection.images))]
        if selection.places > len(selection.images):
            lines[0] += self.tr(", seen in %n place(s)", "", selection.places)
        lines[0] += "."
        if selection.unreviewed_included:
            lines.append(
                self.tr("It includes %n finding(s) you have not reviewed.", "",
                        selection.unreviewed_included)
            )  # fmt: skip
        if selection.unreviewed_left_out:
            lines.append(
                self.tr(
                    "%n unreviewed finding(s) on its sites are not cited: confirm them in "
                    "Findings, or tick “Also cite the findings I have not reviewed yet”.",
                    "",
                    selection.unreviewed_left_out,
                )
            )
        lines += [words.notice(item) for item in compose.advice_notices(draft.spec)]
        return lines

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._update()
        if isinstance(error, drafting.NeedsAuthority):
            self.options_box.set_authorities(list(error.candidates))
            set_state(
                self.message,
                "warn",
                self.tr("Several authorities fit: choose the one where you live, then preview."),
            )
            return
        if isinstance(error, LetterError):
            set_state(self.message, "bad", self._error_words(error))
            return
        self.context.report_error(self, error)

    def _error_words(self, error: LetterError) -> str:
        if isinstance(error, JurisdictionUnknown):
            return words.jurisdiction_problem(error.code, error.country)
        if isinstance(error, drafting.NeedsReason):
            return self.tr(
                "An objection needs your own reasons: the law asks for grounds relating to "
                "your particular situation. Write them in “Reasons”."
            )
        if isinstance(error, drafting.NamesNoData):
            return self.tr(
                "This letter would name no image, so the operator could not tell which data "
                "you mean. Confirm your findings on this site first, or tick “Also cite the "
                "findings I have not reviewed yet”."
            )
        if isinstance(error, drafting.OperatorDetailsMissing):
            return self.tr(
                "Give the operator's name and its postal address or privacy e-mail address."
            )
        if isinstance(error, MissingDetailsError):
            return self.tr(
                "Your name and postal address are needed for the letter: add them to the "
                "case (Cases)."
            )
        return self.context.error_text(error)

    # -- export ----------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        case, draft = self.context.case, self.draft
        if case is None or draft is None or self.busy:
            return
        folder = self.context.app.paths.exports / case.name
        suggested = str(folder / f"{default_stem(draft.letter)}.{fmt}")
        filters = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "docx": self.tr("Word document (*.docx)"),
            "txt": self.tr("Text file (*.txt)"),
            "eml": self.tr("E-mail draft (*.eml)"),
        }
        chosen = self.context.dialogs.get_save_file(
            self, self.tr("Save the letter"), suggested, filters[fmt]
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != f".{fmt}":
            target = target.with_name(target.name + f".{fmt}")
        self.busy = True
        set_state(self.export_message, "", self.tr("Writing…"))
        self._update()
        self.context.run(
            data.export,
            case,
            draft,
            self.saved,
            fmt,
            target,
            on_result=lambda saved: self._exported(saved, fmt, target),
            on_error=self._export_failed,
        )

    def _exported(self, saved: drafting.SavedLetter, fmt: str, target: Path) -> None:
        first = self.saved is None
        self.busy = False
        self.saved = saved
        text = self.tr("Letter FA-%1 saved to %2.").replace("%1", str(saved.letter_id))
        text = text.replace("%2", str(target))
        if fmt == "eml":
            opened = self.context.dialogs.open_url(str(target))
            if not opened:
                text += " " + self.tr("No mail program opened it: open the file yourself.")
        text += "\n" + self.tr("When you have sent it, mark it sent below.")
        set_state(self.export_message, "good", text)
        self._update()
        if first:
            self.letter_saved.emit(saved.letter_id)

    def _export_failed(self, error: BaseException) -> None:
        self.busy = False
        self._update()
        if isinstance(error, LetterError):
            set_state(self.export_message, "bad", self._write_error(error))
        else:
            self.context.report_error(self, error)

    def _write_error(self, error: LetterError) -> str:
        return self.tr(
            "The letter could not be written there (the folder may be read-only or full); "
            "nothing was recorded. Choose another folder.\n\n%1"
        ).replace("%1", self.context.error_text(error))

    def open_mailto(self) -> None:
        if self.draft is not None and self.draft.letter.to_email:
            self.context.dialogs.open_url(mailto_link(self.draft.letter))

    # -- mark sent -------------------------------------------------------------------------

    def mark_sent(self) -> None:
        case, saved = self.context.case, self.saved
        if case is None or saved is None or self.busy:
            return
        sent_on = to_date(self.send_box.date.date())
        if sent_on > dt.date.today():
            set_state(
                self.send_box.message,
                "bad",
                self.tr("That date is in the future: mark the letter sent once it has gone."),
            )
            return
        self.busy = True
        self._update()
        self.context.run(
            data.mark_sent,
            case,
            saved.letter_id,
            sent_on,
            self.send_box.channel(),
            on_result=self._sent,
            on_error=self._send_failed,
        )

    def _sent(self, result: Any) -> None:
        request, notices = result
        self.busy = False
        from faceaudit.gui.letters.model import format_date

        text = self.tr("Marked sent. The answer is due by %1.").replace(
            "%1", format_date(request.effective_due)
        )
        for item in notices:
            text += "\n⚠ " + words.notice(item)
        set_state(self.send_box.message, "warn" if notices else "good", text)
        self.sent_letter = request.letter_id
        self._update()
        self.letter_sent.emit(request.letter_id)
        self.context.requests_changed.emit()

    def _send_failed(self, error: BaseException) -> None:
        self.busy = False
        self._update()
        if isinstance(error, LetterError):
            set_state(self.send_box.message, "bad", self.context.error_text(error))
        else:
            self.context.report_error(self, error)
