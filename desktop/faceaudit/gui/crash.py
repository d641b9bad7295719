"""The crash handler: a log a person can attach to a report, with nothing personal in it.

Only the kind of error and where in FaceAudit's code it happened are written: exception
*types*, and file/line/function of each frame. Exception messages and local variables are
left out on purpose, because they can hold a name, an address, a URL, a file path, a
passphrase or image bytes. The window shows a plain-language message and the log's location.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from faceaudit import __version__

LOG_NAME = "crash.log"
MAX_LOG_BYTES = 256 * 1024  # keep the last reports only


def _where(filename: str) -> str:
    """A frame's file without the folders above the package (they may name the person)."""
    path = Path(filename)
    parts = path.parts
    for anchor in ("faceaudit", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return path.name


def describe(error: BaseException) -> str:
    """The report for one error: types and frames, never messages or values."""
    import platform  # when a crash is written, not at start-up
    from datetime import UTC, datetime

    lines = [
        f"FaceAudit {__version__} on Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}",
        f"when: {datetime.now(UTC).isoformat(timespec='seconds')}",
    ]
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        lines.append(f"error: {type(current).__module__}.{type(current).__qualname__}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  at {_where(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
    lines.append("(messages and values are left out: they may contain personal data)")
    return "\n".join(lines) + "\n"


class CrashLog:
    """Appends reports to ``<data>/logs/crash.log`` (private folder, 0600 file)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOG_NAME

    def write(self, error: BaseException) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        report = describe(error)
        previous = ""
        if self.path.is_file():
            previous = self.path.read_text(encoding="utf-8", errors="replace")
            previous = previous[-(MAX_LOG_BYTES - len(report)) :]
        self.path.write_text(previous + report + "\n", encoding="utf-8")
        self.path.chmod(0o600)
        return self.path

    def install(self, on_crash: Callable[[BaseException, Path], None] | None = None) -> None:
        """Route uncaught errors (GUI thread and other threads) here instead of a traceback."""

        def handle(
            kind: type[BaseException], error: BaseException, tb: TracebackType | None
        ) -> None:
            if issubclass(kind, KeyboardInterrupt):
                sys.__excepthook__(kind, error, tb)
                return
            error.__traceback__ = tb
            path = self.write(error)
            if on_crash is not None:
                on_crash(error, path)

        def handle_thread(args: threading.ExceptHookArgs) -> None:
            if args.exc_value is not None:
                handle(args.exc_type, args.exc_value, args.exc_traceback)

        sys.excepthook = handle
        threading.excepthook = handle_thread
