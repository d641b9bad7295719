"""The composition root: builds the engine parts once and hands them to the CLI and the GUI.

Nothing here is global; tests build their own :class:`App` on a temporary data directory.
Heavy parts (the face models) load lazily, on first use, once per App.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from faceaudit import bounds
from faceaudit.config import Config, caseworker_name, load_config, save_config
from faceaudit.paths import Paths, resolve_paths

if TYPE_CHECKING:
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.store import CaseStore


def default_threads() -> int:
    return min(bounds.MAX_CORES, max(1, os.cpu_count() or 1))


@dataclass
class App:
    paths: Paths
    threads: int
    model_pack: str = "buffalo_sc"
    config: Config = field(default_factory=Config)
    config_problems: list[str] = field(default_factory=list)  # saved values not usable
    # --model-pack / FACEAUDIT_MODEL_PACK: chosen for this run, above the saved setting.
    model_pack_override: bool = False
    # Who is working, for the audit log (--caseworker, FACEAUDIT_CASEWORKER, config, OS user).
    caseworker: str = ""
    caseworker_override: str | None = None  # --caseworker, above the saved setting
    _engine: FaceEngine | None = field(default=None, repr=False)

    @classmethod
    def create(
        cls,
        data_dir: str | None = None,
        threads: int = 0,
        model_pack: str | None = None,
        caseworker: str | None = None,
    ) -> App:
        paths = resolve_paths(data_dir)
        loaded = load_config(paths)
        chosen = model_pack or os.environ.get("FACEAUDIT_MODEL_PACK")
        return cls(
            paths=paths,
            threads=threads or default_threads(),
            model_pack=chosen or loaded.config.model_pack,
            config=loaded.config,
            config_problems=loaded.problems,
            model_pack_override=bool(chosen),
            caseworker=caseworker_name(loaded.config, caseworker),
            caseworker_override=caseworker,
        )

    def update_config(self, config: Config) -> None:
        """Save new settings and use them from now on (the next scan, the next enrolment)."""
        save_config(self.paths, config)
        previous, self.config = self.config, config
        self.config_problems = []
        self.caseworker = caseworker_name(config, self.caseworker_override)
        if not self.model_pack_override and config.model_pack != self.model_pack:
            self.model_pack = config.model_pack
            self._engine = None  # another pack: its models load on next use
        elif self._engine is not None and config.thresholds != previous.thresholds:
            self._engine = self._engine.with_thresholds(config.thresholds)

    def case_store(self) -> CaseStore:
        """The store of this data folder's cases, recording this App's caseworker."""
        from faceaudit.store import CaseStore

        return CaseStore(self.paths, caseworker=self.caseworker or None)

    @property
    def engine(self) -> FaceEngine:
        if self._engine is None:
            from faceaudit.faces.engine import FaceEngine
            from faceaudit.faces.modelpacks import ModelStore

            pack_dir = ModelStore(self.paths.models).require(self.model_pack)
            self._engine = FaceEngine(
                pack_dir, threads=self.threads, thresholds=self.config.thresholds
            )
        return self._engine

    def close(self) -> None:
        self._engine = None

    def __post_init__(self) -> None:
        bounds.check("threads", self.threads)  # --threads, or the machine's cores (capped)
