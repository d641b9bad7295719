"""The Operator directory: who runs a site, and where to send the request.

Three layers, merged by slug with their provenance kept on every record:
1. ``builtin`` — the curated file shipped in ``letters/data/operators.json`` (never edited
   by the app);
2. ``datarequests.org`` — the open CC0 database of Datenanfragen e.V., imported from a
   downloaded folder, zip or tarball into ``paths.operators/datarequests.json``;
3. ``local`` — what the person added or corrected, in ``paths.operators/local.json``.
A local record wins over a built-in one, which wins over an imported one.

Archives are read member by member in memory, never extracted, with caps on sizes and
counts: a downloaded archive is as hostile as any web page.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from faceaudit import boundedjson
from faceaudit.errors import FaceAuditError
from faceaudit.localfiles import open_regular, read_capped
from faceaudit.timestamps import utc_now

IMPORT_FILE = "datarequests.json"
LOCAL_FILE = "local.json"
MAX_RECORD_BYTES = 256 * 1024
MAX_ARCHIVE_MEMBERS = 50_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
EU_EEA = frozenset(
    (
        *("at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie"),
        *("it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se"),
        *("no", "is", "li"),  # the EEA beyond the Union
    )
)
_SLUG = re.compile(r"^[a-z0-9-]+$")
_DOMAIN_IN_TEXT = re.compile(r"\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.IGNORECASE)


class DirectoryError(FaceAuditError):
    """The operator directory cannot be read, imported or updated."""


@dataclass(frozen=True)
class Entity:
    """The legal entity answerable in one jurisdiction (e.g. Meta's US company for UK users)."""

    name: str
    address: str
    confidence: str = "medium"


@dataclass(frozen=True)
class Operator:
    """A data controller or a supervisory authority, with where its facts come from."""

    slug: str
    name: str
    kind: str = "controller"  # controller | authority
    address: str = ""
    email: str = ""
    webform: str = ""
    phone: str = ""
    web: str = ""
    country: str = ""  # where it is established (ISO alpha-2, lower case), when known
    countries: tuple[str, ...] = ("all",)  # where its record is relevant
    domains: tuple[str, ...] = ()
    runs: tuple[str, ...] = ()
    entities: dict[str, Entity] = field(default_factory=dict)  # per jurisdiction code
    jurisdictions: tuple[str, ...] = ()  # authorities: the regimes they enforce
    language: str = ""  # language requests/complaints should be written in, when known
    # A face-search engine collects images of people from others' pages and makes faces
    # searchable: letters to it speak of what it collected or indexed, not of "its" pages.
    face_search: bool = False
    confidence: str = "medium"  # high | medium | low
    checked: str = ""  # date the facts were checked
    sources: tuple[str, ...] = ()
    notes: str = ""
    provenance: str = "builtin"  # builtin | datarequests.org | local
    also_in: tuple[str, ...] = ()  # other layers holding a record with the same slug

    @property
    def verify_before_sending(self) -> bool:
        # The person's own records and the details they typed for this letter are theirs.
        return self.confidence != "high" and self.provenance not in ("local", "given")

    def for_jurisdiction(self, jurisdiction: str) -> Operator:
        """This record with the name and address of the entity answerable in ``jurisdiction``."""
        entity = self.entities.get(jurisdiction)
        if entity is None:
            return self
        confidence = min(self.confidence, entity.confidence, key=_CONFIDENCE_ORDER.index)
        return replace(self, name=entity.name, address=entity.address, confidence=confidence)

    def channel(self) -> str:
        if self.email:
            return "email"
        if self.webform:
            return "webform"
        return "letter" if self.address else "unknown"

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["entities"] = {k: asdict(v) for k, v in self.entities.items()}
        return data


_CONFIDENCE_ORDER = ["low", "medium", "high"]


def operator_from_json(data: dict[str, object], provenance: str | None = None) -> Operator:
    """Rebuild an Operator from :meth:`Operator.to_json` or the built-in file's format."""
    entities_raw = data.get("entities") or {}
    if not isinstance(entities_raw, dict):
        raise DirectoryError("An operator record has malformed entities.", "Correct the record.")
    entities = {
        str(key): Entity(
            name=str(value.get("name", "")),
            address=str(value.get("address", "")),
            confidence=str(value.get("confidence", "medium")),
        )
        for key, value in entities_raw.items()
        if isinstance(value, dict)
    }
    known = {f for f in Operator.__dataclass_fields__ if f != "entities"}
    fields: dict[str, object] = {}
    for key, value in data.items():
        if key not in known:
            continue
        fields[key] = tuple(str(v) for v in value) if isinstance(value, list) else value
    fields["face_search"] = fields.get("face_search") is True
    if provenance is not None:
        fields["provenance"] = provenance
    slug = str(fields.get("slug", ""))
    if not _SLUG.match(slug) or not str(fields.get("name", "")).strip():
        raise DirectoryError(
            f"An operator record has no usable slug or name ({slug!r}).",
            "Give every operator a slug of lower-case letters, digits and dashes, and a name.",
        )
    return Operator(entities=entities, **fields)  # type: ignore[arg-type]


def domain_of(text: str) -> str:
    """The lower-case host of a URL or a bare domain, without ``www.`` or a port."""
    text = text.strip().lower()
    host = urlsplit(text).hostname if "://" in text else text.split("/")[0].split(":")[0]
    host = (host or "").rstrip(".")
    return host.removeprefix("www.")


def _parent_domains(host: str) -> Iterator[str]:
    labels = host.split(".")
    for start in range(len(labels) - 1):
        yield ".".join(labels[start:])


# --- datarequests.org import -------------------------------------------------------


def _record_from_datarequests(data: dict[str, object], kind: str) -> Operator | None:
    slug, name = data.get("slug"), data.get("name")
    if not isinstance(slug, str) or not isinstance(name, str) or not _SLUG.match(slug):
        return None
    web = str(data.get("web") or "")
    runs = tuple(str(r) for r in data.get("runs") or () if isinstance(r, str))  # type: ignore[attr-defined]
    domains = {domain_of(web)} if web else set()
    for item in runs:
        domains.update(d.lower().removeprefix("www.") for d in _DOMAIN_IN_TEXT.findall(item))
    email = str(data.get("email") or "")
    if "@" in email:
        domains.add(email.rsplit("@", 1)[1].lower())
    countries = tuple(
        str(c)
        for c in data.get("relevant-countries") or ("all",)  # type: ignore[attr-defined]
    )
    # The database marks quality, not confidence: only tested records count as certain.
    quality = str(data.get("quality") or "")
    confidence = "high" if quality == "tested" else "medium"
    language = str(data.get("request-language") or data.get("complaint-language") or "")
    comments = data.get("comments") or []
    notes = " ".join(str(c) for c in comments) if isinstance(comments, list) else ""
    return Operator(
        slug=slug,
        name=name.strip(),
        kind=kind,
        address=str(data.get("address") or ""),
        email=email,
        webform=str(data.get("webform") or ""),
        phone=str(data.get("phone") or ""),
        web=web,
        country=countries[0] if kind == "authority" and countries and countries[0] != "all" else "",
        countries=countries,
        domains=tuple(sorted(d for d in domains if d)),
        runs=runs,
        jurisdictions=("eu",) if kind == "authority" else (),
        language=language,
        confidence=confidence,
        sources=tuple(str(s) for s in data.get("sources") or ()),  # type: ignore[attr-defined]
        notes=notes,
        provenance="datarequests.org",
    )


def _member_kind(name: str) -> str | None:
    """'controller' for companies/*.json, 'authority' for supervisory-authorities/*.json."""
    parts = name.replace("\\", "/").split("/")
    if len(parts) < 2 or not parts[-1].endswith(".json"):
        return None
    folder = parts[-2]
    if folder == "companies":
        return "controller"
    if folder == "supervisory-authorities":
        return "authority"
    return None


def _iter_members(source: Path) -> Iterator[tuple[str, bytes]]:
    """(member name, bytes) of the record files in a folder, zip or tarball, with caps."""
    total, count = 0, 0

    def account(size: int, members: int = 1) -> None:
        nonlocal total, count
        total += size
        count += members
        if total > MAX_TOTAL_BYTES or count > MAX_ARCHIVE_MEMBERS:
            raise DirectoryError(
                f"{source} holds more than a datarequests.org database should.",
                "Check that you downloaded the datenanfragen/data repository.",
            )

    if source.is_dir():
        for folder in ("companies", "supervisory-authorities"):
            for path in (
                sorted((source / folder).glob("*.json")) if (source / folder).is_dir() else ()
            ):
                # A device or named pipe among the records is never opened, only skipped.
                try:
                    data = read_capped(path, MAX_RECORD_BYTES, role="record", error=DirectoryError)
                except DirectoryError:
                    yield f"{folder}/{path.name}", b""  # reported with the skipped records
                    continue
                account(len(data))
                yield f"{folder}/{path.name}", data
        return
    # An archive must be a regular file: /dev/zero or a named pipe would never end.
    with open_regular(source, role="operator database", error=DirectoryError) as handle:
        yield from _iter_archive(source, handle, account)


def _iter_archive(
    source: Path, handle: BinaryIO, account: Callable[..., None]
) -> Iterator[tuple[str, bytes]]:
    if zipfile.is_zipfile(handle):
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS:
                account(0, members=len(members))
            for info in members:
                if info.is_dir() or _member_kind(info.filename) is None:
                    continue
                if info.file_size > MAX_RECORD_BYTES:
                    continue
                with archive.open(info) as record:
                    data = record.read(MAX_RECORD_BYTES + 1)
                if len(data) > MAX_RECORD_BYTES:
                    continue
                account(len(data))
                yield info.filename, data
        return
    handle.seek(0)
    try:
        tar_archive = tarfile.open(fileobj=handle, mode="r:*")  # noqa: SIM115 - closed below
    except (tarfile.TarError, OSError) as error:
        raise DirectoryError(
            f"{source} is neither a folder, a zip nor a tarball ({error}).",
            "Give the datenanfragen/data repository as a folder or its downloaded archive.",
        ) from error
    with tar_archive:
        # Every member counts against the caps, read or not: skipping one still means
        # decompressing it, and a compressed tarball can claim gigabytes of them.
        while (member := tar_archive.next()) is not None:
            # TarFile keeps every header it read in this (untyped) list otherwise.
            tar_archive.members.clear()  # type: ignore[attr-defined]
            account(member.size if member.isreg() else 0)
            if not member.isreg() or _member_kind(member.name) is None:
                continue
            if member.size > MAX_RECORD_BYTES:
                continue
            member_file = tar_archive.extractfile(member)
            if member_file is None:
                continue
            yield member.name, member_file.read(MAX_RECORD_BYTES + 1)


@dataclass(frozen=True)
class ImportReport:
    controllers: int
    authorities: int
    skipped: tuple[str, ...]  # member names that were not valid records
    stored_at: Path


def import_datarequests(source: Path, operators_dir: Path) -> ImportReport:
    """Read a datarequests.org database copy and store it as the imported layer."""
    source = Path(source)
    if not source.exists():
        raise DirectoryError(
            f"{source} does not exist.",
            "Download the datenanfragen/data repository (folder, zip or tarball) "
            "and give its path.",
        )
    records: dict[str, Operator] = {}
    skipped: list[str] = []
    for name, raw in _iter_members(source):
        kind = _member_kind(name)
        try:
            data = boundedjson.loads(raw)
        except ValueError:  # not UTF-8, not JSON, or nested deeper than a record ever is
            skipped.append(name)
            continue
        record = (
            _record_from_datarequests(data, kind or "controller")
            if isinstance(data, dict)
            else None
        )
        if record is None:
            skipped.append(name)
            continue
        records[f"{record.kind}:{record.slug}"] = record
    if not records:
        raise DirectoryError(
            f"No datarequests.org records found in {source}.",
            "Give the repository's root folder (with companies/ and "
            "supervisory-authorities/) or its archive.",
        )
    payload = {
        "source": str(source),
        "imported_at": utc_now(),
        "licence": "CC0 1.0, Datenanfragen e.V.",
        "operators": [r.to_json() for r in records.values()],
    }
    target = operators_dir / IMPORT_FILE
    _write_json_atomically(target, payload)
    return ImportReport(
        controllers=sum(r.kind == "controller" for r in records.values()),
        authorities=sum(r.kind == "authority" for r in records.values()),
        skipped=tuple(skipped),
        stored_at=target,
    )


def _write_json_atomically(target: Path, payload: object) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- the merged directory ----------------------------------------------------------


def load_builtin() -> list[Operator]:
    text = resources.files("faceaudit.letters").joinpath("data/operators.json").read_text("utf-8")
    return [operator_from_json(item, "builtin") for item in json.loads(text)["operators"]]


def _load_layer(path: Path, provenance: str) -> list[Operator]:
    if not path.is_file():
        return []
    try:
        data = boundedjson.loads(path.read_bytes())
        return [operator_from_json(item, provenance) for item in data["operators"]]  # type: ignore[index]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DirectoryError(
            f"The operator file {path} cannot be read ({error}).",
            "Delete it and import or add the operators again.",
        ) from error


