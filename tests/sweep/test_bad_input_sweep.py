"""The final sweep of issue 15: every class of bad input through the real command line.

Each input runs ``python -m faceaudit ...`` in a child process of its own, in a new session
(so a hang is killed with everything it started), with an address-space limit as a safety
net for the machine and a time limit. A class fails on a traceback, a signal or an exit
status other than 0/1/2, a hang past its time limit, or a peak resident size over 1.5 GB
(``wait4``'s rusage of the command alone, read by a small launcher). Most classes also name
a phrase the message must hold, so a silent exit does not pass either.

Classes, by item of issue 15 (``SWEEP`` below, one test each):
1. special files (``/dev/zero``, ``/dev/urandom``, a named pipe, a socket, a symlink to a
   device, and a folder holding them) as a local source, a reference photo, an image to
   match, a URL list, a passphrase file, an operator database, a sources file and a source;
3. numeric options past their caps, a list past 100,000 entries, 3,000 failing URLs;
4. a data folder under a file or on a read-only file system, a letter written to
   ``/dev/full``, non-UTF-8 bytes in the passphrase variable and in a name;
5. control characters, newlines (header injection) and 10,000 characters in the person's
   text of a letter, a date past 9999, an output path under a file;
6. deeply nested JSON in an operator database and in the imported layer, ids past SQLite's
   integers.
2. a page of six 35 MP photos scanned with ``--workers 8`` (the pixel budget);
"""

from __future__ import annotations

import concurrent.futures
import functools
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PEAK_RSS_LIMIT = 1.5e9  # bytes, issue 15's bound
ADDRESS_SPACE_LIMIT = 4 * 2**30  # a safety net: a runaway must not take the machine down
PASSPHRASE = "sweep passphrase 1234"
TOO_LARGE_ID = str(2**64)


@dataclass(frozen=True)
class Input:
    name: str
    argv: tuple[str | bytes, ...]
    expect: str = ""  # a phrase of the plain message (stdout or stderr)
    env: dict[str, str | bytes] = field(default_factory=dict)
    seconds: float = 60.0


@dataclass(frozen=True)
class Outcome:
    status: int | None  # exit status; negative: killed by that signal
    out: str
    err: str
    seconds: float
    peak_rss: int  # bytes
    timed_out: bool


# Linux carries the peak resident size of the forked copy into a child's rusage across exec:
# a child forked from this (large) test process reports this process's peak, whatever it did.
# A small launcher forks and execs the command instead, and reports that grandchild's own peak.
_LAUNCHER = """
import os, resource, sys
limit, report, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
child = os.fork()
if child == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(command[0], command)
_, status, usage = os.wait4(child, 0)
with open(report, "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def run_bounded(argv: list[str | bytes], env: dict[str, str | bytes], seconds: float) -> Outcome:
    """Run one command in its own session; kill it (and its children) at ``seconds``."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as scratch,
    ):
        report = Path(scratch) / "report"
        started = time.monotonic()
        process = subprocess.Popen(
            [
                sys.executable,
                "-S",
                "-c",
                _LAUNCHER,
                str(ADDRESS_SPACE_LIMIT),
                str(report),
                sys.executable,
                "-m",
                "faceaudit",
                *argv,
            ],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,  # type: ignore[arg-type]  # bytes values are fine on POSIX
            start_new_session=True,
        )
        timed_out = False
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        elapsed = time.monotonic() - started
        status: int | None = None
        peak_kib = 0
        if report.exists():
            status_text, peak_text = report.read_text().split()
            status, peak_kib = int(status_text), int(peak_text)
        out.seek(0)
        err.seek(0)
        return Outcome(
            status,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            elapsed,
            peak_kib * 1024,  # kilobytes on Linux
            timed_out,
        )


@dataclass
class World:
    """Everything the inputs point at, made once for the module."""

    root: Path
    home: Path
    photo: Path
    fifo: Path
    sock: Path
    folder: Path
    deep_db: Path
    fifo_db: Path
    long_list: Path
    failing_list: Path
    port: int
    a_file: Path
    env: dict[str, str | bytes]
    large_page: str = ""  # a loopback page of 35 MP photos


