"""The person's settings that the engine honours: model pack, match level, network limits.

Declared once here, typed, with defaults and a version; kept in ``config.toml`` in the data
folder (so ``--data-dir`` / ``FACEAUDIT_HOME`` keeps them too). The CLI and the window read
the same file: the window's Settings screen writes it, ``faceaudit scan`` and ``collect``
take their defaults from it (their options still win). A value that is missing, of the wrong
type or out of range falls back to its default with a problem saying so. The window's own
preferences (language, theme, window size) stay in its settings.ini: the engine never needs them.
Other features keep a table of their own in the same file (``[clinic]``: the clinic's details,
:mod:`faceaudit.clinic`) through :func:`read_table` / :func:`write_table`; every writer keeps
the tables it does not own.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from faceaudit.errors import FaceAuditError
from faceaudit.faces.thresholds import DEFAULT_MATCH_LEVEL, MATCH_LEVELS, Thresholds

if TYPE_CHECKING:
    from faceaudit.paths import Paths

CONFIG_FILE = "config.toml"


class ConfigFileError(FaceAuditError):
    """config.toml exists but cannot be read."""


CONFIG_VERSION = 1


@dataclass(frozen=True)
class Limit:
    low: float
    high: float


# Ranges a value must lie in; the collector's own defaults are the config's defaults.
LIMITS: dict[str, Limit] = {
    "connect_timeout": Limit(1, 120),
    "read_timeout": Limit(1, 300),
    "concurrency": Limit(1, 32),
    "per_host": Limit(1, 8),
    "retention_days": Limit(0, 36500),
}
CASEWORKER_ENV = "FACEAUDIT_CASEWORKER"
MAX_CASEWORKER = 100


@dataclass(frozen=True)
class Config:
    model_pack: str = "buffalo_sc"
    match_level: str = DEFAULT_MATCH_LEVEL  # a key of faces.thresholds.MATCH_LEVELS
    connect_timeout: float = 10.0  # seconds to reach a server
    read_timeout: float = 20.0  # seconds a server may stay silent mid-answer
    concurrency: int = 8  # requests in flight, all sites together
    per_host: int = 2  # requests in flight to one site
    robots: bool = True  # honour robots.txt for pages reached by following links
    # [cases]: who is working (the audit log names them; empty: the OS user name) and how
    # long a closed case is kept before it is listed for deletion (a case may override it).
    caseworker: str = ""
    retention_days: int = 365

    @property
    def thresholds(self) -> Thresholds:
        return MATCH_LEVELS[self.match_level]

    def network_options(self) -> dict[str, Any]:
        """The CollectSettings fields these settings choose."""
        return {
            "connect_timeout": float(self.connect_timeout),
            "read_timeout": float(self.read_timeout),
            "concurrency": int(self.concurrency),
            "per_host": int(self.per_host),
            "robots": bool(self.robots),
        }

    def problems(self) -> list[str]:
        """What is wrong with these values, in words (empty when they can be used)."""
        return list(self.problems_by_field().values())

    def problems_by_field(self) -> dict[str, str]:
        found = {}
        if self.match_level not in MATCH_LEVELS:
            found["match_level"] = (
                f"match_level {self.match_level!r} is not one of {', '.join(MATCH_LEVELS)}."
            )
        for name, limit in LIMITS.items():
            value = getattr(self, name)
            if not limit.low <= value <= limit.high:
                found[name] = f"{name} must be from {limit.low:g} to {limit.high:g}, not {value}."
        if "per_host" not in found and self.per_host > self.concurrency:
            found["per_host"] = "per_host cannot be more than concurrency."
        if len(self.caseworker) > MAX_CASEWORKER or not self.caseworker.isprintable():
            found["caseworker"] = (
                f"caseworker must be one line of at most {MAX_CASEWORKER} printable characters."
            )
        if not self.model_pack or not self.model_pack.replace("_", "").isalnum():
            found["model_pack"] = f"model_pack {self.model_pack!r} is not a model pack name."
        return found


@dataclass(frozen=True)
class LoadedConfig:
    config: Config
    path: Path
    problems: list[str] = field(default_factory=list)  # values replaced by their defaults


def config_path(paths: Paths) -> Path:
    return paths.base / CONFIG_FILE


def _coerce(name: str, value: Any, default: Any) -> Any:
    """``value`` as the type of ``default``, or raise ValueError."""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise ValueError(f"{name} should be {type(default).__name__}, not {value!r}.")


def from_mapping(data: dict[str, Any]) -> tuple[Config, list[str]]:
    """A Config from the file's table; wrong values are replaced by defaults and reported."""
    defaults = Config()
    problems: list[str] = []
    values: dict[str, Any] = {}
    flat = {
        **data.get("matching", {}),
        **data.get("network", {}),
        **data.get("models", {}),
        **data.get("cases", {}),
    }
    for spec in dataclasses.fields(Config):
        if spec.name not in flat:
            continue
        default = getattr(defaults, spec.name)
        try:
            values[spec.name] = _coerce(spec.name, flat[spec.name], default)
        except ValueError as error:
            problems.append(str(error))
    # Each unusable value goes back to its default, alone.
    for name, problem in Config(**values).problems_by_field().items():
        values.pop(name, None)
        problems.append(f"{problem} The default is used.")
    config = Config(**values)
    if config.problems():  # per_host above the default concurrency, say
        problems.extend(config.problems())
        config = Config()
    return config, problems


