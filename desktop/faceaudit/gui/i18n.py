"""Translations: one ``.ts`` per feature folder, compiled to ``.qm`` by Qt's lrelease.

Scheme (also written in the GUI contract):

- ``translations/<feature>_fr.ts``: every string of the feature, translated by hand;
  ``translations/<feature>_en.ts``: English plural forms only (``lupdate -pluralonly``).
  ``<feature>`` is a sub-package of ``faceaudit.gui`` (``cases``, ``findings``...) or
  ``shell`` for the modules directly in ``faceaudit/gui/``.
- ``.qm`` files are build products, git-ignored: ``python -m faceaudit.gui.i18n compile``
  makes them (the run and test commands of ``installer/setup.sh`` call it, and the GUI tests
  do before they start). ``python -m faceaudit.gui.i18n update`` re-runs lupdate after code
  changes; then translate what it marked unfinished.
- Without a ``.qm`` the window still works, in English.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

GUI_DIR = Path(__file__).resolve().parent
TRANSLATIONS_DIR = GUI_DIR / "translations"
LANGUAGES = ("en", "fr")  # the interface languages; English is the source language
SHELL = "shell"
_SKIP_DIRS = {"translations", "__pycache__", "resources"}
# No source locations in the .ts files: line numbers would make every merge conflict.
LUPDATE_OPTIONS = ("-no-obsolete", "-locations", "none")


def features() -> list[str]:
    """Every translation unit: the shell plus each feature folder that has Python code."""
    found = [SHELL]
    for folder in sorted(GUI_DIR.iterdir()):
        if folder.is_dir() and folder.name not in _SKIP_DIRS and any(folder.rglob("*.py")):
            found.append(folder.name)
    if getattr(sys, "frozen", False):
        # A standalone build keeps its code in an archive: only the compiled .qm name features.
        for qm in sorted(TRANSLATIONS_DIR.glob("*.qm")):
            feature = qm.stem.rsplit("_", 1)[0]
            if feature not in found:
                found.append(feature)
    return found


def feature_sources(feature: str) -> list[Path]:
    if feature == SHELL:
        return sorted(GUI_DIR.glob("*.py"))
    return sorted((GUI_DIR / feature).rglob("*.py"))


def ts_path(feature: str, language: str) -> Path:
    return TRANSLATIONS_DIR / f"{feature}_{language}.ts"


def _tool(name: str) -> str:
    """Qt's lupdate/lrelease as PySide6 ships them (``pyside6-<name>`` beside the Python)."""
    for candidate in (
        shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)),
        shutil.which(f"pyside6-{name}"),
    ):
        if candidate:
            return candidate
    import PySide6

    bundled = Path(PySide6.__file__).parent / name
    if bundled.is_file():
        return str(bundled)
    raise FileNotFoundError(f"Qt's {name} was not found; install PySide6 (pyside6-essentials)")


def update(feature_names: Iterable[str] | None = None) -> list[Path]:
    """Run lupdate: add new strings to the .ts files (marked unfinished), drop vanished ones."""
    import subprocess

    written = []
    for feature in feature_names or features():
        sources = [str(p) for p in feature_sources(feature)]
        for language in LANGUAGES:
            target = ts_path(feature, language)
            extra = ["-pluralonly"] if language == "en" else []
            subprocess.run(
                [_tool("lupdate"), *extra, *LUPDATE_OPTIONS, *sources, "-ts", str(target)],
                check=True,
                capture_output=True,
            )
            written.append(target)
    return written


def qm_path(ts: Path) -> Path:
    return ts.with_suffix(".qm")


class CompileError(Exception):
    """lrelease refused a .ts file (the window then shows that part in English)."""


def compile_all(force: bool = False) -> list[Path]:
    """Compile every .ts whose .qm is missing or older. Returns the .qm files written."""
    written = []
    for ts in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        qm = qm_path(ts)
        if not force and qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        import subprocess  # only when a .qm is stale: the window's start-up checks them all

        try:
            subprocess.run(
                [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
        except subprocess.CalledProcessError as error:
            raise CompileError(f"lrelease failed on {ts.name}") from error
        written.append(qm)
    return written


def resolve_language(choice: str | None) -> str:
    """ "en", "fr", or the system's first interface language we have ("system"/None)."""
    if choice in LANGUAGES:
        return str(choice)
    for name in QLocale.system().uiLanguages():
        short = name.split("-")[0].split("_")[0].lower()
        if short in LANGUAGES:
            return short
    return "en"


class Translations:
    """Installs the translators of one language on the application (and can swap them)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> str:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing translations")
        self.remove()
        self.language = language
        QLocale.setDefault(QLocale(language))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if language != "en" and translator.load(f"qtbase_{language}", qt_dir):
            self._add(translator)
        # The compiled files themselves, not features(): walking the package for them costs
        # the window's start-up a few milliseconds.
        for qm in sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm")):
            translator = QTranslator(app)
            if translator.load(str(qm)):
                self._add(translator)
        return language

    def _add(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "compile"
    if command == "compile":
        written = compile_all(force="--force" in args)
        print(f"compiled {len(written)} translation file(s) in {TRANSLATIONS_DIR}")
    elif command == "update":
        written = update(args[1:] or None)
        print(f"updated {len(written)} .ts file(s); translate what is marked unfinished")
    else:
        print("usage: python -m faceaudit.gui.i18n [compile [--force] | update [FEATURE...]]")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
