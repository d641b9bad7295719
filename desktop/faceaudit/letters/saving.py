"""Record a case letter and write its files, so that a kill at any moment leaves no recorded
letter without its files (the CLI's ``letter --case`` and the window's wizard both save here).

The letter is recorded inside a transaction that commits only once every file is in place:
the files are rendered to temporary names, flushed, renamed into place, and only then is the
record committed (:mod:`faceaudit.letters.atomic`). Killed before the commit, the run leaves
no record; files already renamed carry a marker naming the case and the letter number, and
the next run, which gets the same number, replaces them. Killed after the commit, only the
marker is left, and the next save removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from faceaudit.letters import tracking
from faceaudit.letters.atomic import settle_markers
from faceaudit.letters.export import stage_letter
from faceaudit.letters.render import Letter, LetterError, LetterSpec, render_letter

if TYPE_CHECKING:
    from faceaudit.store import Case


@dataclass(frozen=True)
class RecordedLetter:
    letter_id: int
    letter: Letter  # as written, with its reference (FA-<id>)
    paths: tuple[Path, ...]


def owner_of(case_name: str, letter_id: int) -> str:
    """Who wrote a letter's files, as its marker says until the letter is recorded."""
    return f"case {case_name}, letter {letter_id}"


def record_and_write(
    case: Case,
    spec: LetterSpec,
    formats: Sequence[str],
    target: Path,
    *,
    finding_ids: tuple[int, ...] = (),
    parent_request_id: int | None = None,
    overwrite: bool = False,
    private: bool = False,
) -> RecordedLetter:
    """Record the letter in ``case`` and write it in ``formats`` to ``target`` (a folder, or
    a file name as :func:`~faceaudit.letters.export.stage_letter` takes it).

    Nothing is recorded if a file cannot be written; the LetterError says why. ``private``
    (FaceAudit's own exports folder) makes the folder 0700.
    """
    with case.batch():
        letter_id = tracking.record_letter(
            case,
            letter_type=spec.letter_type,
            jurisdiction=spec.jurisdiction,
            language=spec.language,
            operator=spec.operator,
            finding_ids=finding_ids,
            parent_request_id=parent_request_id,
            letter_date=spec.letter_date,
        )
        letter = render_letter(replace(spec, reference=f"FA-{letter_id}"))
        staged = stage_letter(
            letter,
            formats,
            target,
            overwrite=overwrite,
            owner=owner_of(case.name, letter_id),
            private=private,
        )
        try:
            written = staged.publish()
            tracking.update_letter_output(
                case,
                letter_id,
                tuple(formats),
                str(written[-1].parent),
                letter.body_sha256,
                files=written,
            )
        finally:
            staged.discard()
    staged.finish()
    settle_markers(staged.folder, lambda owner: _recorded(case, owner))
    return RecordedLetter(letter_id, letter, tuple(written))


def _recorded(case: Case, owner: str) -> bool:
    """Whether the marker's letter is recorded in ``case`` (its files were then complete)."""
    prefix = owner_of(case.name, 0)[:-1]
    number = owner.removeprefix(prefix)
    if number == owner or not number.isdigit():
        return False
    try:
        tracking.get_letter(case, int(number))
    except LetterError:
        return False
    return True