def _refused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _large_photos_page(folder: Path, photos: int = 6, megapixels: float = 35) -> None:
    """A page of ``photos`` JPEGs of ``megapixels``: a gradient with grain (a real photo's
    weight), the pixels issue 15 saw multiplied by the worker count."""
    import cv2
    import numpy as np

    folder.mkdir()
    height = int((megapixels * 1e6 / 1.5) ** 0.5)
    width = int(height * 1.5)
    rng = np.random.default_rng(15)
    base = np.linspace(0, 200, width, dtype=np.float32)[None, :, None]
    tags = []
    for number in range(photos):
        grain = rng.integers(0, 40, size=(height, 1, 3), dtype=np.uint8)
        image = (np.broadcast_to(base, (height, width, 3)) + grain + number * 5).astype(np.uint8)
        cv2.imwrite(str(folder / f"{number}.jpg"), image, [cv2.IMWRITE_JPEG_QUALITY, 85])
        tags.append(f'<img src="{number}.jpg">')
    (folder / "index.html").write_text(f"<html><body>{''.join(tags)}</body></html>")


def _read_only_dir() -> Path | None:
    """A folder on a read-only file system (root ignores permissions, not ``ro`` mounts)."""
    for candidate in (Path("/sys"), Path("/proc")):
        try:
            if os.statvfs(candidate).f_flag & os.ST_RDONLY:
                return candidate / "faceaudit-sweep"
        except OSError:
            continue
    return None


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    from faceaudit.selftest import check_face_bytes

    root = tmp_path_factory.mktemp("sweep")
    home = root / "home"
    photo = root / "me.png"
    photo.write_bytes(check_face_bytes())
    fifo = root / "pipe.jpg"
    os.mkfifo(fifo)
    sock = root / "socket.jpg"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    folder = root / "folder"
    folder.mkdir()
    (folder / "me.png").write_bytes(photo.read_bytes())
    os.mkfifo(folder / "pipe.jpg")
    (folder / "zero.jpg").symlink_to("/dev/zero")
    (folder / "socket.jpg").symlink_to(sock)
    deep_db = root / "deep-db"
    (deep_db / "companies").mkdir(parents=True)
    (deep_db / "companies" / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    fifo_db = root / "fifo-db"
    (fifo_db / "companies").mkdir(parents=True)
    os.mkfifo(fifo_db / "companies" / "pipe.json")
    port = _refused_port()
    long_list = root / "long.txt"
    long_list.write_text("".join(f"https://example.org/{i}\n" for i in range(100_001)))
    failing_list = root / "failing.txt"
    failing_list.write_text("".join(f"http://127.0.0.1:{port}/p/{i}\n" for i in range(3_000)))
    a_file = root / "a-file"
    a_file.write_text("not a folder")
    env: dict[str, str | bytes] = {
        key: value for key, value in os.environ.items() if not key.startswith("FACEAUDIT_")
    }
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env |= {
        "FACEAUDIT_HOME": str(home),
        "FACEAUDIT_AGENT_DIR": str(home / "agent"),
        "FACEAUDIT_PASSPHRASE": PASSPHRASE,
    }
    created = run_bounded(["case", "create", "sweep"], env, 120)
    assert created.status == 0, created.err
    _large_photos_page(root / "large")
    site = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root / "large"))
    )
    serving = threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05})
    serving.start()
    yield World(
        root, home, photo, fifo, sock, folder, deep_db, fifo_db, long_list, failing_list,
        port, a_file, env, f"http://127.0.0.1:{site.server_address[1]}/index.html",
    )  # fmt: skip
    site.shutdown()
    site.server_close()
    serving.join()
    server.close()


