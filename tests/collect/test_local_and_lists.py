"""Local sources (file, folder, ZIP archive) and the person's URL lists."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect import InvalidURL, normalise_url, parse_url_file, parse_url_list
from faceaudit.collect import local as local_module
from faceaudit.collect.urls import url_key

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


def test_folder_is_walked_recursively_and_duplicates_are_repeats(
    tmp_path: Path, run: RunCollect, make_image: Callable[..., bytes], examples_dir: Path
) -> None:
    folder = tmp_path / "export"
    (folder / "2024" / "summer").mkdir(parents=True)
    one, two = make_image((1, 1, 1)), make_image((2, 2, 2), "PNG")
    (folder / "a.jpg").write_bytes(one)
    (folder / "b.png").write_bytes(two)
    (folder / "2024" / "summer" / "screenshot").write_bytes(two)  # no extension, same bytes
    (folder / "notes.txt").write_text("not a picture")
    (folder / "clip.mp4").write_bytes((examples_dir / "short_hamilton_clip.mp4").read_bytes())

    result = run([str(folder)], video_max_frames=3, video_scene_changes=False)

    images = {Path(c.provenance.image_url).name: c for c in result.candidates if c.data is not None}
    assert set(images) == {"a.jpg", "b.png"}
    assert images["a.jpg"].provenance.found_by == "local"
    assert images["a.jpg"].provenance.sha256 == hashlib.sha256(one).hexdigest()
    assert images["b.png"].provenance.content_type == "image/png"
    repeats = [c for c in result.candidates if c.repeat_of is not None]
    assert [Path(c.provenance.image_url).name for c in repeats] == ["screenshot"]
    frames = [c for c in result.candidates if c.frame is not None]
    assert [c.provenance.frame_time for c in frames] == pytest.approx([0.0, 1.001, 2.002])
    assert result.errors == []


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_archive_is_read_in_memory_with_caps(
    tmp_path: Path, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((3, 3, 3))
    archive = tmp_path / "takeout.zip"
    archive.write_bytes(
        _zip(
            {
                "Photos/me.jpg": photo,
                "Photos/readme.html": b"<html></html>",
                "bomb.png": b"\x89PNG\r\n\x1a\n" + b"\0" * (20 * 1024 * 1024),
                "inner.zip": _zip({"x.jpg": photo}),
            }
        )
    )
    before = set(tmp_path.rglob("*"))

    result = run([str(archive)])

    (candidate,) = [c for c in result.candidates if c.data is not None]
    assert candidate.provenance.image_url == f"{archive}!Photos/me.jpg"
    assert candidate.provenance.found_by == "archive"
    assert candidate.data == photo
    assert any("refused as a zip bomb" in error.error for error in result.errors)
    # Nothing was extracted next to the archive.
    assert {p for p in set(tmp_path.rglob("*")) - before if "http-cache" not in str(p)} == set()


def test_zip_with_too_many_members_or_huge_declared_size_is_refused(
    tmp_path: Path, run: RunCollect, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = tmp_path / "many.zip"
    many.write_bytes(_zip({f"{index}.txt": b"x" for index in range(30)}, zipfile.ZIP_STORED))
    monkeypatch.setattr(local_module, "MAX_ARCHIVE_MEMBERS", 20)
    monkeypatch.setattr(local_module, "MAX_ARCHIVE_TOTAL_BYTES", 1000)
    big = tmp_path / "big.zip"
    big.write_bytes(_zip({"a.bin": b"\0" * 5000}))

    result = run([str(many), str(big)])

    messages = " ".join(error.error for error in result.errors)
    assert "lists 30 files, over the 20 limit" in messages
    assert "would unpack to" in messages


def test_zip_member_lying_about_its_size_is_refused(
    tmp_path: Path, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    photo = make_image((4, 4, 4), size=(400, 300))
    data = bytearray(_zip({"me.jpg": photo}, zipfile.ZIP_STORED))
    # Rewrite the declared size in the central directory to claim a tiny file.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    archive = tmp_path / "liar.zip"
    archive.write_bytes(bytes(data))

    result = run([str(archive)])

    assert [c for c in result.candidates if c.data is not None] == []
    assert result.errors, "a lying archive member must be reported"


def test_missing_and_unreadable_local_sources(tmp_path: Path, run: RunCollect) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    result = run([str(tmp_path / "nope.jpg"), str(text)])
    messages = " ".join(error.error for error in result.errors)
    assert "does not exist" in messages
    assert "is not an image, a video or a ZIP archive" in messages


def test_url_list_from_pasted_text() -> None:
    text = """# my pages
    https://Example.com/about#team
    https://example.com:443/about

    example.org/photos  # bare host names read as https
    ftp://example.com/file
    not a url
    https://bücher.example/ü
    javascript:alert(1)
    http://user:secret@example.net/
    """
    parsed = parse_url_list(text)
    assert parsed.urls == [
        "https://example.com/about",
        "https://example.org/photos",
        "https://xn--bcher-kva.example/%C3%BC",
        "http://example.net/",
    ]
    assert parsed.duplicates == 1
    assert [(error.line, error.text) for error in parsed.errors] == [
        (6, "ftp://example.com/file"),
        (7, "not a url"),
        (9, "javascript:alert(1)"),
    ]
    assert "only http and https" in str(parsed.errors[0])


def test_url_list_from_csv_file(tmp_path: Path) -> None:
    listing = tmp_path / "pages.csv"
    listing.write_text(
        'url,note\n"https://a.example/x,y.jpg",team page\nhttps://b.example/,"about, me"\n,\n'
    )
    parsed = parse_url_file(listing)
    assert parsed.urls == ["https://a.example/x,y.jpg", "https://b.example/"]
    assert parsed.errors == []
    text_list = tmp_path / "pages.txt"
    text_list.write_bytes("https://c.example/caf\xe9\n".encode("latin-1"))
    assert parse_url_file(text_list).urls == ["https://c.example/caf%C3%A9"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTP://EXAMPLE.COM", "http://example.com/"),
        ("http://example.com:80/a/../b", "http://example.com/b"),
        ("https://example.com/a b?q=1 2", "https://example.com/a%20b?q=1%202"),
        # Escapes stay as written (RFC 3986 §6.2.2.2: only unreserved ones are equivalent).
        ("https://example.com/%7Euser", "https://example.com/%7Euser"),
        ("https://cdn.example/c_fill,w_80/x.jpg?resize=350%2C200", None),
        ("https://proxy.example/i?url=https%3A%2F%2Fa.example%2Fb%2Fc.jpg&amp;x=1", None),
        ("https://example.com/a%2fb/%2e%2e/c?q=a%2Bb", "https://example.com/c?q=a%2Bb"),
        ("https://Bücher.example/Straße", "https://xn--bcher-kva.example/Stra%C3%9Fe"),
        ("https://straße.example/", "https://xn--strae-oqa.example/"),
        ("http://0x7f.1/", "http://127.0.0.1/"),
        ("http://[::FFFF:1.2.3.4]:8080/", "http://[::ffff:102:304]:8080/"),
    ],
)
def test_normalise_url(raw: str, expected: str | None) -> None:
    assert normalise_url(raw) == (expected or raw)


def test_url_key_merges_only_equivalent_spellings() -> None:
    assert url_key(normalise_url("https://a.example/%7Euser/%c3%a9")) == (
        "https://a.example/~user/%C3%A9"
    )
    assert url_key("https://a.example/x%2Cy") != url_key("https://a.example/x,y")


@pytest.mark.parametrize(
    "raw", ["", "file:///etc/passwd", "http://", "http://a b.com/", "http://[::1/", "x" * 9000]
)
def test_normalise_url_refuses(raw: str) -> None:
    with pytest.raises(InvalidURL):
        normalise_url(raw)


def test_heic_in_folders_and_zips_is_reported_by_name_and_avif_is_an_image(
    tmp_path: Path, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    from PIL import Image

    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    avif = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 9, 9)).save(avif, format="AVIF", speed=10)
    folder = tmp_path / "phone"
    folder.mkdir()
    (folder / "IMG_0001.HEIC").write_bytes(heic)
    (folder / "web.avif").write_bytes(avif.getvalue())
    (folder / "export.zip").write_bytes(_zip({"IMG_0002.heic": heic}))

    result = run([str(folder)])

    images = [Path(c.provenance.image_url).name for c in result.candidates if c.data is not None]
    assert images == ["web.avif"]
    assert result.candidates[0].provenance.content_type == "image/avif"
    messages = sorted(error.error for error in result.errors)
    assert len(messages) == 2
    assert all("HEIC" in message and "JPEG" in message for message in messages)
    assert "IMG_0001.HEIC" in messages[0] + messages[1]
    assert "export.zip!IMG_0002.heic" in messages[0] + messages[1]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder; permissions cannot bite")
def test_unreadable_folder_source_is_reported(tmp_path: Path, run: RunCollect) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        result = run([str(folder)])
    finally:
        folder.chmod(0o700)
    assert result.candidates == []
    assert [e.error for e in result.errors if "cannot be read" in e.error]


def test_folder_too_deep_to_open_is_reported(tmp_path: Path, run: RunCollect) -> None:
    """A sub-folder whose path exceeds the system's limit cannot be listed (root or not)."""
    folder = tmp_path / "deep"
    folder.mkdir()
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(40):  # 40 x 120 characters: past PATH_MAX (4096)
            os.mkdir("d" * 120, dir_fd=descriptor)
            inner = os.open("d" * 120, os.O_RDONLY, dir_fd=descriptor)
            os.close(descriptor)
            descriptor = inner
    finally:
        os.close(descriptor)
    result = run([str(folder)])
    assert [e.error for e in result.errors if "cannot be read" in e.error]


def test_avif_and_heic_from_a_web_page_are_images_not_videos(site: Site, run: RunCollect) -> None:
    from PIL import Image

    avif = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 9, 9)).save(avif, format="AVIF", speed=10)
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    site.static("/a.avif", avif.getvalue(), "image/avif")
    site.static("/b.heic", heic, "image/heic")
    page = site.static("/", b'<html><img src="/a.avif"><img src="/b.heic"></html>')

    result = run([page])

    kinds = {
        Path(c.provenance.image_url).name: c.provenance.content_type for c in result.candidates
    }
    assert kinds == {"a.avif": "image/avif", "b.heic": "image/heic"}
    assert not [e for e in result.errors if "video" in e.error]
