"""A server that never answers costs a bounded time: a per-source deadline and a per-host
failure budget (issue 16, item 3); sources of one run finish one by one."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit.collect import Collector, CollectStats

from .conftest import fast_settings, send

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at the end of a test, so the never-answering handlers end with it."""
    event = threading.Event()
    yield event
    event.set()


def _never_answers(release: threading.Event) -> Callable[[BaseHTTPRequestHandler], None]:
    def handler(request: BaseHTTPRequestHandler) -> None:
        release.wait(30)

    return handler


def _gallery(site: Site, count: int, prefix: str = "") -> str:
    body = "".join(f'<img src="/{prefix}slow/{index}.jpg">' for index in range(count))
    return site.static(f"/{prefix}gallery.html", f"<html><body>{body}</body></html>".encode())


def test_a_host_that_never_answers_costs_a_few_timeouts_not_one_per_image(
    site: Site, run: RunCollect, release: threading.Event
) -> None:
    site.routes.update({f"/slow/{index}.jpg": _never_answers(release) for index in range(40)})
    page = _gallery(site, 40)
    started = time.monotonic()
    result = run([page], read_timeout=0.5, deadline=5.0, per_host=2, host_failure_budget=3)
    elapsed = time.monotonic() - started

    assert elapsed < 6  # 40 images x 0.5 s, 2 at a time, would be 10 s or more
    assert len(result.errors) == 40  # every image is reported, none silently lost
    timed_out = [error for error in result.errors if "stopped sending data" in error.error]
    given_up = [error for error in result.errors if "stopped asking it" in error.error]
    assert 3 <= len(timed_out) <= 4  # the budget, plus the request already in flight
    assert len(given_up) == 40 - len(timed_out)
    assert all("did not answer in time" in error.error for error in given_up)
    assert len(site.paths_hit()) < 8


def test_a_source_stops_at_its_total_time_limit(
    site: Site, run: RunCollect, release: threading.Event, make_image: Callable[..., bytes]
) -> None:
    def slow_image(request: BaseHTTPRequestHandler) -> None:
        time.sleep(0.3)
        send(request, make_image((9, 9, 9)), "image/jpeg")

    site.routes.update({f"/slow/{index}.jpg": slow_image for index in range(30)})
    page = _gallery(site, 30)
    started = time.monotonic()
    result = run([page], per_host=1, concurrency=1, source_deadline=1.5)
    elapsed = time.monotonic() - started

    assert elapsed < 3
    fetched = result.candidates  # one per image fetched (repeats of the same bytes too)
    limited = [error for error in result.errors if "total time limit" in error.error]
    assert 2 <= len(fetched) <= 6
    assert len(fetched) + len(limited) == 30  # the rest is reported, with the reason


def test_an_answer_cut_by_the_time_limit_says_so(
    site: Site, run: RunCollect, release: threading.Event
) -> None:
    site.routes["/slow/0.jpg"] = _never_answers(release)
    page = _gallery(site, 1)
    result = run([page], read_timeout=10.0, deadline=10.0, source_deadline=1.0)
    assert "total time limit ran out" in result.error_for(page.rsplit("/", 1)[0] + "/slow/0.jpg")


def test_sources_of_one_run_share_the_workers_and_finish_one_by_one(
    site: Site, other_port: Site, cache_dir: Path, make_image: Callable[..., bytes]
) -> None:
    for number, server in enumerate((site, other_port)):
        for index in range(6):
            color = (index * 40, 20 + number * 100, 90)
            server.static(f"/a/{index}.jpg", make_image(color), "image/jpeg")
    slow_page = "".join(f'<img src="/a/{index}.jpg">' for index in range(6))

    def slow(request: BaseHTTPRequestHandler) -> None:
        time.sleep(1.0)
        send(request, slow_page.encode())

    site.add("/slow.html", slow)
    quick = other_port.static("/quick.html", slow_page.encode())
    done: list[tuple[str, CollectStats, float]] = []
    started = time.monotonic()
    collector = Collector(fast_settings(concurrency=4), cache_dir)
    stats = collector.collect(
        [site.url("/slow.html"), quick, "not a url at all"],
        on_candidate=lambda candidate: None,
        on_error=lambda error: None,
        on_source_done=lambda source, counts: done.append(
            (source, counts, time.monotonic() - started)
        ),
    )
    order = [source for source, _counts, _at in done]
    assert set(order) == {site.url("/slow.html"), quick, "not a url at all"}
    assert order.index(quick) < order.index(site.url("/slow.html"))  # not held by the slow one
    by_source = {source: counts for source, counts, _at in done}
    assert by_source[quick].images + by_source[quick].repeats == 6
    assert by_source[site.url("/slow.html")].images == 6
    assert by_source[quick].pages == 1
    assert stats.images == 12 and stats.pages == 2
