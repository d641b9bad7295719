"""The composition root: builds the engine parts once and hands them to the CLI and the GUI.

Nothing here is global; tests build their own :class:`App` on a temporary data directory.
Heavy parts (the face models) load lazily, on first use, once per App.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from faceaudit.paths import Paths, resolve_paths

if TYPE_CHECKING:
    from faceaudit.faces.engine import FaceEngine


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass
class App:
    paths: Paths
    threads: int
    model_pack: str = "buffalo_sc"
    _engine: FaceEngine | None = field(default=None, repr=False)

    @classmethod
    def create(
        cls, data_dir: str | None = None, threads: int = 0, model_pack: str | None = None
    ) -> App:
        return cls(
            paths=resolve_paths(data_dir),
            threads=threads or default_threads(),
            model_pack=model_pack or os.environ.get("FACEAUDIT_MODEL_PACK") or "buffalo_sc",
        )

    @property
    def engine(self) -> FaceEngine:
        if self._engine is None:
            from faceaudit.faces.engine import FaceEngine
            from faceaudit.faces.modelpacks import ModelStore

            pack_dir = ModelStore(self.paths.models).require(self.model_pack)
            self._engine = FaceEngine(pack_dir, threads=self.threads)
        return self._engine

    def close(self) -> None:
        self._engine = None
