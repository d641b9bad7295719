"""Deeply nested JSON (issue 15, item 6): refused as malformed, never a RecursionError."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faceaudit import boundedjson
from faceaudit.letters.directory import Directory, DirectoryError, import_datarequests

GOOD_RECORD = {
    "slug": "good-co",
    "name": "Good Co",
    "relevant-countries": ["de"],
    "address": "A\nB",
    "email": "privacy@good.example",
    "web": "https://www.good.example",
    "sources": [],
    "quality": "verified",
}


def test_depth_is_counted_outside_strings_only() -> None:
    assert not boundedjson.too_deep('{"a": "[[[[[[[[[[[[[["}', max_depth=2)
    assert not boundedjson.too_deep(r'["\"[[[[[[[", "\\"]', max_depth=1)
    assert boundedjson.too_deep("[[[]]]", max_depth=2)
    assert not boundedjson.too_deep("[[[]]]", max_depth=3)
    with pytest.raises(boundedjson.JSONTooDeepError):
        boundedjson.loads("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError):
        boundedjson.loads("[" * 100_000)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=20,
)


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@given(json_values)
def test_the_counted_depth_is_the_real_depth(value: object) -> None:
    text = json.dumps(value)
    depth = _depth(value)
    assert not boundedjson.too_deep(text, max_depth=depth)
    assert boundedjson.too_deep(text, max_depth=depth - 1) == (depth > 0)
    assert boundedjson.loads(text, max_depth=depth) == value


def test_a_deeply_nested_record_is_skipped_on_import(tmp_path: Path) -> None:
    source = tmp_path / "data"
    (source / "companies").mkdir(parents=True)
    (source / "companies" / "good.json").write_text(json.dumps(GOOD_RECORD))
    (source / "companies" / "deep.json").write_text("[" * 100_000 + "]" * 100_000)  # < 256 KiB
    shallow_but_sneaky = {
        **GOOD_RECORD,
        "slug": "sneaky",
        "sources": [[[[[[[[[[[[[["x"]]]]]]]]]]]]]],
    }
    nested = shallow_but_sneaky["sources"]
    for _ in range(900):  # parses under the recursion limit, breaks whatever walks it
        nested = [nested]
    shallow_but_sneaky["sources"] = nested
    (source / "companies" / "sneaky.json").write_text(json.dumps(shallow_but_sneaky))
    report = import_datarequests(source, tmp_path / "ops")
    assert report.controllers == 1
    assert sorted(report.skipped) == ["companies/deep.json", "companies/sneaky.json"]


def test_a_corrupt_imported_layer_is_a_message(tmp_path: Path) -> None:
    source = tmp_path / "data"
    (source / "companies").mkdir(parents=True)
    (source / "companies" / "good.json").write_text(json.dumps(GOOD_RECORD))
    report = import_datarequests(source, tmp_path / "ops")
    report.stored_at.write_text('{"operators": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(DirectoryError, match="cannot be read") as caught:
        Directory.load(tmp_path / "ops")
    assert "nested more than" in caught.value.what
    assert "import or add the operators again" in caught.value.todo
