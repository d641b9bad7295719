"""Guarded decoding of untrusted image bytes."""

from __future__ import annotations

import io
import tracemalloc

import numpy as np
import pytest
from PIL import Image

from faceaudit.errors import ImageError
from faceaudit.imaging import MAX_FILE_BYTES, MAX_PIXELS, decode, load_image, probe, sniff_format

from .conftest import png_header_only


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def test_bomb_is_refused_from_the_header_without_decoding() -> None:
    bomb = png_header_only(50_000, 50_000)
    tracemalloc.start()
    try:
        with pytest.raises(ImageError, match="50000x50000") as caught:
            decode(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # decoding would need 7.5 GB
    assert "not decoded" in caught.value.what
    assert caught.value.todo


def test_limit_is_exact() -> None:
    side = int(MAX_PIXELS**0.5)
    assert probe(png_header_only(side, side)).pixels <= MAX_PIXELS
    with pytest.raises(ImageError):
        probe(png_header_only(side + 1, side + 1))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!doctype html><html>", None),
        (b"\xff\xd8\xff\xe0rest", "JPEG"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"GIF89a...", "GIF"),
        (b"", None),
    ],
)
def test_sniffing_uses_magic_bytes(data: bytes, expected: str | None) -> None:
    assert sniff_format(data) == expected


def test_html_pretending_to_be_an_image_is_a_clear_error() -> None:
    with pytest.raises(ImageError, match="not an image"):
        decode(b"<html><body>404</body></html>")


def test_truncated_jpeg_is_a_clear_error() -> None:
    rng = np.random.default_rng(1)
    noise = Image.fromarray(rng.integers(0, 255, (300, 300, 3), dtype=np.uint8))
    data = encoded(noise, "JPEG", quality=90)
    with pytest.raises(ImageError, match="corrupt or truncated"):
        decode(data[: len(data) // 2])


def test_animated_gif_gives_its_first_frame() -> None:
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("red", "lime", "blue")]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])
    assert probe(data).frames == 3
    pixels = decode(data)
    assert pixels.shape == (30, 40, 3)
    assert tuple(pixels[0, 0]) == (0, 0, 255)  # red, in BGR order


def test_transparent_areas_become_white() -> None:
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert tuple(decode(encoded(image, "PNG"))[5, 5]) == (255, 255, 255)


def test_palette_with_transparency() -> None:
    image = Image.new("P", (8, 8), 0)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    data = encoded(image, "PNG", transparency=0)
    assert tuple(decode(data)[0, 0]) == (255, 255, 255)


def test_float_and_32_bit_tiff() -> None:
    gradient = np.linspace(0, 1000, 64 * 64, dtype=np.float32).reshape(64, 64)
    pixels = decode(encoded(Image.fromarray(gradient, mode="F"), "TIFF"))
    assert pixels.dtype == np.uint8
    assert pixels[0, 0, 0] == 0
    assert pixels[-1, -1, 0] == 255


def test_load_image_errors_name_the_file(tmp_path) -> None:
    missing = tmp_path / "nope.jpg"
    with pytest.raises(ImageError, match="does not exist"):
        load_image(missing)
    with pytest.raises(ImageError, match="is a folder"):
        load_image(tmp_path)
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    with pytest.raises(ImageError, match=r"notes\.jpg"):
        load_image(text)


def test_oversized_file_is_refused_before_reading(tmp_path) -> None:
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ImageError, match="MiB limit"):
        load_image(huge)


def test_avif_is_decoded_through_the_same_header_first_guard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(2)
    picture = Image.fromarray(rng.integers(0, 255, (120, 200, 3), dtype=np.uint8))
    data = encoded(picture, "AVIF", quality=60, speed=10)
    assert sniff_format(data) == "AVIF"
    assert decode(data).shape == (120, 200, 3)
    monkeypatch.setattr("faceaudit.imaging.MAX_PIXELS", 10_000)
    with pytest.raises(ImageError, match="200x120 pixels") as caught:
        decode(data)
    assert "not decoded" in caught.value.what


# The start of a real iPhone photo: an ftyp box with the HEIC major brand.
HEIC_HEAD = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def test_heic_is_refused_by_name_with_what_to_do() -> None:
    assert sniff_format(HEIC_HEAD) == "HEIC"
    with pytest.raises(ImageError, match="HEIC") as caught:
        decode(HEIC_HEAD)
    assert "JPEG" in caught.value.todo
