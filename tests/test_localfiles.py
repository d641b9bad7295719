"""Special files named by the person (issue 15, item 1): refused before they are opened.

Every reader of a path the person gives goes through :mod:`faceaudit.localfiles`; these tests
name each reader the CLI and the window call. A device here is ``/dev/null`` (safe to read
if a guard regresses); ``/dev/zero`` and ``/dev/urandom`` run in bounded child processes in
``tests/sweep``. A named pipe that blocks would hang the test, so each call runs under
:func:`bounded`, which unblocks the pipe and fails instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from faceaudit.collect.local import LocalError, walk_local
from faceaudit.collect.urls import read_list_file
from faceaudit.errors import FaceAuditError, ImageError, ModelPackError
from faceaudit.faces.modelpacks import load_manifest
from faceaudit.imaging import read_image_file
from faceaudit.letters.directory import DirectoryError, import_datarequests
from faceaudit.localfiles import UnreadableFileError, open_regular, read_capped
from faceaudit.store import InvalidSourceError, normalise_source

KIND_WORDS = {"device": "a device", "fifo": "a named pipe (FIFO)", "socket": "a socket"}


@pytest.fixture
def special(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """One of each: a device, a named pipe, a socket, and a symlink to the device."""
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    sock_path = tmp_path / "socket.jpg"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    link = tmp_path / "link.jpg"
    link.symlink_to("/dev/null")
    yield {"device": Path("/dev/null"), "fifo": fifo, "socket": sock_path, "link": link}
    server.close()


def bounded(call: Callable[[], object], fifos: list[Path], seconds: float = 20) -> object:
    """``call()`` in a thread; if it is still blocked after ``seconds`` (on a FIFO's open),
    open the FIFOs for writing so it returns, then fail the test."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for fifo in fifos:
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
        pytest.fail(f"blocked for more than {seconds} s (on a named pipe?)")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


def kind_word(name: str) -> str:
    return KIND_WORDS.get(name, "a device")  # the symlink leads to a device


@pytest.mark.parametrize("name", ["device", "fifo", "socket", "link"])
def test_read_capped_refuses_what_is_not_a_regular_file(
    special: dict[str, Path], name: str
) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        bounded(lambda: read_capped(special[name], 1024, role="list"), [special["fifo"]])
    assert f"is {kind_word(name)}, not a file" in caught.value.what
    assert caught.value.todo


def test_read_capped_reads_a_file_and_refuses_one_over_the_cap(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 100)
    assert read_capped(small, 100) == b"x" * 100
    with pytest.raises(UnreadableFileError, match=r"100 bytes, over the 99 bytes limit"):
        read_capped(small, 99, too_large_todo="Split it.")
    with pytest.raises(UnreadableFileError, match="does not exist"):
        read_capped(tmp_path / "missing", 10)
    with pytest.raises(UnreadableFileError, match="is a folder"):
        read_capped(tmp_path, 10)


def test_a_fifo_swapped_in_after_the_check_cannot_block(tmp_path: Path) -> None:
    """The open itself never waits: O_NONBLOCK, then fstat on what was actually opened."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # what open_regular does after its stat
    try:
        assert stat.S_ISFIFO(os.fstat(fd).st_mode)
    finally:
        os.close(fd)
    with pytest.raises(UnreadableFileError, match="named pipe"):
        bounded(lambda: open_regular(fifo).__enter__(), [fifo])


READERS: dict[str, tuple[Callable[[Path], object], type[Exception]]] = {
    "reference photo / match image": (read_image_file, ImageError),
    "URL list / sources file": (read_list_file, FaceAuditError),
    "operator database": (lambda p: import_datarequests(p, p.parent / "ops"), DirectoryError),
    "model-pack manifest": (load_manifest, ModelPackError),
    "local source added to a case": (lambda p: normalise_source(str(p)), InvalidSourceError),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("name", ["device", "fifo", "socket", "link"])
def test_every_reader_refuses_special_files(
    special: dict[str, Path], reader: str, name: str
) -> None:
    read, error_type = READERS[reader]
    with pytest.raises(error_type) as caught:
        bounded(lambda: read(special[name]), [special["fifo"]])
    assert kind_word(name) in str(caught.value)


@pytest.mark.parametrize("name", ["device", "fifo", "socket", "link"])
def test_a_local_source_that_is_a_special_file_is_refused(
    special: dict[str, Path], name: str
) -> None:
    items = bounded(lambda: list(walk_local(special[name])), [special["fifo"]])
    assert isinstance(items, list) and len(items) == 1
    assert isinstance(items[0], LocalError)
    assert f"is {kind_word(name)}, not a file or folder" in str(items[0])


def test_special_files_inside_a_folder_are_skipped_and_named(
    special: dict[str, Path], tmp_path: Path, examples_dir: Path
) -> None:
    photo = tmp_path / "me.jpg"
    photo.write_bytes((examples_dir / "obama.jpg").read_bytes())
    items = bounded(lambda: list(walk_local(tmp_path)), [special["fifo"]])
    assert isinstance(items, list)
    pictures = [item for item in items if not isinstance(item, LocalError)]
    assert [Path(item.location).name for item in pictures] == ["me.jpg"]
    skipped = sorted(str(item) for item in items if isinstance(item, LocalError))
    assert len(skipped) == 3  # the link, the pipe, the socket: each named, none opened
    assert all("skipped (never opened)" in message for message in skipped)
