"""Recording a step from the tracker: the checks the window makes itself (dates in the future
or before the sending, a receipt before the sending, an extension's reason and date, a late
extension only with the person's agreement), then the core call off the GUI thread."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from faceaudit.gui.letters import data, words
from faceaudit.gui.letters.model import format_date
from faceaudit.gui.widgets import set_state
from faceaudit.letters.tracking import Tracked

if TYPE_CHECKING:
    from faceaudit.gui.letters.tracker import TrackerPanel

translate = QCoreApplication.translate  # the strings keep the tracker's context


def record(panel: TrackerPanel) -> None:
    """Record the step chosen in the box, after the checks the window can make itself."""
    item, box = panel.selected(), panel.steps
    step = box.step()
    if item is None or step is None or panel.context.case is None:
        return
    day, letter_id, request = box.day(), item.letter.id, item.request
    if day > dt.date.today():
        set_state(panel.message, "bad", translate("TrackerPanel", "That date is in the future."))
        return
    received = box.received()
    if received is not None and received < day and step in ("sent", "edit"):
        set_state(
            panel.message,
            "bad",
            translate("TrackerPanel", "The letter cannot be received before it was sent."),
        )
        return
    if step == "sent":
        panel.context.run(
            data.mark_sent,
            panel.context.case,
            letter_id,
            day,
            box.channel(),
            received,
            on_result=lambda result: _marked_sent(panel, result),
            on_error=panel._failed,
        )
        return
    assert request is not None
    if step != "edit" and day < request.sent_at:
        set_state(
            panel.message,
            "bad",
            translate("TrackerPanel", "That date is before the request was sent (%1).").replace(
                "%1", format_date(request.sent_at)
            ),
        )
        return
    if step == "answered":
        panel._run(
            data.record_outcome,
            letter_id,
            box.outcome(),
            day,
            box.note(),
            box.reply,
            done=translate("TrackerPanel", "The answer was recorded."),
        )
    elif step == "extended":
        _extend(panel, item, day)
    elif step == "paused":
        panel._run(
            data.mark_paused,
            letter_id,
            day,
            box.note(),
            done=translate(
                "TrackerPanel", "The clock is paused until you send what was asked for."
            ),
        )
    elif step == "resumed":
        panel._run(
            data.mark_resumed,
            letter_id,
            day,
            box.note(),
            done=translate(
                "TrackerPanel", "The clock runs again; the due date moved by the days it stood."
            ),
        )
    elif step == "closed":
        panel._run(
            data.mark_closed,
            letter_id,
            day,
            box.note(),
            done=translate("TrackerPanel", "The request is closed."),
        )
    else:
        panel._run(
            data.edit_sent_date,
            letter_id,
            day,
            received,
            done=translate(
                "TrackerPanel", "The send date was corrected; the due date was counted again."
            ),
        )


def _extend(panel: TrackerPanel, item: Tracked, announced: dt.date) -> None:
    request, box = item.request, panel.steps
    assert request is not None
    reason, until = box.note(), box.until()
    if not reason:
        set_state(
            panel.message,
            "bad",
            translate(
                "TrackerPanel",
                "Write the reason the operator gave for the extension (or that it gave none).",
            ),
        )
        return
    if until is not None and until <= request.due_at:
        set_state(
            panel.message,
            "bad",
            translate(
                "TrackerPanel", "The new due date must come after the current one (%1)."
            ).replace("%1", format_date(request.due_at)),
        )
        return
    late = announced > request.due_at
    if late:
        question = (
            translate(
                "TrackerPanel",
                "The operator announced the extension on %1, after the period for an answer "
                "ended on %2. The law requires it within that period, so it does not count and "
                "the request stays overdue. Keep it on record anyway?",
            )
            .replace("%1", format_date(announced))
            .replace("%2", format_date(request.due_at))
        )
        if not panel.context.dialogs.question(
            panel, translate("TrackerPanel", "A late extension"), question
        ):
            return
    panel._run(
        data.mark_extended,
        item.letter.id,
        announced,
        until,
        reason,
        late,
        done=translate("TrackerPanel", "The extension is on record, but it does not count.")
        if late
        else translate("TrackerPanel", "The extension was recorded; the new due date is shown."),
    )


def _marked_sent(panel: TrackerPanel, result: Any) -> None:
    request, notices = result
    text = translate("TrackerPanel", "Marked sent. The answer is due by %1.").replace(
        "%1", format_date(request.effective_due)
    )
    for item in notices:
        text += "\n⚠ " + words.notice(item)
    set_state(panel.message, "warn" if notices else "good", text)
    panel.changed.emit()
    panel.context.requests_changed.emit()
