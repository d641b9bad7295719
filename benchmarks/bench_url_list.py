"""How fast a long list of failing URLs goes through `collect` and `scan` (issue 15, item 3).

Writes lists of N URLs on one loopback port nothing listens on (every connection is refused
at once), runs each through the real command line in a child process, and prints URLs per
second. The ratio column compares each list's rate with the smallest list's rate, measured
in this same run: near 1.0 means the cost per URL does not grow with the list (a quadratic
step would show as a ratio falling with N).

    nice -n 10 .venv/bin/python benchmarks/bench_url_list.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def refused_port() -> int:
    """A loopback port with nothing listening (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_list(folder: Path, port: int, count: int) -> Path:
    path = folder / f"urls-{count}.txt"
    path.write_text("".join(f"http://127.0.0.1:{port}/page/{i}\n" for i in range(count)))
    return path


def reference_photo(folder: Path) -> Path:
    from faceaudit.selftest import check_face_bytes

    path = folder / "reference.png"
    path.write_bytes(check_face_bytes())
    return path


def timed(command: list[str], home: Path) -> float:
    env = {**os.environ, "FACEAUDIT_HOME": str(home)}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "faceaudit", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        timeout=3600,
    )
    seconds = time.monotonic() - started
    if b"Traceback" in result.stderr:
        sys.exit(result.stderr.decode(errors="replace")[-2000:])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--commands", default="collect,scan")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-urls-") as tmp:
        folder = Path(tmp)
        port = refused_port()
        photo = reference_photo(folder)
        print(f"{'command':8} {'URLs':>8} {'seconds':>8} {'URLs/s':>8} {'ratio':>6}")
        for name in args.commands.split(","):
            first_rate = None
            for size in sizes:
                listed = write_list(folder, port, size)
                if name == "collect":
                    command = ["collect", "--list", str(listed), "--no-cache"]
                else:
                    command = ["scan", "--reference", str(photo), "--urls-file", str(listed)]
                    command.append("--quiet")
                seconds = timed(command, folder / "home")
                rate = size / seconds
                first_rate = first_rate or rate
                print(f"{name:8} {size:8} {seconds:8.1f} {rate:8.0f} {rate / first_rate:6.2f}")


if __name__ == "__main__":
    main()
