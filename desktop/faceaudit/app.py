"""The composition root: builds the engine parts once and hands them to the CLI and the GUI.

Nothing here is global; tests build their own :class:`App` on a temporary data directory.
Heavy parts (the face models) load lazily, on first use, once per App.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from faceaudit import bounds
from faceaudit.paths import Paths, resolve_paths

if TYPE_CHECKING:
    from faceaudit.config import Config
    from faceaudit.faces.engine import FaceEngine
    from faceaudit.store import CaseStore


def default_threads() -> int:
    return min(bounds.MAX_CORES, max(1, os.cpu_count() or 1))


class App:
    """The parts one run of FaceAudit works with: its folders, its settings, its engine.

    The saved settings (``<data>/config.toml``) are read on first use: the window's first
    paint needs only the folders, and reading them costs the TOML parser and the match
    thresholds' import (start-up, issue 8).
    """

    def __init__(
        self,
        paths: Paths,
        threads: int,
        model_pack: str | None = None,
        config: Config | None = None,
        caseworker: str | None = None,
    ) -> None:
        bounds.check("threads", threads)  # --threads, or the machine's cores (capped)
        self.paths = paths
        self.threads = threads
        # --model-pack / FACEAUDIT_MODEL_PACK: chosen for this run, above the saved setting.
        self._chosen_pack = model_pack or None
        # --caseworker: who is working, above FACEAUDIT_CASEWORKER and the saved setting.
        self.caseworker_override = caseworker
        self._config = config
        self._config_problems: list[str] = []  # saved values that were not usable
        self._engine: FaceEngine | None = None

    @classmethod
    def create(
        cls,
        data_dir: str | None = None,
        threads: int = 0,
        model_pack: str | None = None,
        caseworker: str | None = None,
    ) -> App:
        return cls(
            resolve_paths(data_dir),
            threads or default_threads(),
            model_pack=model_pack or os.environ.get("FACEAUDIT_MODEL_PACK"),
            caseworker=caseworker,
        )

    # -- settings, read on first use ---------------------------------------------------------

    @property
    def config(self) -> Config:
        if self._config is None:
            from faceaudit.config import load_config

            loaded = load_config(self.paths)
            self._config, self._config_problems = loaded.config, loaded.problems
        return self._config

    @property
    def config_problems(self) -> list[str]:
        self.config  # noqa: B018  # read the settings first: their problems come with them
        return self._config_problems

    @property
    def model_pack(self) -> str:
        return self._chosen_pack or self.config.model_pack

    @model_pack.setter
    def model_pack(self, pack: str) -> None:
        if pack != self.model_pack:
            self._engine = None
        self._chosen_pack = pack

    @property
    def model_pack_override(self) -> bool:
        return self._chosen_pack is not None

    @property
    def caseworker(self) -> str:
        """Who is working, for the audit log (--caseworker, FACEAUDIT_CASEWORKER, the saved
        setting, the OS user)."""
        from faceaudit.config import caseworker_name

        return caseworker_name(self.config, self.caseworker_override)

    def update_config(self, config: Config) -> None:
        """Save new settings and use them from now on (the next scan, the next enrolment)."""
        from faceaudit.config import save_config

        previous, previous_pack = self.config, self.model_pack  # read before the file changes
        save_config(self.paths, config)
        self._config = config
        self._config_problems = []
        if self.model_pack != previous_pack:
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
