#pragma once

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * What Qt Quick tests need beyond the screens: open a user's store without a server, put
 * records in it as the sync would have, and read back what the screens wrote. Works on the
 * current Session (see QuickTestSetup).
 */
class Fixture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit Fixture(QObject *parent = nullptr);

    /** Session::openLocal(); returns the error, or "" on success. */
    Q_INVOKABLE QString openLocal(const QString &username, const QString &role,
                                  const QString &region = {}, const QString &enterprise = {});
    /** Creates a record through the store as a local edit; returns its id ("" on failure,
     * with a warning). */
    Q_INVOKABLE QString createRecord(const QString &entity, const QVariantMap &fields,
                                     const QString &id = {});
    /** The stored fields of a record ({} when there is none). */
    Q_INVOKABLE QVariantMap record(const QString &entity, const QString &id);
    /** Whether the record is stored and not deleted. */
    Q_INVOKABLE bool exists(const QString &entity, const QString &id);
    /** Mutations waiting in the outbox. */
    Q_INVOKABLE int outboxCount();
    /** The Session's data directory. */
    Q_INVOKABLE QString dataDir();
};

} // namespace gx
