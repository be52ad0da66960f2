#!/bin/sh
# Runs one test under a keychain of the kind named, in a throwaway home (its own keyrings, never
# the user's): the CTest wrapper of tests/keychain.
#   present   a D-Bus session bus with gnome-keyring's Secret Service, unlocked: writes are kept
#   refusing  the same, its login keyring made and then locked (nobody can unlock it again: no
#             prompt without a display): every write is refused ("Cannot create an item in a
#             locked collection")
#   absent    no session bus at all: QtKeychain finds no keychain service
# The test reads GX_KEYCHAIN to know which it is under and checks that the keychain behaves so.
# Usage: with-keychain.sh present|refusing|absent TEST [ARGS...]
set -eu
mode=$1
shift
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/data" "$home/config" "$home/cache" "$home/run"
chmod 700 "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run" GX_KEYCHAIN="$mode"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
status=0
case "$mode" in
present)
    dbus-run-session -- sh -c \
        'printf %s gx-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
        sh "$@" || status=$?
    ;;
refusing)
    dbus-run-session -- sh -c '
        printf %s gx-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.Lock \
            array:objpath:/org/freedesktop/secrets/collection/login >/dev/null &&
        exec "$@"' sh "$@" || status=$?
    ;;
absent)
    "$@" || status=$?
    ;;
*)
    echo "with-keychain.sh: unknown keychain kind '$mode' (present, refusing or absent)" >&2
    exit 2
    ;;
esac
exit "$status"
