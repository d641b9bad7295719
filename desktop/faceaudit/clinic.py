"""The clinic's own details, for a clinic (or helpline) that acts for its clients.

A privacy clinic that acts for a client names itself in the mandate the client signs and,
once that mandate is recorded in the client's case, in every letter sent on the client's
behalf. These are the clinic's details, not the client's: they live in ``config.toml``
(table ``[clinic]``, through :mod:`faceaudit.config`), shared by every case on this computer.
``faceaudit clinic profile`` and the window's Clinic screen write them with
:func:`save_profile`; both read them with :func:`load_profile`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from faceaudit.config import read_table, write_table
from faceaudit.errors import FaceAuditError
from faceaudit.letters.citations import LANGUAGES
from faceaudit.persontext import (
    MAX_ADDRESS_LINES,
    MAX_NAME,
    TextFieldError,
    email_address,
    multi_line,
    single_line,
)

if TYPE_CHECKING:
    from faceaudit.paths import Paths

TABLE = "clinic"
FIELDS = ("name", "address", "email", "art80", "language")
_ADDRESS_TEXT = MAX_ADDRESS_LINES * 200


class ClinicProfileError(FaceAuditError):
    """The clinic's details are missing, incomplete or unusable."""


@dataclass(frozen=True)
class ClinicProfile:
    """Who the clinic is: the body the client mandates, and where operators answer."""

    name: str
    address: str  # postal address, one line per line
    email: str
    # A not-for-profit body under GDPR Art. 80(1): properly constituted, with statutory
    # objectives in the public interest, active in the protection of personal data.
    art80: bool = False
    language: str = "en"  # the clinic's default language for mandates

    def cleaned(self) -> ClinicProfile:
        """The same details checked and normalised as the person's own text is (NFC, no
        control characters, one line where one line is due); a TextFieldError says which."""
        language = self.language.strip().lower() or "en"
        if language not in LANGUAGES:
            raise ClinicProfileError(
                f"The clinic's language {self.language!r} is not one FaceAudit writes in.",
                "Choose one of: " + ", ".join(LANGUAGES) + ".",
            )
        return replace(
            self,
            name=single_line(self.name, "The clinic's name (--name)", MAX_NAME),
            address=multi_line(
                self.address,
                "The clinic's postal address (--address)",
                limit=_ADDRESS_TEXT,
                max_lines=MAX_ADDRESS_LINES,
            ),
            email=email_address(self.email, "The clinic's e-mail address (--email)"),
            language=language,
        )

    def missing(self) -> list[str]:
        """What a mandate or a letter needs and this profile lacks, as option names."""
        wanted = (("name", "--name"), ("address", "--address"), ("email", "--email"))
        return [
            f"the clinic's {field} ({option})"
            for field, option in wanted
            if not getattr(self, field).strip()
        ]

    def as_table(self) -> dict[str, str | bool | int | float]:
        return {
            "name": self.name,
            "address": self.address,
            "email": self.email,
            "art80": self.art80,
            "language": self.language,
        }

    @property
    def address_lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.address.splitlines() if line.strip())


def _from_table(table: dict[str, Any]) -> ClinicProfile:
    def text(key: str) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise ClinicProfileError(
                f"The clinic's {key} in config.toml should be text, not {value!r}.",
                f"Set it again: faceaudit clinic profile --{key} ...",
            )
        return value

    art80 = table.get("art80", False)
    if not isinstance(art80, bool):
        raise ClinicProfileError(
            f"art80 in config.toml's [clinic] should be true or false, not {art80!r}.",
            "Set it again: faceaudit clinic profile --art80 (or --no-art80).",
        )
    return ClinicProfile(
        name=text("name"),
        address=text("address"),
        email=text("email"),
        art80=art80,
        language=text("language") or "en",
    )


def load_profile(paths: Paths) -> ClinicProfile | None:
    """The clinic's saved details, or None when none were set.

    Details that cannot be used (edited by hand into something else) raise
    :class:`ClinicProfileError` or a TextFieldError: a letter must never name half a clinic.
    """
    table = read_table(paths, TABLE)
    if not any(key in table for key in FIELDS):
        return None
    return _from_table(table).cleaned()


def require_profile(paths: Paths) -> ClinicProfile:
    """The clinic's details, complete, or an error saying how to set them."""
    profile = load_profile(paths)
    if profile is None:
        raise ClinicProfileError(
            "No clinic profile is set on this computer.",
            "Set it first: faceaudit clinic profile --name NAME --address ADDRESS "
            "--email EMAIL [--art80].",
        )
    missing = profile.missing()
    if missing:
        raise ClinicProfileError(
            "The clinic profile lacks " + "; ".join(missing) + ".",
            "Complete it: faceaudit clinic profile --name NAME --address ADDRESS --email EMAIL.",
        )
    return profile


def save_profile(paths: Paths, profile: ClinicProfile) -> ClinicProfile:
    """Check and save the clinic's details (the rest of config.toml is kept); returns them
    as saved. Every field is required: the mandate and the letters print them all."""
    cleaned = profile.cleaned()
    missing = cleaned.missing()
    if missing:
        raise ClinicProfileError(
            "The clinic profile needs " + "; ".join(missing) + ".",
            "Give every one of them: the mandate and the letters print them.",
        )
    write_table(paths, TABLE, cleaned.as_table())
    return cleaned


def update_profile(paths: Paths, **changes: Any) -> ClinicProfile:
    """Change some of the saved details (``None`` values are left as they are)."""
    given = {key: value for key, value in changes.items() if value is not None}
    unknown = set(given) - set(FIELDS)
    if unknown:
        raise ValueError(f"not clinic profile fields: {sorted(unknown)}")
    current = load_profile(paths) or ClinicProfile("", "", "")
    return save_profile(paths, replace(current, **given))


__all__ = [
    "ClinicProfile",
    "ClinicProfileError",
    "TextFieldError",
    "load_profile",
    "require_profile",
    "save_profile",
    "update_profile",
]
