"""Whether FaceAudit's browser can be used here, found without loading it.

The Sources and Settings screens ask this when they are built; importing QtWebEngine would
load Chromium's libraries into the window (and is slow), so the add-on's module is only
looked for (``importlib.util.find_spec``). The renderer process still checks for real when a
page is rendered, and a broken install is then reported as a source's failure.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QCoreApplication

WEBENGINE_MODULES = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets")
# collect.render.PAGE_DEADLINE, said in the window (importing the collector here would load
# it with the screen; tests/gui/sources check the two agree).
PAGE_DEADLINE_SECONDS = 30


def webengine_installed() -> bool:
    """True when the PySide6 add-ons (QtWebEngine) are installed."""
    try:
        return all(importlib.util.find_spec(name) is not None for name in WEBENGINE_MODULES)
    except (ImportError, ValueError):
        return False


def install_hint() -> str:
    """How to get the add-ons, in the window's language (collect.render.INSTALL_HINT)."""
    return QCoreApplication.translate(
        "RenderAvailability",
        "Install the PySide6 add-ons matching your PySide6 (they hold QtWebEngine): run "
        "`bash installer/setup.sh` again, or `.venv/bin/pip install -e '.[browser]'`, then "
        "start FaceAudit again.",
    )
