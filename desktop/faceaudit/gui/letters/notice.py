"""What the window says at start-up and when a case opens: which requests are due or overdue.

Read from the cases' plain part (dates and statuses only), so no passphrase is needed and
nothing personal is shown: a case's (pseudonymous) name, the letter's number, the operator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QObject

from faceaudit.gui.letters.data import DUE_SOON_DAYS
from faceaudit.letters.overview import DueRequest

MAX_NAMED = 3


class DueNotice(QObject):
    """Words for the requests that are due (a QObject for its plural forms)."""

    def text(self, rows: Sequence[DueRequest], today: dt.date) -> str:
        """One sentence, or "" when nothing is overdue or due within a week."""
        overdue = [row for row in rows if row.is_overdue(today)]
        soon = [
            row
            for row in rows
            if not row.is_overdue(today)
            and row.status != "paused"
            and row.days_left(today) <= DUE_SOON_DAYS
        ]
        if not overdue and not soon:
            return ""
        parts = []
        if overdue:
            parts.append(self.tr("%n request(s) overdue", "", len(overdue)))
        if soon:
            parts.append(self.tr("%n request(s) due within a week", "", len(soon)))
        named = ", ".join(
            self.tr("FA-%1 to %2 (case %3)")
            .replace("%1", str(row.letter_id))
            .replace("%2", row.operator)
            .replace("%3", row.case)
            for row in (*overdue, *soon)[:MAX_NAMED]
        )
        more = len(overdue) + len(soon) - MAX_NAMED
        if more > 0:
            named += self.tr(" and %n more", "", more)
        return (
            self.tr("Requests: %1 — %2. See Letters & requests.")
            .replace("%1", "; ".join(parts))
            .replace("%2", named)
        )


def due_notice_text(rows: Sequence[DueRequest], today: dt.date) -> str:
    return DueNotice().text(rows, today)
