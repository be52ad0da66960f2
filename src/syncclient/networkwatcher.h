#pragma once

#include <QObject>
#include <QString>

namespace gx {

/**
 * Whether the device is online, for the sync engine's triggers. Backed by QNetworkInformation
 * when a reachability backend loads (on Debian: NetworkManager over D-Bus, or GLib's network
 * monitor); without one, the device is taken as online and the engine's timer alone retries.
 * setOnline() lets the app (or a test) say so itself.
 */
class NetworkWatcher : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool online READ isOnline NOTIFY onlineChanged)

public:
    /** useSystemBackend false: no backend is loaded; only setOnline() changes the state. */
    explicit NetworkWatcher(bool useSystemBackend = true, QObject *parent = nullptr);

    [[nodiscard]] bool isOnline() const { return m_online; }
    /** The QNetworkInformation backend in use, or "" when none loaded. */
    [[nodiscard]] const QString &backendName() const { return m_backend; }

public slots:
    void setOnline(bool online);

signals:
    void onlineChanged(bool online);

private:
    bool m_online = true;
    QString m_backend;
};

} // namespace gx
