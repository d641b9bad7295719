"""The Settings screen's sections, each a group box that says what its choice means."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from faceaudit.config import LIMITS, Config
from faceaudit.gui.render import available
from faceaudit.gui.settings.model import (
    LEVEL_ORDER,
    LICENCE_ROLE,
    NAME_ROLE,
    STATE_ROLE,
    PacksModel,
    calibration_note,
    level_meaning,
    level_title,
    state_words,
)
from faceaudit.gui.widgets import hint_label, set_state


class ModelPackBox(QGroupBox):
    """Which model pack recognises faces: its verified state and its licence."""

    use_requested = Signal(str)  # the pack to use from now on
    verify_requested = Signal(str)  # re-hash every file of this pack
    download_requested = Signal(str)
    cancel_requested = Signal()
    licence_accepted = Signal(str)

    def __init__(self, model: PacksModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Face model pack"), parent)
        self.model = model
        self.in_use = ""
        self.accepted: set[str] = set()
        self.combo = QComboBox()
        self.combo.setModel(model)
        self.combo.setAccessibleName(self.tr("Model pack"))
        # Its items must not set the screen's width (the list opens as wide as it needs).
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(30)
        self.in_use_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.licence_label = QLabel()
        self.licence_label.setWordWrap(True)
        self.licence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_box = QCheckBox(
            self.tr(
                "I accept this licence: I will use these model weights for non-commercial "
                "purposes only."
            )
        )
        self.use_button = QPushButton(self.tr("Use this pack"))
        self.verify_button = QPushButton(self.tr("Check the files again"))
        self.verify_button.setToolTip(
            self.tr("Compute the SHA-256 of every file of the pack and compare with the manifest")
        )
        self.download_button = QPushButton(self.tr("Download"))
        self.cancel_button = QPushButton(self.tr("Cancel the download"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.hide()
        self.cancel_button.hide()
        self.case_label = hint_label()

        buttons = QHBoxLayout()
        for button in (
            self.use_button,
            self.verify_button,
            self.download_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Pack:"), self.combo)
        form.addRow(self.tr("In use:"), self.in_use_label)
        form.addRow(self.tr("State:"), self.state_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.licence_label)
        layout.addWidget(self.accept_box)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.case_label)
        self.case_label.hide()

        self.combo.currentIndexChanged.connect(lambda _row: self.refresh())
        model.dataChanged.connect(lambda *_args: self.refresh())
        self.accept_box.toggled.connect(self._accept_toggled)
        self.use_button.clicked.connect(lambda: self.use_requested.emit(self.selected()))
        self.verify_button.clicked.connect(lambda: self.verify_requested.emit(self.selected()))
        self.download_button.clicked.connect(lambda: self.download_requested.emit(self.selected()))
        self.cancel_button.clicked.connect(self.cancel_requested.emit)

    def selected(self) -> str:
        return str(self.combo.currentData(NAME_ROLE) or "")

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:
            self.combo.setCurrentIndex(row)

    def set_in_use(self, name: str, accepted: set[str]) -> None:
        self.in_use, self.accepted = name, set(accepted)
        self.in_use_label.setText(name)
        self.refresh()

    def _accept_toggled(self, checked: bool) -> None:
        name = self.selected()
        if checked and name not in self.accepted:
            self.accepted.add(name)
            self.licence_accepted.emit(name)
        self.refresh()

    def refresh(self) -> None:
        name = self.selected()
        state = str(self.combo.currentData(STATE_ROLE) or "")
        licence = self.combo.currentData(LICENCE_ROLE) or ("", "", "")
        set_state(
            self.state_label,
            {"verified": "good", "damaged": "bad"}.get(state, "warn" if state else ""),
            state_words(state),
        )
        restriction = self.tr(
            "InsightFace model weights: non-commercial research use only. Commercial use "
            "needs a licence from InsightFace."
        )
        # Ours, translated; a pack from elsewhere keeps its manifest's own words (English).
        details = (
            self.tr("The insightface library's own code is under the MIT licence.")
            if licence[0].startswith("InsightFace")
            else licence[1]
        )
        self.licence_label.setText(
            f"<p><b>{escape(restriction)}</b></p><p>{escape(details)}<br>{escape(licence[2])}</p>"
        )
        accepted = name in self.accepted
        self.accept_box.blockSignals(True)
        self.accept_box.setChecked(accepted)
        self.accept_box.setEnabled(not accepted)
        self.accept_box.blockSignals(False)
        downloading = self.cancel_button.isVisible()
        self.use_button.setEnabled(
            bool(name) and name != self.in_use and state == "verified" and accepted
        )
        self.verify_button.setEnabled(state in ("verified", "damaged") and not downloading)
        self.download_button.setEnabled(state in ("damaged", "not installed") and not downloading)

    def set_downloading(self, downloading: bool) -> None:
        self.cancel_button.setVisible(downloading)
        self.progress.setVisible(downloading)
        self.combo.setEnabled(not downloading)
        if downloading:
            self.progress.setRange(0, 0)
        self.refresh()

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def show_case_pack(self, case_pack: str | None) -> None:
        """Warn when the open case's references were made with another pack."""
        if case_pack and case_pack != self.in_use:
            self.case_label.setText(
                self.tr(
                    "The open case's reference photos were made with %1: to scan it or add "
                    "photos to it, use %1 again."
                ).replace("%1", case_pack)
            )
            self.case_label.show()
        else:
            self.case_label.hide()


