#include "app/reportcontroller.h"

#include "app/reportbuilder.h"
#include "app/reportdata.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace gx {

ReportController::ReportController(QObject *parent)
    : QObject(parent)
{}

void ReportController::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {}))
        return;
    m_client.setSession(session);
    emit sessionChanged();
    emit periodChanged(); // defaultPath
}

int ReportController::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void ReportController::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
}

QString ReportController::defaultPath() const
{
    const QString dir = m_session ? m_session->environment().dataDir : QDir::tempPath();
    return dir + u"/reports/gengxin-report-%1.pdf"_s.arg(period());
}

void ReportController::write(const QUrl &target)
{
    if (m_busy)
        return;
    const QString chosen = target.isEmpty()       ? defaultPath()
                           : target.isLocalFile() ? target.toLocalFile()
                                                  : target.toString();
    const int asked = period();
    done({}, {}, {});
    setBusy(true);
    m_client.get(u"/api/v1/stats/coverage?period=%1"_s.arg(asked), [this, asked,
                                                                    chosen](const OfficeReply &r) {
        setBusy(false);
        if (!r.ok()) {
            done(r.message, {}, {});
            return;
        }
        const QDateTime read = QDateTime::fromMSecsSinceEpoch(m_session->now(), Qt::UTC);
        auto data = ReportData::fromCoverage(r.json, asked, read);
        if (!data) {
            done(data.error(), {}, {});
            return;
        }
        data.value().source = m_session->serverUrl();
        const auto written =
            ReportBuilder(std::move(data).value(), m_session->uiLanguage()).write(chosen);
        if (!written) {
            done(written.error().message, {}, {});
            return;
        }
        m_pages = written.value().pages;
        done({},
             tr("Report written to %1 (%n page(s)).", nullptr, m_pages)
                 .arg(QDir::toNativeSeparators(written.value().path)),
             written.value().path);
    });
}

void ReportController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ReportController::done(const QString &error, const QString &message, const QString &path)
{
    m_error = error;
    m_message = message;
    m_savedPath = path;
    emit resultChanged();
    if (!error.isEmpty() || !path.isEmpty())
        emit finished(error.isEmpty());
}

} // namespace gx
