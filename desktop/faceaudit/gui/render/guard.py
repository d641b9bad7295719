"""What a page in FaceAudit's Chromium may not do: reach the person's network, open files,
download, open windows, show dialogs or get permissions.

The address rule is the collector's (:mod:`faceaudit.collect.netguard`): public addresses,
plus the non-public address and port of the source the person listed. The interceptor sees
URLs, not connections, so a host name is resolved here and refused if any of its addresses
is not permitted (Chromium resolves it again to connect; a name whose answers change between
the two lookups, DNS rebinding, is the remaining gap, narrowed by resolving on every request
rather than once).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineDownloadRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from faceaudit.collect.netguard import AddressPolicy, parse_ip

# Schemes a page may load. data: and blob: stay inside the page; file:, ftp:, chrome:,
# qrc: and the rest are refused.
ALLOWED_SCHEMES = frozenset({"http", "https", "data", "blob", "about"})
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
RESOLVE_CACHE_SECONDS = 30.0


class RequestClock:
    """When the page last started a request (for "has it settled?")."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.count = 0

    def tick(self) -> None:
        self.last = time.monotonic()
        self.count += 1

    def idle_for(self) -> float:
        return time.monotonic() - self.last


class PageGuard(QWebEngineUrlRequestInterceptor):
    """Refuses requests to non-permitted addresses and schemes; ticks the request clock."""

    def __init__(self, policy: AddressPolicy, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        self.clock = RequestClock()
        self.blocked: list[str] = []  # hosts refused, for the person (no paths: no queries)
        self._resolved: dict[tuple[str, int], tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        self.clock.tick()
        url = info.requestUrl()
        if not self.permits(url):
            info.block(True)
            with self._lock:
                host = url.host() or url.scheme()
                if host not in self.blocked and len(self.blocked) < 50:
                    self.blocked.append(host)

    def permits(self, url: QUrl) -> bool:
        scheme = url.scheme().lower()
        if scheme not in ALLOWED_SCHEMES and scheme not in ("ws", "wss"):
            return False
        if scheme in ("data", "blob", "about"):
            return True
        host = url.host()
        if not host:
            return False
        port = url.port(DEFAULT_PORTS.get(scheme, 80))
        return self._host_permitted(host, port)

    def _host_permitted(self, host: str, port: int) -> bool:
        try:
            literal = parse_ip(host.strip("[]"))
        except ValueError:
            literal = None
        if literal is not None:
            return self.policy.permits(literal, port)
        key = (host.lower(), port)
        now = time.monotonic()
        with self._lock:
            cached = self._resolved.get(key)
        if cached is not None and now - cached[0] < RESOLVE_CACHE_SECONDS:
            return cached[1]
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            addresses = [parse_ip(str(info[4][0])) for info in infos]
        except (OSError, UnicodeError, ValueError):
            addresses = []  # Chromium will not reach it either; nothing to refuse
        permitted = all(self.policy.permits(address, port) for address in addresses)
        with self._lock:
            self._resolved[key] = (now, permitted)
        return permitted


class GuardedPage(QWebEnginePage):
    """A page without dialogs, pop-ups, permissions, or navigation to refused schemes."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.suppressed: list[str] = []  # what the page tried: "alert", "popup", ...
        self.permissionRequested.connect(self._refuse_permission)
        self.fileSystemAccessRequested.connect(lambda request: request.reject())

    def _note(self, what: str) -> None:
        if len(self.suppressed) < 100:
            self.suppressed.append(what)

    def _refuse_permission(self, permission: object) -> None:
        self._note("permission")
        deny = getattr(permission, "deny", None)
        if callable(deny):
            deny()

    def javaScriptAlert(self, origin: QUrl | str, text: str) -> None:
        self._note("alert")

    def javaScriptConfirm(self, origin: QUrl | str, text: str) -> bool:
        self._note("confirm")
        return False

    def javaScriptPrompt(self, origin: QUrl | str, text: str, default: str) -> tuple[bool, str]:
        self._note("prompt")
        return False, ""

    def javaScriptConsoleMessage(self, *args: object) -> None:
        pass  # a page's console may hold personal data: never printed or logged

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        self._note("popup")
        return cast(QWebEnginePage, None)  # no page: Chromium opens no window

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, main_frame: bool
    ) -> bool:
        scheme = QUrl(url).scheme().lower()
        return scheme in ("http", "https", "about")


def refuse_downloads(
    profile: QWebEngineProfile, on_refused: Callable[[], None] | None = None
) -> None:
    """Every download a page starts is cancelled."""

    def refuse(download: QWebEngineDownloadRequest) -> None:
        download.cancel()
        if on_refused is not None:
            on_refused()

    profile.downloadRequested.connect(refuse)


def policy_for(url: str) -> AddressPolicy:
    """The listed page's own address and port, as the collector allows it."""
    parts = QUrl(url)
    scheme = parts.scheme().lower()
    host = parts.host()
    if not host:
        return AddressPolicy()
    port = parts.port(DEFAULT_PORTS.get(scheme, 80))
    return AddressPolicy.for_listed_host(host, port)
