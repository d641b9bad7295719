"""Letters and requests write their steps into the case's audit log, in the same commit."""

from __future__ import annotations

import datetime as dt
import json

from faceaudit.letters import corrections, tracking
from faceaudit.letters.directory import Directory, load_builtin
from faceaudit.store import Case
from faceaudit.store import audit as audit_log

D = dt.date
TODAY = D(2026, 3, 1)


def test_each_step_of_a_letter_is_one_entry_without_personal_data(letters_case: Case) -> None:
    operator = Directory(load_builtin()).get("pimeyes")
    assert operator is not None
    start = len(letters_case.audit_log())
    letter_id = tracking.record_letter(
        letters_case,
        letter_type="erasure",
        jurisdiction="eu",
        language="fr",
        operator=operator,
        finding_ids=(1, 2),
    )
    tracking.mark_sent(letters_case, letter_id, D(2026, 2, 20), "email", today=TODAY)
    tracking.mark_answered(letters_case, letter_id, D(2026, 2, 25), note="They wrote to Alice")
    corrections.record_outcome(letters_case, letter_id, "complied", D(2026, 2, 25), today=TODAY)
    corrections.undo_last_step(letters_case, letter_id)  # the answer (and its outcome)
    draft = tracking.record_letter(
        letters_case, letter_type="access", jurisdiction="eu", language="en", operator=operator
    )
    corrections.discard_draft(letters_case, draft)
    entries = letters_case.audit_log()[start:]
    assert [(e.action, e.details.get("status")) for e in entries] == [
        (audit_log.LETTER_GENERATED, None),
        (audit_log.REQUEST_MARKED, "sent"),
        (audit_log.REQUEST_MARKED, "answered"),
        (audit_log.REQUEST_MARKED, None),  # the outcome: columns, no status change
        (audit_log.REQUEST_MARKED, "sent"),  # undone
        (audit_log.LETTER_GENERATED, None),
        (audit_log.LETTER_DISCARDED, None),
    ]
    assert entries[0].details == {
        "letter_id": letter_id,
        "type": "erasure",
        "jurisdiction": "eu",
        "language": "fr",
        "findings": 2,
        "follows_request": None,
    }
    assert entries[3].details["fields"] == ["outcome", "outcome_at"]
    raw = json.dumps([e.details for e in entries])
    assert "Alice" not in raw and "pimeyes" not in raw.lower()
    assert letters_case.verify_audit().ok
