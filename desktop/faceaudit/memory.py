"""Giving freed memory back to the system after large images.

glibc keeps freed heap memory for reuse instead of returning it: after a 35 MP photo a
process would stay as large as the largest image it ever handled (the temporaries of
decoding and detection are below its mmap threshold). ``malloc_trim`` returns it; elsewhere
(macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    with contextlib.suppress(OSError, AttributeError, TypeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
        return trim
    return None


def release_freed_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
