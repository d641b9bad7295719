"""The Me screen with the real model: add by dialog and by drop, refusals in words, pick one
face of several, remove."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.me.model import BADGES_ROLE, ReferencesModel
from faceaudit.gui.me.view import MeScreen
from faceaudit.gui.me.widgets import FacePickerDialog

from ..conftest import RecordingDialogs

pytestmark = pytest.mark.models


@pytest.fixture
def me(main_window: MainWindow, opened_case: Any, real_engine: Any) -> MeScreen:
    main_window.show_screen("me")
    screen = main_window.screens["me"]
    assert isinstance(screen, MeScreen)
    return screen


def no_face_photo(person_photos: dict[str, list[Path]], tmp_path: Path) -> Path:
    """A real photo's background corner: no face in it."""
    path = tmp_path / "garden.jpg"
    with Image.open(person_photos["obama"][0]) as image:
        image.crop((0, 0, 120, 120)).save(path, "JPEG")
    return path


def test_add_refuse_pick_and_remove(
    me: MeScreen,
    main_window: MainWindow,
    dialogs: RecordingDialogs,
    opened_case: Any,
    person_photos: dict[str, list[Path]],
    examples_dir: Path,
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
    screenshot: Any,
) -> None:
    obama = person_photos["obama"][0]
    dialogs.open_files.append([str(obama), str(no_face_photo(person_photos, tmp_path))])
    qtbot.mouseClick(me.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: me.model.rowCount() == 1 and not me.busy, timeout=60_000)
    qtbot.waitUntil(lambda: "garden.jpg was not added" in me.refused_label.text(), timeout=60_000)
    assert "No face was found" in me.refused_label.text()
    assert "clearly visible" in me.refused_label.text()  # what photo would work
    index = me.model.index(0)
    assert obama.name in me.model.data(index)
    assert all(ok for ok, _words in me.model.data(index, BADGES_ROLE))
    assert not me.model.data(index, Qt.ItemDataRole.DecorationRole).isNull()
    qtmodeltester.check(me.model)
    screenshot(main_window, "me-references")

    # Several people in one photo: the person picks their face; only that part is kept.
    me.add_photos([str(examples_dir / "two_people.jpg")])
    qtbot.waitUntil(
        lambda: isinstance(getattr(me, "picker", None), FacePickerDialog), timeout=60_000
    )
    picker = me.picker
    assert picker.isVisible() and picker.faces.count() == 2
    screenshot(picker, "me-pick-face")
    picker.faces.setCurrentRow(0)  # the other face is a stranger's: the store refuses it
    picker._accept()
    qtbot.waitUntil(lambda: me.model.rowCount() == 2 and not me.busy, timeout=60_000)
    kept = opened_case.reference_photo(opened_case.reference_rows()[1].id)
    assert kept != (examples_dir / "two_people.jpg").read_bytes()

    # Drag and drop a file onto the list.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(person_photos["obama"][1]))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    me.list.dropEvent(drop)
    qtbot.waitUntil(lambda: me.model.rowCount() == 3 and not me.busy, timeout=60_000)

    # Remove one, after a question.
    me.list.setCurrentIndex(me.model.index(0))
    dialogs.answers.append(True)
    assert me.remove_selected()
    qtbot.waitUntil(lambda: me.model.rowCount() == 2, timeout=30_000)
    assert len(opened_case.reference_rows()) == 2
    assert "Remove the photo" in dialogs.last("question").title


def test_locking_drops_the_faces(
    me: MeScreen, main_window: MainWindow, person_photos: dict[str, list[Path]], qtbot: Any
) -> None:
    me.add_photos([str(person_photos["obama"][0])])
    qtbot.waitUntil(lambda: me.model.rowCount() == 1 and not me.busy, timeout=60_000)
    main_window.context.close_case()
    assert me.model.rowCount() == 0


def test_references_model_is_a_correct_qt_model(qtmodeltester: Any) -> None:
    qtmodeltester.check(ReferencesModel())


def test_a_stranger_is_refused_in_words_and_added_only_on_purpose(
    me: MeScreen,
    main_window: MainWindow,
    dialogs: RecordingDialogs,
    opened_case: Any,
    person_photos: dict[str, list[Path]],
    qtbot: Any,
    screenshot: Any,
) -> None:
    me.add_photos([str(person_photos["obama"][0])])
    qtbot.waitUntil(lambda: me.model.rowCount() == 1 and not me.busy, timeout=60_000)
    stranger = person_photos["biden"][0]
    me.add_photos([str(stranger)])
    qtbot.waitUntil(lambda: me.add_anyway_button.isVisible(), timeout=60_000)
    refused = me.refused_label.text()
    assert f"{stranger.name} was not added" in refused
    assert "does not look like you in your other reference photos" in refused
    assert "you can add it anyway" in refused
    assert me.add_anyway_button.text() == f"Add {stranger.name} anyway..."
    assert len(opened_case.reference_rows()) == 1
    screenshot(main_window, "me-stranger-refused")

    dialogs.answers.append(False)  # the warning, declined: nothing is added
    qtbot.mouseClick(me.add_anyway_button, Qt.MouseButton.LeftButton)
    warning = dialogs.last("question")
    assert "that person's photos will be counted as yours" in warning.text
    assert me.add_anyway_button.isVisible() and len(opened_case.reference_rows()) == 1

    dialogs.answers.append(True)
    qtbot.mouseClick(me.add_anyway_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: me.model.rowCount() == 2 and not me.busy, timeout=60_000)
    assert [row.label for row in opened_case.reference_rows()] == [
        person_photos["obama"][0].name,
        stranger.name,
    ]
    assert not me.add_anyway_button.isVisible()


def test_a_corrupt_photo_is_refused_in_french(
    window_factory: Any, opened_case: Any, real_engine: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = window_factory("fr")
    window.show_screen("me")
    me = window.screens["me"]
    assert isinstance(me, MeScreen)
    broken = tmp_path / "photo.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 40)
    me.add_photos([str(broken)])
    qtbot.waitUntil(lambda: "photo.jpg" in me.refused_label.text(), timeout=60_000)
    text = me.refused_label.text()
    assert "Le fichier ne peut pas être lu comme une photo" in text, text
    assert " the " not in text  # the advice too is in French, not the core's English
    assert me.model.rowCount() == 0 and opened_case.reference_rows() == []
