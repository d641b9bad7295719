"""The Linux download's install.sh and uninstall.sh, run for real in a throw-away HOME.

The application folder here is a small executable standing in for dist/FaceAudit/: the
scripts only copy, link and remove files, and the full build is checked by
installer/report.py (which runs the built app's self-test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash") or "/bin/bash"
LINUX = ROOT / "installer" / "linux"
APP_ID = "org.faceaudit.FaceAudit"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux scripts")


@pytest.fixture(scope="module")
def download(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unpacked download, as a person has it after `tar xzf FaceAudit-...tar.gz`."""
    work = tmp_path_factory.mktemp("download")
    app = work / "FaceAudit"
    app.mkdir()
    program = app / "FaceAudit"
    program.write_text('#!/bin/sh\necho "FaceAudit ran with: $*"\n')
    program.chmod(0o755)
    icons = work / "icons"
    subprocess.run(
        [sys.executable, str(ROOT / "installer" / "render_icons.py"), str(icons)],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [BASH, str(LINUX / "package.sh"), str(app), str(icons), "9.9.9", str(work / "dist")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    archive = Path(out)
    assert archive.name.startswith("FaceAudit-9.9.9-linux-") and archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(work / "unpacked", filter="data")
    (unpacked,) = (work / "unpacked").iterdir()
    return unpacked


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    yield home


def run(
    script: Path, home: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}
    return subprocess.run(
        [BASH, str(script), *args], env=env, input=stdin, capture_output=True, text=True
    )


def installed_paths(home: Path) -> list[Path]:
    return sorted(p for p in (home / ".local").rglob("*") if p.is_file() or p.is_symlink())


def everything(home: Path) -> set[Path]:
    """Every file, link and folder in the HOME (an empty folder left behind counts)."""
    return set(home.rglob("*"))


def make_data(home: Path) -> Path:
    data = home / ".local" / "share" / "FaceAudit"
    (data / "cases" / "camille").mkdir(parents=True)
    (data / "cases" / "camille" / "case.db").write_bytes(b"encrypted case")
    return data


def test_install_puts_the_app_its_link_menu_entry_icons_and_metainfo(
    download: Path, home: Path
) -> None:
    result = run(download / "install.sh", home)
    assert result.returncode == 0, result.stderr
    local = home / ".local"
    app = local / "lib" / "FaceAudit" / "FaceAudit"
    link = local / "bin" / "faceaudit"
    assert link.is_symlink() and link.resolve() == app.resolve()
    ran = subprocess.run([str(link), "--self-test"], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "FaceAudit ran with: --self-test"
    desktop = (local / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{app}"' in desktop  # a full path: ~/.local/bin need not be on PATH
    assert (local / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in (16, 48, 256, 512):
        assert (local / f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (local / f"share/icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()


def test_uninstall_removes_everything_installed_and_keeps_the_data(
    download: Path, home: Path
) -> None:
    data = make_data(home)
    (home / ".local" / "bin").mkdir()  # the person's own folder: stays, though empty
    before = everything(home)
    assert run(download / "install.sh", home).returncode == 0
    result = run(home / ".local/lib/FaceAudit/uninstall.sh", home)  # no terminal: never asks
    assert result.returncode == 0, result.stderr
    # Exactly what was there before installing: no file and no empty folder left behind.
    assert everything(home) == before
    assert (data / "cases" / "camille" / "case.db").read_bytes() == b"encrypted case"
    assert "kept" in result.stdout


def test_reinstalling_replaces_the_app_and_keeps_the_data(download: Path, home: Path) -> None:
    data = make_data(home)
    assert run(download / "install.sh", home).returncode == 0
    stale = home / ".local/lib/FaceAudit/left-over-from-the-old-version"
    stale.write_text("old")
    assert run(download / "install.sh", home).returncode == 0
    assert not stale.exists()
    assert (data / "cases" / "camille" / "case.db").is_file()


def test_deleting_data_needs_a_confirmation(download: Path, home: Path) -> None:
    data = make_data(home)
    assert run(download / "install.sh", home).returncode == 0
    uninstall = download / "uninstall.sh"
    refused = run(uninstall, home, "--delete-data")  # no terminal and no --yes
    assert refused.returncode == 1
    assert "WARNING" in refused.stdout and "cannot be undone" in refused.stdout
    assert data.is_dir()
    deleted = run(uninstall, home, "--delete-data", "--yes")
    assert deleted.returncode == 0
    assert not data.exists()
    assert not (home / ".local/lib/FaceAudit").exists()
    # The data folder was made here, the rest by install.sh: all gone, nothing left empty.
    assert sorted(home.rglob("*")) == [home / ".local", home / ".local" / "share"]
