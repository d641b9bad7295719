"""What the build leaves out (installer/prune.py), on the file names PyInstaller collects.

The names come from the packages installed here where they exist (PySide6's translations
and libraries, onnxruntime's capi folder), so a renamed file in a new wheel shows up here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = "linux"


def load_prune() -> ModuleType:
    spec = importlib.util.spec_from_file_location("prune", ROOT / "installer" / "prune.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


prune = load_prune()


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        pytest.skip(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def test_only_qt_s_own_catalogues_in_the_app_s_languages_are_kept() -> None:
    translations = package_dir("PySide6") / "Qt" / "translations"
    names = sorted(p.name for p in translations.glob("*.qm"))
    assert "qt_help_fr.qm" in names and "qtbase_fr.qm" in names
    kept = {n for n in names if not prune.is_unused(f"PySide6/Qt/translations/{n}", LINUX)}
    wanted = {
        f"{catalogue}_{language}.qm"
        for catalogue in ("qt", "qtbase")
        for language in ("en", "fr", "de", "es", "it")
    }
    # Qt Help's catalogue is not the window's, though its name starts like Qt's own.
    assert kept == wanted & set(names)


def test_the_window_s_qt_libraries_stay_and_unused_modules_go() -> None:
    libraries = {p.name for p in (package_dir("PySide6") / "Qt" / "lib").glob("libQt6*.so*")}
    kept = {n for n in libraries if not prune.is_unused(f"PySide6/Qt/lib/{n}", LINUX)}
    for needed in ("Core", "Gui", "Widgets", "Network", "Svg", "DBus", "XcbQpa"):
        assert f"libQt6{needed}.so.6" in kept
    for unused in ("Qml", "Quick", "Pdf", "Sql", "Test", "Designer", "EglFSDeviceIntegration"):
        if f"libQt6{unused}.so.6" in libraries:
            assert f"libQt6{unused}.so.6" not in kept


def test_onnxruntime_keeps_its_provider_bridge_and_loses_gpu_providers() -> None:
    # Without the 15 KB bridge onnxruntime prints "Init provider bridge failed" at each start.
    assert not prune.is_unused("onnxruntime/capi/libonnxruntime_providers_shared.so", LINUX)
    for provider in ("cuda", "tensorrt", "openvino"):
        dest = f"onnxruntime/capi/libonnxruntime_providers_{provider}.so"
        assert prune.is_unused(dest, LINUX)
    capi = package_dir("onnxruntime") / "capi"
    for library in capi.glob("*.so*"):
        if "providers_" not in library.name or "shared" in library.name:
            assert not prune.is_unused(f"onnxruntime/capi/{library.name}", LINUX)


def test_plugins_the_window_needs_stay() -> None:
    for dest in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",  # the self-test's window
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    ):
        assert not prune.is_unused(dest, LINUX), dest
    for dest in (
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "libgtk-3.so.0",
    ):
        assert prune.is_unused(dest, LINUX), dest
    # GTK's libraries are left out on Linux only, and Windows paths use backslashes.
    assert not prune.is_unused("libgtk-3.so.0", "darwin")
    assert prune.is_unused("PySide6\\plugins\\sqldrivers\\qsqlite.dll", "win32")
