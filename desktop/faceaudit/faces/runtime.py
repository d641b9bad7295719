"""The one place that loads onnxruntime (and insightface, which imports it): telemetry off first.

onnxruntime's native code sends telemetry events on its own threads (seen with strace as DNS
lookups of ``mobile.events.data.microsoft.com`` and a TLS connection about 11 s after the
first session starts). Python-level socket hooks cannot see or stop it, so it is switched off
here, before the library is loaded and before any session exists:

* ``ORT_DISABLE_TELEMETRY=1`` in the environment, read during native initialisation (it is
  set again by insightface's ``__init__``, but only after FaceAudit would have imported
  onnxruntime itself);
* ``onnxruntime.disable_telemetry_events()`` once loaded, for builds that ignore the variable.

Nothing else in FaceAudit may import onnxruntime or insightface (a test checks this);
``tests/egress`` proves at the system-call level that the engine connects nowhere.
"""

from __future__ import annotations

import os
import threading
from types import ModuleType
from typing import Any

TELEMETRY_VARIABLE = "ORT_DISABLE_TELEMETRY"

_lock = threading.Lock()
_loaded: ModuleType | None = None


def onnxruntime() -> ModuleType:
    """The onnxruntime module, loaded with its telemetry switched off."""
    global _loaded
    with _lock:
        if _loaded is None:
            os.environ[TELEMETRY_VARIABLE] = "1"
            import onnxruntime as ort

            ort.disable_telemetry_events()
            _loaded = ort
        return _loaded


def get_model(onnx_file: str, **kwargs: Any) -> Any:
    """insightface's model router for one local ``.onnx`` file (never downloads)."""
    onnxruntime()
    from insightface.model_zoo import get_model as insightface_get_model

    return insightface_get_model(onnx_file, download=False, **kwargs)
