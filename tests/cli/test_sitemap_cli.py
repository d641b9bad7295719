"""--sitemap on the command line: `collect`, `sources add` (saved with the source) and `scan`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from faceaudit.cli import main

from ..collect.conftest import Site, _bind_or_skip

PASSPHRASE = "sitemap cli passphrase 7"


@pytest.fixture
def site(person_photos: dict[str, list[Path]]) -> Iterator[Site]:
    server = _bind_or_skip("127.0.0.1")
    server.static("/", b"<p>the home page shows nobody</p>")
    server.static("/team/sam", b'<img src="/sam.jpg">')
    server.static("/sam.jpg", person_photos["obama"][1].read_bytes(), "image/jpeg")
    sitemap = f"<urlset><url><loc>{server.url('/team/sam')}</loc></url></urlset>"
    server.static("/sitemap.xml", sitemap.encode(), "application/xml")
    yield server
    server.close()


def test_collect_with_sitemap_lists_the_pages_of_the_sitemap(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["collect", "--no-cache", "--json", site.url("/")]) == 0
    assert capsys.readouterr().out == ""
    assert main(["collect", "--no-cache", "--json", "--sitemap", site.url("/")]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["image_url"], r["page_url"]) for r in records] == [
        (site.url("/sam.jpg"), site.url("/team/sam"))
    ]


@pytest.mark.models
def test_sources_add_saves_sitemap_and_scan_uses_it(
    site: Site,
    person_photos: dict[str, list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["case", "create", "sam"]) == 0
    assert main(["enroll", "--case", "sam", str(person_photos["obama"][0])]) == 0
    assert main(["sources", "add", "--case", "sam", "--sitemap", site.url("/")]) == 0
    capsys.readouterr()
    assert main(["sources", "list", "--case", "sam", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["sources"]
    assert listed[0]["settings"]["sitemap"] is True

    assert main(["scan", "--case", "sam", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "sam.jpg" in out  # found on a page only the sitemap lists

    assert main(["scan", "--case", "sam", "--quiet", "--no-sitemap"]) == 0
    capsys.readouterr()
    assert main(["sources", "list", "--case", "sam", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sources"][0]["settings"]["sitemap"] is False
