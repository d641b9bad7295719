"""Nothing leaves the machine, seen at the system-call level: real CLI runs under strace.

onnxruntime's telemetry runs in native threads (first try about 11 s after a session starts,
retried at +6, +14 and +35 s), where Python-level socket hooks cannot see it. So real CLI
commands that keep the face engine busy for more than 30 s run under ``strace -f``, in a
child environment without ``ORT_DISABLE_TELEMETRY`` (this test process has imported
insightface, which sets it, and must not pass it on), and every ``connect``, ``sendto`` and
``sendmsg`` with an address is checked: only the loopback site may be reached — no DNS, no
name-service socket, nothing else.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ..conftest import insightface_sample

pytestmark = pytest.mark.models

ENGINE_SECONDS = 32.0  # each command keeps the engine loaded at least this long
IMAGE_SPACING = 2.5  # the site releases one image every this many seconds
CHILD_TIMEOUT = 240.0  # a bound for a loaded machine; idle, both commands end in ~35 s
# Local sockets through which a name lookup would leave the machine.
NAME_SERVICE_SOCKETS = ("nscd", "resolve", "dbus", "avahi", "mdns")

_ADDRESS = re.compile(
    r"(?P<call>connect|sendto|sendmsg)\(.*?sa_family=(?P<family>AF_\w+)"
    r"(?:, sun_path=@?\"(?P<path>[^\"]*)\")?"
    r"(?:, sin6?_port=htons\((?P<port>\d+)\))?"
    r"(?:.*?inet_addr\(\"(?P<ipv4>[^\"]+)\"\))?"
    r"(?:.*?inet_pton\(AF_INET6, \"(?P<ipv6>[^\"]+)\")?"
)


# With ``strace -yy`` a socket is shown with its protocol and, once connected, its peer.
_UDP_CONNECT = re.compile(r"\bconnect\(\d+<UDP(?:v6)?:")
_SEND_TO_PEER = re.compile(
    r"\b(?:sendto|sendmsg|sendmmsg)\(\d+<(?:UDP|TCP)(?:v6)?:\[[^\]]*->(?P<peer>[^\]]+)\]>"
)


def forbidden_connections(trace: str, allowed_port: int | None) -> list[str]:
    """The lines of an strace log that reach anything but 127.0.0.1:allowed_port.

    A ``connect`` of a UDP socket sends nothing: Chromium uses it to learn which local
    address would reach a destination (its IPv6 probe towards 2001:4860:4860::8888 and its
    address sorting), then closes the socket. What such a socket sends is still checked,
    by the peer strace shows on the send.
    """
    bad = []
    for line in trace.splitlines():
        if _UDP_CONNECT.search(line):
            continue
        peer = _SEND_TO_PEER.search(line)
        if peer is not None and "sa_family=" not in line:
            if peer["peer"] != f"127.0.0.1:{allowed_port}":
                bad.append(line)
            continue
        found = _ADDRESS.search(line)
        if found is None:
            continue
        family = found["family"]
        if family in ("AF_UNSPEC", "AF_NETLINK"):  # disconnect; kernel routing queries
            continue
        if family in ("AF_UNIX", "AF_LOCAL"):
            if any(name in (found["path"] or "") for name in NAME_SERVICE_SOCKETS):
                bad.append(line)
            continue
        loopback_site = found["ipv4"] == "127.0.0.1" and found["port"] == str(allowed_port)
        if family == "AF_INET" and loopback_site:
            continue
        bad.append(line)
    return bad


def test_the_checker_flags_dns_telemetry_and_other_hosts() -> None:
    """The parser against strace lines of the kinds seen while onnxruntime phoned home."""
    trace = "\n".join(
        [
            '9 connect(8, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT',
            '9 connect(9, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.53")'
            "}, 16) = 0",
            '9 sendto(5, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), '
            'sin_addr=inet_addr("127.0.0.53")}, 16) = 1',
            "9 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
            'inet_pton(AF_INET6, "2603:1030::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
            '9 connect(3, {sa_family=AF_INET, sin_port=htons(8123), sin_addr=inet_addr("127.0.0.1")'
            "}, 16) = -1 EINPROGRESS",
            '9 connect(4, {sa_family=AF_UNIX, sun_path="/tmp/pymp-1/listener"}, 110) = 0',
            "9 sendto(3, [{nlmsg_len=20}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0}, 12) = 20",
            '9 sendto(3, "GET / HTTP/1.1", 14, 0, NULL, 0) = 14',
            # Chromium's route probe (a UDP connect, nothing sent), then a real UDP send.
            "9 connect(33<UDPv6:[57907]>, {sa_family=AF_INET6, sin6_port=htons(443), "
            'inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
            "9 sendmmsg(7<UDP:[10.0.0.2:4000->10.0.0.54:53]>, [{msg_hdr={msg_name=NULL}}], 2, "
            "MSG_NOSIGNAL) = 2",
            '9 sendto(8<TCP:[127.0.0.1:5000->127.0.0.1:8123]>, "GET /", 5, 0, NULL, 0) = 5',
        ]
    )
    bad = forbidden_connections(trace, allowed_port=8123)
    assert len(bad) == 5
    markers = ("nscd", "10.0.0.53", "127.0.0.53", "2603", "10.0.0.54")
    assert all(marker in " ".join(bad) for marker in markers)


def _strace_or_skip() -> list[str]:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (the test command installs it where apt can)")
    command = [strace, "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-o", os.devnull]
    probe = subprocess.run([*command, "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here (ptrace not permitted?): {probe.stderr.strip()}")
    # -yy names each socket's protocol and peer (see forbidden_connections).
    return [
        strace,
        "-f",
        "-yy",
        "--seccomp-bpf",
        "-qq",
        "-e",
        "trace=connect,sendto,sendmsg,sendmmsg",
    ]


def child_environment(home: Path) -> dict[str, str]:
    """This process's environment without what would hide or redirect traffic."""
    hidden = ("ORT_", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(hidden)}
    env["FACEAUDIT_HOME"] = str(home)
    return env


