"""Crash-contained decoding: real crashes, real memory exhaustion, real hangs."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator

import numpy as np
import pytest
from PIL import Image

from faceaudit import imaging
from faceaudit.collect import ContainedDecoder
from faceaudit.errors import ImageError

from ..conftest import png_header_only


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 200, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def decoder() -> Iterator[ContainedDecoder]:
    with ContainedDecoder(workers=1, memory_budget=128 * 1024 * 1024, timeout=20) as contained:
        yield contained


def test_decodes_like_the_in_process_decoder(decoder: ContainedDecoder) -> None:
    data = _png(64, 48)
    array = decoder.decode(data)
    assert array.shape == (48, 64, 3) and array.dtype == np.uint8
    assert np.array_equal(array, imaging.decode(data))
    array[0, 0] = 0  # the caller gets a writable array of its own


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("abort", "killed by SIGABRT"), ("allocate", "exit status 1")],
)
def test_a_crashing_worker_is_reported_and_replaced(
    decoder: ContainedDecoder, fault: str, reason: str
) -> None:
    data = _png(32, 32)
    decoder.decode(data)
    with pytest.raises(ImageError, match=f"decoder crashed on this file \\({reason}\\)"):
        decoder._inject_fault(fault)
    assert decoder.crashes == 1
    assert decoder.decode(data).shape == (32, 32, 3)


def test_a_hanging_decode_times_out_and_the_worker_is_replaced() -> None:
    with ContainedDecoder(workers=1, timeout=1.0) as decoder:
        with pytest.raises(ImageError, match="took longer than 1 s"):
            decoder._inject_fault("hang")
        assert decoder.decode(_png(8, 8)).shape == (8, 8, 3)


def test_decoding_past_the_memory_limit_fails_cleanly() -> None:
    big = _png(4000, 3000)  # 12 MP: allowed by the pixel cap, 36 MB per decoded copy
    with ContainedDecoder(workers=1, memory_budget=24 * 1024 * 1024, timeout=30) as decoder:
        with pytest.raises(ImageError):
            decoder.decode(big)
        assert decoder.decode(_png(16, 16)).shape == (16, 16, 3)
    # The same picture decodes with a realistic budget: the failure above was the limit.
    with ContainedDecoder(workers=1, timeout=30) as roomy:
        assert roomy.decode(big).shape == (3000, 4000, 3)


def test_claimed_giant_images_are_refused_before_decoding(decoder: ContainedDecoder) -> None:
    with pytest.raises(ImageError, match="claims 50000x50000 pixels"):
        decoder.decode(png_header_only(50_000, 50_000))
    with pytest.raises(ImageError, match="not an image"):
        decoder.decode(b"<html>surprise</html>")
    with pytest.raises(ImageError, match="corrupt or truncated"):
        decoder.decode(_png(40, 40)[:60])


def test_thread_safe_pool() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ContainedDecoder(workers=2, timeout=20) as pool, ThreadPoolExecutor(4) as threads:
        shapes = list(threads.map(lambda n: pool.decode(_png(n, n)).shape, range(10, 18)))
    assert shapes == [(n, n, 3) for n in range(10, 18)]


def _write_video(path, seconds: int = 3, fps: int = 10) -> None:
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (160, 120))
    assert writer.isOpened()
    for index in range(seconds * fps):
        frame = np.full((120, 160, 3), (index * 8) % 255, dtype=np.uint8)
        writer.write(frame)
    writer.release()


def test_contained_video_sampling_matches_in_process(tmp_path) -> None:
    from faceaudit.collect.sandbox import sample_frames_contained
    from faceaudit.collect.video import sample_frames

    video = tmp_path / "clip.mp4"
    _write_video(video)
    contained = list(sample_frames_contained(video, every=1.0, scene_changes=False))
    direct = list(sample_frames(video, every=1.0, scene_changes=False))
    assert [frame.time for frame in contained] == [frame.time for frame in direct] == [0, 1, 2]
    for mine, theirs in zip(contained, direct, strict=True):
        assert np.array_equal(mine.image, theirs.image)


def test_a_crashing_video_decoder_is_a_clear_error(tmp_path) -> None:
    from faceaudit.collect.sandbox import sample_frames_contained
    from faceaudit.collect.video import VideoError

    video = tmp_path / "clip.mp4"
    _write_video(video, seconds=1)
    with pytest.raises(VideoError, match=r"crashed on this file .*SIGABRT"):
        list(sample_frames_contained(video, _fault="abort"))


def test_a_corrupt_video_is_a_clear_error(tmp_path) -> None:
    from faceaudit.collect.sandbox import sample_frames_contained
    from faceaudit.collect.video import VideoError

    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64)
    with pytest.raises(VideoError, match=r"cannot be opened|no readable frames"):
        list(sample_frames_contained(junk))


def test_the_size_is_read_in_the_worker_before_decoding(decoder: ContainedDecoder) -> None:
    assert decoder.pixels(_png(64, 48)) == 64 * 48
    with pytest.raises(ImageError, match="claims 50000x50000 pixels"):
        decoder.pixels(png_header_only(50_000, 50_000))


def test_a_large_photo_is_handed_over_in_bands_not_copies() -> None:
    """24 MP: Pillow's own copy (96 MB) fits a 200 MB limit; the three more whole copies
    decoding used to make (array, BGR, bytes to send: 288 MB more) did not."""
    big = _png(6000, 4000)
    with ContainedDecoder(workers=1, memory_budget=200 * 1024 * 1024, timeout=60) as decoder:
        array = decoder.decode(big)
    assert array.shape == (4000, 6000, 3)
    assert tuple(array[0, 0]) == (30, 200, 10) and tuple(array[-1, -1]) == (30, 200, 10)


def test_warm_up_starts_the_workers_before_the_first_image() -> None:
    with ContainedDecoder(workers=2, timeout=20) as decoder:
        decoder.warm_up()
        pause = threading.Event()
        for _ in range(12_000):  # spawning takes about a second; give up after 2 minutes
            if len(decoder._all) == 2:
                break
            pause.wait(0.01)
        assert all(worker.alive() for worker in decoder._all)
        assert decoder.decode(_png(8, 8)).shape == (8, 8, 3)
        assert len(decoder._all) == 2  # the decode used a started worker, not a new one


def test_closing_while_the_workers_still_start_is_quiet() -> None:
    """close() and the background start may both retire a worker: its pipe is closed once
    (twice raised EBADF from close(), or closed a descriptor reused by another file)."""
    for _ in range(3):
        decoder = ContainedDecoder(workers=2, timeout=20)
        decoder.warm_up()
        decoder.close()
