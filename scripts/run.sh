#!/usr/bin/env bash
# The run command: installs what is missing, builds, and runs the system on its embedded SQLite
# default: gengxin-server with a demo city (generated on first run into var/demo.sqlite; the
# users it creates and their passwords are printed and kept in var/demo-users.txt), and the
# Qt Quick app `gengxin` opened against it (its data in var/app). Closing the app stops the server.
# Without a display (no DISPLAY / WAYLAND_DISPLAY) only the server runs, until Ctrl-C.
# Environment: GX_LISTEN (default 127.0.0.1:8470), GX_DATA_DIR (default var/).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deps.sh
source scripts/deps.sh
gx_install_deps
export GX_BUILD_DIR=${GX_BUILD_DIR:-build}
scripts/build.sh >/dev/null
server="$GX_BUILD_DIR/sync/gengxin-server"
app="$GX_BUILD_DIR/src/app/gengxin"
data=${GX_DATA_DIR:-var}
listen=${GX_LISTEN:-127.0.0.1:8470}
mkdir -p "$data"
db="sqlite:$data/demo.sqlite"
if [ ! -f "$data/demo.sqlite" ]; then
    echo "run: generating a demo city into $data/demo.sqlite"
    "$server" demo --db "$db" | tee "$data/demo-users.txt"
else
    echo "run: using $data/demo.sqlite (delete it for a new demo city); users:"
    cat "$data/demo-users.txt" 2>/dev/null || true
fi

"$server" serve --db "$db" --listen "$listen" >"$data/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q '^listening on' "$data/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
    sleep 0.1
done
echo
echo "run: gengxin-server is serving http://$listen (log: $data/server.log)"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "run: opening the app; log in with a user above (server http://$listen)."
    "$app" --server "http://$listen" --data-dir "$data/app"
else
    cat <<MSG
run: no display here (DISPLAY and WAYLAND_DISPLAY are unset), so the app cannot open a window.
     On a desktop session run: $app --server http://$listen --data-dir $data/app
     Or render its screens headless: scripts/screenshots.sh
     Meanwhile the server answers, e.g.:
       curl -s http://$listen/api/v1/login -d '{"username":"office","password":"PASSWORD"}'
     Ctrl-C stops the server.
MSG
    wait "$server_pid"
fi
