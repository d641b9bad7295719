"""Legal citations, written the way a lawyer of each language writes them.

Templates name a provision as ``{art:15(1)(g)}`` (the jurisdiction's main act),
``{ord:18}`` (its implementing rules) or ``{gdpr:9}`` (the EU GDPR whatever the
jurisdiction); :func:`cite` turns that into "Art. 15(1)(g) GDPR", "art. 15, § 1, g), RGPD",
"Art. 15 Abs. 1 lit. g DSGVO", ... so one template serves the EU and the UK alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = ("en", "fr", "de", "es", "it")

# How each act is called in each language. US statutes keep their official English names.
ACT_NAMES: dict[str, dict[str, str]] = {
    "gdpr": {"en": "GDPR", "fr": "RGPD", "de": "DSGVO", "es": "RGPD", "it": "GDPR"},
    "ukgdpr": {
        "en": "UK GDPR",
        "fr": "UK GDPR",
        "de": "UK GDPR",
        "es": "UK GDPR",
        "it": "UK GDPR",
    },
    "dpa2018": {
        "en": "DPA 2018",
        "fr": "DPA 2018",
        "de": "DPA 2018",
        "es": "DPA 2018",
        "it": "DPA 2018",
    },
    "fadp": {"en": "FADP", "fr": "LPD", "de": "DSG", "es": "LPD", "it": "LPD"},
    "dpo": {"en": "DPO", "fr": "OPDo", "de": "DSV", "es": "OPDo", "it": "OPDa"},
    "ccpa": {
        "en": "Cal. Civ. Code",
        "fr": "Cal. Civ. Code",
        "de": "Cal. Civ. Code",
        "es": "Cal. Civ. Code",
        "it": "Cal. Civ. Code",
    },
    "ccr": {"en": "11 CCR", "fr": "11 CCR", "de": "11 CCR", "es": "11 CCR", "it": "11 CCR"},
    "bipa": {
        "en": "740 ILCS",
        "fr": "740 ILCS",
        "de": "740 ILCS",
        "es": "740 ILCS",
        "it": "740 ILCS",
    },
}

# Acts cited by section sign rather than article.
_SECTION_ACTS = {"ccpa", "ccr", "dpa2018"}

_SWISS_ACTS = {"fadp", "dpo"}

_PROVISION = re.compile(r"^(?P<number>[0-9A-Za-z./]+?)(?P<parts>(\([0-9a-zA-Z]+\))*)$")


@dataclass(frozen=True)
class Provision:
    act: str  # a key of ACT_NAMES
    number: str  # "15", "1798.105", "14/15"
    paragraph: str | None = None  # "3" in Art. 15(3)
    point: str | None = None  # "g" in Art. 15(1)(g)
    deeper: tuple[str, ...] = ()  # further sub-divisions: US (a)(2)(B), Swiss "no. 4"

    @classmethod
    def parse(cls, act: str, text: str) -> Provision:
        match = _PROVISION.match(text)
        if match is None or act not in ACT_NAMES:
            raise ValueError(f"not a provision: {act}:{text}")
        parts = re.findall(r"\(([0-9a-zA-Z]+)\)", match.group("parts") or "")
        if len(parts) > 2 and act not in _SECTION_ACTS | {"bipa"}:
            raise ValueError(f"too many sub-divisions in {text}")
        if act in _SWISS_ACTS and parts and parts[0].isalpha():
            # Swiss articles may list letters without paragraphs: Art. 5 let. c no. 4 FADP.
            return cls(act, match.group("number"), None, parts[0], tuple(parts[1:]))
        paragraph = parts[0] if parts else None
        point = parts[1] if len(parts) > 1 else None
        return cls(act, match.group("number"), paragraph, point, tuple(parts[2:]))


def cite(provision: Provision, language: str) -> str:
    """The provision written in the citation style of ``language``."""
    act = ACT_NAMES[provision.act][language]
    subdivisions = (provision.paragraph, provision.point, *provision.deeper)
    if provision.act in _SECTION_ACTS:
        tail = "".join(f"({p})" for p in subdivisions if p)
        sign = "s." if provision.act == "dpa2018" else "§"
        return (
            f"{act} {sign} {provision.number}{tail}"
            if sign == "§"
            else (f"{sign} {provision.number}{tail} {act}")
        )
    if provision.act == "bipa":
        tail = "".join(f"({p})" for p in subdivisions if p)
        return f"{act} {provision.number}{tail}"
    if _is_definition_point(provision):
        return _DEFINITION_POINT[language].format(point=provision.paragraph, act=act)
    return _ARTICLE_STYLES[language](provision, act)


# Art. 4 GDPR lists its definitions as numbered points, not paragraphs: each language
# cites them its own way (the French and Italian forms are those of the official texts).
_DEFINITION_POINT = {
    "en": "Art. 4({point}) {act}",
    "fr": "article 4, point {point}), du {act}",
    "de": "Art. 4 Nr. {point} {act}",
    "es": "art. 4.{point} {act}",
    "it": "art. 4, punto {point}), {act}",
}


def _is_definition_point(p: Provision) -> bool:
    return (
        p.act in ("gdpr", "ukgdpr")
        and p.number == "4"
        and p.paragraph is not None
        and p.point is None
    )


def _article_en(p: Provision, act: str) -> str:
    tail = "".join(f"({x})" for x in (p.paragraph, p.point, *p.deeper) if x)
    return f"Art. {p.number}{tail} {act}"


def _article_fr(p: Provision, act: str) -> str:
    if p.act not in _SWISS_ACTS:
        # EU acts the way the official French texts cite them: "l'article 15, paragraphe 1,
        # point g), du RGPD".
        text = f"article {p.number}"
        if p.paragraph:
            text += f", paragraphe {p.paragraph}"
        if p.point:
            text += f", point {p.point})"
        text += "".join(f", {x})" for x in p.deeper)
        return f"{text}, du {act}" if (p.paragraph or p.point) else f"{text} du {act}"
    # Swiss acts number their paragraphs "alinéas" and their letters "let.".
    text = f"art. {p.number}"
    if p.paragraph:
        text += f", al. {p.paragraph}"
    if p.point:
        text += f", let. {p.point}"
    text += "".join(f", ch. {x}" for x in p.deeper)
    return f"{text}, {act}" if (p.paragraph or p.point) else f"{text} {act}"


def _article_de(p: Provision, act: str) -> str:
    text = f"Art. {p.number}"
    if p.paragraph:
        text += f" Abs. {p.paragraph}"
    if p.point:
        text += f" lit. {p.point}" if p.point.isalpha() else f" Ziff. {p.point}"
    text += "".join(f" Ziff. {x}" for x in p.deeper)
    return f"{text} {act}"


def _article_es(p: Provision, act: str) -> str:
    text = f"art. {p.number}"
    if p.paragraph:
        text += f".{p.paragraph}"
    if p.point:
        text += f".{p.point})"
    text += "".join(f", n.º {x}" for x in p.deeper)
    return f"{text} {act}"


def _article_it(p: Provision, act: str) -> str:
    text = f"art. {p.number}"
    if p.paragraph:
        text += f", cpv. {p.paragraph}" if p.act in _SWISS_ACTS else f", par. {p.paragraph}"
    if p.point:
        text += f", lett. {p.point}" if p.act in _SWISS_ACTS else f", lett. {p.point})"
    text += "".join(f", n. {x}" for x in p.deeper)
    return f"{text}, {act}" if (p.paragraph or p.point) else f"{text} {act}"


_ARTICLE_STYLES = {
    "en": _article_en,
    "fr": _article_fr,
    "de": _article_de,
    "es": _article_es,
    "it": _article_it,
}
