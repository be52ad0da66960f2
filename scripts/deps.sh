#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages that building and testing Gengxin needs and that
# are not installed yet. Sourced by run.sh and test.sh; safe to run again (it installs nothing
# when everything is there). Needs root, or sudo.
set -euo pipefail

GX_PACKAGES=(
    # toolchain
    g++ cmake ninja-build clang-format git ca-certificates
    # Qt 6.4 (Debian 12); HttpServer's CMake config requires WebSockets
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
    # the server: Argon2id passwords, XLSX export, reading uploaded workbooks (zip)
    pkg-config libsodium-dev libxlsxwriter-dev zlib1g-dev libminizip-dev  # xlsxwriter.pc links -lz
    # the device's secrets in the OS keychain (QtKeychain: Qt Core + DBus, the Secret Service)
    qtkeychain-qt6-dev
    # the tests' throwaway PostgreSQL; a session bus and gnome-keyring for tests/keychain
    postgresql-15 dbus gnome-keyring libsecret-1-0
    # the app: Qt Quick with Material controls, charts, dialogs, positioning, translations
    qt6-declarative-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-positioning-dev
    # the app: the camera of photo fields (Qt Multimedia 6.4 uses its GStreamer backend on
    # Linux: v4l2src is in plugins-good, videoconvert/jpeg decoding in plugins-base)
    qt6-multimedia-dev qml6-module-qtmultimedia gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    # the app: the QR code of a new account's setup code, and reading it with the camera
    libqrencode-dev libzxing-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
    qml6-module-qtquick-window qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
    qml6-module-qttest
    qml6-module-qtcharts qml6-module-qtpositioning
    # its pinned font, and a headless X server for screenshots
    fonts-noto-cjk xvfb xauth
    # reading the report PDF back in the tests (pdftotext, pdfinfo, pdffonts, pdftoppm)
    poppler-utils
)

gx_missing_packages() {
    local p
    for p in "${GX_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

gx_install_deps() {
    local missing
    missing=$(gx_missing_packages | tr '\n' ' ')
    if [ -z "${missing// /}" ]; then
        return 0
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "deps: run as root (or install sudo) to install: $missing" >&2; return 1; }
        sudo=sudo
    fi
    echo "deps: installing $missing"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    gx_install_deps
fi
