"""The build recipes, checked without building: valid files, and the same paths everywhere.

The Windows and macOS recipes cannot run here, so these tests hold them to the names in
installer/layout.py, which the PyInstaller spec and the Linux scripts use too.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import faceaudit

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash") or "/bin/bash"
INSTALLER = ROOT / "installer"


def load_layout() -> ModuleType:
    spec = importlib.util.spec_from_file_location("layout", INSTALLER / "layout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = load_layout()
DESKTOP = INSTALLER / "linux" / f"{layout.APP_ID}.desktop"
METAINFO = INSTALLER / "linux" / f"{layout.APP_ID}.metainfo.xml"


def test_desktop_entry_has_what_a_menu_needs() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == layout.APP_NAME
    assert entry["Icon"] == layout.APP_ID  # the name install.sh gives the icon files
    assert entry["Exec"] == "faceaudit"  # install.sh rewrites it to the installed path
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert entry["Comment[fr]"]


def test_desktop_entry_passes_desktop_file_validate() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_metainfo_names_this_app_and_version() -> None:
    component = ET.parse(METAINFO).getroot()  # noqa: S314 (our own file)
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == layout.APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == "GPL-3.0-or-later"
    releases = [r.get("version") for r in component.iter("release")]
    assert releases[0] == faceaudit.__version__  # the newest release comes first


def test_metainfo_passes_appstreamcli_validate() -> None:
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_spec_is_python_and_uses_the_shared_layout() -> None:
    text = (INSTALLER / "faceaudit.spec").read_text(encoding="utf-8")
    ast.parse(text)
    for name in ("APP_NAME", "EXECUTABLE", "CONTENTS_DIR", "LICENSES_DIR", "ICON_PNG_DIR"):
        assert f"layout.{name}" in text


def test_windows_recipe_uses_the_linux_build_paths() -> None:
    script = (INSTALLER / "windows" / "faceaudit.iss").read_text(encoding="utf-8")
    assert f"AppId={layout.APP_ID}" in script
    assert "PrivilegesRequired=lowest" in script  # per-user, no administrator
    assert f'#define AppExe "{layout.EXECUTABLE}.exe"' in script
    windows_path = layout.APP_DIR.replace("/", "\\")
    assert f'Source: "{{#Root}}\\{windows_path}\\*"' in script
    for referenced in re.findall(r"\{#Root\}\\([^\"\r\n]+)", script):
        path = referenced.replace("\\", "/").rstrip("*").rstrip("/")
        # Everything it takes is made by build.sh under these folders, or tracked.
        assert path.startswith((layout.APP_DIR, layout.ICON_PNG_DIR, "build/licenses", "dist")), (
            path
        )
    assert "usPostUninstall" in script and "DeleteDataWarning" in script


def test_macos_recipe_declares_what_a_photo_app_needs() -> None:
    with (INSTALLER / "macos" / "Info.plist").open("rb") as stream:
        info = plistlib.load(stream)
    assert info["CFBundleName"] == layout.APP_NAME
    for key in (
        "NSPhotoLibraryUsageDescription",
        "NSDesktopFolderUsageDescription",
        "NSDocumentsFolderUsageDescription",
        "NSDownloadsFolderUsageDescription",
    ):
        assert info[key].startswith("FaceAudit ")
    assert info["NSHighResolutionCapable"] is True
    with (INSTALLER / "macos" / "entitlements.plist").open("rb") as stream:
        assert plistlib.load(stream)  # parses, and is not empty
    dmg = (INSTALLER / "macos" / "make-dmg.sh").read_text(encoding="utf-8")
    assert f'app="$root/{layout.DIST_DIR}/{layout.APP_NAME}.app"' in dmg


def test_shell_scripts_parse() -> None:
    for script in sorted(INSTALLER.rglob("*.sh")):
        result = subprocess.run([BASH, "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, f"{script}: {result.stderr}"


def test_icon_renders_at_every_size(tmp_path: Path) -> None:
    from PIL import Image

    result = subprocess.run(
        [sys.executable, str(INSTALLER / "render_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for size in layout.ICON_SIZES:
        with Image.open(tmp_path / f"faceaudit-{size}.png") as image:
            assert image.size == (size, size)
            alpha = image.getchannel("A")
            # Drawn, not blank: transparent corners, an opaque tile in the middle.
            assert alpha.getpixel((0, 0)) == 0
            assert alpha.getpixel((size // 2, size // 2)) == 255
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ()) > 3
    with Image.open(tmp_path / "faceaudit.ico") as ico:
        assert (256, 256) in ico.info["sizes"]
    assert (tmp_path / "faceaudit.icns").stat().st_size > 0


def test_spec_never_strips_the_collected_libraries() -> None:
    # binutils' strip broke auditwheel-patched libraries (libscipy_openblas64_*.so): the built
    # app died importing numpy with "ELF load command address/offset not page-aligned".
    tree = ast.parse((INSTALLER / "faceaudit.spec").read_text(encoding="utf-8"))
    calls = {
        node.func.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("EXE", "COLLECT")
    }
    assert set(calls) == {"EXE", "COLLECT"}
    for name, call in calls.items():
        strip = [k.value for k in call.keywords if k.arg == "strip"]
        assert len(strip) == 1 and isinstance(strip[0], ast.Constant), name
        assert strip[0].value is False, name
