#!/usr/bin/env bash
# Pack a one-folder build into the Linux download: FaceAudit-<version>-linux-<arch>.tar.gz
# holding FaceAudit/ (the app), install.sh, uninstall.sh and share/ (menu entry, icons,
# metainfo laid out as under ~/.local/share). No AppImage: no registry ships appimagetool
# or the AppImage runtime (checked: PyPI, Debian, npm), see installer/README.md.
# Usage: bash installer/linux/package.sh APP_FOLDER ICON_FOLDER VERSION OUTPUT_DIR
set -euo pipefail

app_folder="$1"
icon_folder="$2"
version="$3"
output_dir="$4"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="org.faceaudit.FaceAudit"
name="FaceAudit-$version-linux-$(uname -m)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/$name"
mkdir -p "$root/share/applications" "$root/share/metainfo" "$root/share/icons/hicolor/scalable/apps"
cp -a "$app_folder" "$root/FaceAudit"
cp "$here/install.sh" "$here/uninstall.sh" "$root/"
cp "$here/$app_id.desktop" "$root/share/applications/"
cp "$here/$app_id.metainfo.xml" "$root/share/metainfo/"
cp "$here/../icons/faceaudit.svg" "$root/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$icon_folder"/faceaudit-*.png; do
    size="${png##*/faceaudit-}"
    size="${size%.png}"
    mkdir -p "$root/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$root/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done

mkdir -p "$output_dir"
tar -C "$work" -czf "$output_dir/$name.tar.gz" "$name"
echo "$output_dir/$name.tar.gz"
