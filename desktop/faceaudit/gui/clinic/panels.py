"""The Clinic screen's panels, in tab order.

A panel is a ``QWidget`` built as ``Panel(context, parent)`` with a static ``title()``
(translated at call time). It must work with no case open: it says what it needs and
disables its actions. Adding a panel is one line here.
"""

from __future__ import annotations

from faceaudit.gui.screens import ScreenEntry

PanelEntry = ScreenEntry  # same shape: key, module, class name; loaded when the screen is built

PANELS: tuple[PanelEntry, ...] = (
    PanelEntry("passphrase", "faceaudit.gui.clinic.passphrase", "ClinicPassphrasePanel"),
    PanelEntry("case-passphrase", "faceaudit.gui.clinic.case_passphrase", "CasePassphrasePanel"),
    PanelEntry("report", "faceaudit.gui.clinic.report", "ReportPanel"),
    PanelEntry("mandate", "faceaudit.gui.clinic.mandate", "MandatePanel"),
    PanelEntry("audit", "faceaudit.gui.clinic.audit", "AuditPanel"),
    PanelEntry("retention", "faceaudit.gui.clinic.retention", "RetentionPanel"),
    PanelEntry("handoff", "faceaudit.gui.clinic.handoff", "HandoffPanel"),
)
