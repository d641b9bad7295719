"""Turning untrusted image bytes into pixels, carefully.

Every image FaceAudit looks at came from somewhere it does not control, so decoding is
guarded: the format is sniffed from the bytes (never taken from a file name or a
Content-Type), only a short list of decoders is allowed, and the pixel count is read from
the header and checked *before* any pixel is decoded, which stops decompression bombs.
Whatever is decoded ends up as an 8-bit BGR array (what OpenCV and the face models use),
with EXIF orientation applied and alpha flattened onto white.

Crash containment (a decoder that segfaults) is the caller's business: the scan runs this
module inside worker processes; see ``faceaudit.collect.sandbox``.
"""

from __future__ import annotations

import contextlib
import io
import struct
import threading
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError, features

from faceaudit.errors import ImageError, coded
from faceaudit.localfiles import read_capped

# 40 megapixels is more than any camera photo published on a web page (a 24 MP photo is
# 6000x4000) and about 120 MB of BGR pixels once decoded: a safe ceiling for a desktop.
MAX_PIXELS = 40_000_000
# Files larger than this are not photos anyone publishes; refused before reading them whole.
MAX_FILE_BYTES = 64 * 1024 * 1024

# Magic bytes -> format name, as Pillow names the decoder.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"GIF87a", 0, "GIF"),
    (b"GIF89a", 0, "GIF"),
    (b"BM", 0, "BMP"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
)
# AVIF goes through Pillow's own AVIF plugin (libavif, bundled in Pillow's wheels since 11.2):
# no extra decoder library, the same header-first pixel check. HEIC is recognised only to be
# refused by name: decoding it needs libheif (pillow-heif), one more native decoder with CVEs,
# for a format no browser but Safari shows on web pages (docs/ARCHITECTURE.md).
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", "AVIF")
REFUSED_FORMATS = ("HEIC",)  # recognised, to be refused by name
MIME_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "BMP": "image/bmp",
    "TIFF": "image/tiff",
    "AVIF": "image/avif",
    "HEIC": "image/heic",
}
# ISO base media file brands (the ``ftyp`` box) that mark still images rather than videos.
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"heif"}
)
# Pillow's own bomb check warns from 89 MP and fails from 179 MP, both while opening. Ours,
# in probe(), is stricter and turns every case into one clear ImageError, so Pillow's is
# switched off: every untrusted image in FaceAudit is opened through this module.
Image.MAX_IMAGE_PIXELS = None

EXTENSIONS = {
    "JPEG": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "GIF": ".gif",
    "BMP": ".bmp",
    "TIFF": ".tif",
    "AVIF": ".avif",
    "HEIC": ".heic",
}


def sniff_format(data: bytes) -> str | None:
    """The image format the bytes really are (by magic bytes), or None if not an allowed image."""
    for magic, offset, name in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            return name
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return _heif_family(data)


def _heif_family(data: bytes) -> str | None:
    """AVIF or HEIC from an ISO-BMFF ``ftyp`` box's major and compatible brands, else None."""
    if data[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(data[:4], "big")
    end = min(len(data), box_size if box_size >= 16 else 16)
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, end - 3, 4)}
    if data[8:12] in _AVIF_BRANDS or (brands & _AVIF_BRANDS and not brands & _HEIF_BRANDS):
        return "AVIF"
    if brands & _HEIF_BRANDS:
        return "HEIC"
    return None


def refuse_unsupported(fmt: str) -> None:
    """Raise the ImageError naming a recognised format FaceAudit does not decode."""
    if fmt == "HEIC":
        raise coded(
            ImageError(
                "This is a HEIC/HEIF image (the format iPhones save photos in), which FaceAudit "
                "does not decode.",
                "Convert it to JPEG (most photo apps can export a JPEG copy) and use that copy.",
            ),
            "image-heic",
        )
    if fmt == "AVIF" and not features.check("avif"):
        raise coded(
            ImageError(
                "This is an AVIF image, and the installed Pillow has no AVIF decoder.",
                "Update Pillow (`pip install -U pillow`), or convert the picture to JPEG.",
            ),
            "image-avif",
        )


