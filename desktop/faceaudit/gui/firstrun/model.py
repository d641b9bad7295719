"""What the first run needs to know and do: licence acceptance, the model pack, cases."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faceaudit.errors import FaceAuditError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings

    from faceaudit.faces.modelpacks import FetchReport, ModelStore
    from faceaudit.gui.worker import CancelToken

DONE_KEY = "firstrun/done"


def licence_key(pack: str) -> str:
    return f"models/{pack}/licence_accepted"


def licence_accepted(settings: QSettings, pack: str) -> bool:
    return str(settings.value(licence_key(pack), "")).lower() == "true"


def accept_licence(settings: QSettings, pack: str) -> None:
    settings.setValue(licence_key(pack), "true")


class FetchCancelled(FaceAuditError):
    """The person cancelled the model download (the part fetched is kept for next time)."""

    def __init__(self) -> None:
        super().__init__("The download was cancelled.", "Start it again when you are ready.")


@dataclass(frozen=True)
class FetchProgress:
    file_name: str
    done: int
    total: int  # 0 when unknown


def fetch_pack(
    store: ModelStore,
    pack: str,
    local_path: str | None = None,
    *,
    progress: Callable[[Any], None],
    cancel: CancelToken,
) -> FetchReport:
    """Fetch and verify a pack; cancelling raises from the core's progress callback, which is
    how the core is told to stop (staging files removed, partial download kept)."""

    def report(file_name: str, done: int, total: int) -> None:
        if cancel.cancelled:
            raise FetchCancelled()
        progress(FetchProgress(file_name, done, total))

    return store.fetch(pack, local_path=Path(local_path) if local_path else None, progress=report)


def pack_ready(store: ModelStore, pack: str) -> bool:
    try:
        return bool(store.status(pack).verified)
    except FaceAuditError:
        return False
