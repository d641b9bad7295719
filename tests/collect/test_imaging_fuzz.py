"""Fuzzing the decode guard: whatever the bytes, only ImageError comes out, and nothing
larger than the pixel cap is ever decoded."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from faceaudit import imaging
from faceaudit.errors import ImageError

FORMATS = ["JPEG", "PNG", "GIF", "BMP", "TIFF", "WEBP"]


def _seed(fmt: str) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (23, 17), (200, 100, 50))
    image.save(buffer, fmt)
    return buffer.getvalue()


SEEDS = {fmt: _seed(fmt) for fmt in FORMATS}
FUZZ = settings(
    max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _decode_or_refuse(data: bytes) -> None:
    with warnings.catch_warnings():
        # Pillow warns on some malformed files (e.g. truncated EXIF); the guard must still hold.
        warnings.simplefilter("ignore")
        try:
            array = imaging.decode(data)
        except ImageError:
            return
    assert array.dtype == np.uint8 and array.ndim == 3 and array.shape[2] == 3
    assert array.shape[0] * array.shape[1] <= imaging.MAX_PIXELS


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_only_raise_image_error(data: bytes) -> None:
    _decode_or_refuse(data)
    assert imaging.sniff_format(data) in (None, *imaging.ALLOWED_FORMATS, *imaging.REFUSED_FORMATS)


@FUZZ
@given(
    fmt=st.sampled_from(FORMATS),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    cut=st.integers(0, 10_000),
)
def test_mutated_real_images_only_raise_image_error(
    fmt: str, flips: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(SEEDS[fmt])
    for position, value in flips:
        data[position % len(data)] = value
    _decode_or_refuse(bytes(data[: max(cut, 8)]))


@pytest.mark.parametrize("fmt", FORMATS)
def test_seeds_decode(fmt: str) -> None:
    assert imaging.decode(SEEDS[fmt]).shape == (17, 23, 3)


def test_animated_gif_with_thousands_of_frames_is_limited_to_its_first() -> None:
    frames = [Image.new("L", (8, 8), index % 2 * 255) for index in range(3000)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=10)
    info = imaging.probe(buffer.getvalue())
    assert info.frames == 3000
    assert imaging.decode(buffer.getvalue()).shape == (8, 8, 3)
