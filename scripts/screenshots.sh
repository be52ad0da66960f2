#!/usr/bin/env bash
# Renders every screen of the app headless (xvfb, full rendering) into
# docs/screenshots/<screen>-<W>x<H>.png, in Chinese: a demo city is generated into a temporary
# SQLite file, gengxin-server serves it on a free loopback port, and `gengxin --screenshot` logs
# in as the demo's inspector of 莲都区 (field screens) or the office (desk screens) and renders
# each screen at phone (360x740) and tablet (800x1280) size, the office screens and survey_updated
# (the notice of the survey version the demo publishes) and the camera's screens (capture,
# capture_taken: a nameplate drawn with QPainter as the camera) also at 1280x800.
# Builds gengxin and gengxin-server first when they are missing.
# Environment: GX_BUILD_DIR (default build), GX_SCREENSHOT_DIR (default docs/screenshots),
# GX_SCREENS (default: every screen), GX_SIZES (default: "360x740 800x1280"),
# GX_LANG (default zh_CN; en for English), GX_FONT_SCALE (default 1; e.g. 1.5 for large type),
# GX_SUFFIX (put after the screen's name, e.g. "-en" gives enterprises-en-360x740.png),
# GX_EXTRA_SIZES (default 1; 0 leaves out the 1280x800 desktop renders).
# The English and large-type pictures: scripts/screenshots-en-large.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GX_BUILD_DIR:-build}
out=${GX_SCREENSHOT_DIR:-docs/screenshots}
server="$build/sync/gengxin-server"
app="$build/src/app/gengxin"
if [ ! -x "$server" ] || [ ! -x "$app" ]; then
    echo "screenshots: building gengxin and gengxin-server in $build"
    cmake -S . -B "$build" -G Ninja >"$build.configure.log" 2>&1 \
        || { cat "$build.configure.log" >&2; exit 1; }
    ninja -C "$build" -j "${GX_JOBS:-2}" gengxin gengxin-server
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }

tmp=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

db="sqlite:$tmp/demo.sqlite"
"$server" demo --db "$db" >"$tmp/users.txt" 2>"$tmp/demo.log" \
    || { cat "$tmp/demo.log" >&2; exit 1; }
# Port 0: the server takes a free port and says which in its first line.
"$server" serve --db "$db" --listen "127.0.0.1:0" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    grep -qs '^listening on' "$tmp/server.log" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
    sleep 0.1
done
address=$(sed -n 's/^listening on //p' "$tmp/server.log" | head -n 1)
[ -n "$address" ] || { echo "screenshots: the server did not start" >&2; cat "$tmp/server.log" >&2; exit 1; }
url="http://$address"
password_of() { awk -v u="$1" '$1 == "user" && $2 == u { print $4 }' "$tmp/users.txt"; }
inspector=inspector-331102
office=office
inspector_password=$(password_of "$inspector")
office_password=$(password_of "$office")
[ -n "$inspector_password" ] && [ -n "$office_password" ] \
    || { echo "screenshots: the demo printed no inspector-331102/office users" >&2; exit 1; }

mkdir -p "$out"
failed=0
shoot() { # USER PASSWORD SCREEN SIZE DATA-DIR-NAME
    local login=()
    [ -n "$1" ] && login=(--login "$1:$2")
    local file="$out/$3${GX_SUFFIX:-}-$4.png"
    if xvfb-run -a -s "-screen 0 1400x1400x24" env QT_QPA_PLATFORM=xcb \
        "$app" --data-dir "$tmp/app-$5" --server "$url" --lang "${GX_LANG:-zh_CN}" \
        --font-scale "${GX_FONT_SCALE:-1}" "${login[@]}" \
        --screenshot "$file" --size "$4" --screen "$3" >"$tmp/shot.log" 2>&1; then
        echo "screenshots: $file"
    else
        echo "screenshots: FAILED $3 at $4:" >&2
        tail -n 20 "$tmp/shot.log" >&2
        failed=1
    fi
}

field_screens="enterprises enterprise add_enterprise survey survey_updated local_supply equipment capture capture_taken sync login scan_setup scan_not_setup"
office_screens="dashboard county review official targets registry registry_errors accounts account_made supply_demand supply_demand_detail"
sizes=${GX_SIZES:-"360x740 800x1280"}
screens=${GX_SCREENS:-"$field_screens $office_screens"}
for screen in $screens; do
    case " $office_screens " in
    *" $screen "*) user=$office; password=$office_password; extra="1280x800" ;;
    *) user=$inspector; password=$inspector_password; extra="" ;;
    esac
    # The notice of a new survey version: also at the desktop size.
    [ "$screen" = survey_updated ] && extra="1280x800"
    # The camera's screens (the injected nameplate), 本地优质供给 and scanning the setup code
    # (before any login) are also looked at on a desktop.
    case "$screen" in capture | capture_taken | local_supply | scan_*) extra="1280x800" ;; esac
    [ "${GX_EXTRA_SIZES:-1}" = 0 ] && extra=""
    dir=$user
    case $screen in login | scan_*) user=""; password="" ;; esac
    for size in $sizes $extra; do
        shoot "$user" "$password" "$screen" "$size" "$dir"
    done
done
exit "$failed"
