"""The one owner of FaceAudit's paths.

Everything FaceAudit writes lives under one base directory: the platform's user data
directory by default, or ``FACEAUDIT_HOME`` / ``--data-dir`` when set (tests and a
"leave no trace" session use a throw-away directory). Folders are created private (0700)
because they hold special-category personal data.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import NamedTuple

from faceaudit.errors import FaceAuditError

APP_NAME = "FaceAudit"
HOME_ENV = "FACEAUDIT_HOME"
MODELS_ENV = "FACEAUDIT_MODELS"

# desktop/faceaudit/paths.py -> project root, when running from a source checkout.
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


class DataFolderError(FaceAuditError):
    """The data folder (``--data-dir`` / ``FACEAUDIT_HOME``) cannot be used."""


def data_folder_error(error: OSError, path: Path) -> DataFolderError:
    """Why a folder under the data folder cannot be made or written, and what to do."""
    where = error.filename or path
    todo = "Choose another data folder with --data-dir DIR (or FACEAUDIT_HOME)."
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DataFolderError(
            f"FaceAudit cannot write to its data folder: {where} is read-only or not yours. "
            "Nothing was changed.",
            "Make it writable, or " + todo[0].lower() + todo[1:],
        )
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return DataFolderError(
            f"The data folder cannot be made at {where}: part of that path is a file, "
            "not a folder. Nothing was changed.",
            todo,
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DataFolderError(
            f"The disk holding the data folder is full ({where}). Nothing was changed.",
            "Free some space, or " + todo[0].lower() + todo[1:],
        )
    return DataFolderError(
        f"The data folder cannot be used: {where}: {error.strerror or error}. Nothing was changed.",
        todo,
    )


def _private_dir(path: Path, *, tighten: bool = True) -> Path:
    """``path`` created 0700; with ``tighten``, a folder FaceAudit owns that an older version
    (or a umask) left readable by others is made private too. The base directory is not
    tightened: the person may have pointed ``--data-dir`` at a folder of their own."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if tighten and os.name == "posix" and path.stat().st_mode & 0o077:
            path.chmod(0o700)
    except OSError as error:
        raise data_folder_error(error, path) from error
    return path


class Paths(NamedTuple):  # not a dataclass: dataclasses is not loaded at start-up
    """Where a FaceAudit installation keeps its files. Build one with :func:`resolve_paths`."""

    base: Path
    models: Path

    @property
    def cases(self) -> Path:
        return _private_dir(self.base / "cases")

    @property
    def cache(self) -> Path:
        return _private_dir(self.base / "cache")

    @property
    def http_cache(self) -> Path:
        return _private_dir(self.cache / "http")

    @property
    def exports(self) -> Path:
        return _private_dir(self.base / "exports")

    @property
    def operators(self) -> Path:
        return _private_dir(self.base / "operators")

    @property
    def clinic_key(self) -> Path:
        """The clinic key file (``faceaudit.store.clinic``); made private when written."""
        return self.base / "clinic" / "clinic.key"

    def ensure_base(self) -> Path:
        return _private_dir(self.base, tighten=False)


def source_checkout_root() -> Path | None:
    """The project root when FaceAudit runs from its source tree, else None."""
    if (_SOURCE_ROOT / "models" / "manifest.json").is_file() and (
        _SOURCE_ROOT / "desktop" / "faceaudit"
    ).is_dir():
        return _SOURCE_ROOT
    return None


def bundled_models_dir() -> Path | None:
    """The read-only model packs inside a standalone build (``_internal/models``), else None.

    They are verified by SHA-256 each time they are loaded, since nothing can stamp them.
    """
    contents = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or contents is None:
        return None
    path = Path(contents) / "models"
    return path if path.is_dir() else None


def default_models_dir(base: Path) -> Path:
    """Model weights: ``FACEAUDIT_MODELS``, else the checkout's ``models/``, else under the base.

    Weights are not personal data and are large, so a throw-away ``FACEAUDIT_HOME`` does not
    force a new download of them.
    """
    override = os.environ.get(MODELS_ENV)
    if override:
        return Path(override).expanduser()
    root = source_checkout_root()
    if root is not None:
        return root / "models"
    return base / "models"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """Paths from an explicit ``--data-dir``, else ``FACEAUDIT_HOME``, else the platform default."""
    if data_dir is not None:
        if not str(data_dir).strip():
            # Path("") is the current folder: data would land wherever the command was run.
            raise DataFolderError(
                "--data-dir is empty.",
                "Give the folder to keep FaceAudit's data in, or leave the option out to use "
                "the usual one.",
            )
        base = Path(data_dir).expanduser()
    elif os.environ.get(HOME_ENV):
        base = Path(os.environ[HOME_ENV]).expanduser()
    else:
        import platformdirs  # a tenth of the window's start-up: only when no folder is given

        base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return Paths(base=base.resolve(), models=default_models_dir(base).resolve())
