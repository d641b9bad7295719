"""Keeping pages from steering FaceAudit into the person's own network.

A page (or a redirect) may point at ``http://192.168.1.1/`` or at a host name whose DNS
answer is a private address. The check therefore happens at the connection level, on the
address actually connected to: :class:`GuardedHTTPConnection` resolves the host itself,
refuses every non-public address the current :class:`AddressPolicy` does not allow, and
connects to the checked IP — while the Host header, TLS SNI and certificate checks keep
using the host name. A pooled connection is re-checked before each request, because the
policy changes with the source being collected.

With a proxy, the connection goes to the proxy the person configured; the proxy resolves
the destination, so the policy is then checked on a local resolution of the URL's host
(best effort, done by the fetcher).
"""

from __future__ import annotations

import heapq
import ipaddress
import itertools
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """A connection to a non-public address the person did not list was refused."""

    def __init__(self, host: str, addresses: Iterable[str], port: int | None = None) -> None:
        self.host = host
        self.addresses = tuple(addresses)
        self.port = port
        shown = ", ".join(self.addresses)
        where = f"{host} (port {port})" if port is not None else host
        super().__init__(
            f"{where} resolves to a private or local network address ({shown}); FaceAudit "
            "does not fetch from your own network unless you list that address and port "
            "yourself."
        )


def parse_ip(text: str) -> IPAddress:
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    return address


def is_public(address: IPAddress) -> bool:
    """True for addresses on the public internet (not loopback, private, ULA, link-local,
    shared/CGNAT, multicast, reserved or unspecified)."""
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        # 6to4 and Teredo embed an IPv4 address; judge the embedded one.
        embedded = address.sixtofour or (address.teredo[1] if address.teredo else None)
        if embedded is not None:
            return is_public(embedded)
    return address.is_global


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses, plus the non-public ones the person listed for this source.

    With ``port`` set, a listed non-public address is allowed on that port only: a page on
    the person's ``127.0.0.1:8000`` must not reach other services of the same machine.
    """

    allowed: frozenset[IPAddress] = frozenset()
    port: int | None = None  # None: any port of the allowed addresses

    def permits(self, address: IPAddress, port: int | None = None) -> bool:
        if is_public(address):
            return True
        return address in self.allowed and (self.port is None or port == self.port)

    @classmethod
    def for_listed_host(cls, host: str, port: int | None = None) -> AddressPolicy:
        """Allow what a host the person listed resolves to (e.g. their own 127.0.0.1), on
        ``port`` only when it is given."""
        try:
            infos = socket.getaddrinfo(host.strip("[]"), port or 80, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return cls()
        return cls(frozenset(parse_ip(str(info[4][0])) for info in infos), port)


@dataclass
class GuardState:
    """Per-session state read by the guarded connections (a session belongs to one thread)."""

    policy: AddressPolicy = field(default_factory=AddressPolicy)
    # The connection currently in use, so a deadline watchdog can cut its socket.
    active: HTTPConnection | None = None
    # The request target (path and query) exactly as FaceAudit serialised it: requests and
    # urllib3 re-encode targets (``%2c`` -> ``%2C``, ``|`` -> ``%7C``), which changes signed
    # and proxied image URLs; the connection sends this one instead.
    exact_target: str | None = None


class _GuardMixin:
    guard: GuardState  # set on the per-session subclass
    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any
    proxy: Any
    sock: Any
    _peer: IPAddress | None = None
    # The socket of the last connect, kept for the watchdog: http.client hands the socket of
    # a "Connection: close" response over to the response and urllib3 then sets ``sock`` to
    # None, so a server that drips such a body would otherwise escape the deadline.
    _wire: socket.socket | None = None

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self._wire = self.sock

    def _new_conn(self) -> socket.socket:
        self.guard.active = self  # type: ignore[assignment]
        if self.proxy is not None:
            # Connecting to the proxy the person configured; see the module docstring.
            return super()._new_conn()  # type: ignore[misc]
        from urllib3.exceptions import NameResolutionError, NewConnectionError

        host = self.host.strip("[]")
        try:
            infos = socket.getaddrinfo(host, self.port, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise NameResolutionError(self.host, self, error) from error  # type: ignore[arg-type]
        refused: list[str] = []
        last_error: OSError | None = None
        for family, kind, proto, _name, sockaddr in infos:
            address = parse_ip(str(sockaddr[0]))
            if not self.guard.policy.permits(address, self.port):
                refused.append(str(address))
                continue
            sock = socket.socket(family, kind, proto)
            try:
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                if self.timeout is not None:
                    sock.settimeout(self.timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect(sockaddr)
            except OSError as error:
                sock.close()
                last_error = error
                continue
            self._peer = address
            return sock
        if refused and last_error is None:
            raise AddressRefused(self.host, refused, self.port)
        if isinstance(last_error, TimeoutError):
            from urllib3.exceptions import ConnectTimeoutError

            raise ConnectTimeoutError(self, f"Connection to {self.host} timed out.")
        raise NewConnectionError(self, f"Failed to establish a new connection: {last_error}")  # type: ignore[arg-type]

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        exact = self.guard.exact_target
        if exact is not None and url.startswith("/") and unquote(url) == unquote(exact):
            url = exact  # the same target, spelt as the page spells it
        self.guard.active = self  # type: ignore[assignment]
        if self._peer is not None and not self.guard.policy.permits(self._peer, self.port):
            # A pooled connection opened for another source whose listed address this is.
            self.close()  # type: ignore[attr-defined]
            raise AddressRefused(self.host, [str(self._peer)], self.port)
        return super().request(method, url, *args, **kwargs)  # type: ignore[misc]


class GuardedHTTPConnection(_GuardMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardMixin, HTTPSConnection):
    pass


def _pool_classes(guard: GuardState) -> dict[str, type[HTTPConnectionPool]]:
    http_conn = type("SessionHTTPConnection", (GuardedHTTPConnection,), {"guard": guard})
    https_conn = type("SessionHTTPSConnection", (GuardedHTTPSConnection,), {"guard": guard})
    return {
        "http": type("GuardedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}),
        "https": type("GuardedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}),
    }


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections enforce ``self.guard.policy``; no retries of its own."""

    def __init__(self, pool_size: int = 4) -> None:
        self.guard = GuardState()
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self.guard)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _pool_classes(self.guard)
        return manager

    @contextmanager
    def policy(self, policy: AddressPolicy, url: str | None = None) -> Iterator[None]:
        """Requests in this block connect under ``policy``; a request for ``url`` goes on the
        wire with its target exactly as ``url`` spells it."""
        previous = self.guard.policy, self.guard.exact_target
        self.guard.policy = policy
        if url is not None:
            parts = urlsplit(url)
            self.guard.exact_target = (parts.path or "/") + (
                f"?{parts.query}" if parts.query else ""
            )
        try:
            yield
        finally:
            self.guard.policy, self.guard.exact_target = previous


