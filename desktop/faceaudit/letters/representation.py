"""What a letter says when a clinic sends it on the person's behalf, under a recorded mandate.

The letter's own text stays in the person's voice ("I", "my": the data subject's rights are
theirs); an opening paragraph says who writes, for whom, under which mandate (Art. 80(1)
GDPR only for a not-for-profit body, and only under the GDPR and the UK GDPR; an authorised
agent under the CCPA; an authorisation otherwise), that the signed mandate is enclosed, and
where to answer: the clinic. The sender block, the signature and the e-mail's From are the
clinic's. The texts are ``templates/mandate/<language>.toml`` (table ``letter``), shared with
the mandate document (:mod:`faceaudit.letters.mandate`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from faceaudit.letters.citations import LANGUAGES, Provision, cite
from faceaudit.letters.compose import FAMILY, MAIN_ACT, SECONDARY_ACT
from faceaudit.letters.texts import LetterError, flatten, format_date, polish_text

if TYPE_CHECKING:
    from faceaudit.letters.render import LetterSpec, Representative

KINDS = ("art80", "authorisation")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([^{}]+))?\}")


@cache
def mandate_texts(language: str) -> dict[str, object]:
    """The mandate texts of one language: tables ``document`` and ``letter``."""
    if language not in LANGUAGES:
        raise LetterError(
            f"There are no mandate texts in {language!r}.",
            "Choose one of: " + ", ".join(LANGUAGES) + ".",
        )
    text = (
        resources.files("faceaudit.letters")
        .joinpath(f"templates/mandate/{language}.toml")
        .read_text("utf-8")
    )
    return tomllib.loads(text)


def table(language: str, name: str) -> dict[str, str]:
    return flatten(mandate_texts(language)[name])


def fill(
    text: str,
    values: Mapping[str, str],
    *,
    jurisdiction: str,
    language: str,
    citations: list[str] | None = None,
) -> str:
    """``{name}`` from ``values``, ``{art:80(1)}`` / ``{ord:7063}`` cited in the jurisdiction's
    acts, then the language's typography."""

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2)
        if argument is None:
            if name not in values:
                raise LetterError(
                    f"The mandate text needs {{{name}}}, which is not available.",
                    "Report this as a bug.",
                )
            return values[name]
        if name not in ("art", "ord"):
            raise LetterError(f"Unknown citation {{{name}:{argument}}}.", "Report this as a bug.")
        act = (MAIN_ACT if name == "art" else SECONDARY_ACT)[jurisdiction]
        rendered = cite(Provision.parse(act, argument), language)
        if citations is not None:
            citations.append(rendered)
        return rendered

    return polish_text(_PLACEHOLDER.sub(replace, text), language, jurisdiction)


def inline(address: str) -> str:
    return ", ".join(line.strip() for line in address.splitlines() if line.strip())


def speaks_as_art80(representative: Representative, jurisdiction: str) -> bool:
    """Art. 80(1) is the GDPR's (and the UK GDPR's): elsewhere the body is a representative."""
    return representative.kind == "art80" and FAMILY[jurisdiction] == "gdpr"


def opening_key(spec: LetterSpec) -> str:
    """Which opening paragraph the letter has (a key of the ``letter`` table)."""
    representative = spec.representative
    assert representative is not None
    art80 = speaks_as_art80(representative, spec.jurisdiction)
    if spec.letter_type == "complaint" and spec.jurisdiction != "il":  # BIPA: to the operator
        return "complaint.art80" if art80 else "complaint.authorisation"
    if spec.jurisdiction == "ca":
        return "intro.agent"  # the CCPA's authorised agent (11 CCR §7063)
    return "intro.art80" if art80 else "intro.authorisation"


def letter_values(spec: LetterSpec) -> dict[str, str]:
    representative = spec.representative
    assert representative is not None
    labels = table(spec.language, "letter")
    person = spec.sender
    values = {
        "person_name": person.name,
        "clinic_name": representative.name,
        "clinic_contact": ", ".join(
            part for part in (representative.email, inline(representative.address)) if part
        ),
        "mandate_date": format_date(representative.signed_on, spec.language),
        "person_details": ", ".join(
            part for part in (person.name, inline(person.address), person.email) if part
        ),
    }
    values["enclosed"] = labels[f"enclosed.{representative.kind}"].format(**values)
    return values


def opening_paragraphs(spec: LetterSpec, citations: list[str]) -> list[str]:
    """The paragraphs the letter starts with: who writes for whom, then the data subject."""
    labels = table(spec.language, "letter")
    values = letter_values(spec)

    def filled(key: str) -> str:
        return fill(
            labels[key],
            values,
            jurisdiction=spec.jurisdiction,
            language=spec.language,
            citations=citations,
        )

    return [filled(opening_key(spec)), filled("data_subject")]


def enclosure_item(spec: LetterSpec) -> str:
    """The mandate, as the list of enclosures names it."""
    representative = spec.representative
    assert representative is not None
    labels = table(spec.language, "letter")
    return fill(
        labels[f"enclosure.{representative.kind}"],
        letter_values(spec),
        jurisdiction=spec.jurisdiction,
        language=spec.language,
    )


def sender_lines(spec: LetterSpec) -> tuple[str, ...]:
    """The clinic's name and address (where the answer goes), on behalf of the person."""
    representative = spec.representative
    assert representative is not None
    on_behalf = table(spec.language, "letter")["on_behalf"].format(person_name=spec.sender.name)
    lines = (representative.name, *representative.address.splitlines(), representative.email)
    return (*(line for line in lines if line.strip()), on_behalf)


def signature_lines(spec: LetterSpec) -> tuple[str, ...]:
    representative = spec.representative
    assert representative is not None
    on_behalf = table(spec.language, "letter")["on_behalf"].format(person_name=spec.sender.name)
    return (representative.name, on_behalf)