def sweep_inputs(w: World) -> list[Input]:
    """Every class of issue 15 whose fix is on main (see the module's docstring)."""
    photo, fifo, sock, url = str(w.photo), str(w.fifo), str(w.sock), f"http://127.0.0.1:{w.port}/"
    case = ("--case", "sweep")
    one_shot = ("letter", "--type", "access", "--operator-name", "Op", "--operator-email")
    one_shot += ("privacy@op.example", "--url", "https://op.example/me.jpg")
    read_only = _read_only_dir()
    inputs = [
        # 1. special files, in every role
        Input("source /dev/zero", ("collect", "/dev/zero"), "is a device"),
        Input("source /dev/urandom", ("collect", "/dev/urandom"), "is a device"),
        Input("source FIFO", ("collect", fifo), "is a named pipe"),
        Input("source socket", ("collect", sock), "is a socket"),
        Input("folder holding a FIFO, a socket, /dev/zero", ("collect", str(w.folder)),
              "skipped (never opened)"),
        Input("images to match: devices, FIFO, socket",
              ("match", "--reference", photo, "/dev/zero", "/dev/urandom", fifo, sock),
              "named pipe", seconds=120),
        Input("reference /dev/zero", ("match", "--reference", "/dev/zero", photo), "is a device"),
        Input("reference FIFO", ("match", "--reference", fifo, photo), "is a named pipe"),
        Input("enrol FIFO and /dev/urandom", ("enroll", *case, fifo, "/dev/urandom"),
              "is a named pipe"),
        Input("URL list /dev/zero", ("collect", "--list", "/dev/zero"), "is a device"),
        Input("URL list FIFO", ("scan", "--reference", photo, "--urls-file", fifo),
              "is a named pipe"),
        Input("passphrase file /dev/zero",
              ("case", "show", "sweep", "--passphrase-file", "/dev/zero"), "is a device"),
        Input("passphrase file FIFO", ("unlock", "sweep", "--passphrase-file", fifo),
              "is a named pipe"),
        Input("operator database /dev/zero", ("operators", "import", "/dev/zero"), "is a device"),
        Input("operator database FIFO", ("operators", "import", fifo), "is a named pipe"),
        Input("operator database folder holding a FIFO",
              ("operators", "import", str(w.fifo_db)), "No datarequests.org records"),
        Input("sources file /dev/urandom", ("sources", "add", *case, "--urls-file", "/dev/urandom"),
              "is a device"),
        Input("sources file FIFO", ("sources", "add", *case, "--urls-file", fifo),
              "is a named pipe"),
        Input("sources FIFO and /dev/zero", ("sources", "add", *case, fifo, "/dev/zero"),
              "not a file or folder"),
        # 2. memory under large photos
        Input("six 35 MP photos, --workers 8",
              ("scan", "--reference", photo, "--workers", "8", "--quiet", w.large_page),
              "0 findings", seconds=170),
        # 3. numbers past their caps, long lists
        Input("--concurrency 100000", ("collect", "--concurrency", "100000", url), "from 1 to 32"),
        Input("--workers 100000", ("scan", "--reference", photo, "--workers", "100000", url),
              "from 0 to 64"),
        Input("--threads 100000", ("--threads", "100000", "match", "--reference", photo, photo),
              "from 0 to 64"),
        Input("--depth 1000000", ("collect", "--depth", "1000000", url), "from 0 to 10"),
        Input("--max-pages -5", ("scan", "--reference", photo, "--max-pages", "-5", url),
              "from 1 to 100000"),
        Input("--per-host 1e9", ("collect", "--per-host", "1e9", url), "not a whole number"),
        Input("a list of 100,001 URLs", ("collect", "--list", str(w.long_list)),
              "more than 100,000 entries"),
        Input("3,000 failing URLs", ("collect", "--list", str(w.failing_list), "--no-cache"),
              "3000 errors", seconds=150),
        # 4. data folders, full disks, bytes that are not UTF-8
        Input("data folder under a file", ("--data-dir", str(w.a_file / "data"), "case", "list")),
        Input("letter to /dev/full", (*one_shot, "--name", "Sam Doe", "-o", "/dev/full",
                                      "--format", "txt")),
        Input("non-UTF-8 passphrase variable", ("case", "show", "sweep"),
              "not UTF-8", env={"FACEAUDIT_PASSPHRASE": b"pass\xff\xfeword 1234"}),
        Input("non-UTF-8 name", ("case", "edit", "sweep", "--name", b"Sam \xff Doe")),
        # 5. the person's text in letters
        Input("control characters in a name (DOCX)",
              (*one_shot, "--name", "Sam\x01\x1b[2J Doe", "--format", "docx",
               "-o", str(w.root / "ctl.docx"))),
        Input("newline in the e-mail (.eml header injection)",
              (*one_shot, "--name", "Sam Doe", "--email", "sam@x.example\nBcc: evil@x.example",
               "--format", "eml", "-o", str(w.root / "inject.eml"))),
        Input("10,000-character name", (*one_shot, "--name", "S" * 10_000, "--format", "docx",
                                        "-o", str(w.root / "long.docx"))),
        Input("a date in year 10000", (*one_shot, "--name", "Sam Doe", "--date", "10000-01-01",
                                       "-o", str(w.root / "y10k.pdf"))),
        Input("a date in 9999", (*one_shot, "--name", "Sam Doe", "--date", "9999-12-31",
                                 "-o", str(w.root / "y9999.pdf"))),
        Input("output under a file", (*one_shot, "--name", "Sam Doe",
                                      "-o", str(w.a_file / "letter.pdf"))),
        # 6. nested JSON, ids past SQLite's integers
        Input("operator database with deeply nested JSON",
              ("operators", "import", str(w.deep_db)), "No datarequests.org records"),
        Input("review an id past SQLite", ("review", *case, TOO_LARGE_ID, "confirm"),
              "past the largest id"),
        Input("enroll --remove an id past SQLite", ("enroll", *case, "--remove", TOO_LARGE_ID),
              "is not an id"),
        Input("requests outcome an id past SQLite",
              ("requests", *case, "outcome", TOO_LARGE_ID, "complied"), "is not an id"),
        Input("sources remove an id past SQLite", ("sources", "remove", *case, TOO_LARGE_ID),
              "has no source"),
    ]  # fmt: skip
    if read_only is not None:
        inputs.append(Input("data folder on a read-only file system",
                            ("--data-dir", str(read_only), "collect", str(w.photo))))  # fmt: skip
    return inputs


