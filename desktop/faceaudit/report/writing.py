"""Writing a report file: all of it or nothing, readable by its owner only (0600).

A report shows the person's face and where it is online, so it is personal data: it is
written to a hidden temporary file created 0600 beside the target, flushed, then renamed
over the target; a failure leaves any earlier file at that path as it was. Only an ordinary
file (or a new name) is replaced: never a device, a pipe or a symbolic link.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from faceaudit.report.words import ReportError

FILE_MODE = 0o600


def write_private(path: Path, data: bytes) -> Path:
    target = path.expanduser()
    if target.is_dir():
        raise ReportError(
            f"{target} is a folder; the report needs a file name.",
            "Give a file name, e.g. -o report.pdf.",
        )
    try:
        existing = target.lstat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise _error(error, target) from error
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # Renaming over it would replace a device (/dev/null), a pipe or a link, not fill it.
        raise ReportError(
            f"{target} is not an ordinary file (a device, a pipe or a link); nothing was written.",
            "Give the name of a new or ordinary file, e.g. -o report.pdf.",
        )
    folder = target.parent
    if not folder.is_dir():
        raise ReportError(
            f"The folder {folder} does not exist; nothing was written.",
            "Create the folder first, or choose another place (-o PATH).",
        )
    temp = folder / f".{target.name}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(target)
        finally:
            temp.unlink(missing_ok=True)
        target.chmod(FILE_MODE)
    except OSError as error:
        raise _error(error, target) from error
    return target


def _error(error: OSError, target: Path) -> ReportError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        reason, todo = "the disk is full", "Free some space, or write the report elsewhere."
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = "FaceAudit may not write there"
        todo = "Choose a folder you can write to (-o PATH)."
    else:
        reason = error.strerror or str(error)
        todo = "Check the path, or choose another place (-o PATH)."
    return ReportError(f"The report could not be written to {target}: {reason}.", todo)
