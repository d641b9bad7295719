"""The Findings screen: review the face crops, site by site; the viewer; the per-site summary."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.findings.gallery import FindingsGallery
from faceaudit.gui.findings.model import (
    Filters,
    FindingsFilter,
    FindingsModel,
    SiteGroups,
    index_of_finding,
)
from faceaudit.gui.findings.review import ReviewHistory
from faceaudit.gui.findings.summary import SiteSummary
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label
from faceaudit.store.records import FindingRow

ALL = ""  # the combo boxes' "any" choice


class _Words:
    """A tile in words, for screen readers and tooltips."""

    def __init__(self, screen: FindingsScreen) -> None:
        self.screen = screen

    def describe(self, row: FindingRow, site: str) -> str:
        delegate = self.screen.gallery.tile_delegate
        parts = [delegate.band_text(row.verdict), delegate.similarity_text(row.similarity), site]
        if row.verdict == "possible":
            parts.append(delegate.lookalike_text())
        parts.append(delegate.review_text(row.review))
        return ", ".join(parts)

    def tooltip(self, row: FindingRow, site: str) -> str:
        return "\n".join(filter(None, [self.describe(row, site), row.page_url, row.image_url]))


class FindingsScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("FindingsScreen", "Findings")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.history = ReviewHistory()
        self.model = FindingsModel(self)
        self.filtered = FindingsFilter(self)
        self.filtered.setSourceModel(self.model)
        self.groups = SiteGroups(self)
        self.groups.setSourceModel(self.filtered)
        self.gallery = FindingsGallery()
        self.gallery.setModel(self.groups)
        self.gallery.setAccessibleName(self.tr("Faces found, grouped by site"))
        self.model.set_texts(_Words(self))
        self.viewers: list[QWidget] = []
        self._loading = False

        content = QWidget()
        self._build(content)
        self.page = NeedsCase(context, content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)

        context.case_opened.connect(self._case_opened)
        context.case_closed.connect(self._case_closed)
        context.findings_changed.connect(self.reload)
        if context.case is not None:
            self._case_opened(context.case)

    # -- layout ----------------------------------------------------------------------

    def _build(self, content: QWidget) -> None:
        self.new_only = QCheckBox(self.tr("New since the last scan"))
        self.verdict = QComboBox()
        self.verdict.setAccessibleName(self.tr("Match strength"))
        for text, value in (
            (self.tr("Any match"), ALL),
            (self.tr("Strong matches"), "match"),
            (self.tr("Possible matches"), "possible"),
        ):
            self.verdict.addItem(text, value)
        self.review = QComboBox()
        self.review.setAccessibleName(self.tr("Review"))
        for text, value in (
            (self.tr("All but “not me”"), "open"),
            (self.tr("Not reviewed yet"), "unreviewed"),
            (self.tr("Reviewed"), "reviewed"),
            (self.tr("That's me"), "confirmed"),
            (self.tr("Not me"), "rejected"),
            (self.tr("Everything"), ALL),
        ):
            self.review.addItem(text, value)
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Site"))
        self.site.addItem(self.tr("Every site"), ALL)
        # A long host name must not widen the window: the list opens as wide as it needs.
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.site.setMinimumContentsLength(14)
        self.new_only.toggled.connect(self._apply_filters)
        for box in (self.verdict, self.review, self.site):
            box.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.review)
        filters.addWidget(self.verdict)
        filters.addWidget(self.site)
        filters.addStretch(1)
        new_row = QHBoxLayout()  # its own line: beside the lists it widened the window
        new_row.addWidget(self.new_only)
        new_row.addStretch(1)

        self.confirm_action = self._action(
            self.tr("That's me"), shortcuts.CONFIRM_FINDING, lambda: self.decide("confirmed")
        )
        self.reject_action = self._action(
            self.tr("Not me"), shortcuts.REJECT_FINDING, lambda: self.decide("rejected")
        )
        self.view_action = self._action(
            self.tr("Full image"), shortcuts.VIEW_FINDING, self.open_viewer
        )
        self.undo_action = self._action(self.tr("Undo"), shortcuts.UNDO_REVIEW, self.undo)
        self.reveal_action = self._action(
            self.tr("Show this face"), shortcuts.REVEAL_FACES, self.reveal_selected
        )
        self.reveal_all_action = self._action(
            self.tr("Show every face"), shortcuts.REVEAL_ALL_FACES, None
        )
        self.reveal_all_action.setCheckable(True)
        self.reveal_all_action.toggled.connect(self.set_reveal_all)
        # Two rows, deciding then looking: in one, six buttons with their keys made the window
        # wider than a laptop screen in French.
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.actions_by_name = {
            "confirm": self.confirm_action,
            "reject": self.reject_action,
            "view": self.view_action,
            "undo": self.undo_action,
            "reveal": self.reveal_action,
            "reveal_all": self.reveal_all_action,
        }
        for name, act in self.actions_by_name.items():
            keys = act.shortcut().toString(act.shortcut().SequenceFormat.NativeText)
            button = QPushButton(f"{act.text()}  [{keys}]" if keys else act.text())
            button.setToolTip(act.toolTip())
            button.setCheckable(act.isCheckable())
            if act.isCheckable():
                button.toggled.connect(act.setChecked)
                act.toggled.connect(button.setChecked)
            else:
                button.clicked.connect(act.trigger)
            self.buttons[name] = button
        for row, names in enumerate(
            (("confirm", "reject", "undo"), ("view", "reveal", "reveal_all"))
        ):
            for column, name in enumerate(names):
                buttons.addWidget(self.buttons[name], row, column)
        buttons.setColumnStretch(3, 1)

        self.status = hint_label()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.summary = SiteSummary()
        self.summary.site_chosen.connect(self.show_site)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(title_label(self.tr("Where you appear")))
        side_layout.addWidget(
            hint_label(
                self.tr(
                    "Confirmed appearances per site (solid bar); the outline is what is "
                    "still to review. Click a site to see its faces."
                )
            )
        )
        side_layout.addWidget(self.summary)
        self.letter_button = QPushButton(self.tr("Write to a site…"))
        self.letter_button.setToolTip(
            self.tr("Draft a letter asking a site to delete or show what it holds")
        )
        self.letter_button.clicked.connect(lambda: self.context.navigate.emit("letters"))
        side_layout.addWidget(self.letter_button)
        side_layout.addStretch(1)

        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addLayout(filters)
        main_layout.addLayout(new_row)
        main_layout.addWidget(self.gallery, 1)
        main_layout.addLayout(buttons)
        main_layout.addWidget(self.status)
        splitter = QSplitter()
        splitter.addWidget(main)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(content)
        layout.addWidget(title_label(self.tr("Findings")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "Faces that look like yours, on the pages you listed. Faces are blurred "
                    "until you point at one or press R. Press Y if it is you, N if it is not, "
                    "Space to see the whole picture and where it was found."
                )
            )
        )
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.gallery.doubleClicked.connect(lambda _index: self.open_viewer())
        self.gallery.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def _action(self, text: str, shortcut: shortcuts.Shortcut, slot: Any) -> QAction:
        act = shortcuts.action(self, text, shortcut)
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if slot is not None:
            act.triggered.connect(slot)
        return act

    # -- the case --------------------------------------------------------------------

    def _case_opened(self, case: Any) -> None:
        self.history.clear()
        self.gallery.loader.set_source(case.finding_thumbnail)
        self.reload()

    def _case_closed(self) -> None:
        """Everything personal goes: crops, rows, the viewer, what was revealed."""
        for viewer in self.viewers:
            viewer.close()
        self.viewers.clear()
        self.gallery.loader.set_source(None)
        self.gallery.tile_delegate.revealed.clear()
        self.reveal_all_action.setChecked(False)
        self.model.clear()
        self.summary.set_findings([])
        self.history.clear()
        self.site.blockSignals(True)
        while self.site.count() > 1:
            self.site.removeItem(1)
        self.site.blockSignals(False)
        self._update_actions()

    def reload(self) -> None:
        case = self.context.case
        if case is None:
            return
        self._loading = True
        self.context.run(
            case.findings,
            on_result=lambda rows: self._show(case, rows),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _show(self, case: Any, rows: list[FindingRow]) -> None:
        self._loading = False
        if case is not self.context.case:
            return  # the case was closed while its findings were read
        current = self.gallery.current_finding_id()
        self.model.set_findings(rows)
        self._refresh_sites()
        self._refresh_summary()
        if current is None or not self.gallery.select_finding(current):
            self._select_first()
        self._update_actions()

    def _refresh_sites(self) -> None:
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        while self.site.count() > 1:
            self.site.removeItem(1)
        for site in self.model.sites():
            self.site.addItem(self.summary.site_name(site), site)
        index = self.site.findData(chosen)
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)

    def _refresh_summary(self) -> None:
        from faceaudit.gui.findings.model import site_of

        self.summary.set_findings((row, site_of(row)) for row in self.model.rows())
        self.summary.setMinimumHeight(self.summary.sizeHint().height())
        self._update_status()

    def _update_status(self) -> None:
        rows = self.model.rows()
        shown = self.groups.rowCount() - len({*self._shown_sites()})
        to_review = sum(1 for r in rows if r.review == "unreviewed")
        confirmed = sum(1 for r in rows if r.review == "confirmed")
        text = self.tr("%n face(s) shown", "", shown) + " · "
        text += self.tr("%n to review", "", to_review) + " · "
        text += self.tr("%n confirmed", "", confirmed)
        self.status.setText(text)

    def _shown_sites(self) -> list[str]:
        return [
            self.groups.index(r, 0).data()
            for r in range(self.groups.rowCount())
            if self.groups.is_header(r)
        ]

    # -- filters ---------------------------------------------------------------------

    def current_filters(self) -> Filters:
        review = self.review.currentData()
        return Filters(
            new_only=self.new_only.isChecked(),
            verdict=self.verdict.currentData() or None,
            review=review or None,
            site=self.site.currentData() or None,
        )

    def _apply_filters(self) -> None:
        current = self.gallery.current_finding_id()
        self.filtered.set_filters(self.current_filters())
        if current is None or not self.gallery.select_finding(current):
            self._select_first()
        self._update_status()
        self._update_actions()

    def show_site(self, site: str) -> None:
        index = self.site.findData(site)
        if index >= 0:
            self.site.setCurrentIndex(index)
        self.gallery.setFocus()

    def _select_first(self) -> None:
        for row in range(self.groups.rowCount()):
            if not self.groups.is_header(row):
                self.gallery.setCurrentIndex(self.groups.index(row, 0))
                return

    # -- review ----------------------------------------------------------------------

    def _update_actions(self, *_: object) -> None:
        has_case = self.context.case is not None
        selected = bool(self.gallery.selected_finding_ids()) and has_case
        for act in (self.confirm_action, self.reject_action, self.reveal_action):
            act.setEnabled(selected)
        self.view_action.setEnabled(selected)
        self.undo_action.setEnabled(has_case and len(self.history) > 0)
        for name, act in self.actions_by_name.items():
            self.buttons[name].setEnabled(act.isEnabled())

    def decide(self, review: str, finding_ids: list[int] | None = None) -> None:
        """Record ``review`` for the selected tiles (or ``finding_ids``), then move on."""
        case = self.context.case
        ids = finding_ids if finding_ids is not None else self.gallery.selected_finding_ids()
        if case is None or not ids:
            return
        before = {i: row.review for i in ids if (row := self.model.finding(i)) is not None}
        following = self._tile_after(ids)
        try:
            self.history.decide(case, before, review)
        except Exception as error:
            self.context.report_error(self, error)
            return
        for finding_id in before:
            self.model.set_review(finding_id, review)
        self._after_change(following or ids[-1])
        count = len(before)
        if review == "confirmed":
            self._say(self.tr("%n face(s) marked as you. Ctrl+Z undoes it.", "", count))
        else:
            self._say(
                self.tr(
                    "%n face(s) marked as not you: not offered again, and the copy of the image "
                    "is dropped when no other face in it is yours. Ctrl+Z undoes it.",
                    "",
                    count,
                )
            )

    def undo(self) -> None:
        case = self.context.case
        if case is None:
            return
        try:
            step = self.history.undo(case)
        except Exception as error:
            self.context.report_error(self, error)
            return
        if step is None:
            return
        for finding_id, previous in step.previous:
            self.model.set_review(finding_id, previous)
        self._after_change(step.previous[0][0])
        self._say(self.tr("Undone: %n decision(s).", "", len(step.previous)))

    def _tile_after(self, ids: list[int]) -> int | None:
        """The tile to select after deciding ``ids``: the next one not among them."""
        last = index_of_finding(self.groups, ids[-1])
        for row in range(last.row() + 1 if last.isValid() else 0, self.groups.rowCount()):
            finding_id = self.gallery.finding_id_at(self.groups.index(row, 0))
            if finding_id is not None and finding_id not in ids:
                return finding_id
        return None

    def _after_change(self, select: int) -> None:
        if not self.gallery.select_finding(select):
            self._select_first()
        self._refresh_summary()
        self._update_actions()

    def _say(self, text: str) -> None:
        set_state(self.message, "good", text)

    # -- faces shown -----------------------------------------------------------------

    def reveal_selected(self) -> None:
        revealed = self.gallery.tile_delegate.revealed
        for finding_id in self.gallery.selected_finding_ids():
            revealed.symmetric_difference_update({finding_id})
        self.gallery.viewport().update()

    def set_reveal_all(self, on: bool) -> None:
        self.gallery.tile_delegate.reveal_all = on
        self.gallery.viewport().update()

    # -- the viewer ------------------------------------------------------------------

    def open_viewer(self) -> None:
        case = self.context.case
        finding_id = self.gallery.current_finding_id()
        if case is None or finding_id is None:
            return
        from faceaudit.gui.findings.data import load_viewer

        pack = case.model_pack or self.context.app.model_pack

        def load() -> tuple[Any, QImage | None]:
            from faceaudit.gui.findings.viewer import to_qimage

            data = load_viewer(case, finding_id, pack)
            return data, to_qimage(data)

        self.context.run(
            load,
            on_result=lambda result: self._show_viewer(case, *result),
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _show_viewer(self, case: Any, data: Any, image: QImage | None) -> None:
        if case is not self.context.case:
            return
        from faceaudit.gui.findings.viewer import ViewerDialog

        viewer = ViewerDialog(data, image, self)
        viewer.decided.connect(lambda finding_id, review: self.decide(review, [finding_id]))
        viewer.open_page.connect(self.context.dialogs.open_url)
        viewer.finished.connect(lambda _result: self._forget_viewer(viewer))
        self.viewers.append(viewer)
        self.context.dialogs.open_dialog(viewer)

    def _forget_viewer(self, viewer: QWidget) -> None:
        if viewer in self.viewers:
            self.viewers.remove(viewer)

    def locale_number(self, value: float) -> str:
        return QLocale().toString(value, "f", 2)
