#include "sync/api/officialfiguresapi.h"

#include "sync/api/statsapi.h"
#include "sync/figures/officialfigures.h"
#include "sync/http/httpfrontend.h"

using namespace Qt::StringLiterals;

namespace gx::server {

void OfficialFiguresApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Post, u"/api/v1/official-figures"_s,
               [this](const QHttpServerRequest &request) { return set(request); });
    http.route(Method::Get, u"/api/v1/official-figures"_s,
               [this](const QHttpServerRequest &request) { return list(request); });
}

QHttpServerResponse OfficialFiguresApi::set(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return HttpFrontend::error(body.error());
    auto entry = OfficialFigures::fromJson(body.value(), m_ctx.regions);
    if (!entry) {
        return HttpFrontend::error(
            HttpError::badRequest(entry.error().message, entry.error().field));
    }
    auto stored = OfficialFigures::set(m_ctx.db, entry.value(), user.value().username, m_ctx.now());
    if (!stored)
        return HttpFrontend::error(storageFailure(stored.error()));
    return HttpFrontend::json(entry.value().toJson());
}

QHttpServerResponse OfficialFiguresApi::list(const QHttpServerRequest &request)
{
    auto asked = figuresRequest(m_ctx.auth, ReadRequest::from(request), m_ctx.db);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    auto figures = OfficialFigures::list(m_ctx.db, period);
    if (!figures)
        return HttpFrontend::error(storageFailure(figures.error()));
    QJsonArray out;
    for (const OfficialFigureEntry &figure : figures.value())
        out.append(figure.toJson());
    return HttpFrontend::json(QJsonObject{{u"period"_s, period}, {u"figures"_s, out}});
}

} // namespace gx::server
