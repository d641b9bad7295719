"""The ranges the numeric options of a scan must lie in, for the command line and the window.

Checked where the settings are built (``CollectSettings``, ``ScanSettings``, ``App``), so a
value from any front end is refused the same way; the command line also checks them while
parsing, to answer with a usage message. Why caps at all: each request in flight is a
thread, each worker a decoded photo in memory, each level of depth multiplies the pages; a
``--concurrency 100000`` used to start that many threads and never come back.
"""

from __future__ import annotations

from typing import NamedTuple

from faceaudit.errors import FaceAuditError


class Bound(NamedTuple):  # not a dataclass: dataclasses is not loaded at start-up
    what: str  # the option in words, for messages
    low: int
    high: int


BOUNDS: dict[str, Bound] = {
    "depth": Bound("link depth (pages followed from a listed page)", 0, 10),
    "max_pages": Bound("page limit (pages fetched per source)", 1, 100_000),
    "max_images": Bound("image limit (images fetched per run)", 1, 100_000),
    "concurrency": Bound("concurrency (requests in flight, all sites together)", 1, 32),
    "per_host": Bound("per-site limit (requests in flight to one site)", 1, 8),
    "workers": Bound("worker count (images analysed at the same time)", 1, 64),
    "threads": Bound("thread count (CPU threads for face inference)", 1, 64),
}

MAX_CORES = BOUNDS["threads"].high  # defaults taken from the machine stay within the caps


class OutOfRangeError(FaceAuditError, ValueError):
    """A numeric option outside the range FaceAudit accepts."""


def check(name: str, value: object) -> int:
    """``value`` if it is a whole number within ``name``'s bound, else OutOfRangeError."""
    bound = BOUNDS[name]
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not bound.low <= value <= bound.high
    ):
        raise OutOfRangeError(
            f"The {bound.what} must be a whole number from {bound.low} to {bound.high}, "
            f"not {value!r}.",
            "Choose a value in that range.",
        )
    return value
