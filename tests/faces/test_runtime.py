"""onnxruntime's telemetry is off before the library loads and before any session exists."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import PROJECT_ROOT

# Runs in a child with a clean environment: this test process has imported insightface, which
# sets ORT_DISABLE_TELEMETRY itself and would hide the problem from anything it starts.
PROBE = r"""
import json, os, sys

events = []

class NoteOnnxruntimeImport:
    def find_spec(self, name, path=None, target=None):
        if name == "onnxruntime" and not any(e[0] == "import" for e in events):
            events.append(["import", os.environ.get("ORT_DISABLE_TELEMETRY")])
        return None

def note_calls(frame, event, arg):
    if event == "c_call" and getattr(arg, "__name__", "") == "disable_telemetry_events":
        events.append(["disable"])
    elif event == "call" and frame.f_code.co_qualname == "InferenceSession.__init__":
        events.append(["session"])

sys.meta_path.insert(0, NoteOnnxruntimeImport())
sys.setprofile(note_calls)
from pathlib import Path
from faceaudit.faces.engine import FaceEngine

FaceEngine(Path(sys.argv[1]), threads=1).models
sys.setprofile(None)
print(json.dumps(events))
"""


def clean_environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("ORT_")}


@pytest.mark.models
def test_telemetry_is_off_before_onnxruntime_loads_and_before_any_session(
    model_pack_dir: Path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(model_pack_dir)],
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    events = json.loads(result.stdout.strip().splitlines()[-1])
    assert events[0] == ["import", "1"], events
    kinds = [event[0] for event in events]
    assert "session" in kinds, events
    assert "disable" in kinds, events
    assert kinds.index("disable") < kinds.index("session"), events


def test_only_the_runtime_module_imports_onnxruntime_or_insightface() -> None:
    package = PROJECT_ROOT / "desktop" / "faceaudit"
    allowed = package / "faces" / "runtime.py"
    offenders = []
    for source in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            roots = {name.split(".")[0] for name in names}
            if roots & {"onnxruntime", "insightface"} and source != allowed:
                offenders.append(f"{source.relative_to(package)}:{node.lineno}")
    assert offenders == []
