"""Evidence copies: the image bytes as fetched, or a smaller re-encoded copy when the case asks."""

from __future__ import annotations

import cv2
import numpy as np

from faceaudit.collect.sandbox import ContainedDecoder
from faceaudit.errors import ImageError

REDUCED_MAX_SIDE = 1600
REDUCED_JPEG_QUALITY = 85


def reduce_image(data: bytes) -> bytes | None:
    """A JPEG of at most REDUCED_MAX_SIDE pixels a side, or None if the bytes cannot be decoded.

    The SHA-256 of the original bytes is kept beside the copy, so the reduced copy still
    points at exactly what was online. The bytes came from a web server, so they are decoded
    in a contained process like every other untrusted image (only findings' images get here,
    and only when the case asks for reduced copies, so the process start is affordable).
    """
    try:
        with ContainedDecoder(workers=1) as contained:
            pixels = contained.decode(data)
    except ImageError:
        return None
    height, width = pixels.shape[:2]
    scale = REDUCED_MAX_SIDE / max(height, width)
    if scale < 1:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        pixels = cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(
        ".jpg", np.ascontiguousarray(pixels), [cv2.IMWRITE_JPEG_QUALITY, REDUCED_JPEG_QUALITY]
    )
    if not ok:
        return None
    reduced = encoded.tobytes()
    return reduced if len(reduced) < len(data) else None
