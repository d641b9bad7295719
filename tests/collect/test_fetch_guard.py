"""The guarded fetcher on its own: connection-level address checks, politeness."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from faceaudit import __version__
from faceaudit.collect.fetch import Fetcher, FetchError, FetchLimits
from faceaudit.collect.netguard import AddressPolicy, is_public, parse_ip

from .conftest import send

if TYPE_CHECKING:
    from .conftest import RunCollect, Site


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.2", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("::1", False),
        ("fd00::1", False),  # ULA
        ("fe80::1", False),
        ("::ffff:192.168.0.1", False),  # IPv4-mapped
        ("2002:c0a8:0101::1", False),  # 6to4 of 192.168.1.1
        ("224.0.0.1", False),
    ],
)
def test_public_address_classification(address: str, public: bool) -> None:
    assert is_public(parse_ip(address)) is public


def test_a_pooled_connection_is_rechecked_for_each_source(
    site: Site, make_image: Callable[..., bytes]
) -> None:
    url = site.static("/a.jpg", make_image((1, 2, 3)), "image/jpeg")
    listed = AddressPolicy.for_listed_host("127.0.0.1")
    fetcher = Fetcher(FetchLimits(use_env_proxy=False))
    try:
        assert fetcher.get(url, listed).kind == "image"
        # Same session, same pooled keep-alive connection, but a source that did not list it.
        with pytest.raises(FetchError, match="private or local network address"):
            fetcher.get(url, AddressPolicy())
    finally:
        fetcher.close()
    assert len(site.hits) == 1
    assert site.hits[0].headers["user-agent"].startswith(f"FaceAudit/{__version__} ")


def test_requests_per_host_stay_within_the_limit(
    site: Site, run: RunCollect, make_image: Callable[..., bytes]
) -> None:
    active = 0
    peak = 0
    lock = threading.Lock()

    def slow_image(index: int) -> Callable[[BaseHTTPRequestHandler], None]:
        body = make_image((index * 20, 255 - index * 20, 90))

        def handler(request: BaseHTTPRequestHandler) -> None:
            nonlocal active, peak
            with lock:
                active += 1
                peak = max(peak, active)
            time.sleep(0.02)  # server latency, so that requests overlap if allowed to
            with lock:
                active -= 1
            send(request, body, "image/jpeg")

        return handler

    tags = []
    for index in range(12):
        site.add(f"/{index}.jpg", slow_image(index))
        tags.append(f'<img src="/{index}.jpg">')
    page = site.static("/", "".join(tags).encode())

    result = run([page], concurrency=6, per_host=2)

    assert len(result.by_url()) == 12
    assert peak <= 2


def test_cli_collect_lists_candidates_and_errors(
    site: Site, make_image: Callable[..., bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from faceaudit.cli import main

    site.static("/me.jpg", make_image((5, 6, 7)), "image/jpeg")
    site.static("/", b'<img src="/me.jpg"><img src="/gone.jpg">')
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# mine\n{site.url('/')}\nnot a url\n")

    status = main(
        [
            "--data-dir",
            str(tmp_path / "home"),
            "collect",
            "--list",
            str(listing),
            "--json",
            "--no-env-proxy",
        ]
    )

    out, err = capsys.readouterr()
    assert status == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["image_url"] == site.url("/me.jpg") and record["found_by"] == "img"
    assert "line 3: 'not a url' is not a usable URL" in err
    assert "no longer exists (HTTP 404)" in err
    assert "Requests go directly to the sites (no proxy)." in err
    assert main(["--data-dir", str(tmp_path / "home"), "collect"]) == 2
