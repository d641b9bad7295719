"""`faceaudit --self-test`, run as a person runs it: the real CLI in its own process."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

STEPS = ("model pack", "models load", "check pair", "decoder", "letter PDF", "window")


def self_test(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "faceaudit", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def step_lines(output: str) -> dict[str, str]:
    """Each step's line, by name: '  ok    check pair        0.80 s  1 face in each; ...'."""
    found = {}
    for line in output.splitlines():
        for step in STEPS:
            if line[8:].startswith(step + " "):
                found[step] = line
    return found


@pytest.mark.models
def test_self_test_passes_every_step_and_times_it(model_pack_dir: Path, sandbox_home: Path) -> None:
    env = {**os.environ, "FACEAUDIT_MODELS": str(model_pack_dir.parent)}
    result = self_test(env)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = step_lines(result.stdout)
    assert set(lines) == set(STEPS), result.stdout
    has_window = importlib.util.find_spec("faceaudit.gui") is not None
    for step, line in lines.items():
        mark = line.split()[0]
        # Only the window may be skipped, and only where faceaudit.gui is absent.
        assert mark == "ok" or (step == "window" and mark == "skip" and not has_window), line
        assert " s  " in line  # every step says how long it took
    if has_window:
        assert "shown offscreen and closed" in lines["window"]
        assert "Qt:" not in result.stderr  # nothing but the offscreen plugin's notes
    assert "similarity" in lines["check pair"]
    assert "SHA-256 verified" in lines["model pack"]
    assert result.stdout.splitlines()[-1].startswith("self-test passed")
    # The self-test writes nothing into the person's data folder.
    assert not any(sandbox_home.iterdir())


def test_self_test_fails_clearly_on_a_damaged_pack(tmp_path: Path, sandbox_home: Path) -> None:
    pack = tmp_path / "models" / "buffalo_sc"
    pack.mkdir(parents=True)
    (pack / "det_500m.onnx").write_bytes(b"not a model")
    env = {**os.environ, "FACEAUDIT_MODELS": str(tmp_path / "models")}
    result = self_test(env)
    assert result.returncode == 1
    lines = step_lines(result.stdout)
    assert lines["model pack"].split()[0] == "FAIL"
    assert "wrong size" in lines["model pack"]
    assert "faceaudit models fetch buffalo_sc" in lines["model pack"]
    # What needs the models is skipped with a reason; the rest still runs.
    assert lines["check pair"].split()[0] == "skip"
    assert lines["letter PDF"].split()[0] == "ok"
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED")
    shutil.rmtree(pack)
