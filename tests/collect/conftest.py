"""Real HTTP servers on loopback (127.0.0.1 and 127.0.0.2 only) and real image bytes."""

from __future__ import annotations

import io
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from faceaudit.collect import Candidate, Collector, CollectSettings, CollectStats, SourceError

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]


class Site:
    """A loopback web server whose routes are plain functions writing the raw response."""

    def __init__(self, host: str, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[Hit] = []
        site = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self) -> None:
                site.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}))
                handler = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                try:
                    if handler is None:
                        send(self, b"not found", "text/plain", status=404)
                    else:
                        handler(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, 0), RequestHandler)
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.host = host
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    def add(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def static(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        return self.add(path, lambda request: send(request, body, content_type, status, headers))

    def paths_hit(self) -> list[str]:
        return [hit.path for hit in self.hits]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def send(
    request: BaseHTTPRequestHandler,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> None:
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    extra = headers or {}
    if "Content-Length" not in extra:
        request.send_header("Content-Length", str(len(body)))
    for name, value in extra.items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(body)


def _bind_or_skip(host: str) -> Site:
    try:
        return Site(host)
    except OSError as error:
        pytest.skip(f"cannot listen on {host} ({error}); this platform lacks 127.0.0.0/8 aliases")


@pytest.fixture
def site() -> Iterator[Site]:
    server = _bind_or_skip("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def other_port() -> Iterator[Site]:
    """Another service on 127.0.0.1 (another port): what a listed 127.0.0.1 page must not reach."""
    server = _bind_or_skip("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second server on 127.0.0.2: a 'private network' address pages must not reach."""
    server = _bind_or_skip("127.0.0.2")
    yield server
    server.close()


def image_bytes(
    color: tuple[int, int, int], fmt: str = "JPEG", size: tuple[int, int] = (48, 32)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


@dataclass
class Result:
    candidates: list[Candidate] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    stats: CollectStats | None = None

    def by_url(self) -> dict[str, Candidate]:
        return {c.provenance.image_url: c for c in self.candidates if c.repeat_of is None}

    def error_for(self, url: str) -> str:
        matching = [error.error for error in self.errors if error.url == url]
        assert matching, f"no error reported for {url}; errors: {self.errors}"
        return matching[0]


def run_collect(
    sources: list[str], cache_dir: Path, settings: CollectSettings | None = None
) -> Result:
    result = Result()
    collector = Collector(settings or fast_settings(), cache_dir)
    result.stats = collector.collect(sources, result.candidates.append, result.errors.append)
    return result


def fast_settings(**overrides: object) -> CollectSettings:
    values: dict[str, object] = {
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "deadline": 5.0,
        "retry_backoff": 0.01,
        "max_retry_wait": 0.2,
        "use_env_proxy": False,
        "concurrency": 3,
    }
    values.update(overrides)
    return CollectSettings(**values)  # type: ignore[arg-type]


RunCollect = Callable[..., Result]


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "http-cache"


@pytest.fixture
def run(cache_dir: Path) -> RunCollect:
    """run(sources, **setting_overrides) -> Result, with short timeouts and a private cache."""

    def go(sources: list[str], **overrides: object) -> Result:
        return run_collect(sources, cache_dir, fast_settings(**overrides))

    return go


@pytest.fixture
def make_image() -> Callable[..., bytes]:
    return image_bytes
