"""Reading a file the person names: a regular file only, and never more than a cap.

Every path that comes from the person (a photo, a URL list, a passphrase file, an operator
database, a local source) is read through here. ``/dev/zero`` would otherwise be read until
memory runs out, and opening a named pipe (FIFO) waits for a writer for ever. So the path is
checked with ``stat`` before it is opened, opened with ``O_NONBLOCK`` (a FIFO that slips in
between the check and the open cannot block), checked again on the open descriptor (that is
what is read), and read with a cap one byte past the limit (a file that grows is caught).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from faceaudit.errors import FaceAuditError, coded

ErrorType = Callable[[str, str], Exception]

# Devices and pipes never set these; a terminal would otherwise become our controlling one.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC


class UnreadableFileError(FaceAuditError):
    """A path that is not a regular file, cannot be opened, or is over its size limit."""


def kind_of(mode: int) -> str | None:
    """What a ``stat`` mode is, in words, when it is not a regular file (else None)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def special_file_kind(path: str | Path) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a folder (else None).

    For walking folders: such entries are skipped and named, never opened.
    """
    try:
        mode = Path(path).stat().st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return kind_of(mode)


def not_a_file_message(path: str | Path, kind: str, role: str) -> tuple[str, str]:
    """The what and todo for a path that is not a regular file."""
    return (
        f"The {role} {path} is {kind}, not a file; FaceAudit reads only regular files.",
        f"Give the path of the {role} itself (a regular file on disk).",
    )


def regular_size(
    path: str | Path, *, role: str = "file", error: ErrorType = UnreadableFileError
) -> int:
    """The size of ``path`` after checking (without opening it) that it is a regular file."""
    try:
        info = Path(path).stat()
    except (OSError, ValueError) as failure:
        raise _os_failure(error, path, failure, role) from failure
    kind = kind_of(info.st_mode)
    if kind is not None:
        raise coded(error(*not_a_file_message(path, kind, role)), "file-not-regular", path=path)
    return info.st_size


@contextlib.contextmanager
def open_regular(
    path: str | Path, *, role: str = "file", error: ErrorType = UnreadableFileError
) -> Iterator[BinaryIO]:
    """A binary reader on ``path``, which must be a regular file (checked before and after
    opening, so a path swapped for a device or FIFO in between is refused, not read)."""
    regular_size(path, role=role, error=error)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except (OSError, ValueError) as failure:
        raise _os_failure(error, path, failure, role) from failure
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind is not None:
            raise coded(error(*not_a_file_message(path, kind, role)), "file-not-regular", path=path)
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_capped(
    path: str | Path,
    max_bytes: int,
    *,
    role: str = "file",
    error: ErrorType = UnreadableFileError,
    too_large_todo: str = "Use a smaller file.",
) -> bytes:
    """The whole of the regular file ``path``, refused when it holds more than ``max_bytes``."""
    with open_regular(path, role=role, error=error) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            data = b"" if size > max_bytes else handle.read(max_bytes + 1)
        except OSError as failure:
            raise _os_failure(error, path, failure, role) from failure
    if size > max_bytes or len(data) > max_bytes:
        too_large = error(
            f"The {role} {path} is {_size_words(max(size, len(data)))}, over the "
            f"{_size_words(max_bytes)} limit.",
            too_large_todo,
        )
        raise coded(
            too_large,
            "file-too-large",
            path=path,
            size_bytes=max(size, len(data)),
            limit_bytes=max_bytes,
        )
    return data


def _size_words(size: int) -> str:
    if size >= 2**20:
        return f"{size / 2**20:.0f} MiB"
    if size >= 1024:
        return f"{size / 1024:.0f} KiB"
    return f"{size} bytes"


def _os_failure(error: ErrorType, path: str | Path, failure: Exception, role: str) -> Exception:
    """``error`` for a file that cannot be opened or read, with its code for the window."""
    code = "file-unreadable"
    if isinstance(failure, FileNotFoundError):
        code = "file-missing"
    elif isinstance(failure, PermissionError):
        code = "file-permission"
    return coded(error(*_os_error_message(path, failure, role)), code, path=path)


def _os_error_message(path: str | Path, failure: Exception, role: str) -> tuple[str, str]:
    if isinstance(failure, FileNotFoundError):
        return f"The {role} {path} cannot be read: it does not exist.", "Check the path."
    if isinstance(failure, PermissionError):
        return (
            f"The {role} {path} cannot be read (permission denied).",
            "Check the file's permissions.",
        )
    reason = getattr(failure, "strerror", None) or str(failure)
    return f"The {role} {path} cannot be read ({reason}).", "Check the path and the file."