class ReleasingSite:
    """A page of distinct photos on 127.0.0.1; image k is sent no earlier than k x spacing.

    The schedule keeps a one-shot scan (and its engine) alive for a known time, whatever the
    machine's speed, without any request waiting long enough to time out.
    """

    def __init__(self, photo: bytes, images: int, spacing: float) -> None:
        self.bodies = {f"/img/{k}.jpg": photo + bytes(k) for k in range(1, images + 1)}
        links = "".join(f'<img src="{path}">' for path in self.bodies)
        self.page = f"<html><body>{links}</body></html>".encode()
        self.spacing = spacing
        self.start = time.monotonic()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(self._Handler, self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )

    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def __init__(self, site: ReleasingSite, *args: object) -> None:
            self.site = site
            super().__init__(*args)  # type: ignore[arg-type]

        def do_GET(self) -> None:
            site = self.site
            if self.path == "/":
                body, kind = site.page, "text/html"
            elif self.path in site.bodies:
                index = int(self.path.split("/")[-1].split(".")[0])
                time.sleep(max(0.0, site.start + index * site.spacing - time.monotonic()))
                body, kind = site.bodies[self.path], "image/jpeg"
            else:
                body, kind = b"not found", "text/plain"
            try:
                self.send_response(200 if kind != "text/plain" else 404)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass


@pytest.fixture
def releasing_site(person_photos: dict[str, list[Path]]) -> Iterator[ReleasingSite]:
    images = math.ceil(ENGINE_SECONDS / IMAGE_SPACING) + 1
    site = ReleasingSite(person_photos["obama"][1].read_bytes(), images, IMAGE_SPACING)
    site.thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
        site.thread.join()


def _images_for(seconds: float, model_pack_dir: Path, image: Path) -> int:
    """How many analyses of ``image`` keep a one-thread engine busy for ``seconds`` here."""
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.imaging import load_image

    engine = FaceEngine(model_pack_dir, threads=1)
    pixels = load_image(image)
    engine.analyze(pixels)
    started = time.perf_counter()
    for _ in range(3):
        engine.analyze(pixels)
    per_image = (time.perf_counter() - started) / 3
    return max(10, math.ceil(1.1 * seconds / per_image))


