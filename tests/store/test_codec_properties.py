"""Properties of the sealed-value layouts: faces round-trip exactly; anything else is refused."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faceaudit.faces.types import Face
from faceaudit.store import InvalidSourceError, TamperedDataError, normalise_source
from faceaudit.store.codec import pack_faces, unpack_faces
from faceaudit.store.crypto import Sealer

coordinate = st.floats(min_value=-1e5, max_value=1e5, allow_nan=False, width=32)


@st.composite
def faces(draw: st.DrawFn) -> Face:
    dim = draw(st.sampled_from([128, 512]))
    seed = draw(st.integers(0, 2**32 - 1))
    embedding = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return Face(
        bbox=tuple(draw(coordinate) for _ in range(4)),  # type: ignore[arg-type]
        landmarks=tuple((draw(coordinate), draw(coordinate)) for _ in range(5)),
        det_score=draw(st.floats(0, 1)),
        embedding=embedding,
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(faces(), max_size=4), st.booleans())
def test_faces_round_trip_exactly(original: list[Face], with_extra: bool) -> None:
    extra = original[0].embedding * 0.5 if with_extra and original else None
    restored, restored_extra = unpack_faces(pack_faces(original, extra=extra))
    assert len(restored) == len(original)
    for a, b in zip(original, restored, strict=True):
        assert a.bbox == b.bbox and a.landmarks == b.landmarks and a.det_score == b.det_score
        assert np.array_equal(a.embedding, b.embedding)
    if extra is None:
        assert restored_extra is None
    else:
        assert restored_extra is not None and np.array_equal(restored_extra, extra)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_malformed_layouts_raise_value_errors_only(data: bytes) -> None:
    # The case turns ValueError into TamperedDataError; nothing else may escape.
    with contextlib.suppress(ValueError):
        unpack_faces(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.text(max_size=20), st.text(max_size=20))
def test_sealed_values_open_only_in_their_own_cell(data: bytes, table: str, row: str) -> None:
    sealer = Sealer("case-a", b"k" * 32)
    blob = sealer.seal(data, table, "c", row)
    assert sealer.open(blob, table, "c", row) == data
    with pytest.raises(TamperedDataError):
        sealer.open(blob, table, "c", row + "x")
    with pytest.raises(TamperedDataError):
        Sealer("case-b", b"k" * 32).open(blob, table, "c", row)
    with pytest.raises(TamperedDataError):
        sealer.open(blob[:-1], table, "c", row)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_is_a_source_or_a_clear_refusal(text: str) -> None:
    try:
        result = normalise_source(text)
    except InvalidSourceError as error:
        assert error.what and error.todo
    else:
        assert result.lower().startswith(("http://", "https://")) or Path(result).is_absolute()