class Directory:
    """Every known Operator, looked up by slug, domain, name or country."""

    def __init__(self, operators: Iterable[Operator]) -> None:
        self._by_key: dict[tuple[str, str], Operator] = {}
        for operator in operators:
            self._add(operator)
        self._by_domain: dict[str, list[Operator]] = {}
        for operator in self._by_key.values():
            for domain in operator.domains:
                self._by_domain.setdefault(domain_of(domain), []).append(operator)
        for matches in self._by_domain.values():
            matches.sort(key=_precedence)

    @classmethod
    def load(cls, operators_dir: Path) -> Directory:
        # Imported first, then built-in, then local: later layers win on the same slug.
        return cls(
            [
                *_load_layer(operators_dir / IMPORT_FILE, "datarequests.org"),
                *load_builtin(),
                *_load_layer(operators_dir / LOCAL_FILE, "local"),
            ]
        )

    def _add(self, operator: Operator) -> None:
        key = (operator.kind, operator.slug)
        previous = self._by_key.get(key)
        if previous is not None:
            layers = (*previous.also_in, previous.provenance)
            operator = replace(operator, also_in=tuple(dict.fromkeys(layers)))
        self._by_key[key] = operator

    def __len__(self) -> int:
        return len(self._by_key)

    def all(self, kind: str | None = None) -> list[Operator]:
        return [o for o in self._by_key.values() if kind is None or o.kind == kind]

    def get(self, slug: str, kind: str | None = None) -> Operator | None:
        for candidate_kind in (kind,) if kind else ("controller", "authority"):
            found = self._by_key.get((candidate_kind, slug))
            if found is not None:
                return found
        return None

    def by_domain(self, url_or_domain: str, kind: str | None = None) -> list[Operator]:
        """Operators whose domains cover this host or one of its parent domains, nearest first."""
        host = domain_of(url_or_domain)
        for parent in _parent_domains(host) if host else ():
            found = [o for o in self._by_domain.get(parent, []) if kind in (None, o.kind)]
            if found:
                return found
        return []

    def by_name(self, text: str, kind: str | None = None) -> list[Operator]:
        needle = text.strip().casefold()
        if not needle:
            return []
        scored = []
        for operator in self.all(kind):
            haystack = [operator.slug, operator.name, *operator.runs]
            if any(needle in item.casefold() for item in haystack):
                exact = needle in (operator.slug, operator.name.casefold())
                scored.append((0 if exact else 1, _precedence(operator), operator.name, operator))
        return [item[-1] for item in sorted(scored, key=lambda s: s[:3])]

    def by_country(self, country: str, kind: str | None = None) -> list[Operator]:
        code = country.strip().lower()
        return [o for o in self.all(kind) if code in o.countries]

    def resolve(self, query: str, kind: str | None = None) -> Operator | None:
        """A slug, a URL or a domain, in that order; ``None`` when nothing is known."""
        query = query.strip()
        found = self.get(query.lower(), kind)
        if found is not None:
            return found
        if "." in query:
            matches = self.by_domain(query, kind)
            if matches:
                return matches[0]
        return None

    def authorities_for(self, jurisdiction: str, country: str | None) -> list[Operator]:
        """Supervisory authorities for a complaint under ``jurisdiction`` by someone in ``country``.

        Several when the country has more than one (Germany has one per Land): the person
        then picks one. The EDPB's member list when nothing national is known.
        """
        fixed = {"uk": "gbico", "ch": "chedoeb", "ca": "uscppa"}
        if jurisdiction in fixed:
            found = self.get(fixed[jurisdiction], "authority")
            return [found] if found else []
        if jurisdiction != "eu":
            return []
        code = (country or "").lower()
        national = (
            [
                o
                for o in self.by_country(code, "authority")
                if o.countries == (code,) and "eu" in (o.jurisdictions or ("eu",))
            ]
            if code in EU_EEA
            else []
        )
        if national:
            return sorted(national, key=lambda o: (_precedence(o), o.slug))
        fallback = self.get("edpb-members", "authority")
        return [fallback] if fallback else []


def _precedence(operator: Operator) -> int:
    return {"local": 0, "builtin": 1}.get(operator.provenance, 2)


# --- the person's own records ------------------------------------------------------


def add_local_operator(operators_dir: Path, operator: Operator) -> Path:
    """Add or replace a record in the person's own layer (never the built-in file)."""
    path = operators_dir / LOCAL_FILE
    existing = [
        o for o in _load_layer(path, "local") if (o.kind, o.slug) != (operator.kind, operator.slug)
    ]
    record = replace(operator, provenance="local", also_in=())
    if not record.checked:
        record = replace(record, checked=dt.date.today().isoformat())
    _write_json_atomically(path, {"operators": [o.to_json() for o in [*existing, record]]})
    return path


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:60] or "operator"
