"""Write a letter's files so that a crash leaves either all of them or a way to redo them.

Each file is first written in full to a hidden temporary file (0600, flushed to disk), then
renamed into place: a reader never sees half a PDF. A marker (``.STEM.incomplete``) stands
beside the files from just before the first rename until the caller says the letter is
recorded: a run killed in between leaves the marker, and the next run with the same owner
(the same case and letter number) may replace those files instead of refusing them.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from faceaudit.errors import coded
from faceaudit.letters.texts import LetterError

FILE_MODE = 0o600  # letters hold the person's details and sometimes face thumbnails
FOLDER_MODE = 0o700
PART_SUFFIX = ".part"


def marker_path(folder: Path, stem: str) -> Path:
    return folder / f".{stem}.incomplete"


def interrupted_by(folder: Path, stem: str, owner: str) -> bool:
    """Whether the files named ``stem`` were left by an interrupted run of ``owner``."""
    if not owner:
        return False
    try:
        return marker_path(folder, stem).read_text("utf-8").strip() == owner
    except (OSError, UnicodeDecodeError):
        return False


def settle_markers(folder: Path, recorded: Callable[[str], bool]) -> None:
    """Remove the markers of runs killed after their letter was recorded (its files were all in
    place before the commit): ``recorded(owner)`` says whether that owner's letter exists."""
    for marker in folder.glob(".*.incomplete"):
        try:
            owner = marker.read_text("utf-8").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if owner and recorded(owner):
            marker.unlink(missing_ok=True)


def make_folder(folder: Path, *, private: bool) -> None:
    """Create ``folder`` (0700); a folder FaceAudit owns is made private even if it exists."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        if private:
            folder.chmod(FOLDER_MODE)
    except OSError as error:
        raise output_error(error, folder) from error
    if not folder.is_dir():
        raise coded(
            LetterError(
                f"The letter could not be written to {folder}: it is not a folder; nothing was "
                "written.",
                "Choose a folder, or a file name ending in .pdf, .docx, .txt or .eml (-o).",
            ),
            "letter-path-kind",
            where=folder,
        )


def output_error(error: OSError, target: Path) -> LetterError:
    """An OSError met while writing letters, as a message saying what to do."""
    where = Path(error.filename) if error.filename else target
    if where.name.endswith(PART_SUFFIX):
        where = target  # the hidden temporary name means nothing to the person
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        failure_code = "letter-disk-full"
        reason = "the disk is full (or over its quota)"
        todo = "Free some space, or write the letter elsewhere (-o FOLDER)."
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        failure_code = "letter-not-writable"
        reason = "FaceAudit may not write there (read-only, or not yours)"
        todo = "Write the letter to a folder you can write to (-o FOLDER)."
    elif error.errno in (errno.ENOTDIR, errno.EEXIST, errno.EISDIR):
        failure_code = "letter-path-kind"
        reason = "part of the path is a file where a folder must be, or the other way round"
        todo = "Choose a folder, or a file name ending in .pdf, .docx, .txt or .eml (-o)."
    elif error.errno == errno.ENAMETOOLONG:
        failure_code = "letter-path-too-long"
        reason = "the path is too long for this system"
        todo = "Choose a shorter path (-o)."
    else:
        failure_code = "letter-not-written"
        reason = str(error.strerror or error)
        todo = "Check the folder, or write the letter elsewhere (-o FOLDER)."
    failure = LetterError(
        f"The letter could not be written to {where}: {reason}; nothing was written "
        "(earlier letters are untouched).",
        todo,
    )
    return coded(failure, failure_code, where=where, reason=reason)


@dataclass
class StagedFiles:
    """Files written to temporary names in one folder, published together by :meth:`publish`."""

    folder: Path
    stem: str
    owner: str = ""
    _staged: list[tuple[Path, Path]] = field(default_factory=list)
    _marked: bool = False

    def remove_leftovers(self) -> None:
        """Temporary files an interrupted run left for this stem (they are never read)."""
        for leftover in self.folder.glob(f".{self.stem}.*{PART_SUFFIX}"):
            leftover.unlink(missing_ok=True)

    def add(self, name: str, data: bytes) -> None:
        final = self.folder / name
        temporary = self.folder / f".{name}.{secrets.token_hex(4)}{PART_SUFFIX}"
        try:
            _write_new(temporary, data)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            self.discard()
            raise output_error(error, final) from error
        self._staged.append((temporary, final))

    def publish(self) -> list[Path]:
        """Rename every staged file into place; the marker stays until :meth:`finish`."""
        try:
            _write_new(marker_path(self.folder, self.stem), (self.owner + "\n").encode("utf-8"))
            self._marked = True
            for temporary, final in self._staged:
                temporary.replace(final)
            _sync_folder(self.folder)
        except OSError as error:
            self.discard()
            raise output_error(error, self.folder) from error
        return [final for _, final in self._staged]

    def finish(self) -> None:
        """The letter is recorded: its files are no longer an interrupted run's."""
        if self._marked:
            marker_path(self.folder, self.stem).unlink(missing_ok=True)
            self._marked = False

    def discard(self) -> None:
        """Remove what is still temporary (published files keep their marker)."""
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)


def _write_new(path: Path, data: bytes) -> None:
    path.unlink(missing_ok=True)  # an older marker of the same owner
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (a power cut must not undo a letter already recorded)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # not every platform opens folders (Windows): the renames still happened
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
