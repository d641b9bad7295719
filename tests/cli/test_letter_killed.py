"""``kill -9`` during ``letter --case``: never a recorded letter without its files.

A real ``faceaudit letter`` child process is killed with SIGKILL at chosen system calls by
``strace -e inject=...:signal=KILL`` (the kernel stops it there, as ``kill -9`` would): while
the files are written to temporary names, between their renames into place, and around
the commit that records the letter. After each kill every recorded letter has all its files,
and the next run drafts the letter, leaving no temporary file or marker behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from faceaudit.letters import tracking
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore, KdfParams, Person

PASSPHRASE = "killed letter passphrase 9"
FORMATS = ("pdf", "docx", "txt")
# (system call, which one): each temporary file and the marker are flushed with fsync
# (1-3, 4), the folder after the renames (5); the three renames publish the files; SQLite's
# fdatasync calls commit the letter (1-3) and follow the marker's removal (4).
KILL_POINTS = (
    ("fsync", 1),
    ("fsync", 4),
    ("rename", 1),
    ("rename", 3),
    ("fsync", 5),
    ("fdatasync", 1),
    ("fdatasync", 3),
    ("fdatasync", 4),
)


def _strace() -> str:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (the test command installs it where apt can)")
    probe = subprocess.run([strace, "-qq", "-o", os.devnull, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here: {probe.stderr.decode(errors='replace')}")
    return strace


def _letter_command(home: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "faceaudit",
        "--data-dir",
        str(home),
        "letter",
        "--case",
        "marie",
        "--type",
        "erasure",
        "--jurisdiction",
        "eu",
        "--operator-name",
        "Blog Ltd",
        "--operator-email",
        "privacy@blog.example",
        "--url",
        "https://blog.example/team",
        "--date",
        "2026-03-02",
        "--format",
        ",".join(FORMATS),
    ]


def _recorded_letters_have_files(store: CaseStore) -> list[int]:
    with store.open("marie", PASSPHRASE) as case:
        letters = [item.letter for item in tracking.list_tracked(case)]
    for letter in letters:
        assert letter.output_dir, f"letter {letter.id} recorded without its files"
        for fmt in letter.formats:
            found = list(Path(letter.output_dir).glob(f"*-FA-{letter.id}-*.{fmt}"))
            assert len(found) == 1, f"letter {letter.id} is recorded but its {fmt} is missing"
            assert found[0].stat().st_size > 0
    return [letter.id for letter in letters]


def test_a_killed_letter_leaves_no_recorded_draft_without_files(tmp_path: Path) -> None:
    strace = _strace()
    home = tmp_path / "home"
    store = CaseStore(resolve_paths(home), kdf=KdfParams(n=2**10, r=8, p=1))
    person = Person(
        full_name="Marie Dupont",
        email="marie@example.org",
        postal_address="12 rue des Lilas\n75011 Paris",
        country="FR",
        language="en",
    )
    with store.create("marie", PASSPHRASE, person=person):
        pass
    env = {**os.environ, "FACEAUDIT_PASSPHRASE": PASSPHRASE}
    env.pop("FACEAUDIT_HOME", None)
    command = _letter_command(home)
    folder = home / "exports" / "marie"
    killed_at = []
    for call, nth in KILL_POINTS:
        before = _recorded_letters_have_files(store)
        inject = [strace, "-f", "-qq", "-o", os.devnull, "-e", f"trace={call}"]
        inject += ["-e", f"inject={call}:signal=KILL:when={nth}"]
        killed = subprocess.run([*inject, *command], env=env, capture_output=True, timeout=120)
        if killed.returncode == 0:
            pytest.fail(f"the run was not stopped at {call} #{nth}: {killed.stdout[-500:]!r}")
        killed_at.append(f"{call} #{nth}")
        after_kill = _recorded_letters_have_files(store)
        assert set(before) <= set(after_kill)  # nothing recorded earlier was lost
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, (killed_at, again.stderr)
        recorded = _recorded_letters_have_files(store)
        assert len(recorded) > len(after_kill)
        leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".")]
        assert leftovers == [], (killed_at, leftovers)
    assert len(killed_at) == len(KILL_POINTS)