# What Pillow's plugins raise on corrupt headers and frames (counting frames walks every
# frame header); found by tests/collect/test_imaging_fuzz.py.
_CORRUPT_FILE_ERRORS = (
    OSError,
    SyntaxError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    struct.error,
)


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int
    frames: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


_EXIF_WARNINGS = threading.Lock()  # catch_warnings swaps process-wide state


@contextlib.contextmanager
def _quiet_exif() -> Iterator[None]:
    """Pillow reports damaged EXIF blocks (common in photos edited by phones and web tools)
    with a warning printed on stderr; the pixels are fine and only the orientation is
    read from it, so the warning is kept from the person's terminal."""
    with _EXIF_WARNINGS, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def _open(data: bytes) -> tuple[Image.Image, str]:
    fmt = sniff_format(data)
    if fmt is None:
        raise coded(
            ImageError(
                "This is not an image FaceAudit can read "
                "(not JPEG, PNG, WebP, GIF, BMP, TIFF or AVIF).",
                "Check that the file or URL really points to a picture.",
            ),
            "image-not-image",
        )
    refuse_unsupported(fmt)
    try:
        # Restricting the decoders keeps Pillow's rarely used (and CVE-prone) formats shut.
        with _quiet_exif():  # JPEG's opener reads the EXIF block (for the dpi)
            image = Image.open(io.BytesIO(data), formats=[fmt])
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise coded(
            ImageError(
                f"The {fmt} image is corrupt or truncated ({error}).",
                "Try another copy of the picture.",
            ),
            "image-corrupt",
            format=fmt,
        ) from error
    return image, fmt


def probe(data: bytes) -> ImageInfo:
    """Read the header only: format, size and frame count. Refuses images over MAX_PIXELS."""
    image, fmt = _open(data)
    try:
        with image:
            width, height = image.size
            frames = int(getattr(image, "n_frames", 1) or 1)
    except _CORRUPT_FILE_ERRORS as error:
        raise coded(
            ImageError(
                f"The {fmt} image is corrupt or truncated ({error}).",
                "Try another copy of the picture.",
            ),
            "image-corrupt",
            format=fmt,
        ) from error
    info = ImageInfo(fmt, width, height, frames)
    if width <= 0 or height <= 0:
        raise ImageError(f"The {fmt} image claims an empty size ({width}x{height}).", "")
    if info.pixels > MAX_PIXELS:
        raise coded(
            ImageError(
                f"The {fmt} image claims {width}x{height} pixels "
                f"({info.pixels / 1e6:.0f} MP, over the {MAX_PIXELS // 1_000_000} MP limit); "
                "it was not decoded.",
                "Such sizes are used to exhaust memory; if the picture is real, scale it "
                "down first.",
            ),
            "image-too-many-pixels",
            format=fmt,
            width=width,
            height=height,
            megapixels=f"{info.pixels / 1e6:.0f}",
            limit=MAX_PIXELS // 1_000_000,
        )
    return info


def _to_rgb8(image: Image.Image) -> Image.Image:
    """Any mode (16-bit, float, greyscale, palette, CMYK, with alpha) to 8-bit RGB."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        array = np.asarray(image, dtype=np.float64)
        low, high = float(array.min()), float(array.max())
        if mode.startswith("I;16"):
            low, high = 0.0, 65535.0
        scale = 255.0 / (high - low) if high > low else 0.0
        grey = np.clip((array - low) * scale, 0, 255).astype(np.uint8)
        return Image.fromarray(grey, mode="L").convert("RGB")
    if mode == "P" and "transparency" in image.info:
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    if mode != "RGB":
        return image.convert("RGB")
    return image


# EXIF orientation -> the transpose that shows the picture upright (as ImageOps.exif_transpose).
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation, 1 (as stored) when absent or unreadable."""
    with _quiet_exif():
        try:
            value = image.getexif().get(0x0112, 1)
        except Exception:  # any damage in the EXIF block means "as stored"
            return 1
    return value if isinstance(value, int) else 1


