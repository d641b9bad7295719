"""JSON from outside parsed with bounded nesting.

``json.loads`` recurses once per level: ``[[[[...]]]]`` a few thousand deep ends in
``RecursionError``, and a document a few hundred deep parses but then breaks whatever walks
it (``str()``, our own record readers). Nothing FaceAudit reads nests deeper than a handful
of levels, so the depth is counted first, in one linear pass, and a deeper document is
refused with a ``ValueError`` like any other malformed JSON.
"""

from __future__ import annotations

import json
import re

MAX_JSON_DEPTH = 32

# What changes the depth or the string state; everything else is skipped by the regex.
_TOKENS = re.compile(r'["\\\[\]{}]')


class JSONTooDeepError(ValueError):
    """A JSON document nested deeper than the reader allows."""


def too_deep(text: str, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """Whether ``text`` opens more than ``max_depth`` arrays/objects inside each other."""
    depth = 0
    in_string = False
    escaped_at = -1  # the position of the character a backslash escapes
    for token in _TOKENS.finditer(text):
        position, char = token.start(), token.group()
        if position == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = position + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth -= 1
    return False


def loads(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH) -> object:
    """``json.loads`` that refuses documents nested deeper than ``max_depth``."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if too_deep(text, max_depth):
        raise JSONTooDeepError(f"the JSON is nested more than {max_depth} levels deep")
    return json.loads(text)
