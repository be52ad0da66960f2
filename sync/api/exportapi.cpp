#include "sync/api/exportapi.h"

#include "sync/api/logging.h"
#include "sync/api/statsapi.h"
#include "sync/figures/coverageexport.h"
#include "sync/http/httpfrontend.h"
#include "sync/store/auditlog.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

void ExportApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Get, u"/api/v1/export/coverage"_s,
               [this](const QHttpServerRequest &request) { return coverage(request); });
}

QHttpServerResponse ExportApi::coverage(const QHttpServerRequest &request)
{
    auto asked = figuresRequest(m_ctx.auth, request);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    const QString formatName =
        QUrlQuery(request.query()).queryItemValue(u"format"_s, QUrl::FullyDecoded);
    const auto format = CoverageExport::formatFromName(formatName);
    if (!format) {
        return HttpFrontend::error(HttpError::badRequest(
            u"'format' must be csv or xlsx, not '%1'."_s.arg(formatName.left(40)), u"format"_s));
    }
    auto file = CoverageExport::make(m_ctx.db, m_ctx.regions, m_ctx.form, period, *format);
    if (!file) {
        if (file.error().kind == ExportError::Kind::Storage)
            return HttpFrontend::error(storageFailure(file.error().db));
        qCWarning(lcApi, "export failed: %s", qUtf8Printable(file.error().message));
        return HttpFrontend::error(HttpError::internal(u"The export could not be written."_s));
    }
    // Not fatal for the download: the audit row is written in a transaction of its own.
    if (auto audited =
            AuditLog::record(m_ctx.db, m_ctx.now(), user.username, AuditAction::CoverageExported,
                             {{u"period"_s, period}, {u"format"_s, formatName}});
        !audited)
        qCWarning(lcApi, "audit of an export failed: %s", qUtf8Printable(audited.error().message));
    QHttpServerResponse response(file.value().contentType.toUtf8(), file.value().bytes);
    response.addHeader("Content-Disposition",
                       "attachment; filename=\"" + file.value().fileName.toUtf8() + '"');
    response.addHeader("Cache-Control", "no-store");
    return response;
}

} // namespace gx::server