def test_long_scan_and_match_connect_only_to_the_listed_loopback_site(
    releasing_site: ReleasingSite,
    model_pack_dir: Path,
    person_photos: dict[str, list[Path]],
    tmp_path: Path,
) -> None:
    strace = _strace_or_skip()
    match_image = insightface_sample("t1.jpg")
    count = _images_for(ENGINE_SECONDS, model_pack_dir, match_image)
    reference = str(person_photos["obama"][0])
    faceaudit = [sys.executable, "-m", "faceaudit", "--threads", "1"]
    commands = {
        "scan": [
            *faceaudit,
            "scan",
            "--reference",
            reference,
            "--quiet",
            "--json",
            f"http://127.0.0.1:{releasing_site.port}/",
        ],
        "match": [*faceaudit, "match", "--reference", reference, *[str(match_image)] * count],
    }
    children = {}
    releasing_site.start = time.monotonic()
    try:
        for name, command in commands.items():
            home = tmp_path / f"home-{name}"
            home.mkdir()
            children[name] = subprocess.Popen(
                [*strace, "-o", str(tmp_path / f"{name}.strace"), *command],
                env=child_environment(home),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        started = time.monotonic()
        results = {}
        for name, child in children.items():
            out, err = child.communicate(timeout=CHILD_TIMEOUT)
            results[name] = (child.returncode, out, err, time.monotonic() - started)
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
                child.communicate()
    for name, (status, out, err, elapsed) in results.items():
        assert status == 0, f"{name} failed: {err[-2000:]}"
        assert elapsed > 30, f"{name} ended after {elapsed:.0f} s: too short to prove anything"
        port = releasing_site.port if name == "scan" else None
        trace = (tmp_path / f"{name}.strace").read_text(errors="replace")
        bad = forbidden_connections(trace, port)
        assert bad == [], f"{name} connected beyond the loopback site:\n" + "\n".join(bad[:20])
        if name == "scan":
            assert json.loads(out)["stats"]["images"] == len(releasing_site.bodies)


RENDER_SECONDS = 30.0  # the default page deadline: Chromium runs this long on the page below
BUSY_PAGE = (
    b"<html><body><a href='https://example.com/'>out</a><img src='/a.jpg'><script>"
    b"setInterval(() => fetch('/tick'), 200);</script></body></html>"
)


@contextlib.contextmanager
def busy_page_site() -> Iterator[tuple[int, list[str]]]:
    """127.0.0.1 serving BUSY_PAGE (a link to another site, a fetch every 200 ms): yields its
    port and the paths asked so far."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            asked.append(self.path)
            body, kind = (BUSY_PAGE, "text/html") if self.path == "/" else (b"{}", "text/plain")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.server_address[1], asked
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_render_mode_connects_only_to_the_listed_loopback_site(tmp_path: Path) -> None:
    """`collect --render` on a page that keeps Chromium busy for its whole deadline: Chromium's
    own traffic (component updates, safe browsing, DNS prefetch, D-Bus) must not appear."""
    pytest.importorskip("PySide6.QtWebEngineCore", reason="render mode needs the PySide6 add-ons")
    strace = _strace_or_skip()
    with busy_page_site() as (port, _asked):
        home = tmp_path / "home"
        home.mkdir()
        command = [
            sys.executable,
            "-m",
            "faceaudit",
            "collect",
            "--render",
            f"http://127.0.0.1:{port}/",
        ]
        trace_file = tmp_path / "render.strace"
        started = time.monotonic()
        done = subprocess.run(
            [*strace, "-o", str(trace_file), *command],
            env=child_environment(home),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
        )
    elapsed = time.monotonic() - started
    assert "still loading after 30 s" in done.stderr, done.stderr[-2000:]
    assert elapsed > RENDER_SECONDS
    bad = forbidden_connections(trace_file.read_text(errors="replace"), port)
    assert bad == [], "the renderer connected beyond the loopback site:\n" + "\n".join(bad[:20])


BROWSER_CHILD = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from faceaudit.app import App
from faceaudit.gui import application
from faceaudit.gui.context import GuiContext
from faceaudit.store import KdfParams, Person
url, seconds = sys.argv[1], float(sys.argv[2])
app = App.create()
qapp = application.qt_application([])
context = GuiContext(app, kdf=KdfParams(n=2**10, r=8, p=1))
window = application.build_window(context)
window.show()
case = context.case_store.create("egress", "violet tractor spoon orbit", person=Person())
context.open_case(case)
window.show_screen("browser")
pane = window.screens["browser"].pane
pane.page.loadFinished.connect(lambda ok: print("loaded", ok, flush=True))
pane.load(url)
QTimer.singleShot(int(seconds * 1000), qapp.quit)
qapp.exec()
context.close_case()
"""


def test_the_in_app_browser_connects_only_to_the_page_typed(tmp_path: Path) -> None:
    """The window's Browser screen on a loopback page that keeps Chromium busy for 30 s (the
    page links to another site and fetches every 200 ms): only the typed page is reached."""
    pytest.importorskip("PySide6.QtWebEngineCore", reason="the browser needs the PySide6 add-ons")
    strace = _strace_or_skip()
    home = tmp_path / "home"
    home.mkdir()
    trace_file = tmp_path / "browser.strace"
    with busy_page_site() as (port, asked):
        command = [sys.executable, "-c", BROWSER_CHILD, f"http://127.0.0.1:{port}/", "30"]
        done = subprocess.run(
            [*strace, "-o", str(trace_file), *command],
            env=child_environment(home),
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "loaded True" in done.stdout
    assert asked.count("/tick") > 50  # Chromium was busy on the page all along
    bad = forbidden_connections(trace_file.read_text(errors="replace"), port)
    assert bad == [], "the browser connected beyond the typed page:\n" + "\n".join(bad[:20])
