"""One error type the CLI and GUI can show as-is: what happened, and what to do about it."""

from __future__ import annotations


class FaceAuditError(Exception):
    """An expected failure with a message meant for the person using the app.

    ``what`` says what happened; ``todo`` says what the person can do next. Both are
    plain sentences, so the CLI prints them and the GUI shows them without rewording.
    """

    def __init__(self, what: str, todo: str = "") -> None:
        super().__init__(what)
        self.what = what
        self.todo = todo

    def __str__(self) -> str:
        return f"{self.what} {self.todo}".strip()


class ModelPackError(FaceAuditError):
    """A face model pack is missing, incomplete, corrupt or cannot be fetched."""


class ImageError(FaceAuditError):
    """An image cannot be used: unreadable, corrupt, too large or of an unsupported type."""


class EnrolmentError(FaceAuditError):
    """A reference photo of the person cannot be enrolled (no face, several faces, poor quality)."""
