"""`faceaudit collect`: text output stays inert whatever the server sends."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING

import pytest

from faceaudit.cli import main, terminal_safe

if TYPE_CHECKING:
    from ..collect.conftest import Site


def test_terminal_safe_escapes_controls_and_bidi_overrides_only() -> None:
    assert terminal_safe("é 日本 ok") == "é 日本 ok"
    assert (
        terminal_safe("a\x1b]0;title\x07b\x9b2J\u202e\n") == "a\\x1b]0;title\\x07b\\x9b2J\\u202e\\n"
    )


def test_escape_sequences_in_server_headers_reach_the_terminal_escaped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ..collect.conftest import _bind_or_skip, send

    site: Site = _bind_or_skip("127.0.0.1")
    try:

        def evil(request: BaseHTTPRequestHandler) -> None:
            send(request, b"\x1b[31mjunk", "application/x-\x1b]0;owned\x07\x1b[2J")

        site.add("/c", evil)
        page = site.static("/", b'<html><img src="/c"></html>')
        main(["collect", "--no-cache", page])
    finally:
        site.close()
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07\\x1b[2J" in err
