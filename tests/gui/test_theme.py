"""The dark theme: radio buttons and check boxes keep a visible rim."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton

from faceaudit.gui import theme


def _largest_contrast(widget: Any, background: QColor) -> int:
    image = widget.grab().toImage()
    indicator_width = min(image.width(), 20)  # the indicator is drawn at the left
    return max(
        abs(QColor(image.pixel(x, y)).lightness() - background.lightness())
        for x in range(indicator_width)
        for y in range(image.height())
    )


def test_unchecked_indicators_stand_out_on_a_dark_window(qapp: QApplication, qtbot: Any) -> None:
    try:
        assert theme.apply(qapp, "dark")
        background = qapp.palette().window().color()
        for widget in (QRadioButton("Balanced"), QCheckBox("Honour robots.txt")):
            qtbot.addWidget(widget)
            widget.resize(200, 24)
            widget.show()
            qtbot.waitExposed(widget)
            assert _largest_contrast(widget, background) >= 80, type(widget).__name__
        checked = QCheckBox("Honour robots.txt")
        checked.setChecked(True)
        qtbot.addWidget(checked)
        checked.show()
        qtbot.waitExposed(checked)
        assert theme._TICK.is_file()
        assert _largest_contrast(checked, background) >= 120  # the tick itself
    finally:
        theme.apply(qapp, "light")


def test_the_light_theme_keeps_fusions_own_indicators(qapp: QApplication) -> None:
    theme.apply(qapp, "light")
    assert "::indicator" not in qapp.styleSheet()
