#!/usr/bin/env bash
# On macOS, after `pyinstaller packaging/campaign-gui.spec`: sign (when SIGN_IDENTITY is set), build the dmg with
# an Applications link, notarise and staple (when NOTARY_PROFILE is set). See packaging/README.md.
#   SIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=campaign-gui packaging/macos/make_dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
app="dist/Campaign Manager.app"
version="$(/usr/libexec/PlistBuddy -c 'Print CFBundleShortVersionString' "$app/Contents/Info.plist")"
dmg="dist/campaign-gui-$version.dmg"
if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --deep --timestamp --options runtime \
        --entitlements packaging/macos/entitlements.plist --sign "$SIGN_IDENTITY" "$app"
    codesign --verify --strict --verbose=2 "$app"
fi
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "Campaign Manager" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
if [ -n "${SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$SIGN_IDENTITY" "$dmg"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "built $dmg"
