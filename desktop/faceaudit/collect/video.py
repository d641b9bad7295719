"""Sampling frames of a downloaded or local video file with OpenCV.

Only local files are ever opened (a URL is never handed to OpenCV/FFmpeg, which could
follow playlist or network protocols from crafted media), FFmpeg is restricted to the
``file`` protocol, and duration and frame counts are capped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAX_VIDEO_SECONDS = 600.0
MAX_VIDEO_FRAMES = 600
MAX_FRAME_PIXELS = 3840 * 2160
# A cheap scene-change check: mean absolute difference of tiny greyscale thumbnails.
SCENE_CHANGE_THRESHOLD = 40.0
_SCENE_PROBE_PER_SECOND = 4


class VideoError(Exception):
    """A video that cannot be sampled; the message says why."""


@dataclass(frozen=True)
class Frame:
    time: float  # seconds from the start
    image: np.ndarray  # BGR uint8
    scene_change: bool = False


def _thumb(frame: np.ndarray) -> np.ndarray:
    import cv2

    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    return cv2.resize(grey, (32, 18), interpolation=cv2.INTER_AREA).astype(np.float32)


def sample_frames(
    path: Path,
    *,
    every: float = 1.0,
    max_seconds: float = MAX_VIDEO_SECONDS,
    max_frames: int = MAX_VIDEO_FRAMES,
    scene_changes: bool = True,
) -> Iterator[Frame]:
    """Yield one frame every ``every`` seconds (from t=0), plus frames where the scene changes."""
    os.environ["OPENCV_FFMPEG_CAPTURE_OPTIONS"] = "protocol_whitelist;file"
    import cv2

    capture = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            raise VideoError("the video cannot be opened (corrupt, or a format OpenCV cannot read)")
        fps = float(capture.get(cv2.CAP_PROP_FPS) or 0.0)
        if not 0.5 <= fps <= 480:
            fps = 25.0  # a broken header; frame times are then approximate
        width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH) or 0)
        height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
        if width * height > MAX_FRAME_PIXELS:
            raise VideoError(f"the video's frames are {width}x{height}, over the 4K limit")
        yield from _walk(capture, fps, every, max_seconds, max_frames, scene_changes)
    finally:
        capture.release()


def _walk(
    capture: object,
    fps: float,
    every: float,
    max_seconds: float,
    max_frames: int,
    scene_changes: bool,
) -> Iterator[Frame]:
    emitted = 0
    index = 0
    next_sample = 0.0
    probe_step = max(1, round(fps / _SCENE_PROBE_PER_SECOND))
    last_thumb: np.ndarray | None = None
    last_emit_time = -1.0
    grabbed_any = False
    while emitted < max_frames:
        time = index / fps
        if time > max_seconds:
            break
        if not capture.grab():  # type: ignore[attr-defined]
            break
        grabbed_any = True
        due = time + 1e-6 >= next_sample
        probe = scene_changes and index % probe_step == 0
        if due or probe:
            ok, frame = capture.retrieve()  # type: ignore[attr-defined]
            if ok and frame is not None:
                thumb = _thumb(frame) if scene_changes else None
                changed = (
                    thumb is not None
                    and last_thumb is not None
                    and float(np.abs(thumb - last_thumb).mean()) > SCENE_CHANGE_THRESHOLD
                    and time - last_emit_time >= every / 2
                )
                if due or changed:
                    yield Frame(round(time, 3), frame, scene_change=changed and not due)
                    emitted += 1
                    last_emit_time = time
                    if due:
                        next_sample += every
                if thumb is not None:
                    last_thumb = thumb
        index += 1
    if not grabbed_any:
        raise VideoError("the video has no readable frames")
