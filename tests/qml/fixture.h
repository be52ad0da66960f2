#pragma once

#include <QImage>
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

    /** Holds a QR code of `text` up to the camera (SampleData::qrPhoto): the injected frame
     * source (QuickTestSetup) films it from now on; "" shows it nothing. */
    Q_INVOKABLE void showToCamera(const QString &text);
    /** What the injected camera films now (null: nothing). */
    [[nodiscard]] static QImage cameraImage();
    /** As if the keychain had refused a secret of the login ("refused") or were absent
     * ("absent"): Session::noteKeychainFallback(). */
    Q_INVOKABLE void keychainFellBack(const QString &why);
    /** Forgets that the keychain notice was read (settings.ini), for the next test. */
    Q_INVOKABLE void forgetKeychainNoticeRead();
};

} // namespace gx
