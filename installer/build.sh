#!/usr/bin/env bash
# Build FaceAudit for the platform this runs on, from a clean clone, in one command:
#   bash installer/build.sh            the one-folder app (dist/FaceAudit/), the Linux
#                                      download (dist/FaceAudit-<version>-linux-<arch>.tar.gz)
#                                      and the build report (size, start-up, self-test)
#   bash installer/build.sh --no-report   the same without the report
# Environment: PYTHON (default python3), FACEAUDIT_BUNDLE_MODELS=0 to leave the model pack
# out of the build (it is then fetched on first run), FACEAUDIT_BUILD_STRIP=0 to keep
# everything PyInstaller collects (to measure what the stripping saves).
# The build has its own virtual environment (build/venv), so .venv is never changed.
# Windows and macOS: see installer/windows/ and installer/macos/ (same spec, same paths).
set -euo pipefail

report=1
for argument in "$@"; do
    case "$argument" in
        --no-report) report=0 ;;
        -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "build.sh: unknown option $argument (try --help)" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "build.sh: FaceAudit needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
    exit 1
fi
started=$(date +%s)
step() { echo "== $* ($(($(date +%s) - started)) s)"; }

step "build environment: build/venv"
if [ ! -x build/venv/bin/python ]; then
    "$python" -m venv build/venv
fi
venv_python="$root/build/venv/bin/python"
"$venv_python" -m pip install --quiet --upgrade pip
"$venv_python" -m pip install --quiet -e '.[build]'
# OpenCV's full wheel carries its own Qt 5 for cv2.imshow, which FaceAudit never calls: the
# headless wheel of the same version has the same decoders without it (~100 MB less).
opencv_version="$("$venv_python" -c 'import importlib.metadata as m; print(m.version("opencv-python"))' 2>/dev/null || true)"
if [ -n "$opencv_version" ]; then
    "$venv_python" -m pip uninstall --quiet --yes opencv-python
    "$venv_python" -m pip install --quiet "opencv-python-headless==$opencv_version"
fi

step "model pack, translations, icons"
if [ "${FACEAUDIT_BUNDLE_MODELS:-1}" != "0" ]; then
    build/venv/bin/faceaudit models fetch buffalo_sc
fi
if "$venv_python" -c 'import faceaudit.gui.i18n' 2>/dev/null; then
    "$venv_python" -m faceaudit.gui.i18n compile
fi
QT_QPA_PLATFORM=offscreen "$venv_python" installer/render_icons.py

step "PyInstaller: dist/FaceAudit/"
"$venv_python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" installer/faceaudit.spec

step "Linux download"
version="$("$venv_python" -c 'import faceaudit; print(faceaudit.__version__)')"
bash installer/linux/package.sh "$root/dist/FaceAudit" "$root/build/icons" "$version" "$root/dist"
echo "$(($(date +%s) - started))" > build/build-seconds.txt
step "built in $(cat build/build-seconds.txt) s"

if [ "$report" = 1 ]; then
    "$venv_python" installer/report.py
fi
