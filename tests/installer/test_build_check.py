"""`installer/build.sh --check`: what the build needs from this machine, found or named.

A stand-in `ldconfig` lists the machine's libraries, as the real one does, so the check is
tried both with and without the libraries Qt's window plugins need, whatever this machine
has installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash") or "/bin/bash"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build")


def check(tmp_path: Path, libraries: list[str]) -> subprocess.CompletedProcess[str]:
    tools = tmp_path / "bin"
    tools.mkdir()
    listing = tmp_path / "ldconfig-p.txt"
    listing.write_text(
        f"{len(libraries)} libs found in cache `/etc/ld.so.cache'\n"
        + "".join(
            f"\t{name} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{name}\n" for name in libraries
        )
    )
    ldconfig = tools / "ldconfig"
    ldconfig.write_text(f'#!/bin/sh\nexec cat "{listing}"\n')
    ldconfig.chmod(0o755)
    env = {
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "PYTHON": sys.executable,
    }
    return subprocess.run(
        [BASH, str(ROOT / "installer" / "build.sh"), "--check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_passes_when_libxcb_cursor_is_listed_first_of_many(tmp_path: Path) -> None:
    # A long list after the hit: `ldconfig -p | grep -q` under pipefail failed here, since
    # grep stops reading and ldconfig dies of SIGPIPE.
    needed = [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libwayland-cursor.so.0",
    ]
    libraries = needed + [f"libexample{i}.so.1" for i in range(20000)]
    result = check(tmp_path, libraries)
    assert result.returncode == 0, result.stderr
    assert "libraries the linux build needs are here" in result.stdout


def test_check_names_the_missing_library_and_its_package(tmp_path: Path) -> None:
    libraries = ["libxcb-icccm.so.4", "libwayland-cursor.so.0"]
    result = check(tmp_path, libraries + [f"libexample{i}.so.1" for i in range(100)])
    assert result.returncode == 1
    assert "lacks: libxcb-cursor.so.0 libxcb-keysyms.so.1." in result.stderr
    assert "apt-get install libxcb-cursor0 libxcb-keysyms1)" in result.stderr
