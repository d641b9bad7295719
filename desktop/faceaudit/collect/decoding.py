"""Content-Encoding decoding under our control, with every stage's output bounded.

urllib3 decodes too, but the size caps must count *decoded* bytes while they are produced:
a 10 KB gzip body can inflate to 10 GB. Each decoder here emits at most ``CHUNK`` bytes per
step, so a bomb is stopped as soon as the cap is crossed, with little memory used.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Protocol

import brotli

CHUNK = 64 * 1024
# urllib3 allows 5 chained encodings; real servers use one.
MAX_ENCODINGS = 2


class EncodingError(ValueError):
    """The body's Content-Encoding is unsupported, too deeply chained, or corrupt."""


class _Stage(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...
    def finish(self) -> Iterator[bytes]: ...


class _ZlibStage:
    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._decoder: zlib._Decompress | None = None
        self._first = b""

    def _make(self, head: bytes) -> zlib._Decompress:
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
        looks_zlib = len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if looks_zlib else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decoder is None:
            self._first += data
            if len(self._first) < 2:
                return
            data, self._first = self._first, b""
            self._decoder = self._make(data)
        yield from self._drain(data)

    def _drain(self, data: bytes) -> Iterator[bytes]:
        while data and self._decoder is not None:
            try:
                out = self._decoder.decompress(data, CHUNK)
            except zlib.error as error:
                raise EncodingError(f"the {self.coding} body is corrupt ({error})") from error
            if out:
                yield out
            if self._decoder.eof:
                # A second gzip member may follow; anything else after the end is ignored.
                rest = self._decoder.unused_data
                self._decoder = self._make(rest) if rest and self.coding == "gzip" else None
                data = rest
            else:
                data = self._decoder.unconsumed_tail

    def finish(self) -> Iterator[bytes]:
        if self._decoder is None and self._first:
            data, self._first = self._first, b""
            self._decoder = self._make(data)
            yield from self._drain(data)
        if self._decoder is not None:
            try:
                out = self._decoder.flush(CHUNK)
            except zlib.error as error:
                raise EncodingError(f"the {self.coding} body is corrupt ({error})") from error
            if out:
                yield out
            if not self._decoder.eof:
                raise EncodingError(f"the {self.coding} body is corrupt or truncated")


class _BrotliStage:
    def __init__(self) -> None:
        self._decoder = brotli.Decompressor()
        self._fed = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._fed = self._fed or bool(data)
        try:
            out = self._decoder.process(data, output_buffer_limit=CHUNK)
            if out:
                yield out
            yield from self._pending()
        except brotli.error as error:
            raise EncodingError(f"the br body is corrupt ({error})") from error

    def _pending(self) -> Iterator[bytes]:
        # Output held back by the limit comes out on calls with empty input.
        while not self._decoder.is_finished():
            out = self._decoder.process(b"", output_buffer_limit=CHUNK)
            if not out:
                return
            yield out

    def finish(self) -> Iterator[bytes]:
        try:
            yield from self._pending()
        except brotli.error as error:
            raise EncodingError(f"the br body is corrupt ({error})") from error
        if self._fed and not self._decoder.is_finished():
            raise EncodingError("the br body is corrupt or truncated")


def parse_encodings(header: str | None) -> list[str]:
    """The codings in the order they must be undone (last applied first)."""
    codings = [part.strip().lower() for part in (header or "").split(",") if part.strip()]
    codings = [coding for coding in codings if coding != "identity"]
    if len(codings) > MAX_ENCODINGS:
        raise EncodingError(
            f"the body is wrapped in {len(codings)} compression layers "
            f"(at most {MAX_ENCODINGS} are accepted)"
        )
    for coding in codings:
        if coding not in ("gzip", "x-gzip", "deflate", "br"):
            raise EncodingError(f"the body uses an unsupported compression ({coding})")
    return list(reversed(codings))


class DecodeChain:
    """Feeds raw body bytes through the decoders; yields decoded pieces of at most CHUNK."""

    def __init__(self, content_encoding: str | None) -> None:
        self._stages: list[_Stage] = []
        for coding in parse_encodings(content_encoding):
            if coding == "br":
                self._stages.append(_BrotliStage())
            else:
                self._stages.append(_ZlibStage("gzip" if coding == "x-gzip" else coding))

    def _through(self, pieces: Iterator[bytes], start: int) -> Iterator[bytes]:
        if start == len(self._stages):
            yield from pieces
            return
        stage = self._stages[start]
        for piece in pieces:
            yield from self._through(stage.feed(piece), start + 1)

    def feed(self, data: bytes) -> Iterator[bytes]:
        return self._through(iter((data,)), 0)

    def finish(self) -> Iterator[bytes]:
        for index, stage in enumerate(self._stages):
            yield from self._through(stage.finish(), index + 1)
