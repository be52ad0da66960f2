#!/usr/bin/env bash
# The run command: installs what is missing, builds, and runs the system on its embedded SQLite
# default: gengxin-server with a demo city (generated on first run into var/demo.sqlite; the
# users it creates and their passwords are printed and kept in var/demo-users.txt).
# The Qt Quick app that will open against it comes with later work (issue 5).
# Environment: GX_LISTEN (default 127.0.0.1:8470), GX_DATA_DIR (default var/).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=deps.sh
source scripts/deps.sh
gx_install_deps
export GX_BUILD_DIR=${GX_BUILD_DIR:-build}
scripts/build.sh >/dev/null
server="$GX_BUILD_DIR/sync/gengxin-server"
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
cat <<MSG

run: starting gengxin-server on http://$listen (Ctrl-C stops it). Try, with a password above:
  curl -s http://$listen/api/v1/login -d '{"username":"office","password":"PASSWORD"}'
  curl -s -H "Authorization: Bearer TOKEN" "http://$listen/api/v1/stats/coverage?period=2024"
MSG
exec "$server" serve --db "$db" --listen "$listen"
