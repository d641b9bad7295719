"""What a reminder or a complaint encloses: copies of the letters already sent (their files,
as the tracker recorded them) and the operator's replies kept in the case.

The history annex of the follow-up (sent when, by which channel, due when, answered when)
is part of the letter itself; this module finds the documents that go with it. A letter
whose file has since been moved or deleted is simply not enclosed: the letter lists only
what is attached, and the advice tells the person what is missing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faceaudit.letters import corrections, tracking
from faceaudit.letters.render import Enclosure, LetterError

# The copy of a letter that reads best as an attachment comes first.
PREFERRED_FORMATS = ("pdf", "docx", "txt", "eml")
MAX_ENCLOSURE_BYTES = 32 * 1024 * 1024


def default_stem_of(letter: tracking.LetterRecord) -> str:
    """The name :func:`export.default_stem` gave the letter's files when it was drafted."""
    day = letter.letter_date or dt.date.fromisoformat(letter.created_at[:10])
    slug = letter.operator.slug or "operator"
    regime = f"{letter.jurisdiction}-{letter.language}"
    return f"{day.isoformat()}-FA-{letter.id}-{letter.letter_type}-{slug}-{regime}"


def letter_file(letter: tracking.LetterRecord) -> Path | None:
    """The best existing file of a tracked letter: those recorded, else the default names."""
    candidates = [Path(name) for name in letter.files]
    if not candidates and letter.output_dir:
        stem = default_stem_of(letter)
        candidates = [Path(letter.output_dir) / f"{stem}.{fmt}" for fmt in letter.formats]
    ranked = sorted(
        (
            path
            for path in candidates
            if path.suffix.lstrip(".") in PREFERRED_FORMATS
            and not path.name.endswith(".mailto.txt")  # the e-mail's link, not the letter
        ),
        key=lambda path: PREFERRED_FORMATS.index(path.suffix.lstrip(".")),
    )
    for path in ranked:
        try:
            if path.is_file() and path.stat().st_size <= MAX_ENCLOSURE_BYTES:
                return path
        except OSError:
            continue  # an unreadable folder: as if the file were gone
    return None


def follow_up_enclosures(
    case: corrections.SealedTables, letter_id: int, extra: tuple[Path, ...] = ()
) -> tuple[Enclosure, ...]:
    """For a reminder or complaint about ``letter_id``: a copy of the original request and of
    every follow-up already sent, each with the replies kept for it, then ``extra`` files the
    person adds (e.g. a post receipt)."""
    original_letter, original_request = tracking.original_request_of(case, letter_id)
    sent = [(original_letter, original_request)]
    for item in tracking.list_tracked(case):
        if item.letter.parent_request_id == original_request.id and item.request is not None:
            sent.append((item.letter, item.request))
    found: list[Enclosure] = []
    for letter, request in sent:
        path = letter_file(letter)
        if path is not None:
            data = _read(path)
            if data is not None:
                found.append(
                    Enclosure(
                        "request",
                        path.name,
                        data,
                        letter_type=letter.letter_type,
                        reference=f"FA-{letter.id}",
                        on=request.sent_at,
                    )
                )
        for reply in corrections.replies(case, letter.id):
            name, data = corrections.reply_file(case, reply.id)
            received = request.answered_at or dt.date.fromisoformat(reply.added_at[:10])
            file_name = f"FA-{letter.id}-reply-{reply.id}-{Path(name).name}"
            found.append(Enclosure("reply", file_name, data, on=received))
    return (*found, *added_files(extra))


def added_files(paths: tuple[Path, ...]) -> tuple[Enclosure, ...]:
    """Files the person encloses themselves (``--enclose``); unreadable ones are refused."""
    found = []
    for path in paths:
        data = _read(path)
        if data is None:
            raise LetterError(
                f"The file to enclose {path} cannot be read, or is larger than "
                f"{MAX_ENCLOSURE_BYTES // (1024 * 1024)} MiB.",
                "Check the file name, or enclose a smaller copy (a scan at lower resolution).",
            )
        found.append(Enclosure("file", path.name, data))
    return tuple(found)


def _read(path: Path) -> bytes | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_ENCLOSURE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None
