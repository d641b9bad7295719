"""One error type the CLI and GUI can show as-is: what happened, and what to do about it."""

from __future__ import annotations

from typing import TypeVar


class FaceAuditError(Exception):
    """An expected failure with a message meant for the person using the app.

    ``what`` says what happened; ``todo`` says what the person can do next. Both are
    plain English sentences, so the CLI prints them as they are. ``code`` names the failure
    (stable, "" when it has none) and ``params`` hold the values its sentence needs, so the
    window can say it in its own language (faceaudit.gui.messages); a class whose every
    failure means the same sets ``code`` once, others get it where they are raised
    (:func:`coded`).
    """

    code = ""

    def __init__(self, what: str, todo: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.todo = todo
        self.params: dict[str, str] = {}

    def __str__(self) -> str:
        return f"{self.what} {self.todo}".strip()


E = TypeVar("E", bound=BaseException)


def coded(error: E, code: str, **params: object) -> E:
    """``error`` with its ``code`` and ``params`` (as text) set: ``raise coded(Error(...), ...)``.

    Any exception is accepted (callers pass error classes around); only a FaceAuditError
    keeps the code."""
    if isinstance(error, FaceAuditError):
        error.code = code
        error.params = {key: str(value) for key, value in params.items()}
    return error


class ModelPackError(FaceAuditError):
    """A face model pack is missing, incomplete, corrupt or cannot be fetched."""


class ImageError(FaceAuditError):
    """An image cannot be used: unreadable, corrupt, too large or of an unsupported type."""


class EnrolmentError(FaceAuditError):
    """A reference photo of the person cannot be enrolled (no face, several faces, poor quality)."""
