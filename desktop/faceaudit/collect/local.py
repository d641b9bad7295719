"""Local sources: an image or video file, a folder (recursively), or a ZIP archive.

ZIP archives (data exports) are read in memory, member by member, never extracted to disk:
the member count, each member's declared and actual size, the compression ratio and the
total are all capped, so a zip bomb is refused before (declared sizes) or while (actual
sizes) it inflates. Nested archives are not opened.

Only folders and regular files are read (through :mod:`faceaudit.localfiles`): a device, a
named pipe or a socket given as a source is refused, and one met inside a folder is skipped
and named, never opened (``/dev/zero`` never ends; a named pipe blocks until written to).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faceaudit.collect.fetch import sniff_kind
from faceaudit.errors import ImageError
from faceaudit.imaging import MAX_FILE_BYTES, refuse_unsupported, sniff_format
from faceaudit.localfiles import kind_of, open_regular, special_file_kind

MAX_ARCHIVE_MEMBERS = 20_000
MAX_ARCHIVE_TOTAL_BYTES = 4 * 1024**3
MAX_MEMBER_RATIO = 200  # photos barely compress; text can, but we only want pictures
MAX_FOLDER_FILES = 200_000
MEDIA_SUFFIXES = (
    ".jpg", ".jpeg", ".jfif", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff",
    ".avif", ".heic", ".heif", ".mp4", ".m4v", ".webm", ".mov",
)  # fmt: skip


class LocalError(Exception):
    """A local file, folder or archive that cannot be used (message says why and what to do)."""


def _local_error(what: str, todo: str) -> LocalError:
    return LocalError(f"{what} {todo}".strip())


@dataclass(frozen=True)
class LocalItem:
    """One image (bytes) or video (a path on disk) from a local source."""

    location: str  # the file path, or "archive.zip!member/name.jpg"
    kind: str  # image | video
    data: bytes | None = None
    path: Path | None = None  # videos are sampled from their file
    found_by: str = "local"

    @property
    def sha256(self) -> str:
        if self.data is not None:
            return hashlib.sha256(self.data).hexdigest()
        assert self.path is not None
        digest = hashlib.sha256()
        with open_regular(self.path, role="video", error=_local_error) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()


def _read_head(path: Path, size: int = 64) -> bytes:
    with open_regular(path, error=_local_error) as handle:
        return handle.read(size)


def _file_item(path: Path, max_video_bytes: int) -> LocalItem | None:
    """The item for a regular file, or None if it is neither an image nor a video."""
    data = b""
    with open_regular(path, error=_local_error) as handle:
        try:
            head = handle.read(64)
            size = os.fstat(handle.fileno()).st_size
            kind = sniff_kind(head)
            if kind == "image" and size <= MAX_FILE_BYTES:
                # One byte past the cap: a file that grows after the size check is caught.
                data = head + handle.read(MAX_FILE_BYTES + 1 - len(head))
                size = len(data)
        except OSError as error:
            raise LocalError(f"{path} cannot be read ({error.strerror}).") from error
    if kind == "image":
        refusal = _refusal(str(path), head)
        if refusal is not None:
            raise refusal
        if size > MAX_FILE_BYTES:
            raise LocalError(f"{path} is {size / 2**20:.0f} MiB, over the image size limit.")
        return LocalItem(str(path), "image", data=data)
    if kind == "video":
        if size > max_video_bytes:
            raise LocalError(f"{path} is {size / 2**20:.0f} MiB, over the video size limit.")
        return LocalItem(str(path), "video", path=path)
    return None


def _refusal(location: str, head: bytes) -> LocalError | None:
    """A picture in a format that is recognised but not decoded (HEIC) is named, not skipped."""
    try:
        refuse_unsupported(sniff_format(head) or "")
    except ImageError as error:
        return LocalError(f"{location}: {error.what} {error.todo}")
    return None


def walk_local(source: Path, *, max_video_bytes: int = 1024**3) -> Iterator[LocalItem | LocalError]:
    """Every image and video of a local source; per-file problems are yielded, not raised."""
    try:
        mode = source.stat().st_mode
    except FileNotFoundError:
        yield LocalError(f"{source} does not exist.")
        return
    except (OSError, ValueError) as error:
        yield LocalError(f"{source} cannot be read ({getattr(error, 'strerror', None) or error}).")
        return
    if stat.S_ISDIR(mode):
        yield from _walk_folder(source, max_video_bytes)
        return
    kind = kind_of(mode)
    if kind is not None:
        yield LocalError(
            f"{source} is {kind}, not a file or folder; FaceAudit reads only regular files, "
            "folders and ZIP archives. Give the path of a picture, a video, a folder or a .zip."
        )
        return
    try:
        if _is_zip(source):
            yield from walk_zip(source)
            return
        item = _file_item(source, max_video_bytes)
    except LocalError as error:
        yield error
        return
    if item is None:
        yield LocalError(f"{source} is not an image, a video or a ZIP archive FaceAudit reads.")
    else:
        yield item


def _is_zip(path: Path) -> bool:
    with open_regular(path, error=_local_error) as handle:
        return zipfile.is_zipfile(handle)


def _walk_folder(folder: Path, max_video_bytes: int) -> Iterator[LocalItem | LocalError]:
    seen = 0
    unreadable: list[OSError] = []
    # Symlinked folders are not followed: they could loop or leave the folder listed.
    for directory, subdirs, files in os.walk(folder, followlinks=False, onerror=unreadable.append):
        yield from _unreadable_folders(unreadable)
        subdirs.sort()
        for name in sorted(files):
            seen += 1
            if seen > MAX_FOLDER_FILES:
                yield LocalError(
                    f"{folder} holds more than {MAX_FOLDER_FILES} files; the rest were skipped."
                )
                return
            path = Path(directory) / name
            kind = special_file_kind(path)
            if kind is not None:
                yield LocalError(f"{path} is {kind}, not a file; skipped (never opened).")
                continue
            if path.suffix.lower() == ".zip":
                yield from walk_zip(path)
                continue
            if path.suffix.lower() not in MEDIA_SUFFIXES and not _sniffable(path):
                continue
            try:
                item = _file_item(path, max_video_bytes)
            except LocalError as error:
                yield error
                continue
            if item is not None:
                yield item
    yield from _unreadable_folders(unreadable)


def _unreadable_folders(errors: list[OSError]) -> Iterator[LocalError]:
    """os.walk skips folders it cannot list; each one is reported instead (then forgotten)."""
    for error in errors:
        reason = error.strerror or str(error)
        yield LocalError(
            f"The folder {error.filename} cannot be read ({reason}); its pictures were not "
            "looked at. Check its permissions, or list a folder you can open."
        )
    errors.clear()


def _sniffable(path: Path) -> bool:
    """Screenshots and exports often have no extension; sniff small unknown files."""
    try:
        return path.is_file() and sniff_format(_read_head(path, 16)) is not None
    except (OSError, LocalError):
        return False


def walk_zip(archive: Path) -> Iterator[LocalItem | LocalError]:
    """Images inside a ZIP archive, read in memory with caps (videos inside are skipped)."""
    with contextlib.ExitStack() as stack:
        try:
            raw = stack.enter_context(open_regular(archive, error=_local_error))
            handle = stack.enter_context(zipfile.ZipFile(raw))
        except LocalError as error:
            yield error
            return
        except (OSError, zipfile.BadZipFile) as error:
            yield LocalError(f"{archive} is not a readable ZIP archive ({error}).")
            return
        members = [info for info in handle.infolist() if not info.is_dir()]
        if len(members) > MAX_ARCHIVE_MEMBERS:
            yield LocalError(
                f"{archive} lists {len(members)} files, over the {MAX_ARCHIVE_MEMBERS} limit; "
                "it was not opened (a zip bomb, or an export to split)."
            )
            return
        declared = sum(info.file_size for info in members)
        if declared > MAX_ARCHIVE_TOTAL_BYTES:
            yield LocalError(
                f"{archive} would unpack to {declared / 2**30:.1f} GiB, over the "
                f"{MAX_ARCHIVE_TOTAL_BYTES // 2**30} GiB limit; it was not opened."
            )
            return
        for info in members:
            yield from _zip_member(handle, archive, info)


def _zip_member(
    handle: zipfile.ZipFile, archive: Path, info: zipfile.ZipInfo
) -> Iterator[LocalItem | LocalError]:
    location = f"{archive}!{info.filename}"
    if info.filename.lower().endswith(".zip"):
        return  # nested archives are not opened
    if info.file_size > MAX_FILE_BYTES:
        if Path(info.filename).suffix.lower() in MEDIA_SUFFIXES:
            yield LocalError(f"{location} is over the image size limit; skipped.")
        return
    if info.compress_size and info.file_size / info.compress_size > MAX_MEMBER_RATIO:
        yield LocalError(
            f"{location} inflates {info.file_size // info.compress_size}x; refused as a zip bomb."
        )
        return
    try:
        with handle.open(info) as member:
            head = member.read(64)
            if sniff_kind(head) != "image":
                return
            refusal = _refusal(location, head)
            if refusal is not None:
                yield refusal
                return
            # Never trust the declared size: read one byte past the cap to detect a lie.
            data = head + member.read(MAX_FILE_BYTES + 1 - len(head))
    except (OSError, zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError) as error:
        yield LocalError(f"{location} cannot be read ({error}).")
        return
    if len(data) > MAX_FILE_BYTES or len(data) > max(info.file_size, 1) * 2:
        yield LocalError(f"{location} is larger than its archive entry claims; refused.")
        return
    yield LocalItem(location, "image", data=data, found_by="archive")
