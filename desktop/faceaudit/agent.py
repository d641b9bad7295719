"""The unlock agent: a small per-user process that keeps unlocked case keys in memory for a while.

``faceaudit unlock CASE`` hands it the case's data key (never the passphrase) for a limited
time; later commands ask it for the key instead of asking for the passphrase; ``faceaudit
lock`` makes it forget (and it exits by itself once it holds no key).

Why an agent and not the OS keyring: a headless machine often has no keyring service; a key
put in a keyring is stored on disk and outlives the session (and, on macOS, any script run by
the same Python can read it). The agent keeps keys only in its memory: nothing is written to
disk, it refuses core dumps and (on Linux) debuggers of the same user, and it ends when its
keys expire.

Where: a Unix socket (0600) in a private folder (0700) of the user's runtime directory
(``$XDG_RUNTIME_DIR/faceaudit``, a per-user tmpfs emptied at logout), else
``<tmp>/faceaudit-<uid>``; ``FACEAUDIT_AGENT_DIR`` chooses another folder. On Linux the agent
also checks that whoever connects is the same user (SO_PEERCRED).

Protocol: one JSON object per connection and line, answered by one JSON line.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from faceaudit.errors import FaceAuditError

AGENT_DIR_ENV = "FACEAUDIT_AGENT_DIR"
SOCKET_NAME = "agent.sock"
DEFAULT_UNLOCK_SECONDS = 15 * 60
MAX_UNLOCK_SECONDS = 12 * 60 * 60
_MAX_MESSAGE = 64 * 1024
_START_TIMEOUT = 10.0


class AgentError(FaceAuditError):
    """The unlock agent cannot be reached, started or trusted."""


def _folder() -> Path:
    override = os.environ.get(AGENT_DIR_ENV)
    if override:
        return Path(override)
    if os.environ.get("XDG_RUNTIME_DIR"):
        return Path(os.environ["XDG_RUNTIME_DIR"]) / "faceaudit"
    return Path(tempfile.gettempdir()) / f"faceaudit-{os.getuid()}"


def agent_dir() -> Path:
    """The agent's private folder (created 0700; refused if another user owns it)."""
    folder = _folder()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError as error:
        raise AgentError(
            f"The unlock agent's folder {folder} cannot be created ({error.strerror}).",
            "Give the passphrase instead, or set FACEAUDIT_AGENT_DIR to a private folder.",
        ) from error
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise AgentError(
            f"{folder} is not a folder of yours: the unlock agent will not use it.",
            "Remove it, or set FACEAUDIT_AGENT_DIR to a private folder.",
        )
    if info.st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def socket_path() -> Path:
    """Where the agent listens (nothing is created: asking a key of no agent leaves no trace)."""
    return _folder() / SOCKET_NAME


@dataclass(frozen=True)
class HeldKey:
    case_id: str
    seconds_left: float