class MatchLevelBox(QGroupBox):
    """How alike a face must be to count as the person, with what each level measured."""

    level_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Match threshold"), parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(self.tr("How alike a face must be to yours to be shown as a finding."))
        )
        for number, level in enumerate(LEVEL_ORDER):
            button = QRadioButton(level_title(level))
            meaning = hint_label(level_meaning(level))
            # Short lines of their own, never squeezed: the scroll area otherwise takes the
            # last line of these labels whenever another part of the screen grows.
            meaning.setWordWrap(False)
            meaning.setMinimumHeight(meaning.sizeHint().height())
            button.setToolTip(level_meaning(level))
            self.group.addButton(button, number)
            self.buttons[level] = button
            indented = QHBoxLayout()
            indented.setContentsMargins(24, 0, 0, 6)
            indented.addWidget(meaning, 1)
            layout.addWidget(button)
            layout.addLayout(indented)
        layout.addWidget(hint_label(calibration_note()))
        self.group.idToggled.connect(self._toggled)

    def set_level(self, level: str) -> None:
        button = self.buttons.get(level)
        if button is not None:
            self.group.blockSignals(True)
            button.setChecked(True)
            self.group.blockSignals(False)

    def level(self) -> str:
        return LEVEL_ORDER[max(0, self.group.checkedId())]

    def _toggled(self, number: int, checked: bool) -> None:
        if checked:
            self.level_changed.emit(LEVEL_ORDER[number])


