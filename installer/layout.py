"""Names and paths every build recipe shares (PyInstaller spec, Linux, Windows, macOS).

The recipes for other platforms cannot run here, so a test (tests/installer) checks that
each of them names exactly these paths; change a name here and in the recipes together.
"""

APP_NAME = "FaceAudit"
APP_ID = "org.faceaudit.FaceAudit"  # reverse-DNS id: .desktop, metainfo, macOS bundle id
EXECUTABLE = "FaceAudit"  # the windowed program (FaceAudit.exe on Windows)
CLI_EXECUTABLE_WINDOWS = "faceaudit-cli"  # Windows needs a separate console program
DIST_DIR = "dist"  # relative to the project root
APP_DIR = f"{DIST_DIR}/{APP_NAME}"  # PyInstaller's one-folder output
CONTENTS_DIR = "_internal"  # PyInstaller's folder beside the executable
BUNDLED_MODELS = f"{CONTENTS_DIR}/models"  # read-only, verified by SHA-256 when loaded
LICENSES_DIR = f"{CONTENTS_DIR}/licenses"
ICON_SVG = "installer/icons/faceaudit.svg"
ICON_PNG_DIR = "build/icons"  # PNGs, .ico and .icns rendered from the SVG by build.sh
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEFAULT_PACK = "buffalo_sc"
