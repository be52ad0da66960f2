#include "sync/api/targetsapi.h"

#include "sync/api/statsapi.h"
#include "sync/figures/coveragequery.h"
#include "sync/http/httpfrontend.h"
#include "sync/records/targetstore.h"
#include "sync/store/auditlog.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

void TargetsApi::registerRoutes(HttpFrontend &http)
{
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/targets"_s,
        [this](const ReadRequest &request, Database &db) { return get(request, db); });
    http.route(Method::Put, u"/api/v1/targets"_s,
               [this](const QHttpServerRequest &request) { return put(request); });
}

QHttpServerResponse TargetsApi::periodTargets(Database &db, int period)
{
    auto targets = TargetStore(db).period(period);
    if (!targets)
        return HttpFrontend::error(storageFailure(targets.error()));
    return HttpFrontend::json(TargetStore::toJson(period, targets.value(), m_ctx.regions));
}

ReadAnswer TargetsApi::get(const ReadRequest &request, Database &db)
{
    auto user = m_ctx.auth.requireUser(request, db);
    if (!user)
        return HttpFrontend::error(user.error());
    if (!request.query().hasQueryItem(u"period"_s)) {
        auto periods = CoverageQuery(db, m_ctx.regions).periods();
        if (!periods)
            return HttpFrontend::error(storageFailure(periods.error()));
        QJsonArray out;
        for (int period : std::as_const(periods.value()))
            out.append(period);
        return HttpFrontend::json(QJsonObject{{u"periods"_s, out}});
    }
    auto period = periodParameter(request.query());
    if (!period)
        return HttpFrontend::error(period.error());
    return periodTargets(db, period.value());
}

QHttpServerResponse TargetsApi::put(const QHttpServerRequest &request)
{
    auto asked = figuresRequest(m_ctx.auth, ReadRequest::from(request), m_ctx.db);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return HttpFrontend::error(body.error());
    auto changes = TargetStore::fromJson(body.value(), m_ctx.regions);
    if (!changes) {
        const TargetProblem &problem = changes.error();
        return HttpFrontend::error(problem.unprocessable
                                       ? HttpError::unprocessable(ErrorCode::InvalidTargets,
                                                                  problem.message, problem.field)
                                       : HttpError::badRequest(problem.message, problem.field));
    }
    auto applied = TargetStore(m_ctx.db).apply(period, changes.value(), user.username,
                                               AuditAction::TargetsSet, u"api"_s, m_ctx.now());
    if (!applied)
        return HttpFrontend::error(storageFailure(applied.error()));
    return periodTargets(m_ctx.db, period);
}

} // namespace gx::server
