"""Render mode: loopback pages whose images appear only once scripts run, in a real QtWebEngine.

One collection renders all the scripted pages (one renderer process, a fresh profile per
source); the plain collection of the same pages finds none of the scripted images. The
never-settling page has a run of its own with a short deadline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect.render import Renderer

if TYPE_CHECKING:
    from .conftest import RunCollect, Site

pytest.importorskip("PySide6.QtWebEngineCore", reason="render mode needs the PySide6 add-ons")

INSERTED = """<html><body><h1>News</h1><img src="/static.jpg">
<script>
  alert("subscribe!"); window.open("/popup.html"); confirm("cookies?");
  setTimeout(() => {
    const img = document.createElement("img"); img.src = "/inserted.jpg";
    document.body.appendChild(img);
  }, 200);
</script></body></html>"""

LAZY = """<html><body><div style="height: 4000px">top</div>
<img class="later" data-faceaudit="/lazy-1.jpg" width="300" height="200">
<div style="height: 3000px"></div>
<img class="later" data-faceaudit="/lazy-2.jpg" width="300" height="200">
<script>
  const seen = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) {
      entry.target.src = entry.target.dataset.faceaudit; seen.unobserve(entry.target);
    }
  });
  document.querySelectorAll("img.later").forEach((img) => seen.observe(img));
</script></body></html>"""

FEED = """<html><body><div id="feed"></div><div id="end" style="height: 10px"></div>
<script>
  let batch = 0, busy = false;
  async function more() {
    if (busy || batch >= 3) return;
    busy = true; batch += 1;
    const urls = await (await fetch("/feed/" + batch + ".json")).json();
    for (const url of urls) {
      const tile = document.createElement("div"); tile.style.height = "900px";
      tile.style.backgroundImage = "url(" + url + ")"; feed.appendChild(tile);
    }
    busy = false;
  }
  new IntersectionObserver((entries) => { if (entries[0].isIntersecting) more(); })
    .observe(document.getElementById("end"));
</script></body></html>"""

GALLERY = """<html><body><button id="open">Open the gallery</button><div id="g"></div>
<script>
  document.getElementById("open").onclick = () => {
    const img = document.createElement("img"); img.src = "/gallery.jpg"; g.appendChild(img);
  };
</script></body></html>"""

ENDLESS = """<html><body><img src="/first.jpg"><script>
  let k = 0;
  setInterval(() => { fetch("/tick?" + (k++)); }, 100);
