"""What the About box states: the version, the licences, where releases are published."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from faceaudit import __version__

_RELEASE_LABELS = ("releases", "download", "homepage", "source")


@dataclass(frozen=True)
class Component:
    name: str
    licence: str
    version: str = ""


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def components() -> list[Component]:
    """What FaceAudit is made of, with each part's licence (the weights' is the strictest)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return [
        Component("FaceAudit", "GPL-3.0-or-later", __version__),
        Component("Qt / PySide6", "LGPL-3.0", f"{qVersion()} / {pyside_version}"),
        Component("onnxruntime", "MIT", _version_of("onnxruntime")),
        Component("insightface (code)", "MIT", _version_of("insightface")),
    ]


def _metadata_urls() -> dict[str, str]:
    try:
        entries = metadata.metadata("faceaudit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    by_label = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        by_label[label.strip().lower()] = url.strip()
    return by_label


def _checkout_urls() -> dict[str, str]:
    """[project.urls] of pyproject.toml when running from the source tree: an editable
    install's metadata is only as new as its last ``pip install``."""
    import tomllib

    from faceaudit.paths import source_checkout_root

    root = source_checkout_root()
    if root is None:
        return {}
    try:
        project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    urls = project.get("project", {}).get("urls", {})
    return {str(label).lower(): str(url) for label, url in urls.items()}


def releases_url() -> str | None:
    """Where releases are published, from the package's own files (no network)."""
    for by_label in (_checkout_urls(), _metadata_urls()):
        for label in _RELEASE_LABELS:
            if by_label.get(label):
                return by_label[label]
    return None
