"""When an answer is due: each jurisdiction's way of counting, with real holiday calendars.

- EU GDPR, Art. 12(3): one month from receipt, counted per Regulation (EEC, Euratom) 1182/71
  (Art. 3(2)(c): same date in the following month, else its last day; Art. 3(4): a period
  ending on a Saturday, Sunday or public holiday ends on the next working day). Public
  holidays are those of the country where the controller must act, when we know it.
- UK GDPR: the ICO's rule — day of receipt is day 1, due the same date next month, else the
  last day of that month; a weekend or bank holiday moves it to the next working day.
- Switzerland: 30 days for access (Art. 18 DPO); the FADP sets no period for erasure or
  objection, so the letter sets 30 days itself and the date is marked as not statutory. A
  last day on a Saturday, Sunday or federal public holiday moves to the next working day.
- California: 45 calendar days to answer, one 45-day extension (Civ. Code §1798.130(a)(2));
  receipt confirmed within 10 business days (11 CCR §7021); opt-out and limitation requests
  within 15 business days. Business days skip weekends and California state holidays.
- Illinois BIPA: no request right, hence no legal period; the letter asks for an answer in
  30 days and the date is marked as not statutory.
Reminders ask for an answer within 14 days; complaints wait three months for the authority
(GDPR Art. 78(2), DPA 2018 s.166) before the person may go to court.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

JURISDICTIONS = ("eu", "uk", "ch", "ca", "il")
LETTER_TYPES = ("access", "erasure", "objection", "reminder", "complaint")


@dataclass(frozen=True)
class Deadline:
    """The dates a request runs against. ``statutory`` is False when the law sets no period."""

    received: dt.date
    due: dt.date
    extended_due: dt.date | None  # the latest date if the operator extends as the law allows
    statutory: bool
    rule: str  # a short, human description of how ``due`` was counted
    acknowledge_by: dt.date | None = None  # California: confirmation of receipt


def add_months(start: dt.date, months: int) -> dt.date:
    """Same date ``months`` later; the month's last day when that date does not exist."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


@lru_cache(maxsize=64)
def _calendar(country: str, subdiv: str | None, year: int) -> holidays.HolidayBase | None:
    import holidays  # loaded with the first deadline computed: the window starts without it

    try:
        return holidays.country_holidays(country, subdiv=subdiv, years=range(year, year + 2))
    except NotImplementedError:
        return None


def is_working_day(day: dt.date, country: str | None, subdiv: str | None = None) -> bool:
    if day.weekday() >= 5:
        return False
    if not country:
        return True
    days = _calendar(country.upper(), subdiv, day.year)
    return days is None or day not in days


def next_working_day(day: dt.date, country: str | None, subdiv: str | None = None) -> dt.date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, country, subdiv):
        day += dt.timedelta(days=1)
    return day


def add_business_days(start: dt.date, count: int, country: str, subdiv: str | None) -> dt.date:
    day = start
    while count > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, country, subdiv):
            count -= 1
    return day


def compute_deadline(
    jurisdiction: str,
    letter_type: str,
    received: dt.date,
    holiday_country: str | None = None,
    holiday_subdiv: str | None = None,
    paused_days: int = 0,
) -> Deadline:
    """The due date of a letter of ``letter_type`` received on ``received``.

    ``holiday_country`` (ISO 3166 alpha-2) picks the public holidays of an EU/EEA country;
    without it only weekends move an EU due date. The UK uses the bank holidays of England
    and Wales unless ``holiday_subdiv`` names SCT or NIR. ``paused_days`` are days that do
    not count (UK: Art. 12A UK GDPR, while the organisation waits for ID or clarification);
    the first period and its extension both move by them.
    """
    if jurisdiction not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}")
    if letter_type not in LETTER_TYPES:
        raise ValueError(f"unknown letter type {letter_type!r}")
    if letter_type == "reminder":
        due = received + dt.timedelta(days=14)
        return Deadline(received, due, None, False, "14 days asked for in the reminder")
    if jurisdiction in ("eu", "uk"):
        return _gdpr_month(
            jurisdiction, letter_type, received, holiday_country, holiday_subdiv, paused_days
        )
    if jurisdiction == "ch":
        if letter_type == "complaint":
            return Deadline(
                received, add_months(received, 3), None, False, "follow up after three months"
            )
        # A federal-law period ending on a Saturday, Sunday or public holiday ends on the next
        # working day (Federal Act on Time Limits falling on Saturdays; Art. 78 CO).
        due = next_working_day(received + dt.timedelta(days=30), "CH")
        statutory = letter_type == "access"
        rule = "30 days (Art. 18 DPO)" if statutory else "30 days asked for in the letter"
        rule += "; a weekend or public holiday moves it to the next working day"
        return Deadline(received, due, None, statutory, rule)
    if jurisdiction == "ca":
        return _california(letter_type, received)
    due = received + dt.timedelta(days=30)
    return Deadline(received, due, None, False, "30 days asked for in the letter (BIPA sets none)")


def _gdpr_month(
    jurisdiction: str,
    letter_type: str,
    received: dt.date,
    country: str | None,
    subdiv: str | None,
    paused_days: int = 0,
) -> Deadline:
    if jurisdiction == "uk":
        country, subdiv = "GB", (subdiv or "ENG")
    if letter_type == "complaint":
        # The authority has three months to say how the complaint is progressing.
        due = next_working_day(add_months(received, 3), country, subdiv)
        law = "s.166 DPA 2018" if jurisdiction == "uk" else "Art. 78(2) GDPR"
        rule = f"three months for the authority ({law})"
        return Deadline(received, due, None, True, rule)
    pause = dt.timedelta(days=paused_days)
    due = next_working_day(add_months(received, 1) + pause, country, subdiv)
    extended = next_working_day(add_months(received, 3) + pause, country, subdiv)
    where = f" and public holidays ({country}{'-' + subdiv if subdiv else ''})" if country else ""
    rule = f"one month (Art. 12(3)); weekends{where} move it to the next working day"
    if paused_days:
        days = "1 day" if paused_days == 1 else f"{paused_days} days"
        rule += f"; {days} paused (Art. 12A UK GDPR) do not count"
    return Deadline(received, due, extended, True, rule)


def _california(letter_type: str, received: dt.date) -> Deadline:
    acknowledge = add_business_days(received, 10, "US", "CA")
    if letter_type == "objection":
        due = add_business_days(received, 15, "US", "CA")
        return Deadline(received, due, None, True, "15 business days (11 CCR §7026, §7027)")
    if letter_type == "complaint":
        return Deadline(
            received, add_months(received, 3), None, False, "follow up after three months"
        )
    due = received + dt.timedelta(days=45)
    extended = received + dt.timedelta(days=90)
    rule = "45 calendar days, one 45-day extension (Civ. Code §1798.130(a)(2))"
    return Deadline(received, due, extended, True, rule, acknowledge_by=acknowledge)