def _placeholder_world() -> World:
    """Paths that only name the inputs (the test ids), before the real world is built."""
    nowhere = Path("/placeholder")
    return World(*(nowhere,) * 10, 0, nowhere, {})  # type: ignore[arg-type]


SWEEP_NAMES = [entry.name for entry in sweep_inputs(_placeholder_world())]


@pytest.fixture(scope="module")
def outcomes(world: World) -> dict[str, Outcome]:
    """Every input run once, three at a time (each child's peak memory is its own)."""
    inputs = sweep_inputs(world)

    def go(entry: Input) -> Outcome:
        return run_bounded(list(entry.argv), {**world.env, **entry.env}, entry.seconds)

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = pool.map(go, inputs)
        return {entry.name: outcome for entry, outcome in zip(inputs, results, strict=True)}


@pytest.mark.parametrize("name", SWEEP_NAMES)
def test_bad_input_is_a_plain_message(
    name: str, world: World, outcomes: dict[str, Outcome]
) -> None:
    entry = next(entry for entry in sweep_inputs(world) if entry.name == name)
    outcome = outcomes[name]
    shown = (
        f"exit {outcome.status}\n--- stdout\n{outcome.out[-3000:]}\n"
        f"--- stderr\n{outcome.err[-3000:]}"
    )
    assert not outcome.timed_out, f"still running after {entry.seconds:.0f} s\n{shown}"
    assert "Traceback" not in outcome.err + outcome.out, shown
    assert outcome.status in (0, 1, 2), shown
    assert outcome.peak_rss < PEAK_RSS_LIMIT, f"peak {outcome.peak_rss / 1e9:.2f} GB\n{shown}"
    if outcome.status != 0:
        assert outcome.err.strip(), f"failed without a word\n{shown}"
    assert entry.expect in outcome.out + outcome.err, shown


def test_the_sweep_stays_within_its_time(outcomes: dict[str, Outcome]) -> None:
    """Each child is bounded; together they must leave CI its time (about three minutes)."""
    slowest = max(outcomes.items(), key=lambda item: item[1].seconds)
    assert slowest[1].seconds < 150, slowest
