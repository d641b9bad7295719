"""The plaintext inside a hand-off: a plain POSIX (ustar) tar, written and read by us.

Any tar tool lists it once age has decrypted it (``age -d -i KEY FILE | tar tv``). We write
only what we read back: regular files with flat names, the manifest first, its signature
second, then the case's files in the manifest's order. The reader is a push parser fed by
the age decryptor (no plaintext reaches the disk unless a sink writes it) and refuses
anything else before it costs memory or a write: links, folders, extended (pax/GNU) headers,
names with a path, sizes over the caps, more entries than allowed, bytes after the end.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Callable, Iterator
from typing import BinaryIO, Protocol

from faceaudit.handoff.errors import DamagedHandoffError

BLOCK = 512
MANIFEST_NAME = "MANIFEST.json"
SIGNATURE_NAME = "MANIFEST.sig"
MAX_MANIFEST_BYTES = 1 << 20
MAX_SIGNATURE_BYTES = 4096
MAX_FILES = 64
MAX_FILE_BYTES = 64 << 30  # one case database; far above any real case
MAX_TRAILER_BYTES = 64 * BLOCK  # tar tools pad the end with zero blocks
FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
CHUNK = 1 << 16


def _damaged(why: str) -> DamagedHandoffError:
    return DamagedHandoffError(
        f"The hand-off file is damaged or was altered: {why}. Nothing was imported.",
        "Ask the sender for the file again (a copy that was cut short, or changed on the way, "
        "cannot be used).",
    )


def header(name: str, size: int) -> bytes:
    """One ustar header block for a regular file (mode 0600, no owner, time 0)."""
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = 0
    info.type = tarfile.REGTYPE
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="ascii", errors="strict")


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


def end_of_archive() -> bytes:
    return b"\0" * (2 * BLOCK)


def member(name: str, handle: BinaryIO, size: int) -> Iterator[bytes]:
    """A member's header, its bytes read in chunks (exactly ``size``), and its padding."""
    yield header(name, size)
    left = size
    while left:
        chunk = handle.read(min(CHUNK, left))
        if not chunk:
            raise OSError(f"{name} shrank while it was being exported")
        left -= len(chunk)
        yield chunk
    yield padding(size)


class Sink(Protocol):
    """Where a member's bytes go: ``write`` many times, ``close`` at its end."""

    def write(self, data: bytes) -> None: ...

    def close(self) -> None: ...


class ArchiveReader:
    """A push parser: ``write(bytes)`` as the decryptor produces them, ``finish()`` at the end.

    ``on_header(name, size)`` is asked for every member after the first two and returns the
    sink for its bytes (or raises to refuse it); ``on_signed(manifest, signature)`` gets the
    first two members' bytes as soon as they are whole, before any sink is asked for.
    """

    def __init__(
        self,
        on_signed: Callable[[bytes, bytes], None],
        on_header: Callable[[str, int], Sink],
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self._on_signed = on_signed
        self._on_header = on_header
        self._on_bytes = on_bytes
        self._buffer = bytearray()
        self._members = 0
        self._left = 0  # bytes of the current member still to come
        self._pad = 0  # padding after it
        self._sink: Sink | None = None
        self._small: bytearray | None = None  # the manifest or the signature being read
        self._signed: list[bytes] = []
        self._zero_blocks = 0
        self._trailer = 0
        self.ended = False

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data)
        count = len(view)
        if self._on_bytes is not None:
            self._on_bytes(count)
        while view:
            view = self._step(view)
        return count

    def _step(self, view: memoryview) -> memoryview:
        if self.ended:
            if any(view) or self._trailer + len(view) > MAX_TRAILER_BYTES:
                raise _damaged("there are bytes after the end of the archive")
            self._trailer += len(view)
            return view[len(view) :]
        if self._left:
            taken = view[: self._left]
            self._left -= len(taken)
            if self._small is not None:
                self._small += taken
            elif self._sink is not None:
                self._sink.write(bytes(taken))
            if not self._left:
                self._member_done()
            return view[len(taken) :]
        if self._pad:
            taken = view[: self._pad]
            if any(taken):
                raise _damaged("a file's padding is not empty")
            self._pad -= len(taken)
            return view[len(taken) :]
        need = BLOCK - len(self._buffer)
        self._buffer += view[:need]
        if len(self._buffer) == BLOCK:
            block = bytes(self._buffer)
            self._buffer.clear()
            self._header(block)
        return view[need:]

    def _header(self, block: bytes) -> None:
        if not any(block):
            self._zero_blocks += 1
            if self._zero_blocks == 2:
                self.ended = True
            return
        if self._zero_blocks:
            raise _damaged("an entry follows an empty block")
        try:
            info = tarfile.TarInfo.frombuf(block, "ascii", "strict")
        except (tarfile.HeaderError, UnicodeDecodeError, ValueError):
            raise _damaged("an entry's header is unreadable") from None
        if info.type not in (tarfile.REGTYPE, tarfile.AREGTYPE):
            raise _damaged(f"it holds an entry that is not a plain file ({info.name[:60]!r})")
        if not FILE_NAME.fullmatch(info.name) or info.name.endswith("."):
            raise _damaged(f"it holds an entry with a path or an odd name ({info.name[:60]!r})")
        self._members += 1
        if self._members > MAX_FILES + 2:
            raise _damaged(f"it holds more than {MAX_FILES} files")
        size = info.size
        expected = {1: MANIFEST_NAME, 2: SIGNATURE_NAME}.get(self._members)
        if expected is not None:
            limit = MAX_MANIFEST_BYTES if self._members == 1 else MAX_SIGNATURE_BYTES
            if info.name != expected:
                raise _damaged(f"it does not start with its {expected}")
            if size > limit:
                raise _damaged(f"its {expected} is too large")
            self._small = bytearray()
        else:
            if size > MAX_FILE_BYTES:
                raise _damaged(f"{info.name} is larger than any case file")
            self._sink = self._on_header(info.name, size)
        self._left, self._pad = size, -size % BLOCK
        if not size:
            self._member_done()

    def _member_done(self) -> None:
        if self._small is not None:
            self._signed.append(bytes(self._small))
            self._small = None
            if len(self._signed) == 2:
                self._on_signed(self._signed[0], self._signed[1])
        elif self._sink is not None:
            sink, self._sink = self._sink, None
            sink.close()

    def finish(self) -> None:
        """The decryptor reached the end: the archive must have ended too."""
        if not self.ended:
            raise _damaged("it ends in the middle (the file was cut short)")
