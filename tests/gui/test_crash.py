"""The crash log names where the error happened, never what it was about."""

from __future__ import annotations

import stat
from pathlib import Path

from faceaudit.gui.crash import CrashLog, describe

SECRETS = (
    "Camille Martin",
    "12 rue des Lilas",
    "correct horse battery staple",
    "https://example.org/team",
)


def fail_with_personal_data(passphrase: str) -> None:
    details = {"name": SECRETS[0], "address": SECRETS[1], "passphrase": passphrase}
    raise ValueError(f"could not open {details} for {SECRETS[3]}")


def test_report_has_types_and_frames_but_no_messages_or_values(tmp_path: Path) -> None:
    try:
        try:
            fail_with_personal_data(SECRETS[2])
        except ValueError as inner:
            raise RuntimeError(f"wrapping {inner}") from inner
    except RuntimeError as error:
        report = describe(error)
        path = CrashLog(tmp_path / "logs").write(error)

    assert "builtins.RuntimeError" in report
    assert "builtins.ValueError" in report
    assert "in fail_with_personal_data" in report
    written = path.read_text(encoding="utf-8")
    for secret in SECRETS:
        assert secret not in report
        assert secret not in written
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_frames_do_not_name_the_folders_above_the_code(tmp_path: Path) -> None:
    home_like = tmp_path / "home" / "camille.martin" / "faceaudit" / "gui" / "x.py"
    home_like.parent.mkdir(parents=True)
    home_like.write_text("def boom():\n    raise OSError('secret')\n", encoding="utf-8")
    namespace: dict[str, object] = {}
    exec(compile(home_like.read_text(), str(home_like), "exec"), namespace)  # noqa: S102
    try:
        namespace["boom"]()  # type: ignore[operator]
    except OSError as error:
        report = describe(error)
    assert "faceaudit/gui/x.py" in report
    assert "camille.martin" not in report
    assert "secret" not in report
