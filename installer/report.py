"""The build report: size, build time, start-up to the window against the venv, self-test.

    python installer/report.py [--runs N] [--venv-faceaudit PATH]

Both programs run from fresh folders: the build is copied to a new directory and started
with an empty environment (no PATH, no PYTHONPATH, a new HOME), which proves it needs
nothing from the project's virtual environment. "Cold" is each program's first start after
that copy, with a new data folder; the operating system's file cache is not dropped (that
would need the whole machine), so the first start is cold for FaceAudit, not for the disk.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))
import layout  # noqa: E402

SHOWN_MARK = "faceaudit: window shown "
EXIT_WHEN_SHOWN_ENV = "FACEAUDIT_EXIT_WHEN_SHOWN"
START_TIMEOUT_S = 180
UNSTRIPPED_DIR = "build/unstripped"  # build.sh --unstripped: for the size comparison only


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(app_dir: Path, count: int = 8) -> list[tuple[str, int]]:
    contents = app_dir / layout.CONTENTS_DIR
    sizes: dict[str, int] = {}
    for path in contents.rglob("*"):
        if path.is_file() and not path.is_symlink():
            part = path.relative_to(contents).parts[0]
            sizes[part] = sizes.get(part, 0) + path.stat().st_size
    return sorted(sizes.items(), key=lambda item: -item[1])[:count]


def clean_env(home: Path) -> dict[str, str]:
    """Nothing from this shell: no PATH, no PYTHONPATH, no virtual environment, a new HOME."""
    return {"HOME": str(home), "PATH": "", "PYTHONPATH": "", "LANG": "C.UTF-8"}


def time_to_window(program: list[str], env: dict[str, str]) -> float | None:
    """Seconds from starting the program to its main window being shown, or None."""
    env = {**env, EXIT_WHEN_SHOWN_ENV: "1", "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    result = subprocess.run(
        program, env=env, capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith(SHOWN_MARK):
            return float(line[len(SHOWN_MARK) :].split()[0]) - started
    print(f"    no window from {program[0]} (exit {result.returncode}): {result.stderr[-400:]}")
    return None


def archive_bytes(folder: Path) -> int:
    return sum(a.stat().st_size for a in folder.glob("FaceAudit-*.tar.gz"))


def print_saving(app_dir: Path, unstripped: Path) -> None:
    """The same build without leaving the unused parts out, against the one shipped."""
    kept, shipped = folder_bytes(unstripped / layout.APP_NAME), folder_bytes(app_dir)
    kept_archive, shipped_archive = archive_bytes(unstripped), archive_bytes(app_dir.parent)
    print("  before stripping  unused Qt modules, translations, onnxruntime providers kept:")
    print(
        f"                    {kept / 1e6:.0f} MB app folder, {kept_archive / 1e6:.0f} MB "
        f"download; stripping saves {(kept - shipped) / 1e6:.0f} MB "
        f"({(kept - shipped) / kept:.0%}) and {(kept_archive - shipped_archive) / 1e6:.0f} MB "
        f"of download"
    )


def describe(times: list[float]) -> str:
    if not times:
        return "no window"
    warm = f", then median {statistics.median(times[1:]):.2f} s" if len(times) > 1 else ""
    return f"cold {times[0]:.2f} s{warm} ({len(times)} starts)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4, help="starts of each program")
    parser.add_argument("--venv-faceaudit", type=Path, default=None)
    options = parser.parse_args()

    app_dir = ROOT / layout.APP_DIR
    # Windows: the console program, so that the self-test's lines reach this report.
    executable = (
        f"{layout.CLI_EXECUTABLE_WINDOWS}.exe" if sys.platform == "win32" else layout.EXECUTABLE
    )
    if not (app_dir / executable).is_file():
        print(f"no build in {app_dir}: run bash installer/build.sh first")
        return 1
    print(f"FaceAudit build report ({app_dir})")
    seconds_file = ROOT / "build" / "build-seconds.txt"
    if seconds_file.is_file():
        print(f"  build time        {int(seconds_file.read_text()):d} s (installer/build.sh)")
    print(f"  app folder        {folder_bytes(app_dir) / 1e6:.0f} MB on disk, unpacked")
    for archive in sorted((ROOT / layout.DIST_DIR).glob("FaceAudit-*.tar.gz")):
        print(f"  download          {archive.stat().st_size / 1e6:.0f} MB  {archive.name}")
    unstripped = ROOT / UNSTRIPPED_DIR
    if (unstripped / layout.APP_NAME).is_dir():
        print_saving(app_dir, unstripped)
    parts = ", ".join(f"{name} {size / 1e6:.0f}" for name, size in largest_parts(app_dir))
    print(f"  largest parts MB  {parts}")

    with tempfile.TemporaryDirectory(prefix="faceaudit-report-") as scratch:
        fresh = Path(scratch) / "elsewhere" / layout.APP_NAME
        shutil.copytree(app_dir, fresh, symlinks=True)
        frozen = [str(fresh / executable)]

        def frozen_env(run: int) -> dict[str, str]:
            return clean_env(Path(scratch) / f"home-frozen-{run}")

        venv_program = options.venv_faceaudit or next(
            (
                p
                for p in (ROOT / ".venv/bin/faceaudit", ROOT / "build/venv/bin/faceaudit")
                if p.is_file()
            ),
            None,
        )

        def venv_env(run: int) -> dict[str, str]:
            env = dict(os.environ)
            env.pop(EXIT_WHEN_SHOWN_ENV, None)
            env["FACEAUDIT_HOME"] = str(Path(scratch) / f"data-venv-{run}")
            return env

        # Alternated, so that a load from elsewhere on the machine weighs on both alike.
        frozen_times: list[float] = []
        venv_times: list[float] = []
        for run in range(options.runs):
            seconds = time_to_window(frozen, frozen_env(run))
            if seconds is not None:
                frozen_times.append(seconds)
            if venv_program is not None:
                seconds = time_to_window([str(venv_program)], venv_env(run))
                if seconds is not None:
                    venv_times.append(seconds)
        print(f"  start to window   build: {describe(frozen_times)}")
        if venv_program is not None:
            print(f"                    venv:  {describe(venv_times)}  ({venv_program})")
            if frozen_times and venv_times:
                cold = frozen_times[0] / venv_times[0]
                print(f"  start-up ratio    build / venv = {cold:.2f} cold", end="")
                if len(frozen_times) > 1 and len(venv_times) > 1:
                    warm = statistics.median(frozen_times[1:]) / statistics.median(venv_times[1:])
                    print(f", {warm:.2f} warm (median)", end="")
                print()

        print("  self-test         (build copied to a fresh folder; PATH, PYTHONPATH cleared)")
        result = subprocess.run(
            [*frozen, "--self-test"],
            env=clean_env(Path(scratch) / "home-selftest"),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        for line in (result.stdout + result.stderr).splitlines():
            print(f"    {line}")
        print(f"  self-test exit    {result.returncode}")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
