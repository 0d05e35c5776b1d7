#!/usr/bin/env bash
# Runs a frozen build the way a user would: check_frozen.sh PATH/TO/campaign-gui
#   --smoke-test offscreen (window, demo data, first paint), `validate` on a generated .xlsx,
#   `sandbox --port 0` answering HTTP, and the Secret Service keyring backend found under dbus-run-session with
#   gnome-keyring (add, list and remove an account).
set -euo pipefail
app="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-$here/../.venv/bin/python}"
work="$(mktemp -d)"
sandbox_pid=""
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
step() { echo "check_frozen: $*"; }

step "smoke test ($app)"
QT_QPA_PLATFORM=offscreen "$app" --smoke-test --data-dir "$work/smoke" </dev/null | tee "$work/smoke.out"
grep -Eq '^first paint: [0-9.]+ s$' "$work/smoke.out"

step "validate a generated .xlsx"
"$py" "$here/make_sheet.py" "$work/contacts.xlsx" 200
"$app" validate "$work/contacts.xlsx" --data-dir "$work/data" --json </dev/null > "$work/validate.json"
"$py" - "$work/validate.json" <<'PY'
import json, sys
result = json.loads(open(sys.argv[1]).read())
counts = result.get("counts", result)
assert counts.get("valid") == 200, result
PY

step "sandbox --port 0 answers"
"$app" sandbox --port 0 --data-dir "$work/data" </dev/null > "$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 100); do
    grep -q "listening on" "$work/sandbox.out" && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.out" >&2; exit 1; }
    sleep 0.2
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/sandbox.out" | head -1)"
[ -n "$url" ] || { echo "check_frozen: the sandbox printed no address" >&2; cat "$work/sandbox.out" >&2; exit 1; }
"$py" -c "import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1] + '/_sandbox/ledger', timeout=10)
except urllib.error.HTTPError as e:
    print('HTTP', e.code)  # an HTTP answer is an answer
" "$url"
kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; sandbox_pid=""

step "keyring: Secret Service under dbus-run-session with gnome-keyring"
mkdir -p "$work/home"
HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_RUNTIME_DIR="$work/home" \
    dbus-run-session -- bash -s "$app" "$work/keys" <<'SH'
set -euo pipefail
app="$1"; data="$2"
unset DISPLAY WAYLAND_DISPLAY PYTHON_KEYRING_BACKEND
eval "$(printf 'frozen-check\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$app" accounts add --provider smsby --name "CI keyring" --data-dir "$data" --secret-stdin \
    <<<"frozen-check-token-0123456789"
"$app" accounts list --data-dir "$data" --json </dev/null | tee "$data.list"
grep -q "CI keyring" "$data.list"
grep -q "Secret Service" "$data.list"  # the backend found: not a file or fail backend
"$app" accounts remove "CI keyring" --data-dir "$data" </dev/null
"$app" accounts list --data-dir "$data" --json </dev/null | grep -vq "CI keyring"
SH
step "all frozen checks passed"
