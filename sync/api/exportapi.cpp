#include "sync/api/exportapi.h"

#include "sync/api/logging.h"
#include "sync/api/statsapi.h"
#include "sync/figures/coverageexport.h"
#include "sync/figures/recordexport.h"
#include "sync/http/httpfrontend.h"
#include "sync/store/auditlog.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

void ExportApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Get, u"/api/v1/export/coverage"_s,
               [this](const QHttpServerRequest &request) { return coverage(request); });
    http.route(Method::Get, u"/api/v1/export/records"_s,
               [this](const QHttpServerRequest &request) { return records(request); });
}

namespace {

QHttpServerResponse download(const ExportFile &file)
{
    QHttpServerResponse response(file.contentType.toUtf8(), file.bytes);
    response.addHeader("Content-Disposition",
                       "attachment; filename=\"" + file.fileName.toUtf8() + '"');
    response.addHeader("Cache-Control", "no-store");
    return response;
}

} // namespace

QHttpServerResponse ExportApi::records(const QHttpServerRequest &request)
{
    auto asked = figuresRequest(m_ctx.auth, request);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    const QUrlQuery query(request.query());
    const QString formatName = query.queryItemValue(u"format"_s, QUrl::FullyDecoded);
    const auto format = CoverageExport::formatFromName(formatName);
    if (!format) {
        return HttpFrontend::error(HttpError::badRequest(
            u"'format' must be csv or xlsx, not '%1'."_s.arg(formatName.left(40)), u"format"_s));
    }
    const QString entity = query.queryItemValue(u"entity"_s, QUrl::FullyDecoded);
    if (!RecordExport::isExportable(entity)) {
        return HttpFrontend::error(HttpError::badRequest(
            u"'entity' must be enterprise, survey, equipment or key_process, not '%1'."_s.arg(
                entity.left(40)),
            u"entity"_s));
    }
    if (auto refreshed = m_ctx.forms.refresh(m_ctx.db); !refreshed)
        return HttpFrontend::error(storageFailure(refreshed.error()));
    auto file = RecordExport::make(m_ctx.db, m_ctx.forms.all(), entity, period, *format);
    if (!file) {
        if (file.error().kind == ExportError::Kind::Storage)
            return HttpFrontend::error(storageFailure(file.error().db));
        qCWarning(lcApi, "export failed: %s", qUtf8Printable(file.error().message));
        return HttpFrontend::error(HttpError::internal(u"The export could not be written."_s));
    }
    if (auto audited = AuditLog::record(
            m_ctx.db, m_ctx.now(), user.username, AuditAction::RecordsExported,
            {{u"entity"_s, entity}, {u"period"_s, period}, {u"format"_s, formatName}});
        !audited)
        qCWarning(lcApi, "audit of an export failed: %s", qUtf8Printable(audited.error().message));
    return download(file.value());
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
    auto file =
        CoverageExport::make(m_ctx.db, m_ctx.regions, m_ctx.forms.current(), period, *format);
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
    return download(file.value());
}

} // namespace gx::server
