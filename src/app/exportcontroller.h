#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * Exports a report of a period through the server and writes it where the user chose, or,
 * without a choice, into the Downloads folder under the server's file name (QSaveFile: whole or
 * not at all); message says where the file went. `report` is "coverage" (the default: GET
 * /api/v1/export/coverage, CSV or XLSX) or "supply_demand" (供需对接: GET
 * /api/v1/stats/supply-demand?format=xlsx, XLSX only).
 */
class ExportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(QString report READ report WRITE setReport NOTIFY reportChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    Q_PROPERTY(QString message READ message NOTIFY resultChanged)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY resultChanged)
    /** Where a file goes when the user picks none. */
    Q_PROPERTY(QString downloadsFolder READ downloadsFolder CONSTANT)

public:
    explicit ExportController(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] QString report() const { return m_report; }
    void setReport(const QString &report);
    [[nodiscard]] bool isBusy() const { return m_client.isBusy(); }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString savedPath() const { return m_savedPath; }
    [[nodiscard]] QString downloadsFolder() const;

    /**
     * Asks for the file ("csv" or "xlsx") and writes it to target (a file URL or path), or
     * into downloadsFolder when target is empty. Answers with finished().
     */
    Q_INVOKABLE void exportTo(const QString &format, const QUrl &target = {});

signals:
    void sessionChanged();
    void periodChanged();
    void reportChanged();
    void busyChanged();
    void resultChanged();
    void finished(bool ok);

private:
    void done(const QString &error, const QString &message, const QString &path);

    QPointer<Session> m_session;
    OfficeClient m_client;
    int m_period = 0;
    QString m_report = QStringLiteral("coverage");
    QString m_error;
    QString m_message;
    QString m_savedPath;
};

} // namespace gx
