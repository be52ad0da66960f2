#include "sync/api/auditapi.h"

#include "sync/http/httpfrontend.h"
#include "sync/store/auditlog.h"

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxLimit = 1000;

} // namespace

void AuditApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Get, u"/api/v1/audit"_s,
               [this](const QHttpServerRequest &request) { return list(request); });
}

QJsonObject AuditApi::entryJson(const AuditEntry &entry)
{
    return QJsonObject{
        {u"id"_s, entry.id},
        {u"at"_s, QDateTime::fromMSecsSinceEpoch(entry.at, Qt::UTC).toString(Qt::ISODateWithMs)},
        {u"actor"_s, entry.actor},
        {u"action"_s, entry.action},
        {u"detail"_s, entry.detail}};
}

QHttpServerResponse AuditApi::list(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    const QUrlQuery query = request.query();
    int limit = kDefaultLimit;
    if (query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'limit' must be a number from 1 to %1."_s.arg(kMaxLimit), u"limit"_s));
        }
    }
    const QString action = query.queryItemValue(u"action"_s, QUrl::FullyDecoded);
    if (!action.isEmpty() && !AuditAction::isKnown(action)) {
        QStringList known;
        for (QLatin1StringView name : AuditAction::All)
            known.append(name);
        return HttpFrontend::error(HttpError::badRequest(
            u"'action' must be one of %1."_s.arg(known.join(u", "_s)), u"action"_s));
    }
    auto entries = AuditLog::recent(m_ctx.db, limit, action);
    if (!entries)
        return HttpFrontend::error(storageFailure(entries.error()));
    QJsonArray out;
    for (const AuditEntry &entry : entries.value())
        out.append(entryJson(entry));
    return HttpFrontend::json(QJsonObject{{u"entries"_s, out}});
}

} // namespace gx::server
