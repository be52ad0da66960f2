#pragma once

#include "testdevice.h"

#include <QStringList>
#include <QTextStream>

#include <memory>

namespace gx::e2e {

/**
 * The engine of gx_device_driver: a device (store + sync client) driven by a script of one
 * command per line, for the tests that kill it with SIGKILL. Every line it prints is flushed at
 * once, so that what the test reads is what the driver had done when it died.
 *
 * Commands (JSON values are compact, without spaces):
 *   login USER PASSWORD          log in (the password is the rest of the line; prints
 *                                "logged_in" or "error ...")
 *   ensure-login USER PASSWORD   log in only when no token is kept
 *   create ENTITY ID FIELDS_JSON a new record
 *   set ENTITY ID FIELD VALUE_JSON
 *   photo ENTITY ID FIELD SIZE SEED   SIZE pseudo-random bytes from SEED stored as a photo, its
 *                                sha256 set as the field
 *   sync                         one sync, to its end ("synced" or "sync_failed STATE: REASON");
 *                                prints "phase NAME" as each phase begins
 *   sleep MILLIS
 *   dump ENTITY ID               "record ENTITY/ID FIELDS_JSON" (or "record ENTITY/ID null")
 *   outbox                       "outbox PENDING REJECTED"
 * After each edit's commit: "receipt ENTITY/ID MUTATION_ID" and one "saved ENTITY/ID FIELD
 * VALUE_JSON" per field it saved.
 */
class DeviceDriver
{
public:
    DeviceDriver(QTextStream &out, const QString &storePath, const QString &deviceId,
                 const QUrl &server, const SyncOptions &options);

    /** "" when the device opened. */
    [[nodiscard]] QString error() const;
    /** Runs one command line; false when it failed (the reason is printed). */
    bool run(const QString &line);

private:
    void print(const QString &line);
    void printReceipt(const EditReceipt &receipt, const QJsonObject &fields);
    bool fail(const QString &message);
    bool edit(const QStringList &words);
    bool photo(const QStringList &words);
    bool sync();

    QTextStream &m_out;
    std::unique_ptr<TestDevice> m_device;
};

} // namespace gx::e2e
