#include "app/exportcontroller.h"

#include "app/session.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace gx {

ExportController::ExportController(QObject *parent)
    : QObject(parent)
{}

void ExportController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {}))
        return;
    m_client.setSession(session);
    emit sessionChanged();
}

int ExportController::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void ExportController::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
}

void ExportController::setReport(const QString &report)
{
    if (report == m_report)
        return;
    m_report = report;
    emit reportChanged();
}

QString ExportController::downloadsFolder() const
{
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

void ExportController::exportTo(const QString &format, const QUrl &target)
{
    const bool supplyDemand = m_report == u"supply_demand"_s;
    if (supplyDemand ? format != u"xlsx"_s : format != u"csv"_s && format != u"xlsx"_s) {
        done(supplyDemand ? tr("The supply and demand report is exported as XLSX only.")
                          : tr("Choose CSV or XLSX."),
             {}, {});
        return;
    }
    const QString chosen = target.isEmpty()       ? QString()
                           : target.isLocalFile() ? target.toLocalFile()
                                                  : target.toString();
    done({}, {}, {});
    const QString endpoint = supplyDemand ? u"/api/v1/stats/supply-demand?period=%1&format=%2"_s
                                          : u"/api/v1/export/coverage?period=%1&format=%2"_s;
    const QString fallback = supplyDemand ? u"supply-demand-%1.%2"_s : u"gengxin-coverage-%1.%2"_s;
    m_client.get(endpoint.arg(period()).arg(format), [this, format, chosen,
                                                      fallback](const OfficeReply &reply) {
        emit busyChanged();
        if (!reply.ok()) {
            done(reply.message, {}, {});
            return;
        }
        const QString name = reply.fileName.isEmpty() ? fallback.arg(period()).arg(format)
                                                      : QFileInfo(reply.fileName).fileName();
        const QString path = chosen.isEmpty() ? downloadsFolder() + u'/' + name : chosen;
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply.body) < 0 || !file.commit()) {
            done(tr("The file could not be written to %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString()),
                 {}, {});
            return;
        }
        done({}, tr("Saved to %1").arg(QDir::toNativeSeparators(path)), path);
    });
    emit busyChanged();
}

void ExportController::done(const QString &error, const QString &message, const QString &path)
{
    m_error = error;
    m_message = message;
    m_savedPath = path;
    emit resultChanged();
    if (!error.isEmpty() || !path.isEmpty())
        emit finished(error.isEmpty());
}

} // namespace gx
