"""What the letters core tells the person — why a law was chosen, what to watch out for, what
to attach — as a stable code with parameters, so that the window can say it in the person's
language, and as the English sentence the command line prints.

A :class:`Notice` *is* that English sentence (a ``str``), so existing callers print or search
it unchanged; the window reads ``notice.code`` and ``notice.params`` instead and looks the
code up in its own translations. Parameter values are plain strings: ISO 3166 codes in
lower case (``"fr"``, ``"us-ca"``), ISO dates (``"2026-03-01"``), regime keys (``"eu"``,
``"uk"``, ``"ch"``, ``"ca"``, ``"il"``), language codes (several joined by commas), names.

The codes (and their parameters) are listed in :data:`CODES`; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

CODES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # Why this law (JurisdictionChoice.reason).
        "law.asked": ("law",),  # the person chose it (--jurisdiction)
        "law.person_in_eu": ("law", "person_country"),  # the person lives in the EU/EEA
        "law.person_home": ("law", "person_country"),  # lives in the UK, CH, California, Illinois
        "law.operator_home": ("law", "operator_country", "person_country"),  # "" = not known
        "law.default": ("law",),  # nothing known: the EU GDPR
        # What to watch out for (JurisdictionChoice.warnings, Letter.warnings).
        "law.default_unknown": (),  # neither residence nor operator country known
        "coverage.us_state": ("law", "state", "person_country"),  # state "us-ca" | "us-il"
        "coverage.territory": ("law", "person_country", "operator_country"),
        "erasure.no_reason": (),  # no grounds given: Art. 17(1)(c) cannot be relied on
        "complaint.language": ("authority", "accepted", "language"),  # accepted: "fr" | "de,fr"
        "complaint.uk_organisation_first": (),  # s.164A DPA 2018, no reminder sent yet
        "complaint.ico_three_months": ("last_contact",),
        # What to attach and keep (Letter.advice).
        "advice.keep_proof": (),
        "advice.reminder": ("enclosed",),  # enclosed: file names joined by ", " ("" = none)
        "advice.complaint": ("enclosed",),
        # The law offers no such request; the letter uses the nearest one (Letter.equivalent).
        "equivalent": ("law", "letter_type"),
        # Dates given to the tracker that contradict the letter or each other.
        "dates.sent_before_letter": ("letter_date", "sent_at"),
        "dates.sent_long_after_letter": ("letter_date", "sent_at"),
        "dates.slow_delivery": ("sent_at", "received_at"),
        "dates.posted_no_receipt": (),
    }
)


class Notice(str):
    """An English sentence that also carries a stable ``code`` and its ``params``."""

    code: str
    params: Mapping[str, str]

    def __new__(cls, code: str, text: str, **params: str) -> Notice:
        if code not in CODES:
            raise ValueError(f"unknown notice code {code!r}")
        notice = super().__new__(cls, text)
        notice.code = code
        notice.params = MappingProxyType(dict(params))
        return notice

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "params": dict(self.params), "text": str(self)}
