"""The Clinic screen: one tab per clinic tool, for caseworkers who act for several clients."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from faceaudit.gui.clinic.panels import PANELS, PanelEntry
from faceaudit.gui.context import GuiContext
from faceaudit.gui.widgets import hint_label, title_label


class ClinicScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("ClinicScreen", "Clinic")

    def __init__(
        self,
        context: GuiContext,
        parent: QWidget | None = None,
        entries: tuple[PanelEntry, ...] = PANELS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.panels: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("clinic-tabs")
        self.tabs.setDocumentMode(True)
        for entry in entries:
            panel_class = entry.load()
            if panel_class is None:
                continue
            panel: QWidget = panel_class(context, self)
            panel.setObjectName(f"clinic-{entry.key}")
            self.panels[entry.key] = panel
            self.tabs.addTab(panel, panel_class.title())

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Clinic")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "For clinics and helplines that act for several clients on this computer: "
                    "each client is a case with its own key. Open a client's case to see its "
                    "log, hand it over, or give the client a report."
                )
            )
        )
        self.empty_label = QLabel(self.tr("No clinic tools are installed."))
        self.empty_label.setVisible(not self.panels)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tabs, 1)
        self.tabs.setVisible(bool(self.panels))

    def show_panel(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.panels[key])
