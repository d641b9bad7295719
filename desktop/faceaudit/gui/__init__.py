"""The desktop window. The only package that imports Qt (see docs/ARCHITECTURE.md).

``run_gui(app, argv)`` is the entry point; ``faceaudit`` with no command calls it. Importing
this package is cheap: Qt loads when the window is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faceaudit.app import App


def run_gui(app: App, argv: Sequence[str] | None = None) -> int:
    """Open the main window over ``app`` and run until it closes; returns the exit status."""
    from faceaudit.gui.application import run

    return run(app, list(argv or []))
