#!/usr/bin/env bash
# FaceAudit's one set-up script, behind the README's two commands:
#   bash installer/setup.sh         set up .venv, the package and the default face model pack, then open the window
#   bash installer/setup.sh test    the same with the test tools, then lint, type-check and run every test
# Re-running is cheap: the virtual environment and a verified model pack are reused.
set -euo pipefail

mode="${1:-run}"
if [ "$#" -gt 0 ]; then shift; fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "FaceAudit needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
    echo "Install a newer Python, or point PYTHON at one: PYTHON=python3.12 bash installer/setup.sh" >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in $root/.venv ..."
    "$python" -m venv .venv
fi
venv_python="$root/.venv/bin/python"
"$venv_python" -m pip install --quiet --upgrade pip

case "$mode" in
    run)
        "$venv_python" -m pip install --quiet -e '.[browser]'
        ;;
    test)
        "$venv_python" -m pip install --quiet -e '.[test,browser]'
        ;;
    *)
        echo "usage: bash installer/setup.sh [run|test]" >&2
        exit 2
        ;;
esac

# Bytecode for FaceAudit's own modules now, not at each start: an editable install leaves
# them as source, and where Python may not write its caches (PYTHONDONTWRITEBYTECODE) every
# start would compile them again (a sixth of the window's start-up).
"$venv_python" -m compileall -q "$root/desktop/faceaudit" >/dev/null

# The default model pack: official release first, then the verified fallbacks (see models/).
"$root/.venv/bin/faceaudit" models fetch buffalo_sc

# The window's translations: .ts files compiled to .qm by Qt's lrelease (.qm are not tracked).
"$venv_python" -m faceaudit.gui.i18n compile

if [ "$mode" = "run" ]; then
    # No arguments: the window. Arguments: the command line, e.g. setup.sh run case list
    exec "$root/.venv/bin/faceaudit" "$@"
fi

# Real face photos for the tests when ../shared is not beside the project: the test images
# inside the face_recognition 1.3.0 source distribution on PyPI (MIT), unpacked once.
test_data="$root/.test-data"
if [ ! -d "$root/../shared/faces" ] && [ ! -d "$test_data/face_recognition/test_images" ]; then
    echo "../shared is absent: fetching real test photos from the face_recognition 1.3.0 sdist ..."
    download="$(mktemp -d)"
    "$venv_python" -m pip download --quiet --no-deps --no-binary :all: \
        face_recognition==1.3.0 -d "$download"
    mkdir -p "$test_data/face_recognition"
    tar -xzf "$download"/face_recognition-1.3.0.tar.gz -C "$download" \
        face_recognition-1.3.0/tests/test_images
    mv "$download/face_recognition-1.3.0/tests/test_images" "$test_data/face_recognition/"
    rm -rf "$download"
fi

# The system-call egress test (tests/egress) needs Debian's strace; install it where apt can.
if ! command -v strace >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing strace for the system-call egress test ..."
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends strace; } >/dev/null 2>&1; then
        echo "Could not install strace: the system-call egress test will be skipped." >&2
    fi
fi

export QT_QPA_PLATFORM=offscreen
export FACEAUDIT_REQUIRE_MODELS=1
"$root/.venv/bin/ruff" check .
"$root/.venv/bin/ruff" format --check .
"$root/.venv/bin/mypy"
"$venv_python" -m pytest "$@"
