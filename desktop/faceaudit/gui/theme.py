"""Light and dark: the window follows the system's colour scheme (or a forced one).

Fusion style everywhere (it honours palettes on every platform); the dark palette is ours,
the light one is Fusion's own. State colours come from dynamic properties in one style
sheet (``state="bad"`` / ``"good"`` / ``"warn"``), never from inline colours, and every state
is also said in words: colour is never the only carrier.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SCHEMES = ("system", "light", "dark")
_TICK = Path(__file__).resolve().parent / "resources" / "tick-dark.svg"

_STATE_SHEET = """
QLabel[state="good"] { color: %(good)s; }
QLabel[state="warn"] { color: %(warn)s; }
QLabel[state="bad"] { color: %(bad)s; }
QLabel[role="hint"] { color: %(hint)s; }
QLabel[role="title"] { font-size: 16pt; font-weight: 600; }
QFrame[role="notice"] { border: 1px solid %(hint)s; border-radius: 6px; padding: 6px; }
QLabel[role="banner"] { border: 1px solid %(warn)s; border-radius: 6px; padding: 6px; }
QListWidget#navigation { border: none; border-right: 1px solid %(rule)s; padding: 6px 4px; }
QListWidget#navigation::item { padding: 7px 10px; border-radius: 4px; }
QListWidget#navigation::item:selected {
    background: palette(highlight); color: palette(highlighted-text);
}
QListWidget#navigation::item:hover:!selected { background: palette(alternate-base); }
"""

# Fusion draws the rims of radio buttons and check boxes a shade darker than the window: on
# a dark window they vanish. Drawn here instead, with a tick of ours.
_DARK_INDICATORS = """
QRadioButton::indicator, QCheckBox::indicator {
    width: 12px; height: 12px; border: 1px solid %(indicator)s; background: palette(base);
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator { border-radius: 2px; }
QCheckBox::indicator:checked { image: url("%(tick)s"); }
QRadioButton::indicator:checked {
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 %(dot)s, stop: 0.42 %(dot)s, stop: 0.52 palette(base), stop: 1 palette(base));
}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {
    border-color: %(rule)s;
}
"""

_COLOURS = {
    False: {
        "good": "#1b6e20",
        "warn": "#8a5a00",
        "bad": "#b00020",
        "hint": "#5f6368",
        "rule": "#c8c8c8",
    },
    True: {
        "good": "#81c784",
        "warn": "#ffb74d",
        "bad": "#ef9a9a",
        "hint": "#b0b4b9",
        "rule": "#3c3e42",
        "indicator": "#9aa0a6",
        "dot": "#e6e6e6",
    },
}


# Set by application.qt_application when Qt was started with the Fusion style.
FUSION_AT_START = "faceaudit_fusion_at_start"


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def dark_palette() -> QPalette:
    palette = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(230, 230, 230)
    disabled = QColor(130, 130, 130)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(38, 40, 43),
        QPalette.ColorRole.ToolTipBase: window,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(53, 55, 59),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 120, 120),
        QPalette.ColorRole.Highlight: QColor(53, 132, 228),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(120, 170, 255),
        QPalette.ColorRole.Mid: QColor(70, 72, 76),
        QPalette.ColorRole.Dark: QColor(25, 25, 27),
        QPalette.ColorRole.Light: QColor(80, 82, 86),
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply(app: QApplication, scheme: str = "system") -> bool:
    """Apply a scheme; returns True when the result is dark."""
    dark = system_is_dark() if scheme not in ("light", "dark") else scheme == "dark"
    if app.property(FUSION_AT_START):
        # The first scheme of an application started with Fusion: its palette is already
        # the light one, and asking the style for it would cost the first paint.
        app.setProperty(FUSION_AT_START, False)
        if dark:
            app.setPalette(dark_palette())
    else:
        style = QStyleFactory.create("Fusion")
        if style is not None:
            app.setStyle(style)
        app.setPalette(dark_palette() if dark else app.style().standardPalette())
    sheet = _STATE_SHEET + (_DARK_INDICATORS if dark else "")
    app.setStyleSheet(sheet % {**_COLOURS[dark], "tick": _TICK.as_posix()})
    app.setProperty("faceaudit_dark", dark)
    return dark


def follow_system(app: QApplication, scheme_getter: object) -> None:
    """Re-apply when the system switches between light and dark (scheme "system" only)."""

    def changed(_scheme: object) -> None:
        current = scheme_getter() if callable(scheme_getter) else "system"
        if current == "system":
            apply(app, "system")

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
