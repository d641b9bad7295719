"""Byte layouts of the values sealed in a case: faces with their embeddings, the person."""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from typing import Any

import numpy as np

from faceaudit.faces.types import Face

_HEADER = struct.Struct(">I")  # length of the JSON part that precedes the float32 arrays
_MAX_DIM = 4096


def pack_faces(faces: Sequence[Face], extra: np.ndarray | None = None) -> bytes:
    """Faces (and optionally one extra embedding, e.g. a Reference's) as JSON + raw float32."""
    arrays = [np.asarray(face.embedding, dtype="<f4").ravel() for face in faces]
    header: dict[str, Any] = {
        "faces": [
            {
                "bbox": [float(v) for v in face.bbox],
                "landmarks": [[float(x), float(y)] for x, y in face.landmarks],
                "det_score": float(face.det_score),
                "dim": int(array.size),
            }
            for face, array in zip(faces, arrays, strict=True)
        ],
        "extra_dim": None,
    }
    if extra is not None:
        extra_array = np.asarray(extra, dtype="<f4").ravel()
        header["extra_dim"] = int(extra_array.size)
        arrays.append(extra_array)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    return _HEADER.pack(len(encoded)) + encoded + b"".join(a.tobytes() for a in arrays)


def unpack_faces(data: bytes) -> tuple[list[Face], np.ndarray | None]:
    """The inverse of :func:`pack_faces`; raises ValueError (only) on a malformed value."""
    try:
        return _unpack_faces(data)
    except (struct.error, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ValueError(f"malformed face value: {error}") from error


def _unpack_faces(data: bytes) -> tuple[list[Face], np.ndarray | None]:
    (length,) = _HEADER.unpack_from(data)
    header = json.loads(data[_HEADER.size : _HEADER.size + length].decode("utf-8"))
    offset = _HEADER.size + length
    faces: list[Face] = []
    for entry in header["faces"]:
        embedding, offset = _take(data, offset, int(entry["dim"]))
        faces.append(
            Face(
                bbox=tuple(float(v) for v in entry["bbox"]),  # type: ignore[arg-type]
                landmarks=tuple((float(x), float(y)) for x, y in entry["landmarks"]),
                det_score=float(entry["det_score"]),
                embedding=embedding,
            )
        )
    extra = None
    if header.get("extra_dim") is not None:
        extra, offset = _take(data, offset, int(header["extra_dim"]))
    if offset != len(data):
        raise ValueError("trailing bytes after the face arrays")
    return faces, extra


def _take(data: bytes, offset: int, dim: int) -> tuple[np.ndarray, int]:
    if not 0 < dim <= _MAX_DIM or offset + 4 * dim > len(data):
        raise ValueError("embedding does not fit the value")
    array = np.frombuffer(data, dtype="<f4", count=dim, offset=offset).astype(np.float32)
    return array, offset + 4 * dim
