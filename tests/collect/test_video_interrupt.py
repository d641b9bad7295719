"""A scan that stops reading a video (cancel, Ctrl+C) ends its decoder process quietly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest


def _write_video(path: Path, seconds: int = 4, fps: int = 10) -> None:
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (160, 120))
    assert writer.isOpened()
    for index in range(seconds * fps):
        writer.write(np.full((120, 160, 3), (index * 8) % 255, dtype=np.uint8))
    writer.release()


def test_a_video_read_halfway_leaves_no_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from faceaudit.collect.sandbox import sample_frames_contained

    video = tmp_path / "clip.mp4"
    _write_video(video)
    frames = sample_frames_contained(video, every=1.0, scene_changes=False)
    assert next(frames).time == 0
    frames.close()  # what a cancelled scan does: the worker is still waiting for "next"
    err = capfd.readouterr().err
    assert "Traceback" not in err and "EOFError" not in err


def test_ctrl_c_reaches_only_the_parent(tmp_path: Path) -> None:
    """SIGINT to the whole process group (what a terminal's Ctrl+C sends) while the decoder
    process starts: the child says nothing, the parent decides."""
    video = tmp_path / "clip.mp4"
    _write_video(video)
    probe = (
        "import sys, signal, time\n"
        "from faceaudit.collect.sandbox import sample_frames_contained\n"
        "signal.signal(signal.SIGINT, lambda *a: print('parent got it', flush=True))\n"
        f"frames = sample_frames_contained(__import__('pathlib').Path({str(video)!r}))\n"
        "print('first', next(frames).time, flush=True)\n"
        "time.sleep(0.5)\n"
        "print('rest', len(list(frames)), flush=True)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", probe],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("first")
    os.killpg(process.pid, signal.SIGINT)  # parent and decoder process alike
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert "rest" in out
