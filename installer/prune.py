"""What the build leaves out: files PyInstaller collects that FaceAudit never loads.

The PyInstaller spec filters its collected files through :func:`is_unused` (unless built
with ``FACEAUDIT_BUILD_STRIP=0``); kept apart from the spec so that tests can hold the
rules to real file names from a build.
"""

from __future__ import annotations

from pathlib import PurePosixPath

# Qt modules FaceAudit's window does not use: their Python bindings, libraries, plugins.
UNUSED_QT = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
)  # fmt: skip
UNUSED_PYTHON = (
    "tkinter", "matplotlib", "IPython", "pytest", "hypothesis", "mypy", "pip", "setuptools",
    "pydoc_data", "sklearn", "pandas", "onnxruntime.quantization", "onnxruntime.transformers",
    "onnxruntime.tools", "onnx.reference", "onnx.backend", "skimage.data._fetchers",
    "pooch", "PySide6.scripts",
)  # fmt: skip
# Letters exist in these languages and the window in English and French: Qt's own
# translations (standard buttons, dialogs: the qt_ and qtbase_ catalogues) are kept for
# them only.
KEPT_QT_LANGUAGES = ("en", "fr", "de", "es", "it")
KEPT_QT_CATALOGUES = ("qt", "qtbase")
UNUSED_PLUGIN_DIRS = (
    "designer", "qmltooling", "sqldrivers", "egldeviceintegrations", "networkinformation",
    "wayland-graphics-integration-server", "printsupport",
)  # fmt: skip
UNUSED_PLATFORMS = ("eglfs", "linuxfb", "vnc", "vkkhrdisplay", "minimalegl")
UNUSED_QT_LIBRARIES = ("Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport")
# Qt's GTK 3 theme plugin would bring the build machine's GTK, cairo and pango (~16 MB) and
# mix them with the person's own; without it Qt draws its own style and uses the desktop
# portal for file dialogs. These libraries are needed by nothing else (checked with readelf).
GTK_THEME_LIBRARIES = (
    "libgtk-3.", "libgdk-3.", "libgdk_pixbuf-2.0.", "libatk-1.0.", "libatk-bridge-2.0.",
    "libatspi.", "libcairo.", "libcairo-gobject.", "libpango-1.0.", "libpangocairo-1.0.",
    "libpangoft2-1.0.", "libepoxy.", "libpixman-1.", "libharfbuzz.", "libgraphite2.",
    "libfribidi.", "libthai.", "libdatrie.", "libXcomposite.", "libXcursor.", "libXdamage.",
    "libXfixes.", "libXi.", "libXinerama.", "libXrandr.", "libXrender.", "libXext.",
)  # fmt: skip
# onnxruntime's execution providers beyond the CPU (GPU wheels ship them as plug-ins). The
# provider bridge (libonnxruntime_providers_shared, 15 KB) stays: without it onnxruntime
# prints "Init provider bridge failed" at every start.
UNUSED_ONNXRUNTIME_PROVIDERS = (
    "onnxruntime_providers_cuda", "onnxruntime_providers_tensorrt",
    "onnxruntime_providers_openvino", "onnxruntime_providers_rocm",
    "onnxruntime_providers_migraphx", "onnxruntime_providers_dnnl",
    "onnxruntime_providers_cann", "onnxruntime_providers_vitisai",
)  # fmt: skip


def _is_unused_qt(parts: tuple[str, ...]) -> bool:
    name = parts[-1]
    if any(f"Qt6{module[2:]}" in name or f"{module}." in name for module in UNUSED_QT):
        return True
    if "translations" in parts and name.endswith(".qm"):
        catalogue, _, language = name[: -len(".qm")].rpartition("_")
        return not (catalogue in KEPT_QT_CATALOGUES and language in KEPT_QT_LANGUAGES)
    if "plugins" in parts[:-1]:
        plugin_dir = parts[parts.index("plugins") + 1]
        if plugin_dir in UNUSED_PLUGIN_DIRS:
            return True
        if plugin_dir == "platforms" and any(p in name for p in UNUSED_PLATFORMS):
            return True
        if plugin_dir == "platformthemes" and "gtk3" in name:
            return True
    return any(library in name for library in UNUSED_QT_LIBRARIES)


def is_unused(dest: str, platform: str) -> bool:
    """Whether a collected file (its path inside the build) is something the app never loads.

    ``platform`` is ``sys.platform`` of the build.
    """
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    name = parts[-1]
    if ("PySide6" in parts or "Qt" in parts) and _is_unused_qt(parts):
        return True
    if len(parts) == 1 and platform.startswith("linux") and name.startswith(GTK_THEME_LIBRARIES):
        return True
    if any(provider in name for provider in UNUSED_ONNXRUNTIME_PROVIDERS):
        return True
    # OpenCV's Haar cascades: FaceAudit detects faces with SCRFD.
    return "cv2" in parts and "data" in parts and name.endswith(".xml")
