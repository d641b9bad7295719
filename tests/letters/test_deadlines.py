"""Deadline arithmetic on the dates where naive counting goes wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from faceaudit.letters.deadlines import add_business_days, add_months, compute_deadline

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # no 31 February: last day of the month
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # leap year
        (D(2028, 2, 29), 1, D(2028, 3, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),  # across the year
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2026, 3, 31), 1, D(2026, 4, 30)),
    ],
)
def test_calendar_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


def test_eu_month_moves_off_a_weekend() -> None:
    # 31 Jan 2026 + 1 month = 28 Feb 2026, a Saturday: Regulation 1182/71 moves it to Monday.
    deadline = compute_deadline("eu", "access", D(2026, 1, 31))
    assert deadline.due == D(2026, 3, 2)
    assert deadline.statutory
    assert deadline.extended_due == D(2026, 4, 30)  # one month plus two further months


def test_eu_leap_year_end_of_february_is_kept_on_a_weekday() -> None:
    assert compute_deadline("eu", "erasure", D(2028, 1, 31)).due == D(2028, 2, 29)  # a Tuesday


def test_eu_uses_the_public_holidays_of_the_controllers_country() -> None:
    # 17 March is St Patrick's Day in Ireland, an ordinary Tuesday elsewhere.
    assert compute_deadline("eu", "access", D(2026, 2, 17), holiday_country="IE").due == D(
        2026, 3, 18
    )
    assert compute_deadline("eu", "access", D(2026, 2, 17)).due == D(2026, 3, 17)
    assert compute_deadline("eu", "access", D(2026, 2, 17), holiday_country="FR").due == D(
        2026, 3, 17
    )


def test_uk_bank_holidays_move_the_due_date() -> None:
    # ICO: same date next month; 25 May 2026 is the Spring Bank Holiday.
    assert compute_deadline("uk", "access", D(2026, 4, 25)).due == D(2026, 5, 26)
    # 28 Dec 2026 is Boxing Day (substitute day) in England, not in the EU without a country.
    assert compute_deadline("uk", "access", D(2026, 11, 28)).due == D(2026, 12, 29)
    assert compute_deadline("eu", "access", D(2026, 11, 28)).due == D(2026, 12, 28)


def test_uk_scottish_bank_holidays_on_request() -> None:
    # 2 January is a bank holiday in Scotland only: 2 Dec 2025 + 1 month = Fri 2 Jan 2026.
    assert compute_deadline("uk", "access", D(2025, 12, 2)).due == D(2026, 1, 2)
    assert compute_deadline("uk", "access", D(2025, 12, 2), holiday_subdiv="SCT").due == D(
        2026, 1, 5
    )


def test_switzerland_thirty_days_statutory_only_for_access() -> None:
    access = compute_deadline("ch", "access", D(2026, 1, 31))
    assert access.due == D(2026, 3, 2) and access.statutory
    erasure = compute_deadline("ch", "erasure", D(2026, 1, 31))
    assert erasure.due == D(2026, 3, 2) and not erasure.statutory


def test_california_calendar_and_business_days() -> None:
    deadline = compute_deadline("ca", "access", D(2026, 11, 20))
    assert deadline.due == D(2027, 1, 4)  # 45 calendar days
    assert deadline.extended_due == D(2027, 2, 18)  # one 45-day extension
    # 10 business days, skipping Thanksgiving and the day after (California state holidays).
    assert deadline.acknowledge_by == D(2026, 12, 8)
    assert compute_deadline("ca", "objection", D(2026, 11, 20)).due == D(2026, 12, 15)


def test_business_days_skip_weekends_and_new_year() -> None:
    assert add_business_days(D(2025, 12, 31), 1, "US", "CA") == D(2026, 1, 2)
    assert add_business_days(D(2026, 1, 2), 1, "US", "CA") == D(2026, 1, 5)


def test_illinois_and_reminders_are_not_statutory() -> None:
    bipa = compute_deadline("il", "access", D(2026, 3, 1))
    assert bipa.due == D(2026, 3, 31) and not bipa.statutory
    reminder = compute_deadline("eu", "reminder", D(2026, 3, 1))
    assert reminder.due == D(2026, 3, 15) and not reminder.statutory


def test_complaint_waits_three_months_for_the_authority() -> None:
    assert compute_deadline("eu", "complaint", D(2026, 1, 31)).due == D(2026, 4, 30)


def test_complaint_rule_cites_only_the_law_of_its_regime() -> None:
    # A complaint to the CNIL is not governed by the UK's Data Protection Act, nor the reverse.
    assert compute_deadline("eu", "complaint", D(2026, 1, 31)).rule.endswith("(Art. 78(2) GDPR)")
    assert compute_deadline("uk", "complaint", D(2026, 1, 31)).rule.endswith("(s.166 DPA 2018)")


def test_unknown_jurisdiction_is_refused() -> None:
    with pytest.raises(ValueError, match="jurisdiction"):
        compute_deadline("us", "access", D(2026, 1, 1))
