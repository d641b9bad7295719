"""Issue 9's rough edges: pipes, plain words for network failures, one list parser, names."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from faceaudit.cli import main
from faceaudit.collect.fetch import Fetcher, FetchError, FetchLimits
from faceaudit.collect.netguard import AddressPolicy
from faceaudit.store import InvalidCaseNameError, InvalidSourceError, normalise_source
from faceaudit.store.casestore import validate_case_name
from faceaudit.timestamps import utc_now

PASSPHRASE = "rough edges passphrase 8"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def plain_server(tmp_path: Path) -> Iterator[int]:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path))
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_closed_pipe_ends_quietly(sandbox_home: Path) -> None:
    """`faceaudit ... --json | head`: the reader is gone before anything is written."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "FACEAUDIT_HOME": str(sandbox_home)}
    result = subprocess.run(
        [sys.executable, "-m", "faceaudit", "operators", "find", "meta", "--json"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        timeout=120,
        check=False,
    )
    os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert result.returncode == 141


def test_plain_http_on_an_https_address_is_said_so(plain_server: int) -> None:
    fetcher = Fetcher(FetchLimits(deadline=10))
    try:
        with pytest.raises(FetchError) as caught:
            fetcher.get(
                f"https://127.0.0.1:{plain_server}/",
                AddressPolicy.for_listed_host("127.0.0.1"),
                use_cache=False,
            )
    finally:
        fetcher.close()
    message = str(caught.value)
    assert "does not speak https (TLS) on that port" in message
    assert f"http://127.0.0.1:{plain_server}/" in message
    assert "certificate" not in message
    assert "Pool" not in message and "Max retries" not in message


def test_network_failures_do_not_show_urllib3_internals() -> None:
    import socket

    probe = socket.socket()
    probe.bind(("127.0.0.2", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    fetcher = Fetcher(FetchLimits(deadline=10))
    try:
        with pytest.raises(FetchError) as caught:
            fetcher.get(
                f"http://127.0.0.2:{port}/x",
                AddressPolicy.for_listed_host("127.0.0.2"),
                use_cache=False,
            )
    finally:
        fetcher.close()
    message = str(caught.value)
    assert "Pool" not in message and "Max retries" not in message and "object at" not in message
    assert "127.0.0.2" in message


def test_sources_add_reads_the_csv_that_scan_reads(
    sandbox_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("FACEAUDIT_PASSPHRASE", PASSPHRASE)
    assert main(["case", "create", "case-01"]) == 0
    listing = tmp_path / "urls.csv"
    listing.write_text(
        'url,note\n"https://example.org/team",our team page\n'
        "www.example.net/party.html,party # from the newsletter\n\n# comment\n",
        encoding="utf-8",
    )
    assert main(["sources", "add", "--case", "case-01", "--urls-file", str(listing)]) == 0
    assert main(["sources", "list", "--case", "case-01"]) == 0
    out = capsys.readouterr().out
    assert "https://example.org/team" in out and "https://www.example.net/party.html" in out
    from faceaudit.collect.urls import parse_url_file

    assert parse_url_file(listing).urls == [
        "https://example.org/team",
        "https://www.example.net/party.html",
    ]


def test_a_bare_host_suggests_https() -> None:
    with pytest.raises(InvalidSourceError) as caught:
        normalise_source("www.example.org/page")
    assert "Did you mean https://www.example.org/page ?" in caught.value.todo


def test_timestamps_are_written_one_way() -> None:
    stamp = utc_now()
    assert stamp.endswith("Z") and "+00:00" not in stamp and len(stamp) == 20


def test_case_names_say_which_characters_and_suggest_a_pseudonym(capsys) -> None:
    with pytest.raises(InvalidCaseNameError) as caught:
        validate_case_name("Zoë Martin")
    assert "it contains ' ', 'ë'" in caught.value.what
    assert "pseudonym" in caught.value.todo and "no accents" in caught.value.todo
    assert main(["case", "create", "Zoë"]) == 1
    assert "contains 'ë'" in capsys.readouterr().err


def test_one_file_name_with_two_formats_is_not_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "sam.docx"
    argv = [
        "letter", "--type", "access", "--jurisdiction", "uk", "--lang", "en",
        "--controller", "clearview.ai", "--name", "Sam Jones",
        "--address", "1 High Street, Leeds LS1 1AA", "--email", "sam@example.org",
        "--url", "https://example.org/photo.jpg", "--format", "docx,pdf", "-o", str(target),
    ]  # fmt: skip
    assert main(argv) == 0
    assert target.is_file() and (tmp_path / "sam.pdf").is_file()