class NetworkBox(QGroupBox):
    """How FaceAudit talks to web servers: timeouts, parallel requests, robots.txt, and what
    pages in FaceAudit's browser may reach."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Network"), parent)
        seconds = self.tr(" s")
        self.connect_timeout = self._seconds("connect_timeout", seconds)
        self.read_timeout = self._seconds("read_timeout", seconds)
        self.concurrency = self._count("concurrency")
        self.per_host = self._count("per_host")
        self.robots = QCheckBox(self.tr("Honour robots.txt when following links"))
        self.robots_hint = hint_label(
            self.tr(
                "Pages you list yourself are always fetched, as a visit with a browser would "
                "be. robots.txt only decides which linked pages FaceAudit visits when a "
                "source's crawl depth is above 0."
            )
        )
        self.robots_warning = QLabel()
        self.robots_warning.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Time to &reach a server:"), self.connect_timeout)
        form.addRow(self.tr("Time a server may stay s&ilent:"), self.read_timeout)
        form.addRow(self.tr("Requests at the &same time:"), self.concurrency)
        form.addRow(self.tr("Requests to &one site at a time:"), self.per_host)
        form.addRow(
            hint_label(
                self.tr(
                    "Fewer requests at a time are gentler on small sites and on a slow "
                    "connection; a scan then takes longer."
                )
            )
        )
        form.addRow(self.robots)
        form.addRow(self.robots_hint)
        form.addRow(self.robots_warning)
        self.browser_hint = hint_label(
            self.tr(
                "Pages shown by FaceAudit's browser (sources rendered in a browser, and the "
                "in-app browser) cannot reach this computer, your local network or link-local "
                "addresses; downloads, pop-ups and dialogs are refused."
            )
        )
        self.browser_state = hint_label(self.browser_words(available.webengine_installed()))
        form.addRow(self.browser_hint)
        form.addRow(self.browser_state)
        self.concurrency.valueChanged.connect(self.per_host_limit)
        for spin in (self.connect_timeout, self.read_timeout, self.concurrency, self.per_host):
            spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.robots.toggled.connect(self._robots_toggled)

    def browser_words(self, installed: bool) -> str:
        if installed:
            return self.tr("FaceAudit's browser (QtWebEngine) is installed.")
        return (
            self.tr(
                "FaceAudit's browser (QtWebEngine) is not installed, so pages cannot be "
                "rendered in a browser."
            )
            + " "
            + available.install_hint()
        )

    def _seconds(self, name: str, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(LIMITS[name].low, LIMITS[name].high)
        spin.setDecimals(0)
        spin.setSuffix(suffix)
        return spin

    def _count(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(int(LIMITS[name].low), int(LIMITS[name].high))
        return spin

    def per_host_limit(self, concurrency: int) -> None:
        self.per_host.setMaximum(min(int(LIMITS["per_host"].high), concurrency))

    def _robots_toggled(self, honoured: bool) -> None:
        set_state(
            self.robots_warning,
            "warn" if not honoured else "",
            ""
            if honoured
            else self.tr(
                "Linked pages are visited even where the site asks crawlers to stay away. Do "
                "this only for sites you have good reason to check."
            ),
        )
        self.changed.emit()

    def set_config(self, config: Config) -> None:
        for widget in (self.connect_timeout, self.read_timeout, self.concurrency, self.per_host):
            widget.blockSignals(True)
        self.robots.blockSignals(True)
        self.connect_timeout.setValue(config.connect_timeout)
        self.read_timeout.setValue(config.read_timeout)
        self.concurrency.setValue(config.concurrency)
        self.per_host_limit(config.concurrency)
        self.per_host.setValue(config.per_host)
        self.robots.setChecked(config.robots)
        for widget in (self.connect_timeout, self.read_timeout, self.concurrency, self.per_host):
            widget.blockSignals(False)
        self.robots.blockSignals(False)
        self._robots_toggled(config.robots)

    def values(self) -> dict[str, object]:
        return {
            "connect_timeout": float(self.connect_timeout.value()),
            "read_timeout": float(self.read_timeout.value()),
            "concurrency": self.concurrency.value(),
            "per_host": self.per_host.value(),
            "robots": self.robots.isChecked(),
        }


class ChoiceCombo(QComboBox):
    """A combo box of (key, label) choices."""

    def __init__(self, choices: list[tuple[str, str]], accessible: str) -> None:
        super().__init__()
        for key, label in choices:
            self.addItem(label, key)
        self.setAccessibleName(accessible)

    def key(self) -> str:
        return str(self.currentData())

    def set_key(self, key: str) -> None:
        index = self.findData(key)
        self.blockSignals(True)
        self.setCurrentIndex(max(0, index))
        self.blockSignals(False)