def _oriented(image: Image.Image) -> Image.Image:
    method = _UPRIGHT.get(_orientation(image))
    return image.transpose(method) if method is not None else image


# Rows handed over at a time: a 40 MP photo is about 120 MB as one block of bytes, 5 MB as
# a band of 256 rows; Pillow keeps 4 bytes a pixel of its own meanwhile.
BAND_ROWS = 256


@dataclass(frozen=True)
class Decoded:
    """A decoded first frame in Pillow's RGB form, handed out in bands of rows."""

    image: Image.Image

    @property
    def shape(self) -> tuple[int, int, int]:
        width, height = self.image.size
        return height, width, 3

    def bands(self) -> Iterator[bytes]:
        """RGB bytes, ``BAND_ROWS`` rows at a time: never a second copy of the whole image."""
        width, height = self.image.size
        for top in range(0, height, BAND_ROWS):
            with self.image.crop((0, top, width, min(height, top + BAND_ROWS))) as band:
                yield band.tobytes()


def decode_rgb(data: bytes) -> Decoded:
    """Decode the first frame (orientation applied, 8-bit RGB) without turning it into an
    array yet: :func:`decode`, or a decoder process sending it in bands, does that."""
    info = probe(data)
    image, fmt = _open(data)
    try:
        if info.frames > 1:
            image.seek(0)
        image.load()
        oriented = _oriented(image)
        rgb = _to_rgb8(oriented)
    except (*_CORRUPT_FILE_ERRORS, MemoryError, Image.DecompressionBombError) as error:
        image.close()
        raise coded(
            ImageError(
                f"The {fmt} image could not be decoded: it is corrupt or truncated ({error}).",
                "Try another copy of the picture.",
            ),
            "image-corrupt",
            format=fmt,
        ) from error
    # Each intermediate image is closed as soon as it is not the result: at most one more
    # copy of the pixels lives at a time.
    for step in (image, oriented):
        if step is not rgb:
            step.close()
    return Decoded(rgb)


def bgr_from_bands(shape: tuple[int, int, int], bands: Iterable[bytes]) -> np.ndarray:
    """The BGR array of an image given as RGB bands: one array, filled and swapped in place."""
    array = np.empty(shape, dtype=np.uint8)
    flat = array.reshape(-1)
    offset = 0
    for band in bands:
        flat[offset : offset + len(band)] = np.frombuffer(band, dtype=np.uint8)
        offset += len(band)
    if offset != flat.size:
        raise ImageError("The decoded image is incomplete.", "Try another copy of the picture.")
    return rgb_to_bgr_in_place(array)


def rgb_to_bgr_in_place(array: np.ndarray) -> np.ndarray:
    """Swap the red and blue channels of an (h, w, 3) array in place, a band at a time
    (OpenCV is imported here, not by the decoder processes that import this module)."""
    import cv2

    for top in range(0, array.shape[0], BAND_ROWS):
        band = array[top : top + BAND_ROWS]
        cv2.cvtColor(band, cv2.COLOR_RGB2BGR, dst=band)
    return array


def decode(data: bytes) -> np.ndarray:
    """Decode the first frame of an image into an 8-bit BGR array, orientation applied."""
    decoded = decode_rgb(data)
    with decoded.image:
        return bgr_from_bands(decoded.shape, decoded.bands())


def read_image_file(path: str | Path) -> bytes:
    """Read a local image file with a size cap; errors name the file and say what to do.

    Only a regular file is read: a device (``/dev/zero``), a named pipe or a socket is
    refused before it is opened (see :mod:`faceaudit.localfiles`).
    """
    return read_capped(
        Path(path),
        MAX_FILE_BYTES,
        role="image",
        error=ImageError,
        too_large_todo="Use a smaller copy of the picture.",
    )


def load_image(path: str | Path) -> np.ndarray:
    """Read and decode a local image file into BGR pixels."""
    try:
        return decode(read_image_file(path))
    except ImageError as error:
        if str(path) in error.what:
            raise
        named = ImageError(f"{path}: {error.what}", error.todo)
        raise coded(named, error.code, **error.params, file=Path(path).name) from error