</script></body></html>"""


def _serve(site: Site, make_image: Callable[..., bytes], paths: list[str]) -> None:
    for index, path in enumerate(paths):
        site.static(path, make_image((index * 40 % 256, 80, 200 - index * 20)), "image/jpeg")


def _found(result: object) -> set[str]:
    by_url = result.by_url()  # type: ignore[attr-defined]
    return {url.split(":", 2)[2].split("/", 1)[1] for url in by_url}


@pytest.fixture
def scripted(site: Site, make_image: Callable[..., bytes], other_site: Site) -> list[str]:
    images = ["/static.jpg", "/inserted.jpg", "/lazy-1.jpg", "/lazy-2.jpg", "/gallery.jpg"]
    images += [f"/feed/{batch}-{tile}.jpg" for batch in (1, 2, 3) for tile in (1, 2)]
    _serve(site, make_image, images)
    for batch in (1, 2, 3):
        urls = [f"/feed/{batch}-{tile}.jpg" for tile in (1, 2)]
        site.static(f"/feed/{batch}.json", json.dumps(urls).encode(), "application/json")
    other_site.static("/router.jpg", make_image((1, 1, 1)), "image/jpeg")
    snoop = f"""<html><body><script>
      const img = document.createElement("img"); img.src = "{other_site.url("/router.jpg")}";
      document.body.appendChild(img);</script></body></html>"""
    return [
        site.static("/inserted.html", INSERTED.encode()),
        site.static("/lazy.html", LAZY.encode()),
        site.static("/feed.html", FEED.encode()),
        site.static("/gallery.html", GALLERY.encode()),
        site.static("/snoop.html", snoop.encode()),
    ]


SCRIPTED_IMAGES = {
    "inserted.jpg",
    "lazy-1.jpg",
    "lazy-2.jpg",
    *{f"feed/{batch}-{tile}.jpg" for batch in (1, 2, 3) for tile in (1, 2)},
}


def test_render_mode_finds_what_scripts_show_and_plain_mode_does_not(
    site: Site, other_site: Site, run: RunCollect, scripted: list[str]
) -> None:
    plain = run(scripted)
    assert _found(plain) == {"static.jpg"}

    rendered = run(scripted, render=True, render_deadline=25.0)

    found = _found(rendered)
    assert found >= SCRIPTED_IMAGES | {"static.jpg"}, rendered.errors
    # A gallery that opens on a click is out of reach: the renderer scrolls, it never clicks.
    assert "gallery.jpg" not in found
    ways = {
        c.provenance.image_url.rsplit("/", 1)[1]: c.provenance.found_by for c in rendered.candidates
    }
    assert ways["inserted.jpg"] == "rendered:img"
    assert ways["1-1.jpg"] == "rendered:css"
    assert ways["static.jpg"] == "img"  # the HTML placed it: its static provenance is kept
    # The page on 127.0.0.1 could not make the browser reach 127.0.0.2.
    assert other_site.paths_hit() == []
    snoop = [error.error for error in rendered.errors if error.url.endswith("/snoop.html")]
    assert any("own network" in text and "127.0.0.2" in text for text in snoop), snoop
    # Alerts, confirms and pop-ups never held a page up, and opened nothing.
    assert "/popup.html" not in site.paths_hit()


def test_a_source_never_sees_the_cookies_of_another(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    _serve(site, make_image, ["/check.jpg"])
    setter = site.static(
        "/login.html",
        b"<html><body>logged in</body></html>",
        headers={"Set-Cookie": "session=secret; Path=/"},
    )
    checker = site.static(
        "/check.html",
        b"<html><body><script>const i = new Image(); i.src = '/check.jpg';"
        b"document.body.appendChild(i);</script></body></html>",
    )

    result = run([setter, checker], render=True, render_deadline=20.0)

    assert "check.jpg" in _found(result), result.errors
    checks = [hit for hit in site.hits if hit.path == "/check.jpg"]
    assert checks and all("cookie" not in hit.headers for hit in checks)
    assert any("Chrome" in hit.headers.get("user-agent", "") for hit in checks)  # the browser's


def test_a_page_that_never_settles_ends_at_its_deadline_with_a_clear_error(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    _serve(site, make_image, ["/first.jpg"])
    site.static("/tick", b"{}", "application/json")
    page = site.static("/endless.html", ENDLESS.encode())

    result = run([page], render=True, render_deadline=3.0)

    assert "still loading after 3 s" in result.error_for(page)
    assert _found(result) == {"first.jpg"}
    assert result.stats is not None and result.stats.seconds < 25


def test_without_the_add_ons_render_mode_says_how_to_get_them(tmp_path: Path) -> None:
    """A child Python where importing QtWebEngine fails, as on an install without the add-ons:
    the renderer says what to install, and the renderer process never starts Chromium."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        textwrap.dedent(
            """
            import sys

            class _NoWebEngine:
                def find_spec(self, name, path=None, target=None):
                    if name.startswith(("PySide6.QtWebEngine",)):
                        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
                    return None

            sys.meta_path.insert(0, _NoWebEngine())
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocker), *sys.path])}
    script = textwrap.dedent(
        """
        from faceaudit.collect.render import Renderer, RenderUnavailable
        try:
            Renderer().start()
        except RenderUnavailable as error:
            print("UNAVAILABLE", error.what, error.todo)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert "UNAVAILABLE" in done.stdout, done.stderr
    assert "QtWebEngine" in done.stdout and ".[browser]" in done.stdout


def test_the_renderer_is_killed_over_its_memory_cap(site: Site) -> None:
    page = site.static("/page.html", b"<html><body>hello</body></html>")
    from faceaudit.collect.netguard import AddressPolicy
    from faceaudit.collect.render import RenderError

    with Renderer(memory_limit=20 * 1024 * 1024) as renderer, pytest.raises(RenderError) as raised:
        renderer.start()
        renderer.render(page, AddressPolicy.for_listed_host("127.0.0.1", site.port))
    assert "more than 20 MB" in raised.value.what
