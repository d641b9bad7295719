"""The Me screen: the person's reference photos (add by dialog or drop, see why one is refused)."""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faceaudit.gui import shortcuts
from faceaudit.gui.context import GuiContext
from faceaudit.gui.me.enrol import (
    ChooseFace,
    Enrolled,
    Outcome,
    Refused,
    enrol_file,
    load_references,
)
from faceaudit.gui.me.model import ID_ROLE, ReferencesModel
from faceaudit.gui.me.widgets import FacePickerDialog, PhotoDropList
from faceaudit.gui.widgets import NeedsCase, hint_label, set_state, title_label

PHOTO_FILTER = "*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff"


class MeScreen(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("MeScreen", "Me")

    def __init__(self, context: GuiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ReferencesModel(self)
        # (photo path, the face picked among several, add even if unlike the references)
        self.queue: deque[tuple[str, int | None, bool]] = deque()
        self.busy = False
        self.refusals: list[str] = []
        self.forcible: list[Refused] = []  # refused as unlike the references: may be forced

        content = QWidget()
        self.add_button = QPushButton(self.tr("&Add photos..."))
        shortcuts.bind(self.add_button, shortcuts.ADD_REFERENCE, self.tr("Add photos of yourself"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected photo from the case"))
        self.list = PhotoDropList()
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(128, 128))
        self.list.setGridSize(QSize(260, 230))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Your reference photos"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.refused_label = QLabel()
        self.refused_label.setWordWrap(True)
        self.refused_label.setVisible(False)
        self.refused_label.setAccessibleName(self.tr("Photos that were not added"))
        self.add_anyway_button = QPushButton()
        self.add_anyway_button.setVisible(False)
        self.add_anyway_button.clicked.connect(self.add_anyway)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title_label(self.tr("Your reference photos")))
        layout.addWidget(
            hint_label(
                self.tr(
                    "Add two to five clear photos of yourself, alone, from different years — "
                    "with and without glasses if you wear them. You can also drop photo files "
                    "on the list. They stay encrypted in the case and never leave this computer."
                )
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.refused_label)
        anyway_row = QHBoxLayout()
        anyway_row.addWidget(self.add_anyway_button)
        anyway_row.addStretch(1)
        layout.addLayout(anyway_row)
        layout.addWidget(self.list, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(NeedsCase(context, content))

        act = shortcuts.action(self, "", shortcuts.ADD_REFERENCE)
        act.triggered.connect(self.choose_photos)
        self.add_button.clicked.connect(self.choose_photos)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.files_dropped.connect(self.add_photos)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        context.case_opened.connect(lambda _case: self.reload())
        context.case_closed.connect(self._drop_everything)
        if context.case is not None:
            self.reload()
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        case = self.context.case
        self._update_buttons()
        if case is None:
            return
        self.context.run(
            load_references,
            case,
            on_result=self._loaded,
            on_error=lambda error: self.context.report_error(self, error),
        )

    def _loaded(self, items: list[Any]) -> None:
        if self.context.case is None:
            return
        self.model.set_items(items)
        if not self.busy:
            if items:
                text = self.tr("%n reference photo(s) in this case.", "", len(items))
                set_state(self.status_label, "good", text)
            else:
                text = self.tr("No reference photo yet: add at least one to scan.")
                set_state(self.status_label, "warn", text)
        self._update_buttons()

    def _drop_everything(self) -> None:
        self.queue.clear()
        self.refusals.clear()
        self.forcible.clear()
        self._update_add_anyway()
        self.model.clear()
        set_state(self.refused_label, "", "")
        set_state(self.status_label, "", "")

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.context.case is not None)
        self.remove_button.setEnabled(bool(self.list.selectionModel().selectedIndexes()))

    # -- adding ----------------------------------------------------------------------------

    def choose_photos(self) -> None:
        files = self.context.dialogs.get_open_files(
            self, self.tr("Photos of yourself"), self.tr("Photos (%1)").replace("%1", PHOTO_FILTER)
        )
        if files:
            self.add_photos(files)

    def add_photos(self, paths: list[str]) -> None:
        if self.context.case is None:
            return
        self.refusals.clear()
        self.forcible.clear()
        self._update_add_anyway()
        set_state(self.refused_label, "", "")
        self.queue.extend((path, None, False) for path in paths)
        self._next()

    def _next(self) -> None:
        case = self.context.case
        if self.busy or case is None:
            return
        if not self.queue:
            set_state(self.status_label, "", "")  # no longer "Looking at...": the count follows
            self.reload()
            return
        path, face_index, force = self.queue.popleft()
        self.busy = True
        set_state(
            self.status_label,
            "",
            self.tr("Looking at %1... (the face models may take a moment to load)").replace(
                "%1", path.rsplit("/", 1)[-1]
            ),
        )
        self.context.run(
            enrol_file,
            case,
            self.context.app,
            path,
            face_index,
            force,
            on_result=self._enrolled,
            on_error=self._failed,
        )

    def _enrolled(self, outcome: Outcome) -> None:
        self.busy = False
        if isinstance(outcome, Refused):
            self._refused(outcome)
        elif isinstance(outcome, ChooseFace):
            self.pick_face(outcome)
            return  # the queue goes on once the person has picked (or cancelled)
        elif isinstance(outcome, Enrolled):
            self.context.references_changed.emit()
        self._next()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.context.report_error(self, error)
        self._next()

    def refusal_words(self, outcome: Refused) -> tuple[str, str]:
        """What happened and what photo would work, in the person's language."""
        words = {
            "no_face": (
                self.tr("No face was found in it."),
                self.tr("Use a photo where your face is clearly visible, looking at the camera."),
            ),
            "too_small": (
                self.tr("Your face is too small in it to be a reliable reference."),
                self.tr("Use a closer photo, or crop it around your face."),
            ),
            "unclear": (
                self.tr("The face is hard to make out: turned away, covered or badly lit."),
                self.tr("Use a photo where your face is frontal, uncovered and well lit."),
            ),
            "blurred": (
                self.tr("The face is blurred."),
                self.tr("Use a sharper photo."),
            ),
            "unreadable": (self.tr("The file cannot be read as a photo."), outcome.todo),
            "different_person": (
                self.tr(
                    "The face in it does not look like you in your other reference photos "
                    "(similarity %1; photos of the same person score %2 or more). It may be "
                    "someone else: a stranger's photo as a reference would make their photos "
                    "count as yours."
                )
                # A cosine below zero means "nothing alike"; "-0.01" would only puzzle.
                .replace("%1", QLocale().toString(max(0.0, outcome.similarity), "f", 2))
                .replace("%2", QLocale().toString(outcome.threshold, "f", 2)),
                self.tr(
                    "Check that the photo shows you. If it does (a much older photo, a big "
                    "change of look), you can add it anyway."
                ),
            ),
        }
        return words.get(outcome.reason, (outcome.what, outcome.todo))

    def _refused(self, outcome: Refused) -> None:
        what, todo = self.refusal_words(outcome)
        self.refusals.append(
            self.tr("%1 was not added. %2 %3")
            .replace("%1", outcome.label)
            .replace("%2", what)
            .replace("%3", todo)
        )
        set_state(self.refused_label, "bad", "\n\n".join(self.refusals))
        if outcome.can_force:
            self.forcible.append(outcome)
            self._update_add_anyway()

    def _update_add_anyway(self) -> None:
        pending = self.forcible[0] if self.forcible else None
        if pending is not None:  # the words first, so the button is laid out to fit them
            self.add_anyway_button.setText(self.tr("Add %1 anyway...").replace("%1", pending.label))
        self.add_anyway_button.setVisible(pending is not None)

    def add_anyway(self) -> bool:
        """Add the first photo refused as unlike the references, after a clear warning."""
        if not self.forcible or self.context.case is None:
            return False
        outcome = self.forcible[0]
        question = self.tr(
            "Add %1 as a reference photo even though it does not look like your other "
            "photos?\n\nIf it is not you, that person's photos will be counted as yours: "
            "they will be shown as strong matches and could end up in your letters. Add it "
            "only if you are sure it is you."
        ).replace("%1", outcome.label)
        if not self.context.dialogs.question(self, self.tr("Add this photo anyway?"), question):
            return False
        self.forcible.pop(0)
        self._update_add_anyway()
        self.queue.append((outcome.path, outcome.face_index, True))
        self._next()
        return True

    def pick_face(self, choice: ChooseFace) -> FacePickerDialog:
        dialog = FacePickerDialog(choice, self)
        dialog.chosen.connect(lambda index: self.queue.appendleft((choice.path, index, False)))
        dialog.finished.connect(lambda _result: self._next())
        self.picker = dialog
        self.context.dialogs.open_dialog(dialog)
        return dialog

    # -- removing --------------------------------------------------------------------------

    def remove_selected(self) -> bool:
        case = self.context.case
        indexes = self.list.selectionModel().selectedIndexes()
        if case is None or not indexes:
            return False
        item = self.model.item(indexes[0].row())
        question = self.tr(
            "Remove the photo %1 from the case? Its encrypted copy and face data are deleted; "
            "scans will no longer use it."
        ).replace("%1", item.label)
        if not self.context.dialogs.question(self, self.tr("Remove the photo?"), question):
            return False
        reference_id = int(self.model.data(indexes[0], ID_ROLE))

        def removed(_none: object) -> None:
            self.context.references_changed.emit()
            self.reload()

        self.context.run(
            case.remove_reference,
            reference_id,
            on_result=removed,
            on_error=lambda error: self.context.report_error(self, error),
        )
        return True
