#!/usr/bin/env bash
# Installs dist/campaign-gui_*.deb with apt-get (as root), checks the installed app the way a user meets it,
# then removes it with --purge and checks that nothing is left behind.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
deb="$(ls "$root"/dist/campaign-gui_*_amd64.deb)"
step() { echo "check_deb: $*"; }
[ "$(id -u)" = 0 ] || { echo "check_deb: needs root (apt-get install)" >&2; exit 1; }

if dpkg-query -W -f='${Status}' campaign-gui 2>/dev/null | grep -q "ok installed"; then
    step "removing an earlier campaign-gui"
    DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q campaign-gui >/dev/null
fi
step "apt-get install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb" >/dev/null
files="$(mktemp)"
trap 'rm -f "$files"' EXIT
dpkg-query -L campaign-gui > "$files"

step "installed: $(command -v campaign-gui) -> $(readlink -f "$(command -v campaign-gui)")"
[ "$(command -v campaign-gui)" = /usr/bin/campaign-gui ]
desktop-file-validate /usr/share/applications/campaign-gui.desktop
step "desktop entry valid; in the applications menu and offered for spreadsheets"
grep -q "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet=.*campaign-gui.desktop" \
    /usr/share/applications/mimeinfo.cache
for icon in scalable/apps/campaign-gui.svg 48x48/apps/campaign-gui.png 256x256/apps/campaign-gui.png; do
    [ -f "/usr/share/icons/hicolor/$icon" ] || { echo "check_deb: icon $icon missing" >&2; exit 1; }
done
step "the installed binary's smoke test"
data="$(mktemp -d)"
QT_QPA_PLATFORM=offscreen /usr/bin/campaign-gui --smoke-test --data-dir "$data" </dev/null | grep -E '^first paint: '
rm -rf "$data"

step "apt-get remove --purge campaign-gui"
DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q campaign-gui >/dev/null
left=""
while read -r path; do  # files and links; shared folders (/usr/share/icons …) belong to others too
    [ -d "$path" ] && [ ! -L "$path" ] && continue
    { [ -e "$path" ] || [ -L "$path" ]; } && left="$left $path"
done < "$files"
[ -e /opt/campaign-gui ] && left="$left /opt/campaign-gui"
grep -q "campaign-gui.desktop" /usr/share/applications/mimeinfo.cache 2>/dev/null && left="$left (mimeinfo.cache entry)"
if [ -n "$left" ]; then
    echo "check_deb: left behind after purge:$left" >&2
    exit 1
fi
step "removed; nothing left behind"
