#pragma once

#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <memory>

namespace gx::e2e {

/** Settings that keep the tests quick: short waits between attempts, no periodic timer. */
[[nodiscard]] SyncOptions fastSyncOptions();

/**
 * One device in a test: its own store file, QNetworkAccessManager and SyncClient (with the real
 * wall clock and a seeded jitter), and blocking helpers that spin the event loop until the
 * client answers.
 */
class TestDevice
{
public:
    TestDevice(const QString &storePath, const QString &deviceId, const QUrl &server,
               SyncOptions options = fastSyncOptions(), quint32 seed = 1);
    ~TestDevice();
    TestDevice(const TestDevice &) = delete;
    TestDevice &operator=(const TestDevice &) = delete;

    /** "" when the store opened, else why not. */
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] DeviceStore &store() { return *m_store; }
    [[nodiscard]] SyncClient &client() { return *m_client; }

    /** Logs in and waits; returns "" or why it failed. */
    [[nodiscard]] QString login(const QString &user, const QString &password);
    /** Syncs and waits for the cycle to end; returns "" or the state and reason. */
    [[nodiscard]] QString sync(int timeoutMillis = 120'000);

    /** The record's fields as the device holds them (empty when it has none). */
    [[nodiscard]] QJsonObject fields(const QString &entity, const QString &id);
    /** Every record the device holds, as "entity/id". */
    [[nodiscard]] QStringList recordKeys();

private:
    QString m_error;
    std::unique_ptr<DeviceStore> m_store;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SyncClient> m_client;
};

} // namespace gx::e2e
