#!/usr/bin/env bash
# Build FaceAudit for the platform this runs on, from a clean clone, in one command:
#   bash installer/build.sh               the one-folder app (dist/FaceAudit/), the download
#                                         for this platform, then the build report
#   bash installer/build.sh --no-report   the same without the report
#   bash installer/build.sh --unstripped  also a build that keeps every unused Qt module,
#                                         translation and onnxruntime provider
#                                         (build/unstripped/), so the report shows the sizes
#                                         before and after leaving them out
#   bash installer/build.sh --check       check what the build needs from this machine, stop
# Downloads: Linux dist/FaceAudit-<version>-linux-<arch>.tar.gz (install.sh inside);
# macOS dist/FaceAudit.app and dist/FaceAudit-<version>-macos-<arch>.dmg; Windows (Git Bash,
# Inno Setup 6's ISCC.exe on PATH or in $ISCC) dist/FaceAudit-<version>-windows-x64-setup.exe.
# Environment: PYTHON (default python3), FACEAUDIT_BUNDLE_MODELS=0 to leave the model pack
# out (it is then fetched on first run), FACEAUDIT_BUILD_STRIP=0 to keep everything
# PyInstaller collects (to measure what the stripping saves).
# The build has its own virtual environment (build/venv): .venv is never changed.
set -euo pipefail

report=1
unstripped=0
check_only=0
for argument in "$@"; do
    case "$argument" in
        --no-report) report=0 ;;
        --unstripped) unstripped=1 ;;
        --check) check_only=1 ;;
        -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
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
case "$(uname -s)" in
    Linux) platform=linux; bin=build/venv/bin ;;
    Darwin) platform=macos; bin=build/venv/bin ;;
    MINGW*|MSYS*|CYGWIN*) platform=windows; bin=build/venv/Scripts ;;
    *) echo "build.sh: no recipe for $(uname -s)" >&2; exit 1 ;;
esac
# Qt's X11 and Wayland plugins need libraries many desktops lack (libxcb-cursor above all):
# the build carries the build machine's copies, so they must be there, or PyInstaller only
# warns and the app cannot open its window on such a desktop. (Found with `ldd` on
# PySide6/Qt/plugins/platforms/*.so; the Debian/Ubuntu package follows each name.)
QT_PLATFORM_LIBRARIES="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
    libxcb-keysyms.so.1:libxcb-keysyms1 libwayland-cursor.so.0:libwayland-cursor0"
if [ "$platform" = linux ]; then
    # Read whole before grep: `grep -q` stops at the first hit, and under pipefail the
    # SIGPIPE ldconfig then gets would count as "missing".
    libraries="$("$(command -v ldconfig || echo /sbin/ldconfig)" -p 2>/dev/null || true)"
    missing=()
    for entry in $QT_PLATFORM_LIBRARIES; do
        grep -qF "${entry%%:*}" <<<"$libraries" || missing+=("$entry")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "build.sh: Qt's window plugins need libraries this machine lacks: ${missing[*]%%:*}." >&2
        echo "  Install them first (Debian/Ubuntu: apt-get install ${missing[*]##*:})." >&2
        exit 1
    fi
fi
if [ "$check_only" = 1 ]; then
    echo "build.sh: $("$python" --version 2>&1) and the libraries the $platform build needs are here."
    exit 0
fi
started=$(date +%s)
step() { echo "== $* ($(($(date +%s) - started)) s)"; }

step "build environment: build/venv"
[ -x "$bin/python" ] || [ -x "$bin/python.exe" ] || "$python" -m venv build/venv
venv_python="$root/$bin/python"
"$venv_python" -m pip install --quiet --upgrade pip
"$venv_python" -m pip install --quiet -e '.[build]'
# OpenCV's full wheel carries its own Qt 5 for cv2.imshow, which FaceAudit never calls: the
# headless wheel of the same version has the same decoders without it. Both wheels write
# cv2/, so the headless one is reinstalled after the full one is removed (also on re-runs).
opencv_version="$("$venv_python" -c 'import importlib.metadata as m; print(m.version("opencv-python"))' 2>/dev/null || true)"
if [ -n "$opencv_version" ]; then
    "$venv_python" -m pip uninstall --quiet --yes opencv-python
    "$venv_python" -m pip install --quiet --force-reinstall --no-deps "opencv-python-headless==$opencv_version"
fi
"$venv_python" -c 'import cv2' || { echo "build.sh: OpenCV does not import in build/venv" >&2; exit 1; }

step "model pack, translations, icons"
if [ "${FACEAUDIT_BUNDLE_MODELS:-1}" != "0" ]; then
    "$root/$bin/faceaudit" models fetch buffalo_sc
fi
if "$venv_python" -c 'import faceaudit.gui.i18n' 2>/dev/null; then
    "$venv_python" -m faceaudit.gui.i18n compile
fi
QT_QPA_PLATFORM=offscreen "$venv_python" installer/render_icons.py

step "PyInstaller: dist/FaceAudit/"
"$venv_python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" installer/faceaudit.spec

step "the download for $platform"
version="$("$venv_python" -c 'import faceaudit; print(faceaudit.__version__)')"
case "$platform" in
    linux) bash installer/linux/package.sh "$root/dist/FaceAudit" "$root/build/icons" "$version" "$root/dist" ;;
    macos) bash installer/macos/make-dmg.sh "$version" ;;
    windows) "${ISCC:-ISCC.exe}" "/DAppVersion=$version" installer/windows/faceaudit.iss ;;
esac
echo "$(($(date +%s) - started))" > build/build-seconds.txt
step "built in $(cat build/build-seconds.txt) s"

if [ "$unstripped" = 1 ] && [ "$platform" = linux ]; then
    # Only to measure what leaving out the unused parts saves: never shipped.
    step "for comparison, the same without leaving anything out: build/unstripped/"
    rm -rf build/unstripped
    FACEAUDIT_BUILD_STRIP=0 "$venv_python" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$root/build/unstripped" --workpath "$root/build/pyinstaller-unstripped" \
        installer/faceaudit.spec
    bash installer/linux/package.sh "$root/build/unstripped/FaceAudit" "$root/build/icons" \
        "$version" "$root/build/unstripped"
fi

if [ "$report" = 1 ]; then
    "$venv_python" installer/report.py
fi
