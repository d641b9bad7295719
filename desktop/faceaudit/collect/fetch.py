"""The guarded fetcher: one ``requests.Session`` per worker, treating every server as hostile.

What it guarantees for each URL: only http(s); redirects followed by our own loop (hop
limit, loop detection, every hop re-checked); non-public addresses refused unless listed
(see :mod:`.netguard`); connect/read timeouts plus a total deadline per response; size caps
counted on *decoded* bytes while streaming; no cookies, credentials or ``.netrc``; a proxy
only from the settings or the standard environment variables; conditional requests
against a private cache; retries with capped backoff for 429/503 and connection resets only.
Failures become :class:`FetchError` with a sentence the person can act on.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.cookiejar
import io
import os
import re
import tempfile
import threading
import time
import urllib.request
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import requests
import requests.utils
import urllib3.exceptions

from faceaudit import __version__
from faceaudit.collect.cache import CacheEntry, HttpCache
from faceaudit.collect.decoding import DecodeChain, EncodingError
from faceaudit.collect.netguard import (
    AddressPolicy,
    AddressRefused,
    GuardedAdapter,
    Watchdog,
    cut_connection,
    is_public,
    parse_ip,
)
from faceaudit.collect.urls import DEFAULT_PORTS, InvalidURL, normalise_url
from faceaudit.imaging import sniff_format
from faceaudit.timestamps import utc_now

USER_AGENT = (
    f"FaceAudit/{__version__} (a person checking where their own photos appear; "
    "one request per page, robots.txt honoured)"
)
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 503)
_SNIFF_BYTES = 64


@dataclass(frozen=True)
class FetchLimits:
    """Timeouts, caps and retry policy; see :class:`~faceaudit.collect.CollectSettings`."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # whole response, headers to last byte, per hop
    max_redirects: int = 5
    max_retries: int = 2
    max_retry_wait: float = 30.0
    backoff: float = 1.0
    max_page_bytes: int = 8 * 1024 * 1024
    max_image_bytes: int = 32 * 1024 * 1024
    max_video_bytes: int = 256 * 1024 * 1024
    verify_tls: bool = True
    unverified_tls_hosts: frozenset[str] = frozenset()
    proxy: str | None = None  # an explicit proxy URL for http and https
    use_env_proxy: bool = True  # HTTP(S)_PROXY / NO_PROXY from the environment
    # Reuse cached responses the server declared fresh, without a request (see freshness()).
    honour_freshness: bool = True


# Freshness ceilings: a declared max-age is trusted for a week at most, and the heuristic
# (10% of the time since Last-Modified, RFC 9111 section 4.2.2) is used for images only
# and for a day at most. Pages, which list the images, are asked again on every scan
# unless their server says otherwise, so new pictures are never missed.
MAX_DECLARED_FRESHNESS = 7 * 24 * 3600.0
MAX_HEURISTIC_FRESHNESS = 24 * 3600.0
HEURISTIC_FRACTION = 0.1


def _http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def freshness(headers: Mapping[str, str], kind: str, now: float) -> float:
    """Seconds the response may be reused without asking the server again (0: always ask)."""
    directives = {
        part.strip().split("=", 1)[0].lower(): part.strip().partition("=")[2].strip('"')
        for part in headers.get("Cache-Control", "").split(",")
        if part.strip()
    }
    if {"no-store", "no-cache", "must-revalidate"} & directives.keys():
        return 0.0
    if "max-age" in directives:
        try:
            return max(0.0, min(float(int(directives["max-age"])), MAX_DECLARED_FRESHNESS))
        except ValueError:
            return 0.0
    date = _http_date(headers.get("Date")) or now
    expires = headers.get("Expires")
    if expires is not None:
        expiry = _http_date(expires)
        return 0.0 if expiry is None else max(0.0, min(expiry - date, MAX_DECLARED_FRESHNESS))
    modified = _http_date(headers.get("Last-Modified"))
    if kind == "image" and modified is not None and modified < date:
        return min((date - modified) * HEURISTIC_FRACTION, MAX_HEURISTIC_FRESHNESS)
    return 0.0