class Watchdog:
    """One thread that runs callbacks at deadlines: cuts responses that drip past their time.

    ``requests`` timeouts bound each socket read, not a whole response, so a server sending a
    byte a second would never time out. Cutting the socket unblocks the reader at once.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        # Deadlines still armed. A finished response only leaves this set (O(1)); its heap
        # entry is dropped when it comes up, or when finished entries outnumber armed ones.
        # (Scanning the heap on every exit cost O(n) per request: a list of 100,000 failing
        # URLs, each leaving a 60 s deadline behind, went quadratic.)
        self._armed: set[int] = set()
        self._counter = itertools.count()
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def _run(self) -> None:
        with self._condition:
            while not self._closed:
                if not self._heap:
                    self._condition.wait()
                    continue
                when, token, callback = self._heap[0]
                delay = when - time.monotonic()
                if delay > 0:
                    self._condition.wait(delay)
                    continue
                heapq.heappop(self._heap)
                if token not in self._armed:
                    continue
                self._armed.discard(token)
                # Cutting a socket that is already gone is fine.
                with suppress(Exception):
                    callback()

    @contextmanager
    def deadline(self, seconds: float, on_expire: Callable[[], None]) -> Iterator[None]:
        with self._condition:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="faceaudit-watchdog", daemon=True
                )
                self._thread.start()
            token = next(self._counter)
            self._armed.add(token)
            heapq.heappush(self._heap, (time.monotonic() + seconds, token, on_expire))
            if self._heap[0][1] == token:
                self._condition.notify()  # only an earlier deadline changes the wait
        try:
            yield
        finally:
            with self._condition:
                self._armed.discard(token)
                if len(self._heap) > 2 * len(self._armed) + 64:
                    self._heap = [entry for entry in self._heap if entry[1] in self._armed]
                    heapq.heapify(self._heap)

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify()
        if self._thread is not None:
            self._thread.join(timeout=5)


def cut_connection(guard: GuardState) -> None:
    """Shut the active socket of a session down, unblocking any read on it."""
    connection = guard.active
    for sock in (getattr(connection, "sock", None), getattr(connection, "_wire", None)):
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
