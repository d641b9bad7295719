"""Chromium's switches for QtWebEngine: what keeps it quiet, and what lets it run here.

They are read once, when QtWebEngine starts in a process, so :func:`prepare` runs before the
first profile or page is built (in the renderer process at start, in the window before the
browser screen builds its view). Without a screen or GPU (a server, CI), Chromium renders in
software; as root (containers), its sandbox cannot start and must be turned off.
"""

from __future__ import annotations

import os

# Chromium's own traffic that a page did not ask for. QtWebEngine builds without Google's
# services (no Safe Browsing, sync or update server), but these switches also cover what is
# left: background requests, component updates, DNS prefetch and preconnect, hyperlink pings,
# domain-reliability reports, network time queries. tests/egress checks the result with strace.
QUIET_SWITCHES = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-domain-reliability",
    "--disable-sync",
    "--disable-breakpad",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--no-pings",
    "--dns-prefetch-disable",
    "--no-first-run",
    "--disable-features=NetworkPrediction,NetworkTimeServiceQuerying,MediaRouter,"
    "OptimizationHints,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
    "SafeBrowsing,DialMediaRouteProvider,SpareRendererForSitePerProcess",
)
# Software rendering: no GPU process (it fails without a display and costs memory).
SOFTWARE_SWITCHES = ("--disable-gpu", "--disable-gpu-compositing")


def chromium_switches(*, headless: bool) -> list[str]:
    switches = list(QUIET_SWITCHES)
    if headless or not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        switches += SOFTWARE_SWITCHES
    return switches


def prepare(*, headless: bool) -> None:
    """Set the environment QtWebEngine reads when it starts (before the first page)."""
    present = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    wanted = [switch for switch in chromium_switches(headless=headless) if switch not in present]
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*present, *wanted])
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to start as root (containers, CI); a person's own
        # account keeps it.
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    # Chromium asks the D-Bus system bus about power and network state; the bus is local,
    # but it also reaches name services (systemd-resolved), so Chromium does without: the
    # renderer and the window's browser alike (the window's Qt does not use the system bus;
    # its session bus, for the desktop's portals and theme, stays).
    os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = "disabled:"
    if headless:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"
    if headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def webengine_missing() -> str | None:
    """Why QtWebEngine cannot be used here (None: it can), without starting it."""
    try:
        from PySide6 import QtWebEngineCore  # noqa: F401
    except ImportError as error:
        return str(error) or type(error).__name__
    return None