class FetchError(Exception):
    """A per-URL failure: ``str()`` says what happened and what to do."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        url: str = "",
        timed_out: bool = False,
        skipped: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.url = url
        self.timed_out = timed_out  # the server did not answer in time (a host's failure budget)
        self.skipped = skipped  # over a size limit: not fetched on purpose, not a failure


SOURCE_TIME_UP = (
    "Not fetched: the source's total time limit ran out before this address answered. "
    "Scan the source again later, or raise the limit if the site is just slow."
)


class Cancelled(Exception):
    """The run was cancelled by the person."""


class _Retry(Exception):
    def __init__(self, message: str, wait: float | None, status: int | None = None) -> None:
        super().__init__(message)
        self.wait = wait
        self.status = status


@dataclass
class Response:
    """A fetched body: in memory (``body``) or, for videos, spooled to a private temp file."""

    url: str
    final_url: str
    status: int
    kind: str  # html | image | video | other (sniffed from the bytes)
    claimed_type: str | None
    fetched_at: str
    size: int
    sha256: str
    body: bytes | None = None
    path: Path | None = None
    from_cache: bool = False
    sniffed_format: str | None = None  # JPEG, PNG, ... for images
    headers: dict[str, str] = field(default_factory=dict)

    def discard(self) -> None:
        """Delete a spooled file now; its content is the person's personal data."""
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            self.path = None


def sniff_kind(head: bytes) -> str:
    if sniff_format(head) is not None:
        return "image"
    if head[4:8] in (b"ftyp", b"moov", b"mdat") or head[:4] == b"\x1a\x45\xdf\xa3":
        return "video"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<", b"\xff\xfe", b"\xfe\xff")):
        return "html"
    return "other"


def environment_proxies() -> dict[str, str]:
    """The proxies the standard environment variables set (without ``.netrc`` or CA variables)."""
    found = requests.utils.getproxies()
    return {scheme: url for scheme, url in found.items() if scheme in ("http", "https")}


def _environment_proxy_settings() -> dict[str, str]:
    """Proxy variables with the ``no`` entry (NO_PROXY) that proxy_bypass_environment reads."""
    found = urllib.request.getproxies_environment()
    return {key: value for key, value in found.items() if key in ("http", "https", "no")}


def _without_credentials(proxy_url: str) -> str:
    try:
        parts = urlsplit(proxy_url)
        host = parts.hostname or ""
        return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")
    except ValueError:
        return "(an unreadable proxy address)"


def describe_proxy(limits: FetchLimits) -> str:
    """A sentence saying which proxy (if any) FaceAudit's requests go through, and why."""
    if limits.proxy:
        shown = _without_credentials(limits.proxy)
        return f"Requests go through the proxy {shown} (from the settings)."
    if limits.use_env_proxy:
        proxies = environment_proxies()
        if proxies:
            shown = ", ".join(
                f"{scheme} via {_without_credentials(url)}"
                for scheme, url in sorted(proxies.items())
            )
            return f"Requests go through a proxy set by environment variables: {shown}."
    return "Requests go directly to the sites (no proxy)."


