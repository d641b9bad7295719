"""Which law a letter rests on: chosen from where the person lives and where the operator is.

Each regime covers people by a different link — the GDPR and the UK GDPR people who are in
the territory, or any person when the controller is established there (Art. 3); the Swiss
FADP circumstances with effects in Switzerland (Art. 3(1) FADP); the CCPA California
residents only (Civ. Code §1798.140(i)); BIPA, in practice, people in Illinois. The choice is
always explained, and a law chosen by hand that does not cover the person is warned about.

Countries are ISO 3166-1 alpha-2 codes; a US state is written ``US-CA`` or ``US-IL``
(ISO 3166-2), so "ca" alone is Canada, never California.
"""

from __future__ import annotations

from dataclasses import dataclass

from faceaudit.letters.directory import EU_EEA, Operator
from faceaudit.letters.texts import LetterError

REGIME_NAMES = {
    "eu": "the EU GDPR",
    "uk": "the UK GDPR",
    "ch": "the Swiss FADP",
    "ca": "the California CCPA/CPRA",
    "il": "the Illinois BIPA",
}
_HOME = {"uk": "gb", "ch": "ch", "ca": "us-ca", "il": "us-il"}


@dataclass(frozen=True)
class Notice:
    """Something said to the person, as a code with its values (the window translates it)
    and in English words (the CLI prints ``text``)."""

    code: str
    text: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


@dataclass(frozen=True)
class JurisdictionChoice:
    jurisdiction: str
    reason: str  # one sentence, said to the person
    warnings: tuple[str, ...] = ()
    reason_notice: Notice | None = None
    warning_notices: tuple[Notice, ...] = ()


class JurisdictionUnknown(LetterError):
    """No law can be chosen without the person's help; ``code`` says why
    (``us-state-unknown``, ``none-covers``), ``country`` is the person's."""

    def __init__(self, code: str, country: str, what: str, todo: str) -> None:
        self.code = code
        self.country = country
        super().__init__(what, todo)


def _choice(
    jurisdiction: str, reason: Notice, warnings: tuple[Notice, ...] = ()
) -> JurisdictionChoice:
    return JurisdictionChoice(
        jurisdiction, reason.text, tuple(w.text for w in warnings), reason, warnings
    )


def normalise_country(text: str | None) -> str:
    """``"US-CA"`` -> ``"us-ca"``, ``"UK"`` -> ``"gb"``, ``"fr"`` -> ``"fr"``; "" if unknown."""
    code = (text or "").strip().lower().replace("_", "-")
    return "gb" if code == "uk" else code


def _in_regime(jurisdiction: str, country: str) -> bool:
    if jurisdiction == "eu":
        return country in EU_EEA
    return country == _HOME[jurisdiction]


def coverage_warning(jurisdiction: str, person_country: str, operator_country: str) -> str | None:
    """Why ``jurisdiction`` may not cover this person, or None when it does (or we cannot tell)."""
    notice = coverage_notice(jurisdiction, person_country, operator_country)
    return notice.text if notice else None


def coverage_notice(jurisdiction: str, person_country: str, operator_country: str) -> Notice | None:
    """:func:`coverage_warning` as a Notice: ``not-resident`` (CCPA/BIPA, a person not
    living in the state) or ``outside-territory`` (neither person nor operator there)."""
    person, operator = normalise_country(person_country), normalise_country(operator_country)
    name = REGIME_NAMES[jurisdiction]
    params = (("regime", jurisdiction), ("person", person.upper()), ("operator", operator.upper()))
    if jurisdiction in ("ca", "il"):
        if person == _HOME[jurisdiction]:
            return None
        state = "California" if jurisdiction == "ca" else "Illinois"
        where = f"your country is given as {person.upper()}" if person else "no residence is given"
        return Notice(
            "not-resident",
            f"{name[0].upper()}{name[1:]} protects people who live in {state}, and {where}: the "
            "letter cannot "
            f"say that you live there, and the operator may answer that the law does not "
            f"apply. Give --country US-{jurisdiction.upper()} if you live in {state}.",
            params,
        )
    if not person or _in_regime(jurisdiction, person) or _in_regime(jurisdiction, operator):
        return None
    return Notice(
        "outside-territory",
        f"{name[0].upper()}{name[1:]} covers people in its territory and operators established "
        "there; you live "
        f"in {person.upper()} and the operator is "
        + (f"in {operator.upper()}" if operator else "of unknown location")
        + ": it may answer that the law does not apply to you.",
        params,
    )


def choose_jurisdiction(
    person_country: str | None, operator: Operator, requested: str | None = None
) -> JurisdictionChoice:
    """The regime for a letter from this person to this operator, with the reason why."""
    person = normalise_country(person_country)
    op = normalise_country(operator.country)
    if requested:
        warning = coverage_notice(requested, person, operator.country)
        return _choice(
            requested,
            Notice(
                "requested", f"{REGIME_NAMES[requested]}, as you asked", (("regime", requested),)
            ),
            (warning,) if warning else (),
        )
    if person in EU_EEA:
        return _choice(
            "eu",
            Notice(
                "person-eu",
                f"the EU GDPR, because you live in {person.upper()}, in the EU/EEA, where it "
                "protects you whoever holds your data (Art. 3 GDPR)",
                (("regime", "eu"), ("person", person.upper())),
            ),
        )
    for regime, home in _HOME.items():
        if person == home:
            where = {"uk": "the United Kingdom", "ch": "Switzerland"}.get(regime, home.upper())
            return _choice(
                regime,
                Notice(
                    "person-home",
                    f"{REGIME_NAMES[regime]}, because you live in {where}",
                    (("regime", regime), ("person", person.upper())),
                ),
            )
    by_operator = _by_operator(op)
    if person.startswith("us") and by_operator is None:
        raise JurisdictionUnknown(
            "us-state-unknown",
            person.upper(),
            "FaceAudit cannot tell which law protects you: US privacy law depends on the "
            "state you live in.",
            "Give your state with --country US-CA (California) or US-IL (Illinois), or "
            "choose --jurisdiction yourself.",
        )
    if by_operator is not None:
        regime, where = by_operator
        reason = f"{REGIME_NAMES[regime]}, because the operator is established in {where}"
        code = "operator"
        if not person:
            reason += " (your country is not known)"
            code = "operator-person-unknown"
        return _choice(regime, Notice(code, reason, (("regime", regime), ("operator", op.upper()))))
    if person:
        raise JurisdictionUnknown(
            "none-covers",
            person.upper(),
            f"None of the laws FaceAudit writes letters under covers a person living in "
            f"{person.upper()} and an operator "
            + (f"in {op.upper()}" if op else "of unknown location")
            + ".",
            "Choose --jurisdiction yourself if you have a link to the EU, the UK, "
            "Switzerland, California or Illinois (the letter will carry a warning).",
        )
    return _choice(
        "eu",
        Notice("default", "the EU GDPR, by default", (("regime", "eu"),)),
        (
            Notice(
                "nothing-known",
                "FaceAudit does not know where you live or where the operator is established, "
                "so the letter rests on the EU GDPR. Give your country (--country) so that the "
                "right law is chosen.",
            ),
        ),
    )


def _by_operator(country: str) -> tuple[str, str] | None:
    if country in EU_EEA:
        return "eu", f"{country.upper()}, in the EU/EEA (Art. 3(1) GDPR)"
    if country == "gb":
        return "uk", "the United Kingdom (Art. 3(1) UK GDPR)"
    if country == "ch":
        return "ch", "Switzerland"
    return None