def load_config(paths: Paths) -> LoadedConfig:
    """The saved settings (defaults when there is no file yet)."""
    path = config_path(paths)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedConfig(Config(), path)
    except (OSError, UnicodeDecodeError) as error:
        return LoadedConfig(Config(), path, [f"{path} could not be read ({error})."])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedConfig(
            Config(), path, [f"{path} is not valid TOML ({error}); the defaults are used."]
        )
    config, problems = from_mapping(data)
    return LoadedConfig(config, path, problems)


_TOML_CONTROLS = re.compile("[\x00-\x1f\x7f]")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    # A basic string holds no raw control character: an address's newlines are escaped.
    text = _TOML_CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    return f'"{text}"'


def to_toml(config: Config) -> str:
    sections = {
        "models": ("model_pack",),
        "matching": ("match_level",),
        "network": ("connect_timeout", "read_timeout", "concurrency", "per_host", "robots"),
        "cases": ("caseworker", "retention_days"),
    }
    lines = [
        "# FaceAudit settings: the window's Settings screen writes this file;",
        "# `faceaudit scan` and `faceaudit collect` read it (their options still win).",
        f"version = {CONFIG_VERSION}",
    ]
    for section, names in sections.items():
        lines.append(f"\n[{section}]")
        lines.extend(f"{name} = {_toml_value(getattr(config, name))}" for name in names)
    return "\n".join(lines) + "\n"


def save_config(paths: Paths, config: Config) -> Path:
    """Write the settings (atomically: a crash leaves the old file or the new one)."""
    problems = config.problems()
    if problems:
        raise ValueError(" ".join(problems))
    path = config_path(paths)
    text = to_toml(config)
    # Tables the settings do not own (the clinic's profile, say) are kept as they are.
    owned = tomllib.loads(text).keys()
    others = {k: v for k, v in _saved_tables(path).items() if k not in owned}
    _write_atomically(paths, text + _tables_toml(others))
    return path


def _saved_tables(path: Path) -> dict[str, Any]:
    """The file's tables as parsed, or {} when there is no usable file yet."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _write_atomically(paths: Paths, text: str) -> None:
    """A crash leaves the old file or the new one, never half of one."""
    path = config_path(paths)
    paths.ensure_base()
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _tables_toml(tables: dict[str, Any], *, top_level: bool = False) -> str:
    """Tables of plain values as TOML (``top_level``: the values outside any table first)."""
    lines: list[str] = []
    if top_level:
        lines += [
            f"{key} = {_toml_value(value)}"
            for key, value in tables.items()
            if isinstance(value, str | bool | int | float)
        ]
    for name, table in tables.items():
        if not isinstance(table, dict):
            continue
        lines.append(f"\n[{name}]")
        for key, value in table.items():
            if isinstance(value, str | bool | int | float):
                lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n" if lines else ""


def read_table(paths: Paths, name: str) -> dict[str, Any]:
    """One table of config.toml that another feature owns (``[clinic]``), or {} when absent.

    Raises :class:`ConfigFileError` when the file exists but cannot be read as TOML, so that
    a feature never mistakes a damaged file for an empty one."""
    path = config_path(paths)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigFileError(
            f"{path} could not be read ({error}).", "Check the file, or remove it."
        ) from error
    try:
        table = tomllib.loads(text).get(name, {})
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(
            f"{path} is not valid TOML ({error}).",
            "Correct the file, or remove it and set your settings again.",
        ) from error
    return dict(table) if isinstance(table, dict) else {}


def write_table(paths: Paths, name: str, values: dict[str, str | bool | int | float]) -> Path:
    """Replace the keys ``values`` names in table ``name``, keeping the rest of the file.

    Keys of the table that ``values`` does not name are kept too (another feature may share
    the table)."""
    read_table(paths, name)  # a damaged file is said, not overwritten
    path = config_path(paths)
    tables = _saved_tables(path) or {"version": CONFIG_VERSION}
    table = tables.get(name)
    tables[name] = {**(table if isinstance(table, dict) else {}), **values}
    # Everything else is written back as it was read, wrong values included: the settings
    # report those themselves.
    _write_atomically(paths, "# FaceAudit settings.\n" + _tables_toml(tables, top_level=True))
    return path


def caseworker_name(config: Config, override: str | None = None) -> str:
    """Who is working, for the audit log: ``--caseworker``, else ``FACEAUDIT_CASEWORKER``,
    else config.toml's ``caseworker``, else the login name the environment gives."""
    import os

    for candidate in (override, os.environ.get(CASEWORKER_ENV), config.caseworker):
        # One printable line: the name is shown in tables and exported to CSV.
        kept = "".join(c for c in candidate or "" if c.isprintable() or c.isspace())
        text = " ".join(kept.split())
        if text:
            return text[:MAX_CASEWORKER]
    # Not getpass.getuser(): without these variables it asks the system's name service
    # (nscd, LDAP, NIS: possibly over the network) for the password entry.
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(variable):
            return os.environ[variable][:MAX_CASEWORKER]
    return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"