class _Sink:
    """Collects a body while counting, hashing and enforcing the cap of the sniffed kind."""

    def __init__(self, caps: dict[str, int], spool_dir: Path | None) -> None:
        self.caps = caps
        self.spool_dir = spool_dir
        self.head = b""
        self.kind: str | None = None
        self.size = 0
        self.hasher = hashlib.sha256()
        self.buffer: IO[bytes] = io.BytesIO()
        self.path: Path | None = None

    def _classify(self) -> None:
        self.kind = sniff_kind(self.head)
        if self.kind == "video":  # never held in memory; spool_dir None = the system temp dir
            fd, name = tempfile.mkstemp(prefix="video-", suffix=".bin", dir=self.spool_dir)
            self.path = Path(name)
            self.buffer = os.fdopen(fd, "wb")
        self.buffer.write(self.head)

    @property
    def cap(self) -> int:
        return self.caps.get(self.kind or "other", self.caps["other"])

    def write(self, data: bytes) -> None:
        self.size += len(data)
        self.hasher.update(data)
        if self.kind is None:
            self.head += data
            if len(self.head) >= _SNIFF_BYTES:
                self._classify()
        else:
            self.buffer.write(data)
        if self.kind is not None and self.size > self.cap:
            raise FetchError(
                f"The {self._kind_name()} is larger than the {self.cap // 2**20} MiB limit; "
                "the download was stopped.",
                skipped=True,
            )

    def _kind_name(self) -> str:
        return {"html": "page", "image": "image", "video": "video"}.get(self.kind or "", "response")

    def finish(self) -> None:
        if self.kind is None:
            self._classify()
            if self.size > self.cap:
                raise FetchError(
                    f"The {self._kind_name()} is larger than its size limit.", skipped=True
                )

    def body(self) -> bytes | None:
        """The body held in memory (None when it was spooled to ``path``)."""
        return self.buffer.getvalue() if isinstance(self.buffer, io.BytesIO) else None

    def close(self, keep: bool) -> None:
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.buffer.close()
        if not keep and self.path is not None:
            self.path.unlink(missing_ok=True)


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(0.0, min(seconds, cap))


def _root_causes(error: BaseException) -> list[BaseException]:
    """The error and what caused it, through requests' and urllib3's wrappers."""
    chain: list[BaseException] = []
    pending: list[BaseException] = [error]
    while pending and len(chain) < 16:
        current = pending.pop()
        if any(current is seen for seen in chain):
            continue
        chain.append(current)
        links = [current.__cause__, current.__context__, getattr(current, "reason", None)]
        links += [arg for arg in current.args if isinstance(arg, BaseException)]
        pending.extend(link for link in links if isinstance(link, BaseException))
    return chain


def _is_reset(error: BaseException) -> bool:
    import http.client

    return any(
        isinstance(
            cause, ConnectionResetError | ConnectionAbortedError | http.client.RemoteDisconnected
        )
        for cause in _root_causes(error)
    )


