"""Fuzzing the HTML extractor, srcset parsing and URL normalisation."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from faceaudit.collect.extract import MAX_IMAGES_PER_PAGE, extract_page, parse_srcset
from faceaudit.collect.urls import InvalidURL, normalise_url, parse_url_list

FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "200")), deadline=None)
PAGE = "https://example.com/dir/page.html"

tags = st.sampled_from(
    ["img", "source", "picture", "video", "a", "meta", "link", "style", "noscript", "base", "div"]
)
attributes = st.sampled_from(
    [
        "src",
        "srcset",
        "data-src",
        "data-srcset",
        "href",
        "content",
        "property",
        "rel",
        "poster",
        "style",
    ]
)
values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "a.jpg", "//cdn.example.com/b.png 2x, c.png 300w", "http://[::1", "javascript:x",
            "data:image/png;base64,iVBORw0KGgo=", "og:image", "image_src", "background:url(x.jpg)",
            "../../up.jpg", "https://other.example/x.webp", "file:///etc/passwd", "\x00",
        ]
    ),
)  # fmt: skip


@st.composite
def html_documents(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(tags)
        attrs = " ".join(
            f'{draw(attributes)}="{draw(values)}"' for _ in range(draw(st.integers(0, 3)))
        )
        parts.append(f"<{tag} {attrs}>{draw(st.text(max_size=10))}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    text = "".join(parts)
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="replace")


@FUZZ
@given(
    html_documents(),
    st.sampled_from([None, "text/html; charset=utf-8", "text/html; charset=bogus"]),
)
def test_extractor_never_fails_and_returns_safe_urls(html: bytes, content_type: str | None) -> None:
    contents = extract_page(html, PAGE, content_type)
    assert len(contents.images) <= MAX_IMAGES_PER_PAGE
    for placement in contents.images:
        assert placement.found_by
        if placement.data is None:
            assert placement.url.startswith(("http://", "https://"))
            assert normalise_url(placement.url) == placement.url  # already canonical
    for link in contents.links:
        assert link.startswith("https://example.com/")


@FUZZ
@given(st.binary(max_size=3000))
def test_extractor_survives_arbitrary_bytes(data: bytes) -> None:
    extract_page(data, PAGE)


@FUZZ
@given(st.text(max_size=200))
def test_srcset_parser_never_fails(value: str) -> None:
    for url, size in parse_srcset(value):
        assert url and not url.endswith(",")
        assert size == size  # not NaN


@FUZZ
@given(st.text(max_size=120), st.sampled_from([None, PAGE]))
def test_normalise_url_raises_only_invalid_url_and_is_idempotent(
    raw: str, base: str | None
) -> None:
    try:
        url = normalise_url(raw, base=base)
    except InvalidURL:
        return
    assert url.startswith(("http://", "https://"))
    assert normalise_url(url) == url


@FUZZ
@given(st.text(max_size=500))
def test_url_list_parser_accounts_for_every_line(text: str) -> None:
    parsed = parse_url_list(text)
    assert len(set(parsed.urls)) == len(parsed.urls)
    for error in parsed.errors:
        assert 1 <= error.line <= len(text.splitlines())


@FUZZ
@given(st.text(max_size=80))
def test_source_classification_never_fails(text: str) -> None:
    from faceaudit.collect.urls import is_web_url

    assert isinstance(is_web_url(text), bool)
    assert isinstance(is_web_url("http://[" + text), bool)
