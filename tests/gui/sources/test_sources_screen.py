"""The Sources screen: paste, import a list, add a folder and a ZIP, settings, remove."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from faceaudit.gui.main_window import MainWindow
from faceaudit.gui.sources.model import STATE, STATE_ROLE, SourcesModel
from faceaudit.gui.sources.view import SourcesScreen

from ..conftest import RecordingDialogs


@pytest.fixture
def sources(main_window: MainWindow, opened_case: Any) -> SourcesScreen:
    main_window.show_screen("sources")
    screen = main_window.screens["sources"]
    assert isinstance(screen, SourcesScreen)
    return screen


def urls(case: Any) -> list[str]:
    return [row.url_or_path for row in case.sources()]


def test_paste_keeps_the_good_lines_and_says_which_are_not(
    sources: SourcesScreen, opened_case: Any, qtbot: Any, main_window: MainWindow, screenshot: Any
) -> None:
    sources.paste.setPlainText(
        "https://example.org/team\nwww.example.org/page\n\njavascript:alert(1)\n"
        "https://example.org/team\n"
    )
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    assert urls(opened_case) == ["https://example.org/team"]
    text = sources.add_label.text()
    assert "Added 1 source." in text and "1 repeated line ignored." in text
    assert "Line 2: “www.example.org/page” has no https:// in front." in text
    assert "Did you mean https://www.example.org/page?" in text
    assert "Line 4:" in text and "only http:// and https://" in text
    # The refused lines stay in the box to be fixed; the suggestion is one click away.
    assert sources.paste.toPlainText() == "www.example.org/page\njavascript:alert(1)"
    assert sources.suggest_button.isVisible()
    assert sources.model.data(sources.model.index(0, STATE)) == "Not scanned yet"
    screenshot(main_window, "sources-pasted")

    qtbot.mouseClick(sources.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 2, timeout=10_000)
    assert urls(opened_case)[1] == "https://www.example.org/page"


def test_list_folder_and_zip_with_their_settings(
    sources: SourcesScreen,
    opened_case: Any,
    dialogs: RecordingDialogs,
    person_photos: dict[str, list[Path]],
    tmp_path: Path,
    qtbot: Any,
    qtmodeltester: Any,
) -> None:
    listing = tmp_path / "sites.csv"
    listing.write_text("url,note\nexample.org/about,work\nftp://example.org/old,\n")
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(person_photos["obama"][0].read_bytes())
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.write(person_photos["biden"][0], "b.jpg")

    sources.new_settings.depth_box.setValue(2)
    sources.new_settings.pages_box.setValue(30)
    sources.new_settings.sitemap_box.setChecked(True)
    dialogs.open_files.append([str(listing)])
    qtbot.mouseClick(sources.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    assert f"{listing}, line 3:" in sources.add_label.text()  # the ftp line, by its number
    assert urls(opened_case) == ["https://example.org/about"]
    assert opened_case.sources()[0].settings.depth == 2
    assert opened_case.sources()[0].settings.max_pages == 30
    assert opened_case.sources()[0].settings.sitemap is True

    sources.new_settings.depth_box.setValue(0)
    sources.new_settings.pages_box.setValue(0)
    sources.new_settings.sitemap_box.setChecked(False)
    dialogs.directories.append(str(folder))
    qtbot.mouseClick(sources.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 2, timeout=10_000)
    dialogs.open_files.append([str(archive)])
    qtbot.mouseClick(sources.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 3, timeout=10_000)
    assert urls(opened_case)[1:] == [str(folder.resolve()), str(archive.resolve())]
    assert dialogs.last("open_files").text == "*.zip"
    assert "Links 2 levels deep, at most 30 pages, sitemap" in sources.model.data(
        sources.model.index(0, 3)
    )
    assert sources.model.data(sources.model.index(1, 3)) == "This page only"
    qtmodeltester.check(sources.model)

    # One source's own settings, changed from its row.
    sources.table.selectRow(1)
    assert sources.row_settings.isEnabled()
    sources.row_settings.depth_box.setValue(1)
    qtbot.mouseClick(sources.save_settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "next scans" in sources.status_label.text(), timeout=10_000)
    assert opened_case.sources()[1].settings.depth == 1


def test_remove_asks_first_and_keeps_the_source_on_no(
    sources: SourcesScreen, opened_case: Any, dialogs: RecordingDialogs, qtbot: Any
) -> None:
    opened_case.add_sources(["https://a.example/", "https://b.example/"])
    sources.reload()
    qtbot.waitUntil(lambda: sources.model.rowCount() == 2, timeout=10_000)
    sources.table.setFocus()
    sources.table.selectRow(0)
    dialogs.answers.append(False)
    sources.remove_action.trigger()  # the Delete key on the table
    assert "What the scans found there stays in the case" in dialogs.last("question").text
    assert len(urls(opened_case)) == 2
    dialogs.answers.append(True)
    qtbot.mouseClick(sources.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    assert urls(opened_case) == ["https://b.example/"]
    assert "Removed 1 source." in sources.status_label.text()
    assert sources.model.data(sources.model.index(0, 0), STATE_ROLE) == "not_scanned"


def test_an_unreadable_list_is_a_plain_message(
    sources: SourcesScreen, dialogs: RecordingDialogs, tmp_path: Path, qtbot: Any
) -> None:
    dialogs.open_files.append([str(tmp_path / "gone.txt")])
    qtbot.mouseClick(sources.import_button, Qt.MouseButton.LeftButton)
    assert "cannot be read" in sources.add_label.text()
    assert sources.add_label.property("state") == "bad"
    sources.paste.setPlainText("   ")
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    assert "Paste one or more addresses first." in sources.add_label.text()


def test_closing_the_case_drops_the_rows(
    sources: SourcesScreen, opened_case: Any, main_window: MainWindow, qtbot: Any
) -> None:
    opened_case.add_sources(["https://a.example/"])
    sources.reload()
    qtbot.waitUntil(lambda: sources.model.rowCount() == 1, timeout=10_000)
    sources.paste.setPlainText("https://private.example/me")
    main_window.context.close_case()
    assert sources.model.rowCount() == 0
    assert sources.paste.toPlainText() == ""


def test_model_on_its_own(qtmodeltester: Any) -> None:
    qtmodeltester.check(SourcesModel())


def test_a_paste_longer_than_one_scan_takes_is_a_plain_message(
    sources: SourcesScreen, opened_case: Any, qtbot: Any
) -> None:
    from faceaudit.collect.urls import MAX_LIST_ENTRIES

    sources.paste.setPlainText(
        "\n".join(f"https://example.org/{i}" for i in range(MAX_LIST_ENTRIES + 1))
    )
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    assert "more than 100,000 entries" in sources.add_label.text()
    assert sources.add_label.property("state") == "bad"
    assert urls(opened_case) == []  # nothing of the list was added
