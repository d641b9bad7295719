#!/usr/bin/env bash
# Pack dist/FaceAudit.app (built by installer/faceaudit.spec on macOS) into a disk image:
# dist/FaceAudit-<version>-macos-<arch>.dmg with the app, a link to /Applications and the
# licences. Signs and notarises when the release keys are in the environment:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: ..." (codesign), optional
#   MACOS_NOTARY_PROFILE  a keychain profile made with `xcrun notarytool store-credentials`
# Usage (build.sh calls it): bash installer/macos/make-dmg.sh VERSION
# Runs on macOS only (hdiutil, codesign); the paths are those of the Linux build.
set -euo pipefail

version="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/installer/macos"
app="$root/dist/FaceAudit.app"
dmg="$root/dist/FaceAudit-$version-macos-$(uname -m).dmg"
[ -d "$app" ] || { echo "make-dmg.sh: $app is missing; run installer/build.sh" >&2; exit 1; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --entitlements "$here/entitlements.plist" --sign "$MACOS_SIGN_IDENTITY" "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
cp -R "$app/Contents/Resources/licenses" "$staging/Licences" 2>/dev/null \
    || cp -R "$root/build/licenses" "$staging/Licences"
rm -f "$dmg"
hdiutil create -volname "FaceAudit $version" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "$dmg"
