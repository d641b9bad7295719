"""The Letters & requests screen: draft a letter per operator, and track every request.

Left, the sites the person's findings were seen on (one letter per operator covers all of
its findings); right, the wizard. The second tab is the tracker. The screen also says which
requests are due or overdue (``due_notice``), which the shell shows at start-up.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui.context import GuiContext
from faceaudit.gui.letters import data
from faceaudit.gui.letters.model import SitesModel
from faceaudit.gui.letters.notice import due_notice_text
from faceaudit.gui.letters.tracker import TrackerPanel
from faceaudit.gui.letters.wizard import DraftPanel
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label
from faceaudit.letters import drafting
from faceaudit.letters.tracking import Tracked


class LettersScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("LettersScreen", "Letters & requests")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sites = SitesModel(self)
        self.loaded = False
        self._generation = 0  # reloads in flight: only the latest one is shown

        self.site_list = QListView()
        self.site_list.setModel(self.sites)
        self.site_list.setAccessibleName(self.tr("Sites where you were found"))
        self.site_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.site_list.setWordWrap(True)
        self.site_list.setSpacing(3)
        self.empty_label = hint_label(
            self.tr(
                "No confirmed findings yet. Confirm the faces that are you in Findings: each "
                "site's operator then gets one letter covering all of them."
            )
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_label = hint_label(self.tr("Choose a site on the left to draft its letter."))
        self.choose_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        placeholder = QWidget()
        placeholder_layout = QVBoxLayout(placeholder)
        placeholder_layout.addStretch(1)
        placeholder_layout.addWidget(self.choose_label)
        placeholder_layout.addWidget(self.empty_label)
        placeholder_layout.addStretch(2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        site_label = QLabel(self.tr("Choose a &site:"))
        site_label.setBuddy(self.site_list)
        left_layout.addWidget(site_label)
        left_layout.addWidget(self.site_list, 1)
        self.wizard = DraftPanel(context)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.wizard)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.right = QStackedWidget()
        self.right.addWidget(placeholder)
        self.right.addWidget(scroll)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        self.tracker = TrackerPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Draft a letter"))
        self.tabs.addTab(self.tracker, self.tr("Requests"))
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Letters & requests")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "Ask the operator of a site to show you, delete or stop using your images. "
                    "Pick a site, check the letter, save it, send it yourself, then mark it "
                    "sent: FaceAudit tracks the answer's deadline."
                )
            )
        )
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(NeedsCase(context, content))

        self.site_list.selectionModel().currentChanged.connect(lambda *_: self._site_chosen())
        self.wizard.letter_saved.connect(lambda _id: self.reload())
        self.wizard.letter_sent.connect(lambda _id: self.reload())
        self.tracker.changed.connect(self.reload)
        self.tracker.follow_up_requested.connect(self._follow_up)
        context.case_opened.connect(lambda _case: self.reload())
        context.case_closed.connect(self._drop_everything)
        context.findings_changed.connect(self.reload)
        if context.case is not None:
            self.reload()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Reviews made on the Findings screen since the last load change what each site
        # needs (they emit no signal of their own): look again whenever the screen is shown.
        super().showEvent(event)
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        case = self.context.case
        if case is None:
            return
        self._generation += 1
        generation = self._generation
        self.context.run(
            data.load_overview,
            case,
            self.context.app.paths.operators,
            on_result=lambda overview: self._loaded(overview, generation),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _loaded(self, overview: data.Overview, generation: int) -> None:
        if self.context.case is None or generation != self._generation:
            return  # closed meanwhile, or a later reload is on its way
        current = self._current_site()
        self.wizard.directory = overview.directory
        self.sites.set_groups(overview.groups)
        self.empty_label.setVisible(not overview.groups)
        self.choose_label.setVisible(bool(overview.groups))
        self.tracker.set_items(overview.tracked, overview.today)
        self._show_case_notice(overview.tracked, overview.today)
        self.tabs.setTabText(
            1, self.tr("Requests (%n)", "", len(overview.tracked)) if overview.tracked else
            self.tr("Requests"),
        )  # fmt: skip
        if current is not None:
            self._select_site(current, quiet=True)
        self.loaded = True

    def _current_site(self) -> str | None:
        index = self.site_list.currentIndex()
        return index.data(SitesModel.SITE_ROLE) if index.isValid() else None

    def _select_site(self, site: str, quiet: bool = False) -> bool:
        for row in range(self.sites.rowCount()):
            index = self.sites.index(row)
            if index.data(SitesModel.SITE_ROLE) == site:
                if quiet:
                    self.site_list.selectionModel().blockSignals(True)
                self.site_list.setCurrentIndex(index)
                self.site_list.selectionModel().blockSignals(False)
                return True
        return False

    def select_site(self, site: str) -> bool:
        """Choose the site ``site`` (tests, and the Findings screen's "write a letter")."""
        return self._select_site(site)

    def _site_chosen(self) -> None:
        case = self.context.case
        index = self.site_list.currentIndex()
        if case is None or not index.isValid():
            return
        self.tabs.setCurrentIndex(0)
        self.right.setCurrentIndex(1)
        self.wizard.start(
            index.data(SitesModel.SITE_ROLE),
            index.data(SitesModel.OPERATOR_ROLE),
            drafting.default_language(case.person),
        )

    def _follow_up(self, tracked: Tracked, kind: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.site_list.clearSelection()
        self.right.setCurrentIndex(1)
        self.wizard.start_follow_up(tracked, kind)

    # -- what is due -----------------------------------------------------------------------

    def _show_case_notice(self, tracked: list[Tracked], today: dt.date) -> None:
        overdue = [t for t in tracked if t.status == "overdue"]
        soon = [
            t
            for t in tracked
            if t.request is not None
            and t.status in ("sent", "extended")
            and (t.request.effective_due - today).days <= data.DUE_SOON_DAYS
        ]
        parts = []
        if overdue:
            parts.append(self.tr("%n request(s) overdue", "", len(overdue)))
        if soon:
            parts.append(self.tr("%n request(s) due within a week", "", len(soon)))
        text = ""
        if parts:
            text = "⚠ " + self.tr("In this case: %1. See the Requests tab.").replace(
                "%1", "; ".join(parts)
            )
        set_state(self.notice_label, "warn" if overdue else "", text)

    def due_notice(self, today: dt.date | None = None) -> str:
        """Which requests of every case are overdue or due within a week, in one sentence
        ("" when none): read from the cases' plain part, without any passphrase."""
        today = today or dt.date.today()
        return due_notice_text(data.open_requests(self.context.case_store, today), today)

    def case_notice(self) -> str:
        """What the screen says about this case's requests ("" when nothing is due)."""
        return self.notice_label.text()

    # -- closing ---------------------------------------------------------------------------

    def _drop_everything(self) -> None:
        self.sites.clear()
        self.tracker.clear()
        self.wizard.clear()
        self.wizard.directory = None
        self.right.setCurrentIndex(0)
        set_state(self.notice_label, "", "")
        self.loaded = False
