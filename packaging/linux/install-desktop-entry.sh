#!/usr/bin/env sh
# Make the installed `campaign-gui` start by double-click: a desktop entry and its icon for this user.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
command -v campaign-gui >/dev/null 2>&1 || {
    echo "campaign-gui is not on PATH: install it first (pipx install campaign-gui, or pip install .)" >&2
    exit 1
}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
cp "$here/campaign-gui.desktop" "$data/applications/campaign-gui.desktop"
cp "$here/../../resources/campaign-gui.svg" "$data/icons/hicolor/scalable/apps/campaign-gui.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "installed: $data/applications/campaign-gui.desktop"
