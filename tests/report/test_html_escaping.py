"""The HTML report with hostile addresses and names: escaped, no live link but http(s)."""

from __future__ import annotations

import base64
import stat
from html.parser import HTMLParser
from pathlib import Path

from faceaudit.report import generate
from faceaudit.report.html import is_web_address

SITE = "http://127.0.0.1:8000"
HOSTILE_IMAGE = f'{SITE}/x"><script>alert(1)</script>.jpg'
HOSTILE_PAGE = f"javascript:alert(document.cookie)//{SITE}/"
HOSTILE_OPERATOR = "<img src=x onerror=alert(1)> & Co \u202egnp.exe"
HOSTILE_REASON = "<b>bold</b> then \x1b[2J, a terminal escape"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _hostile_report(case, builder, tmp_path: Path) -> tuple[Path, Tags, str]:
    team, down = f"{SITE}/team.html", "http://127.0.0.1:9/down.html"
    case.add_sources([team, down])
    builder.scan({team: [(HOSTILE_IMAGE, HOSTILE_PAGE, 1), (f"{SITE}/img/ok.jpg", team, 2)]})
    builder.fail(down, HOSTILE_REASON)
    builder.finish()
    case.review_many([row.id for row in case.findings()], "confirmed")
    builder.letter("access", HOSTILE_OPERATOR, (), sent_days_ago=3)
    made = generate(case, "html", tmp_path / "report.html", language="en")
    raw = made.path.read_text("utf-8")
    parser = Tags()
    parser.feed(raw)
    return made.path, parser, raw


def test_hostile_text_is_escaped_and_only_web_addresses_are_links(
    case, builder, tmp_path: Path
) -> None:
    path, parsed, raw = _hostile_report(case, builder, tmp_path)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "b" not in tags
    assert tags.count("img") == 2  # the two thumbnails, nothing the operator name brought
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        if tag == "a":
            assert (attrs["href"] or "").startswith(
                ("http://127.0.0.1:8000/", "http://127.0.0.1:9/")
            )
            assert attrs["rel"] == "noopener noreferrer nofollow"
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/jpeg;base64,")
            base64.b64decode((attrs["src"] or "").split(",", 1)[1], validate=True)
    assert "javascript:" not in "".join(str(a.get("href")) for t, a in parsed.tags if t == "a")
    text = "".join(parsed.text)
    # Shown as text, exactly, with the control and bidi characters made visible.
    assert HOSTILE_IMAGE in text
    assert HOSTILE_PAGE in text
    assert "<img src=x onerror=alert(1)> & Co \\u202egnp.exe" in text
    assert "<b>bold</b> then \\x1b[2J, a terminal escape" in text
    assert "\u202e" not in raw and "\x1b" not in raw
    # The page may load nothing from anywhere and run nothing.
    assert "default-src 'none'; img-src data:" in raw
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_hostile_text_in_the_pdf_is_text(case, builder, tmp_path: Path) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    _hostile_report(case, builder, tmp_path)
    made = generate(case, "pdf", tmp_path / "report.pdf", language="en")
    reader = PdfReader(BytesIO(made.path.read_bytes()))
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert "<img src=x onerror=alert(1)> & Co \\u202egnp.exe" in text
    assert "<b>bold</b> then \\x1b[2J" in text
    for page in reader.pages:
        assert "/Annots" not in page  # no link of any kind in the PDF


def test_which_addresses_may_be_links() -> None:
    assert is_web_address("https://example.org/a.jpg")
    assert is_web_address("http://127.0.0.1:8000/team.html")
    for url in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " https://example.org/",
        "data:text/html,<script>alert(1)</script>",
        "https://exa\u202emple.org/",
        "https:///no-host",
        "file:///etc/passwd",
        "/home/camille/photos",
    ):
        assert not is_web_address(url), url
