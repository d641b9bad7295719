"""A letter's text from outside the templates (the person's details, the operator's, dates),
cleaned by :mod:`faceaudit.persontext` before anything is laid out, whatever called.

The CLI and the window both render through :func:`render_letter`, so this is the one place a
newline in a name, a control character from a paste or a date in year 9999 is met.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from faceaudit.letters.directory import Operator
from faceaudit.persontext import (
    MAX_ADDRESS_LINES,
    MAX_NAME,
    MAX_TEXT,
    check_date,
    email_address,
    multi_line,
    single_line,
)

if TYPE_CHECKING:
    from faceaudit.letters.render import LetterSpec, PriorRequest

_ADDRESS_TEXT = MAX_ADDRESS_LINES * 200


def clean_spec(spec: LetterSpec) -> LetterSpec:
    sender = spec.sender
    sender = replace(
        sender,
        name=single_line(sender.name, "Your name (--name)", MAX_NAME),
        address=multi_line(
            sender.address,
            "Your postal address (--address)",
            limit=_ADDRESS_TEXT,
            max_lines=MAX_ADDRESS_LINES,
        ),
        email=email_address(sender.email, "Your e-mail address (--email)"),
    )
    check_date(spec.letter_date, "The letter's date (--date)")
    representative = spec.representative
    if representative is not None:
        representative = replace(
            representative,
            name=single_line(representative.name, "The clinic's name", MAX_NAME),
            address=multi_line(
                representative.address,
                "The clinic's postal address",
                limit=_ADDRESS_TEXT,
                max_lines=MAX_ADDRESS_LINES,
            ),
            email=email_address(representative.email, "The clinic's e-mail address"),
        )
    return replace(
        spec,
        representative=representative,
        sender=sender,
        operator=_clean_operator(spec.operator, "operator"),
        authority=_clean_operator(spec.authority, "authority") if spec.authority else None,
        reason=multi_line(spec.reason, "Your reasons (--reason)", limit=MAX_TEXT),
        prior=_clean_prior(spec.prior) if spec.prior else None,
        history=tuple(_clean_prior(request) for request in spec.history),
    )


def _clean_operator(operator: Operator, what: str) -> Operator:
    """The directory is imported from outside and --operator-* is typed: both are cleaned."""
    name_label = (
        f"The {what}'s name (--{what}-name)" if what == "operator" else f"The {what}'s name"
    )
    address_label = f"The {what}'s postal address"
    entities = {
        code: replace(
            entity,
            name=single_line(entity.name, name_label, MAX_NAME),
            address=multi_line(
                entity.address, address_label, limit=_ADDRESS_TEXT, max_lines=MAX_ADDRESS_LINES
            ),
        )
        for code, entity in operator.entities.items()
    }
    return replace(
        operator,
        name=single_line(operator.name, name_label, MAX_NAME),
        address=multi_line(
            operator.address, address_label, limit=_ADDRESS_TEXT, max_lines=MAX_ADDRESS_LINES
        ),
        email=email_address(operator.email, f"The {what}'s e-mail address"),
        entities=entities,
    )


def _clean_prior(request: PriorRequest) -> PriorRequest:
    for day in (request.sent_at, request.due_at, request.extended_due_at, request.received_at):
        if day is not None:
            check_date(day, "A date of the earlier request")
    return request
