#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The report for leaders from the dashboard (导出报告(PDF)) and from `gengxin --report`: asks
 * the server for the period's figures (GET /api/v1/stats/coverage), notes when they were read,
 * and has ReportBuilder write the PDF where the user chose or, without a choice, to
 * defaultPath() in the app's data directory; message says where it went, error why not (the
 * network's, the server's or the file's reason, in the UI language).
 */
class ReportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    Q_PROPERTY(QString message READ message NOTIFY resultChanged)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY resultChanged)
    /** Where a report goes when the user picks no file: DATA/reports/gengxin-report-YEAR.pdf. */
    Q_PROPERTY(QString defaultPath READ defaultPath NOTIFY periodChanged)

public:
    explicit ReportController(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString savedPath() const { return m_savedPath; }
    [[nodiscard]] QString defaultPath() const;
    /** Pages of the last report written (0 before one). */
    [[nodiscard]] int pages() const { return m_pages; }

    /**
     * Fetches the figures and writes the report to target (a file URL or path), or to
     * defaultPath() when target is empty. Answers with finished().
     */
    Q_INVOKABLE void write(const QUrl &target = {});

signals:
    void sessionChanged();
    void periodChanged();
    void busyChanged();
    void resultChanged();
    void finished(bool ok);

private:
    void done(const QString &error, const QString &message, const QString &path);
    void setBusy(bool busy);

    QPointer<Session> m_session;
    OfficeClient m_client;
    int m_period = 0;
    int m_pages = 0;
    bool m_busy = false;
    QString m_error;
    QString m_message;
    QString m_savedPath;
};

} // namespace gx