class Fetcher:
    """One worker's HTTP client. Not thread-safe: give each worker thread its own."""

    def __init__(
        self,
        limits: FetchLimits,
        *,
        cache: HttpCache | None = None,
        watchdog: Watchdog | None = None,
        spool_dir: Path | None = None,
        cancel: threading.Event | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.limits = limits
        self.cache = cache
        self.spool_dir = spool_dir
        self.cancel = cancel or threading.Event()
        self._own_watchdog = watchdog is None
        self.watchdog = watchdog or Watchdog()
        self.adapter = GuardedAdapter()
        # HTTP(S)_PROXY and NO_PROXY, read once: see _proxies_for().
        self._env_proxies = _environment_proxy_settings() if limits.use_env_proxy else {}
        self._until: float | None = None  # the current get()'s source time limit
        self.session = requests.Session()
        # No .netrc, no CA-bundle or proxy variables picked up behind our back.
        self.session.trust_env = False
        self.session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        if not limits.verify_tls or limits.unverified_tls_hosts:
            # The Collector already told the person, louder and in words they can act on.
            warnings.filterwarnings("ignore", category=urllib3.exceptions.InsecureRequestWarning)
        self.session.mount("http://", self.adapter)
        self.session.mount("https://", self.adapter)
        self.session.headers.clear()
        self.session.headers.update(
            {
                "User-Agent": user_agent,
                "Accept-Encoding": "gzip, deflate, br",
                "Accept": "text/html,image/*,video/*;q=0.9,*/*;q=0.5",
            }
        )

    def close(self) -> None:
        self.session.close()
        if self._own_watchdog:
            self.watchdog.close()

    # -- public -----------------------------------------------------------------------------

    def get(
        self,
        url: str,
        policy: AddressPolicy,
        *,
        caps: dict[str, int] | None = None,
        use_cache: bool = True,
        until: float | None = None,
    ) -> Response:
        """Fetch ``url`` (already normalised) with retries; raises FetchError or Cancelled.

        ``until`` (a ``time.monotonic()`` value) ends every attempt and retry by then: the
        source's total time limit."""
        self._until = until
        try:
            return self._get(url, policy, caps, use_cache)
        finally:
            self._until = None

    def _remaining(self) -> float | None:
        return None if self._until is None else self._until - time.monotonic()

    def _get(
        self, url: str, policy: AddressPolicy, caps: dict[str, int] | None, use_cache: bool
    ) -> Response:
        limits = self.limits
        caps = caps or {
            "html": limits.max_page_bytes,
            "image": limits.max_image_bytes,
            "video": limits.max_video_bytes,
            "other": limits.max_page_bytes,
        }
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled
            try:
                return self._follow(url, policy, caps, use_cache)
            except _Retry as retry:
                attempt += 1
                if attempt > limits.max_retries:
                    raise FetchError(
                        f"{retry} and kept failing after {limits.max_retries} retries.",
                        status=retry.status,
                        url=url,
                    ) from None
                wait = retry.wait
                if wait is None:
                    wait = limits.backoff * 2 ** (attempt - 1)
                remaining = self._remaining()
                if remaining is not None and remaining < min(wait, limits.max_retry_wait):
                    raise FetchError(
                        f"{retry}; the source's time limit ran out before a retry.",
                        status=retry.status,
                        url=url,
                        timed_out=True,
                    ) from None
                if self.cancel.wait(min(wait, limits.max_retry_wait)):
                    raise Cancelled from None

    # -- one attempt, following redirects -----------------------------------------------------

    def _proxies_for(self, url: str) -> dict[str, str]:
        if self.limits.proxy:
            return {"http": self.limits.proxy, "https": self.limits.proxy}
        if not self._env_proxies:
            return {}
        # NO_PROXY was read once with the proxies: requests' own helper re-reads the whole
        # environment on every call, which was a fifth of the collector's CPU time.
        host = urlsplit(url).hostname or ""
        # In CPython since 2.x but undocumented, hence missing from the type stubs.
        if urllib.request.proxy_bypass_environment(host, self._env_proxies):  # type: ignore[attr-defined]
            return {}
        return {k: v for k, v in self._env_proxies.items() if k in ("http", "https")}

    def _check_through_proxy(self, url: str, policy: AddressPolicy) -> None:
        """With a proxy the proxy resolves the host; check a local resolution (best effort)."""
        import socket

        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except OSError:
            return  # the proxy may know names we cannot resolve
        refused = [str(parse_ip(str(info[4][0]))) for info in infos]
        if refused and not any(policy.permits(parse_ip(address), port) for address in refused):
            raise AddressRefused(host, refused, port)

    @staticmethod
    def _may_reuse(cached: CacheEntry, url: str, policy: AddressPolicy) -> bool:
        """A cached response may serve this source only if it could have fetched it itself."""
        if cached.peer is None:
            return True
        parts = urlsplit(url)
        try:
            peer = parse_ip(cached.peer)
        except ValueError:
            return False
        return policy.permits(peer, parts.port or DEFAULT_PORTS[parts.scheme])

    def _verify_for(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return self.limits.verify_tls and host not in self.limits.unverified_tls_hosts

    def _follow(
        self, url: str, policy: AddressPolicy, caps: dict[str, int], use_cache: bool
    ) -> Response:
        current = url
        seen = {url}
        for _hop in range(self.limits.max_redirects + 1):
            result = self._hop(url, current, policy, caps, use_cache)
            if isinstance(result, Response):
                return result
            try:
                target = normalise_url(result, base=current)
            except InvalidURL as error:
                raise FetchError(
                    f"The server redirected to an address FaceAudit does not follow "
                    f"({result[:120]!r}: {error}).",
                    url=url,
                ) from None
            if target in seen:
                raise FetchError(
                    "The server sends redirects in a loop; nothing was fetched.", url=url
                )
            seen.add(target)
            current = target
        raise FetchError(
            f"The server redirected more than {self.limits.max_redirects} times; "
            "FaceAudit stopped following.",
            url=url,
        )

    def _hop(
        self,
        original: str,
        current: str,
        policy: AddressPolicy,
        caps: dict[str, int],
        use_cache: bool,
    ) -> Response | str:
        """One request: a Response, or the Location of a redirect."""
        limits = self.limits
        proxies = self._proxies_for(current)
        headers: dict[str, str] = {}
        cached = self.cache.lookup(current) if (self.cache and use_cache) else None
        if cached is not None and not self._may_reuse(cached, current, policy):
            cached = None  # fetched from a private address this source may not reach
        if cached is not None and limits.honour_freshness and cached.fresh_until > time.time():
            fresh = self._cached_response(original, current, cached, caps, cached.fetched_at)
            if fresh is not None:
                return fresh
        if cached is not None:
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            cut_connection(self.adapter.guard)

        started = time.monotonic()
        deadline, remaining = limits.deadline, self._remaining()
        if remaining is not None and remaining < deadline:
            if remaining <= 0:
                raise FetchError(SOURCE_TIME_UP, url=original, timed_out=True)
            deadline = remaining
        try:
            if proxies:
                self._check_through_proxy(current, policy)
            with (
                self.adapter.policy(policy, current),
                self.watchdog.deadline(deadline, expire),
            ):
                response = self.session.get(
                    current,
                    headers=headers,
                    stream=True,
                    allow_redirects=False,
                    timeout=(limits.connect_timeout, limits.read_timeout),
                    proxies=proxies,
                    verify=self._verify_for(current),
                )
                try:
                    return self._handle(original, current, response, cached, caps, expired)
                finally:
                    response.close()
        except (FetchError, _Retry, Cancelled):
            raise
        except AddressRefused as error:
            raise FetchError(str(error), url=original) from None
        except Exception as error:
            if expired.is_set() and deadline < limits.deadline:
                raise FetchError(SOURCE_TIME_UP, url=original, timed_out=True) from None
            if expired.is_set():
                raise FetchError(
                    f"The server did not deliver the response within {limits.deadline:.0f} s; "
                    "FaceAudit stopped waiting (a very slow or deliberately dripping server).",
                    url=original,
                    timed_out=True,
                ) from None
            raise self._explain(error, original, time.monotonic() - started) from None

    def _explain(self, error: Exception, url: str, elapsed: float) -> Exception:
        limits = self.limits
        host = urlsplit(url).hostname or url
        if isinstance(error, requests.exceptions.SSLError):
            return FetchError(_tls_message(error, host, url), url=url)
        if isinstance(error, requests.exceptions.ConnectTimeout):
            return FetchError(
                f"{host} did not accept a connection within {limits.connect_timeout:.0f} s.",
                url=url,
                timed_out=True,
            )
        if isinstance(error, requests.exceptions.ReadTimeout):
            return FetchError(
                f"{host} stopped sending data for {limits.read_timeout:.0f} s; try again later.",
                url=url,
                timed_out=True,
            )
        if isinstance(error, requests.exceptions.ProxyError):
            return FetchError(
                f"The proxy refused or failed the request ({_short(error)}).", url=url
            )
        if _is_reset(error):
            return _Retry(f"The connection to {host} was reset", None)
        if isinstance(error, requests.exceptions.ConnectionError):
            causes = _root_causes(error)
            if any("NameResolution" in type(cause).__name__ for cause in causes):
                return FetchError(f"The host name {host} could not be found (DNS).", url=url)
            if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
                return FetchError(f"{host} refused the connection (nothing is listening).", url=url)
            return FetchError(f"The connection to {host} failed ({_short(error)}).", url=url)
        if isinstance(error, requests.exceptions.RequestException | OSError):
            return FetchError(f"Fetching from {host} failed ({_short(error)}).", url=url)
        return FetchError(
            f"The response from {host} could not be read "
            f"({type(error).__name__}: {_short(error)}).",
            url=url,
        )

    def _handle(
        self,
        original: str,
        current: str,
        response: requests.Response,
        cached: CacheEntry | None,
        caps: dict[str, int],
        expired: threading.Event,
    ) -> Response | str:
        status = response.status_code
        if status in REDIRECT_STATUSES:
            location = response.headers.get("Location")
            if not location:
                raise FetchError(
                    f"The server answered {status} (redirect) without a target.",
                    status=status,
                    url=original,
                )
            return location
        fetched_at = utc_now()
        if status == 304 and cached is not None and self.cache is not None:
            result = self._cached_response(original, current, cached, caps, fetched_at)
            if result is not None:
                lifetime = freshness(response.headers, result.kind, time.time())
                self.cache.refresh(
                    replace(
                        cached,
                        etag=response.headers.get("ETag") or cached.etag,
                        fresh_until=time.time() + lifetime if lifetime else 0.0,
                        fetched_at=fetched_at,
                    )
                )
                return result
        if status in RETRY_STATUSES:
            wait = _retry_after(response.headers.get("Retry-After"), self.limits.max_retry_wait)
            reason = "is rate-limiting requests (429)" if status == 429 else "is unavailable (503)"
            raise _Retry(f"{urlsplit(current).hostname} {reason}", wait, status)
        if status >= 400 or status < 200:
            raise FetchError(_status_message(status), status=status, url=original)
        return self._read_body(original, current, response, caps, fetched_at, expired)

    def _cached_response(
        self,
        original: str,
        current: str,
        cached: CacheEntry,
        caps: dict[str, int],
        fetched_at: str | None = None,
    ) -> Response | None:
        assert self.cache is not None
        body = self.cache.body(current, max(caps.values()))
        if body is None:
            return None
        self.cache.touch(current)
        return self._from_bytes(
            original,
            cached.final_url,
            cached.status,
            body,
            cached.content_type,
            fetched_at or utc_now(),
            from_cache=True,
        )

    def _from_bytes(
        self,
        original: str,
        final_url: str,
        status: int,
        body: bytes,
        content_type: str | None,
        fetched_at: str,
        *,
        from_cache: bool,
    ) -> Response:
        kind = sniff_kind(body[:_SNIFF_BYTES])
        return Response(
            url=original,
            final_url=final_url,
            status=status,
            kind=kind,
            claimed_type=content_type,
            fetched_at=fetched_at,
            size=len(body),
            sha256=hashlib.sha256(body).hexdigest(),
            body=body,
            from_cache=from_cache,
            sniffed_format=sniff_format(body[:_SNIFF_BYTES]),
        )

    def _read_body(
        self,
        original: str,
        current: str,
        response: requests.Response,
        caps: dict[str, int],
        fetched_at: str,
        expired: threading.Event,
    ) -> Response:
        headers = response.headers
        try:
            chain = DecodeChain(headers.get("Content-Encoding"))
        except EncodingError as error:
            raise FetchError(f"The response cannot be read: {error}.", url=original) from None
        declared = headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max(caps.values()):
            raise FetchError(
                f"The server announces {int(declared) / 2**20:.0f} MiB, over every size limit; "
                "nothing was downloaded.",
                url=original,
                skipped=True,
            )
        sink = _Sink(caps, self.spool_dir)
        keep = False
        raw = response.raw
        try:
            while True:
                if self.cancel.is_set():
                    raise Cancelled
                chunk = raw.read1(64 * 1024, decode_content=False)
                if not chunk:
                    break
                for piece in chain.feed(chunk):
                    sink.write(piece)
            for piece in chain.finish():
                sink.write(piece)
            sink.finish()
            if expired.is_set():
                raise FetchError(
                    f"The server did not deliver the response within {self.limits.deadline:.0f} s.",
                    url=original,
                )
            keep = True
        except EncodingError as error:
            raise FetchError(f"The response cannot be read: {error}.", url=original) from None
        finally:
            sink.close(keep)
        body = sink.body()
        result = Response(
            url=original,
            final_url=current,
            status=response.status_code,
            kind=sink.kind or "other",
            claimed_type=headers.get("Content-Type"),
            fetched_at=fetched_at,
            size=sink.size,
            sha256=sink.hasher.hexdigest(),
            body=body,
            path=sink.path,
            sniffed_format=sniff_format(sink.head) if sink.kind == "image" else None,
        )
        self._remember(current, result, headers, self._private_peer())
        return result

    def _private_peer(self) -> str | None:
        """The non-public address the current response came from, if it did."""
        peer = getattr(self.adapter.guard.active, "_peer", None)
        return str(peer) if peer is not None and not is_public(peer) else None

    def _remember(
        self,
        url: str,
        result: Response,
        headers: requests.structures.CaseInsensitiveDict[str],
        peer: str | None = None,
    ) -> None:
        etag, modified = headers.get("ETag"), headers.get("Last-Modified")
        now = time.time()
        lifetime = freshness(headers, result.kind, now)
        if (
            self.cache is None
            or result.body is None
            or result.status != 200
            or not (etag or modified or lifetime)
            or "no-store" in headers.get("Cache-Control", "").lower()
        ):
            return
        entry = CacheEntry(
            url=url,
            status=result.status,
            final_url=result.final_url,
            content_type=result.claimed_type,
            etag=etag,
            last_modified=modified,
            size=result.size,
            fresh_until=now + lifetime if lifetime else 0.0,
            fetched_at=result.fetched_at,
            peer=peer,
        )
        with contextlib.suppress(OSError):
            self.cache.store(entry, result.body)


# What urllib3's wrappers add around the real reason: pool and connection objects.
_WRAPPER_NOISE = re.compile(
    r"<[\w.]+ object at 0x[0-9a-f]+>:?\s*"
    r"|\b\w*(?:Pool|Connection)\(host=[^)]*\):\s*"
    r"|Max retries exceeded with url: \S+ \(Caused by \w+\(|\)+$"
)
# OpenSSL's reasons when the other side answers in plain HTTP (or speaks no TLS at all).
_NOT_TLS_REASONS = {"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "RECORD_LAYER_FAILURE"}


def _short(error: BaseException) -> str:
    """The reason of a failure in plain words: the innermost cause, without urllib3's
    pool and connection objects around it."""
    import ssl

    causes = _root_causes(error)
    for cause in reversed(causes):
        if isinstance(cause, ssl.SSLError) and (cause.reason or cause.strerror):
            text = str(cause.reason or cause.strerror).replace("_", " ").lower()
            break
        if isinstance(cause, OSError) and cause.strerror:
            text = cause.strerror
            break
    else:
        text = _WRAPPER_NOISE.sub("", str(causes[-1])).strip(" '\"") or type(error).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _tls_message(error: BaseException, host: str, url: str) -> str:
    import ssl

    causes = _root_causes(error)
    reasons = {getattr(c, "reason", None) for c in causes if isinstance(c, ssl.SSLError)}
    if reasons & _NOT_TLS_REASONS:
        plain = urlsplit(url)._replace(scheme="http").geturl()
        return (
            f"{host} does not speak https (TLS) on that port: it answered in plain HTTP or "
            f"something else. Check the address (perhaps {plain}, or another port); FaceAudit "
            "did not fetch the page."
        )
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in causes):
        return (
            f"The secure connection to {host} failed its certificate check ({_short(error)}). "
            "FaceAudit did not fetch the page."
        )
    return (
        f"The secure connection to {host} could not be set up ({_short(error)}). "
        "FaceAudit did not fetch the page."
    )


def _status_message(status: int) -> str:
    if status == 404 or status == 410:
        return f"The page or image no longer exists (HTTP {status}); it may have been removed."
    if status in (401, 403):
        return (
            f"The server refuses access (HTTP {status}); FaceAudit only fetches what is public "
            "and never logs in."
        )
    if status >= 500:
        return f"The server failed (HTTP {status}); try again later."
    return f"The server answered HTTP {status}; nothing was fetched."


__all__ = [
    "USER_AGENT",
    "Cancelled",
    "FetchError",
    "FetchLimits",
    "Fetcher",
    "Response",
    "describe_proxy",
    "is_public",
    "sniff_kind",
]
