#include "sync/api/statsapi.h"

#include "core/indicators.h"
#include "sync/api/logging.h"
#include "sync/figures/coveragequery.h"
#include "sync/figures/officialfigures.h"

#include <QElapsedTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

Result<int, HttpError> periodParameter(const QUrlQuery &query)
{
    const QString text = query.queryItemValue(u"period"_s, QUrl::FullyDecoded);
    const QString range =
        u"a year from %1 to %2"_s.arg(OfficialFigures::kMinPeriod).arg(OfficialFigures::kMaxPeriod);
    if (!query.hasQueryItem(u"period"_s) || text.isEmpty())
        return HttpError::badRequest(u"'period' is required: %1, as in ?period=2024."_s.arg(range),
                                     u"period"_s);
    bool ok = false;
    const int period = text.toInt(&ok);
    if (!ok || period < OfficialFigures::kMinPeriod || period > OfficialFigures::kMaxPeriod) {
        return HttpError::badRequest(u"'period' must be %1, not '%2'."_s.arg(range, text.left(40)),
                                     u"period"_s);
    }
    return period;
}

Result<FiguresRequest, HttpError> figuresRequest(const AuthService &auth,
                                                 const ReadRequest &request, Database &db)
{
    auto user = auth.requireOffice(request, db);
    if (!user)
        return user.error();
    auto period = periodParameter(request.query());
    if (!period)
        return period.error();
    return FiguresRequest{user.value(), period.value()};
}

void StatsApi::registerRoutes(HttpFrontend &http)
{
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/stats/coverage"_s,
        [this](const ReadRequest &request, Database &db) { return coverage(request, db); });
}

ReadAnswer StatsApi::coverage(const ReadRequest &request, Database &db)
{
    auto asked = figuresRequest(m_ctx.auth, request, db);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    QElapsedTimer timer;
    timer.start();
    auto report = CoverageQuery(db, m_ctx.regions).report(period);
    if (!report)
        return HttpFrontend::error(storageFailure(report.error()));
    qCDebug(lcApi, "coverage %d: %d counted surveys, computed in %lld ms", period,
            report.value().city.countedSurveys, timer.elapsed());
    return HttpFrontend::json(report.value().toJson());
}

} // namespace gx::server
