#!/usr/bin/env bash
# Remove FaceAudit as install.sh installed it: the application, its command-line link, its
# menu entry, icons and metainfo. Your data (cases, letters, cache) stays unless you ask:
#   bash uninstall.sh                    remove the app; then ask whether to delete your data
#   bash uninstall.sh --keep-data        remove the app, never ask about data
#   bash uninstall.sh --delete-data      remove the app and, after a warning, your data too
#   bash uninstall.sh --delete-data --yes   ... without the confirmation (for scripts)
# --prefix DIR: where install.sh put it (default ~/.local).
set -euo pipefail

prefix="$HOME/.local"
data_choice="ask"
confirmed=0
quiet=0
while [ "$#" -gt 0 ]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --keep-data) data_choice="keep"; shift ;;
        --delete-data) data_choice="delete"; shift ;;
        --yes) confirmed=1; shift ;;
        --quiet) quiet=1; shift ;;
        --refresh-caches-only) data_choice="refresh"; shift ;;
        -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "uninstall.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
say() { [ "$quiet" = 1 ] || echo "$@"; }

# The desktop's caches of menu entries and icons are shared with other programs: refreshed
# when they exist (a stale one hides changes), never created.
refresh_caches() {
    local share="$prefix/share"
    if [ -f "$share/applications/mimeinfo.cache" ] && command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$share/applications" || true
    fi
    if [ -f "$share/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
    fi
}
if [ "$data_choice" = "refresh" ]; then
    refresh_caches
    exit 0
fi

app_dir="$prefix/lib/FaceAudit"
record="$app_dir/installed-files.txt"
if [ -f "$record" ]; then
    while IFS= read -r path; do
        # Only what install.sh wrote under the prefix, whatever the record says.
        case "$path" in
            "$prefix"/*) rm -f -- "$path" ;;
        esac
    done < "$record"
fi
# The folders install.sh created go too, deepest first, once empty (whatever else put
# files there keeps them), at the very end: deleting the data may empty one more.
created_dirs=()
if [ -f "$app_dir/installed-dirs.txt" ]; then
    mapfile -t created_dirs < "$app_dir/installed-dirs.txt"
fi
remove_created_dirs() {
    local index
    for ((index = ${#created_dirs[@]} - 1; index >= 0; index--)); do
        case "${created_dirs[index]}" in
            "$prefix"/*) rmdir -- "${created_dirs[index]}" 2>/dev/null || true ;;
        esac
    done
}
trap remove_created_dirs EXIT
if [ -d "$app_dir" ]; then
    rm -rf -- "$app_dir"
    say "Removed the FaceAudit application from $app_dir and its menu entry."
else
    say "FaceAudit is not installed in $app_dir."
fi
refresh_caches

# The data folder: FACEAUDIT_HOME if set, else the platform's user data folder (see README).
data_dir="${FACEAUDIT_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/FaceAudit}"

[ -d "$data_dir" ] || { say "No FaceAudit data folder at $data_dir."; exit 0; }

if [ "$data_choice" = "ask" ]; then
    if [ ! -t 0 ]; then
        say "Your data is kept in $data_dir (run with --delete-data to remove it)."
        exit 0
    fi
    read -r -p "Also delete your FaceAudit data in $data_dir? [y/N] " answer
    case "$answer" in [yY]*) data_choice="delete" ;; *) data_choice="keep" ;; esac
fi
if [ "$data_choice" = "keep" ]; then
    say "Your data is kept in $data_dir."
    exit 0
fi

echo "WARNING: this deletes every FaceAudit case in $data_dir for good: reference photos,"
echo "findings, letters and the tracking of your requests' deadlines. It cannot be undone."
if [ "$confirmed" != 1 ]; then
    if [ ! -t 0 ]; then
        echo "Not deleted: confirm with --yes, or run this in a terminal." >&2
        exit 1
    fi
    read -r -p "Type DELETE to delete it: " answer
    if [ "$answer" != "DELETE" ]; then
        echo "Not deleted. Your data is kept in $data_dir."
        exit 0
    fi
fi
rm -rf -- "$data_dir"
echo "Deleted $data_dir."
