#include "sync/api/syncapi.h"

#include "sync/http/httpfrontend.h"
#include "sync/records/pullfeed.h"
#include "sync/records/pushprocessor.h"

#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

void SyncApi::registerRoutes(HttpFrontend &http)
{
    http.route(
        Method::Post, u"/api/v1/sync/push"_s,
        [this](const QHttpServerRequest &request) { return push(request); },
        RouteOptions{kMaxPushBytes});
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/sync/pull"_s,
        [this](const ReadRequest &request, Database &db) { return pull(request, db); });
}

QHttpServerResponse SyncApi::push(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireUser(request);
    if (!user)
        return HttpFrontend::error(user.error());
    auto decoded = decodePushRequest(request.body(), m_ctx.config.protocol);
    if (!decoded) {
        return HttpFrontend::error(HttpError::badRequest(
            u"The push was refused and nothing was applied: %1"_s.arg(decoded.error().message()),
            decoded.error().path));
    }
    // A version published since this server loaded its versions (the catalogue's, another
    // server's publish): read it before the push, so that its entities and scopes are known.
    int newest = 0;
    for (const Mutation &mutation : decoded.value().mutations)
        newest = std::max(newest, mutation.formVersion);
    if (newest > m_ctx.forms.current().version()) {
        if (auto refreshed = m_ctx.forms.refresh(m_ctx.db); !refreshed)
            return HttpFrontend::error(storageFailure(refreshed.error()));
    }
    PushProcessor processor({m_ctx.db, m_ctx.forms, m_ctx.regions, m_ctx.now()}, user.value());
    auto response = processor.process(decoded.value());
    if (!response)
        return HttpFrontend::error(storageFailure(response.error()));
    return HttpFrontend::jsonText(response.value().json);
}

ReadAnswer SyncApi::pull(const ReadRequest &request, Database &db)
{
    auto user = m_ctx.auth.requireUser(request, db);
    if (!user)
        return HttpFrontend::error(user.error());
    const QUrlQuery query = request.query();
    qint64 since = 0;
    if (query.hasQueryItem(u"since"_s)) {
        auto cursor = PullCursor::decode(query.queryItemValue(u"since"_s, QUrl::FullyDecoded));
        if (!cursor) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'since' is not a cursor this server handed out (%1): send back the cursor of "
                "a pull, or no 'since' to start from the beginning."_s.arg(cursor.error().reason),
                u"since"_s));
        }
        since = cursor.value().seq;
    }
    int limit = PullFeed::kDefaultLimit;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        const qint64 asked = query.queryItemValue(u"limit"_s).toLongLong(&ok);
        if (!ok || asked < 1) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'limit' must be a whole number of at least 1 (larger than %1 is capped)."_s.arg(
                    m_ctx.config.protocol.maxChanges),
                u"limit"_s));
        }
        limit = int(std::min<qint64>(asked, m_ctx.config.protocol.maxChanges));
    }
    limit = std::min(limit, m_ctx.config.protocol.maxChanges);
    PullFeed feed(db);
    if (since > 0) {
        auto latest = feed.latestSeq();
        if (!latest)
            return HttpFrontend::error(storageFailure(latest.error()));
        if (since > latest.value()) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'since' is not a cursor this server handed out (it is past the latest "
                "change): send back the cursor of a pull, or no 'since' to start from the "
                "beginning."_s,
                u"since"_s));
        }
    }
    auto page = feed.page(AccessScope(user.value()), since, limit);
    if (!page)
        return HttpFrontend::error(storageFailure(page.error()));
    return HttpFrontend::json(page.value().toJson());
}

} // namespace gx::server
