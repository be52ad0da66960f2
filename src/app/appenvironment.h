#pragma once

#include "app/framesource.h"
#include "syncclient/secretstore.h"

#include <QString>
#include <functional>

class QNetworkAccessManager;

namespace gx {

class NetworkWatcher;

/**
 * What the app takes from outside and tests must control: where it keeps its files, where the
 * survey definition and regions come from, the wall clock and the network. main() fills it from
 * the command line; tests point it at a temporary directory, a fixed clock and a loopback server.
 */
struct AppEnvironment
{
    /** The directory of the device's files: one store per user and server, the settings, the
     * offline credentials, the device id. Created when missing. */
    QString dataDir;
    /** The assets root (forms/, regions/); by default the copy embedded in the app. */
    QString assetsDir = QStringLiteral(":/assets");
    /** Unix ms; empty: the system clock. */
    std::function<qint64()> clock;
    /** The network the sync client and the office calls use (not owned); null: the Session
     * makes its own. */
    QNetworkAccessManager *network = nullptr;
    /** Whether the network is up (not owned); null: the Session follows the system's
     * (QNetworkInformation). The sync client waits while it is down and syncs when it is back. */
    NetworkWatcher *networkWatcher = nullptr;
    /** Where the login token and the offline-login verifier are kept: the OS keychain
     * (service "gengxin"), with 0600 files in dataDir as the fallback; tests may choose
     * SecretStore::Mode::FileOnly or a keychain of their own. */
    SecretStore secrets;
    /** The pictures the setup-code scanner decodes; empty: the device's camera
     * (CameraFrameSource). Tests and screenshots give an ImageFrameSource. */
    FrameSourceFactory frameSource;
    /** A server address to start with when none is remembered (e.g. the demo's). */
    QString defaultServerUrl;

    /** The clock, or the system clock when none was set. */
    [[nodiscard]] qint64 now() const;
};

} // namespace gx
