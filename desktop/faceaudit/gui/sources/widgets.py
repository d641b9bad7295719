"""Pieces of the Sources screen: how far to collect a source, and the lines that were refused."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from faceaudit.gui.render import available
from faceaudit.gui.widgets import hint_label
from faceaudit.store import SourceSettings
from faceaudit.store.source_list import LineProblem

MAX_DEPTH = 5
MAX_PAGES = 100_000


class SourceSettingsEditor(QWidget):
    """Depth, page limit, sitemap and rendering of a source: what every later scan of it uses."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, install_steps: bool = True) -> None:
        """``install_steps``: without QtWebEngine, say how to install it under the check box
        (False: only that it is missing, the steps in the tooltip; one editor says them)."""
        super().__init__(parent)
        self.install_steps = install_steps
        self.depth_box = QSpinBox()
        self.depth_box.setRange(0, MAX_DEPTH)
        self.depth_box.setSpecialValueText(self.tr("this page only"))
        self.depth_box.setSuffix(self.tr(" link level(s)"))
        self.depth_box.setAccessibleName(self.tr("Crawl depth"))
        self.depth_box.setToolTip(
            self.tr("0 reads only the listed page; 1 also reads the pages it links to on its site")
        )
        self.pages_box = QSpinBox()
        self.pages_box.setRange(0, MAX_PAGES)
        self.pages_box.setSpecialValueText(self.tr("no limit of its own"))
        self.pages_box.setAccessibleName(self.tr("Most pages per scan"))
        self.sitemap_box = QCheckBox(self.tr("Also read the site's sitemap"))
        self.sitemap_box.setToolTip(
            self.tr("Reads /sitemap.xml and the sitemaps robots.txt names, within the same site")
        )

        # On two lines: a check box does not wrap, and the form sits in a narrow column.
        self.render_box = QCheckBox(
            self.tr("Render this page in a browser\n(for pages built by scripts)")
        )
        self.render_box.setAccessibleName(self.render_box.text().replace("\n", " "))
        self.render_hint = hint_label()
        self.render_hint.setVisible(False)

        sitemap_row = QHBoxLayout()
        sitemap_row.addWidget(self.sitemap_box)
        sitemap_row.addStretch(1)
        render_row = QHBoxLayout()
        render_row.addWidget(self.render_box)
        render_row.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Follow links:"), self.depth_box)
        form.addRow(self.tr("At most:"), self.pages_box)
        form.addRow(sitemap_row)
        form.addRow(render_row)
        form.addRow(self.render_hint)
        self.pages_box.setSuffix(self.tr(" pages"))
        for signal in (self.depth_box.valueChanged, self.pages_box.valueChanged):
            signal.connect(lambda _value: self.changed.emit())
        self.sitemap_box.toggled.connect(lambda _on: self.changed.emit())
        self.render_box.toggled.connect(lambda _on: self.changed.emit())
        self._offer_render(available.webengine_installed())

    def _offer_render(self, installed: bool) -> None:
        """Offered when QtWebEngine is installed; otherwise greyed out, saying how to get it."""
        self.render_box.setEnabled(installed)
        if installed:
            self.render_box.setToolTip(
                self.tr(
                    "Also loads each page of this source in a browser of FaceAudit's own "
                    "(Chromium, in a process of its own, kept off your computer and your "
                    "local network), scrolls it to the end and examines the images it shows, "
                    "such as those that scripts insert. Slower: each page can take up to %1 s "
                    "(its deadline) and the browser needs several hundred MB of memory."
                ).replace("%1", str(available.PAGE_DEADLINE_SECONDS))
            )
            self.render_hint.setVisible(False)
            return
        missing = self.tr("FaceAudit's browser (QtWebEngine) is not installed.")
        steps = f"{missing} {available.install_hint()}"
        self.render_box.setToolTip(steps)
        self.render_hint.setToolTip(steps)
        self.render_hint.setText(steps if self.install_steps else missing)
        self.render_hint.setVisible(True)

    def settings(self) -> SourceSettings:
        pages = self.pages_box.value()
        return SourceSettings(
            depth=self.depth_box.value(),
            max_pages=pages or None,
            sitemap=self.sitemap_box.isChecked(),
            render=self.render_box.isChecked(),  # kept as saved while the add-ons are missing
        )

    def set_settings(self, settings: SourceSettings) -> None:
        self.depth_box.setValue(settings.depth)
        self.pages_box.setValue(settings.max_pages or 0)
        self.sitemap_box.setChecked(settings.sitemap)
        self.render_box.setChecked(settings.render)


def problems_text(problems: list[LineProblem], where: str = "") -> str:
    """One line per refused entry, with its line number: what is wrong and what to do."""
    translate = QCoreApplication.translate
    lines = []
    for problem in problems:
        if where:
            head = translate("SourcesScreen", "%1, line %2:").replace("%1", where)
        else:
            head = translate("SourcesScreen", "Line %2:")
        head = head.replace("%2", str(problem.line))
        if problem.suggestion:
            # Said in the window's language: the common case of a paste from a document.
            words = (
                translate("SourcesScreen", "“%1” has no https:// in front. Did you mean %2?")
                .replace("%1", problem.text)
                .replace("%2", problem.suggestion)
            )
        else:
            words = f"{problem.what} {problem.todo}".strip()
        lines.append(f"{head} {words}")
    return "\n".join(lines)
