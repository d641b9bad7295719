"""Damaged EXIF blocks: the picture decodes upright and Pillow's warning never reaches the
person's terminal (it was printed at every enrolment of such a photo)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from faceaudit.imaging import decode

from .conftest import insightface_sample

# An EXIF block whose first entry (orientation) points past the end of the block.
CORRUPT_EXIF = (
    b"Exif\0\0II*\0\x08\0\0\0\x05\0" + b"\x12\x01\x03\0\x01\0\0\0\x06\0\0\0" + b"\xff" * 20
)


def _jpeg(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, **options)
    return buffer.getvalue()


def test_a_corrupt_exif_block_decodes_without_a_warning() -> None:
    # pytest turns warnings into errors here: Pillow's "Corrupt EXIF data" would fail this.
    pixels = decode(_jpeg(Image.new("RGB", (64, 48), (200, 100, 50)), exif=CORRUPT_EXIF))
    assert sorted(pixels.shape[:2]) == [48, 64] and pixels.shape[2] == 3


def test_the_orientation_is_still_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise when shown
    image = Image.new("RGB", (64, 48), (0, 0, 0))
    image.paste((255, 255, 255), (0, 0, 8, 8))  # a mark in the stored top-left corner
    pixels = decode(_jpeg(image, exif=exif.tobytes()))
    assert pixels.shape == (64, 48, 3)
    assert np.mean(pixels[:8, -8:]) > 200  # shown upright: the mark is now top right


@pytest.mark.models
def test_enrolling_a_photo_with_corrupt_exif_prints_no_pillow_warning(tmp_path: Path) -> None:
    photo = tmp_path / "me.jpg"
    with Image.open(insightface_sample()) as sample:
        photo.write_bytes(_jpeg(sample.convert("RGB"), exif=CORRUPT_EXIF))
    env = {**os.environ, "FACEAUDIT_PASSPHRASE": "exif warning passphrase 1"}
    env.pop("PYTHONWARNINGS", None)
    base = [sys.executable, "-m", "faceaudit", "--data-dir", str(tmp_path / "home")]
    created = subprocess.run([*base, "case", "create", "me"], env=env, capture_output=True)
    assert created.returncode == 0, created.stderr
    enrolled = subprocess.run(
        [*base, "enroll", "--case", "me", str(photo)], env=env, capture_output=True, timeout=300
    )
    err = enrolled.stderr.decode(errors="replace")
    assert "EXIF" not in err and "Traceback" not in err and "Warning" not in err, err
