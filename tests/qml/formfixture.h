#pragma once

#include <QObject>
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
    /** GX_SCREENSHOT_DIR, or "" (screenshots are then skipped). */
    Q_INVOKABLE QString screenshotDir();
};

} // namespace gx
