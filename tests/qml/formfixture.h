#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * What the form suites need beyond Fixture: rows of a survey as the store holds them, review
 * tasks arriving as a pull would bring them, many equipment rows at once, and where to save
 * screenshots. Works on the current Session.
 */
class FormFixture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit FormFixture(QObject *parent = nullptr);

    /** The survey's rows of entity ("equipment" or "key_process") in the store (-1: no survey). */
    Q_INVOKABLE int rowCount(const QString &surveyId, const QString &entity);
    /** Stores an open review task ("has_issues") on a record as a pulled change would. */
    Q_INVOKABLE bool addReview(const QString &entity, const QString &recordId, const QString &field,
                               const QString &comment);
    /** Stores a conflict note (the value `lost`, written by lostBy on another device, lost to
     * `kept`) as a pulled change would. */
    Q_INVOKABLE bool addConflict(const QString &entity, const QString &recordId,
                                 const QString &field, const QVariant &kept, const QVariant &lost,
                                 const QString &lostBy);
    /** Creates n equipment rows of the survey in one transaction; returns how many. */
    Q_INVOKABLE int addEquipmentRows(const QString &surveyId, int n);
    /**
     * Stores the next version of the survey definition (the current one plus the optional text
     * field digital_lead, tests/support/formversion.h) as a sync's forms step would, with what
     * changed, and lets the Session switch to it; returns the version in use afterwards.
     */
    Q_INVOKABLE int storeNextFormVersion();
    /** The record's form_version as stored (0: no such record). */
    Q_INVOKABLE int recordFormVersion(const QString &entity, const QString &id);
    /** The form_version of the record's newest outbox mutation (0: none). */
    Q_INVOKABLE int mutationFormVersion(const QString &entity, const QString &id);
    /**
     * Pulls a small catalogue of 供需对接 as a sync would (products and providers of 331102 and
     * 331121, ids "prod-*" and "prov-*": motor and pump supply, nothing for compressors), and
     * when withVersion also stores the version that defines it (the current one with the
     * catalogue's entities, tests/support/formversion.h) and lets the Session switch to it;
     * returns the records pulled (-1 on failure).
     */
    Q_INVOKABLE int pullCatalogue(bool withVersion);
    /** Pulls the office's deletion of a catalogue record (a tombstone). */
    Q_INVOKABLE bool pullCatalogueDeletion(const QString &entity, const QString &id);
    /** Tries a local edit of a record's field through the store: "" when taken, else the
     * store's error code ("read_only", ...). */
    Q_INVOKABLE QString tryEdit(const QString &entity, const QString &id, const QString &field,
                                const QVariant &value);
    /**
     * The camera (CameraSupport) is a StillImageSource showing the drawn nameplate
     * (NameplatePicture, 2400x1800), or, with false, none again (a headless machine's).
     */
    Q_INVOKABLE void useSampleCamera(bool on);
    /** The next capture of the sample camera fails with this reason ("": it captures again). */
    Q_INVOKABLE void failNextCapture(const QString &reason);
    /** The size of the stored photo (the blob sha256), or an invalid size when there is none. */
    Q_INVOKABLE QSize photoSize(const QString &sha256);
    /** GX_SCREENSHOT_DIR, or "" (screenshots are then skipped). */
    Q_INVOKABLE QString screenshotDir();
};

} // namespace gx
