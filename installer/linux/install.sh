#!/usr/bin/env bash
# Install FaceAudit for this user only, under ~/.local (no root, no system files):
#   ~/.local/lib/FaceAudit/             the application (a copy of this archive's FaceAudit/)
#   ~/.local/bin/faceaudit              a link to it, for the command line
#   ~/.local/share/applications/        the menu entry
#   ~/.local/share/icons/hicolor/       the icon, at every size
#   ~/.local/share/metainfo/            the software-centre description
# Every file written is listed in ~/.local/lib/FaceAudit/installed-files.txt, and every
# folder created in installed-dirs.txt beside it, which uninstall.sh reads, so an uninstall
# removes exactly what was installed (a folder only once it is empty).
# Usage: bash install.sh [--prefix DIR]   (DIR defaults to ~/.local)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="$HOME/.local"
while [ "$#" -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

app_id="org.faceaudit.FaceAudit"
app_dir="$prefix/lib/FaceAudit"
if [ ! -x "$here/FaceAudit/FaceAudit" ]; then
    echo "install.sh: $here/FaceAudit/FaceAudit is missing; unpack the whole archive first." >&2
    exit 1
fi

if [ -e "$app_dir" ]; then
    echo "Replacing the FaceAudit installed in $app_dir (your data is not touched) ..."
    bash "$here/uninstall.sh" --prefix "$prefix" --keep-data --quiet
fi
# The folders this creates (parents first), so that uninstall.sh removes them again.
created_dirs=()
make_dir() {
    local missing=() dir="$1"
    while [ ! -d "$dir" ]; do
        missing=("$dir" "${missing[@]}")
        dir="$(dirname "$dir")"
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        mkdir -p "$1"
        created_dirs+=("${missing[@]}")
    fi
}
for dir in "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"; do
    make_dir "$dir"
done
staging="$(mktemp -d "$prefix/lib/.FaceAudit-install.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
cp -a "$here/FaceAudit/." "$staging/"
cp "$here/uninstall.sh" "$staging/uninstall.sh"
mv "$staging" "$app_dir"
trap - EXIT

record="$app_dir/installed-files.txt"
: > "$record"
installed() { printf '%s\n' "$1" >> "$record"; }

ln -sfn "$app_dir/FaceAudit" "$prefix/bin/faceaudit"
installed "$prefix/bin/faceaudit"

# The menu entry starts this copy by its full path, so ~/.local/bin need not be on PATH.
desktop="$prefix/share/applications/$app_id.desktop"
sed -e "s|^Exec=faceaudit|Exec=\"$app_dir/FaceAudit\"|" \
    -e "s|^TryExec=faceaudit|TryExec=$app_dir/FaceAudit|" \
    "$here/share/applications/$app_id.desktop" > "$desktop"
installed "$desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$prefix/share/metainfo/"
installed "$prefix/share/metainfo/$app_id.metainfo.xml"
for png in "$here"/share/icons/hicolor/*/apps/"$app_id".png "$here"/share/icons/hicolor/scalable/apps/"$app_id".svg; do
    relative="${png#"$here"/share/}"
    make_dir "$(dirname "$prefix/share/$relative")"
    cp "$png" "$prefix/share/$relative"
    installed "$prefix/share/$relative"
done

if [ "${#created_dirs[@]}" -gt 0 ]; then
    printf '%s\n' "${created_dirs[@]}" > "$app_dir/installed-dirs.txt"
else
    : > "$app_dir/installed-dirs.txt"
fi

bash "$app_dir/uninstall.sh" --refresh-caches-only --prefix "$prefix"

echo "FaceAudit is installed in $app_dir."
echo "Start it from your applications menu, or run: $prefix/bin/faceaudit"
echo "To remove it later: bash $app_dir/uninstall.sh"