class AgentClient:
    """Talks to the user's agent (``socket`` defaults to :func:`socket_path`)."""

    def __init__(self, socket_file: Path | None = None) -> None:
        self.socket_file = socket_file or socket_path()

    def _ask(self, message: dict[str, object]) -> dict[str, object] | None:
        """The agent's answer, or None when no agent runs."""
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(5.0)
                conn.connect(str(self.socket_file))
                conn.sendall(json.dumps(message).encode() + b"\n")
                data = b""
                while not data.endswith(b"\n") and len(data) < _MAX_MESSAGE:
                    chunk = conn.recv(4096)
                    if not chunk:
                        break
                    data += chunk
        except (FileNotFoundError, ConnectionRefusedError):
            return None
        except OSError as error:
            raise AgentError(
                f"The unlock agent did not answer ({error.strerror or error}).",
                "Run 'faceaudit lock' and unlock again, or give the passphrase.",
            ) from error
        try:
            answer = json.loads(data)
        except ValueError:
            return None
        return answer if isinstance(answer, dict) else None

    def running(self) -> bool:
        return self._ask({"op": "status"}) is not None

    def get(self, case_id: str) -> bytes | None:
        """The case's data key if the agent holds it (and it has not expired)."""
        answer = self._ask({"op": "get", "case_id": case_id})
        key = answer.get("key") if answer else None
        return base64.b64decode(key) if isinstance(key, str) else None

    def put(self, case_id: str, data_key: bytes, seconds: float) -> None:
        """Hand the agent a case key for ``seconds``, starting the agent if needed."""
        seconds = max(1.0, min(float(seconds), MAX_UNLOCK_SECONDS))
        if self.socket_file.parent == _folder():
            agent_dir()  # a key is handed only into a private folder of this user
        message = {
            "op": "put",
            "case_id": case_id,
            "key": base64.b64encode(data_key).decode(),
            "seconds": seconds,
        }
        if self._ask(message) is None:
            self._start()
            if self._ask(message) is None:
                raise AgentError(
                    "The unlock agent could not be started.",
                    "Give the passphrase to each command instead.",
                )

    def forget(self, case_id: str | None = None) -> int:
        """Forget one case's key, or every key; returns how many were forgotten."""
        answer = self._ask({"op": "forget", "case_id": case_id})
        return int(answer.get("forgotten", 0)) if answer else 0  # type: ignore[call-overload]

    def held(self) -> list[HeldKey]:
        answer = self._ask({"op": "status"}) or {}
        held = answer.get("held", [])
        if not isinstance(held, list):
            return []
        return [HeldKey(str(item[0]), float(item[1])) for item in held]

    def _start(self) -> None:
        # Started through a short-lived middle process, so the agent is nobody's child: it
        # outlives this command, never becomes a zombie, and Ctrl+C in the terminal spares it.
        launcher = (
            "import subprocess, sys\n"
            "subprocess.Popen([sys.executable, '-m', 'faceaudit.agent', sys.argv[1]],"
            " stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,"
            " start_new_session=True, close_fds=True)\n"
        )
        subprocess.run(
            [sys.executable, "-c", launcher, str(self.socket_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            timeout=_START_TIMEOUT,
        )
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            if self.socket_file.exists() and self.running():
                return
            time.sleep(0.05)


# -- the agent process ------------------------------------------------------------------------


def _harden() -> None:
    """No core dump of the keys; on Linux, no debugger or /proc/PID/mem reader either."""
    import resource

    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4


def _same_user(conn: socket.socket) -> bool:
    peercred = getattr(socket, "SO_PEERCRED", None)
    if peercred is None:
        return True  # the socket's 0600 mode in a 0700 folder is the guard there
    raw = conn.getsockopt(socket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", raw)
    return uid == os.getuid()


class _Keys:
    def __init__(self) -> None:
        self._keys: dict[str, tuple[bytearray, float]] = {}

    def expire(self) -> None:
        now = time.monotonic()
        for case_id in [c for c, (_, until) in self._keys.items() if until <= now]:
            self.forget(case_id)

    def forget(self, case_id: str | None) -> int:
        chosen = list(self._keys) if case_id is None else [case_id]
        count = 0
        for name in chosen:
            held = self._keys.pop(name, None)
            if held is not None:
                held[0][:] = bytes(len(held[0]))  # overwrite before letting it go
                count += 1
        return count

    def handle(self, message: dict[str, object]) -> dict[str, object]:
        self.expire()
        op = message.get("op")
        case_id = message.get("case_id")
        if op == "put" and isinstance(case_id, str) and isinstance(message.get("key"), str):
            seconds = min(float(str(message.get("seconds", 0))) or 1.0, MAX_UNLOCK_SECONDS)
            self.forget(case_id)
            key = bytearray(base64.b64decode(str(message["key"])))
            self._keys[case_id] = (key, time.monotonic() + seconds)
            return {"ok": True}
        if op == "get" and isinstance(case_id, str):
            held = self._keys.get(case_id)
            return {"key": base64.b64encode(bytes(held[0])).decode() if held else None}
        if op == "forget":
            return {"forgotten": self.forget(case_id if isinstance(case_id, str) else None)}
        if op == "status":
            now = time.monotonic()
            return {"held": [[c, until - now] for c, (_, until) in self._keys.items()]}
        return {"error": "unknown request"}

    def __bool__(self) -> bool:
        return bool(self._keys)


def serve(socket_file: Path, idle_exit: float = 5.0) -> None:
    """Run the agent until it holds no key (after ``idle_exit`` s without one)."""
    _harden()
    socket_file.unlink(missing_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_mask = os.umask(0o177)  # the socket is created 0600, never briefly wider
    try:
        server.bind(str(socket_file))
    finally:
        os.umask(old_mask)
    server.listen(8)
    keys = _Keys()
    empty_since = time.monotonic()
    try:
        while True:
            ready, _, _ = select.select([server], [], [], 0.5)
            keys.expire()
            if ready:
                _serve_one(server, keys)
            if keys:
                empty_since = time.monotonic()
            elif time.monotonic() - empty_since > idle_exit:
                return
    finally:
        keys.forget(None)
        server.close()
        with contextlib.suppress(OSError):
            socket_file.unlink()


def _serve_one(server: socket.socket, keys: _Keys) -> None:
    conn, _ = server.accept()
    with conn:
        conn.settimeout(2.0)
        try:
            if not _same_user(conn):
                return
            data = b""
            while not data.endswith(b"\n") and len(data) < _MAX_MESSAGE:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                data += chunk
            message = json.loads(data)
            answer = keys.handle(message) if isinstance(message, dict) else {"error": "bad"}
            conn.sendall(json.dumps(answer).encode() + b"\n")
        except (OSError, ValueError, TypeError):
            return


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
