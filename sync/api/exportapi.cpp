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
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/export/coverage"_s,
        [this](const ReadRequest &request, Database &db) { return coverage(request, db); });
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/export/records"_s,
        [this](const ReadRequest &request, Database &db) { return records(request, db); });
}

namespace {

/** The audit row of an export, for the writer (ReadAnswer::thenWrite). */
std::function<void(Database &)> audit(const ServerContext &ctx, const QString &username,
                                      QLatin1StringView action, const QJsonObject &details)
{
    return [&ctx, username, action, details](Database &writer) {
        // Not fatal for the download: the audit row is written in a transaction of its own.
        if (auto audited = AuditLog::record(writer, ctx.now(), username, action, details); !audited)
            qCWarning(lcApi, "audit of an export failed: %s",
                      qUtf8Printable(audited.error().message));
    };
}

QHttpServerResponse download(const ExportFile &file)
{
    QHttpServerResponse response(file.contentType.toUtf8(), file.bytes);
    response.addHeader("Content-Disposition",
                       "attachment; filename=\"" + file.fileName.toUtf8() + '"');
    response.addHeader("Cache-Control", "no-store");
    return response;
}

} // namespace

ReadAnswer ExportApi::records(const ReadRequest &request, Database &db)
{
    auto asked = figuresRequest(m_ctx.auth, request, db);
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
    // Every version this snapshot holds (the writer's FormVersions is the event loop's alone).
    auto forms = FormVersions::load(db);
    if (!forms)
        return HttpFrontend::error(storageFailure(forms.error()));
    auto file = RecordExport::make(db, forms.value().all(), entity, period, *format);
    if (!file) {
        if (file.error().kind == ExportError::Kind::Storage)
            return HttpFrontend::error(storageFailure(file.error().db));
        qCWarning(lcApi, "export failed: %s", qUtf8Printable(file.error().message));
        return HttpFrontend::error(HttpError::internal(u"The export could not be written."_s));
    }
    ReadAnswer answer(download(file.value()));
    answer.thenWrite =
        audit(m_ctx, user.username, AuditAction::RecordsExported,
              {{u"entity"_s, entity}, {u"period"_s, period}, {u"format"_s, formatName}});
    return answer;
}

ReadAnswer ExportApi::coverage(const ReadRequest &request, Database &db)
{
    auto asked = figuresRequest(m_ctx.auth, request, db);
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
    auto forms = FormVersions::load(db);
    if (!forms)
        return HttpFrontend::error(storageFailure(forms.error()));
    auto file = CoverageExport::make(db, m_ctx.regions, forms.value().current(), period, *format);
    if (!file) {
        if (file.error().kind == ExportError::Kind::Storage)
            return HttpFrontend::error(storageFailure(file.error().db));
        qCWarning(lcApi, "export failed: %s", qUtf8Printable(file.error().message));
        return HttpFrontend::error(HttpError::internal(u"The export could not be written."_s));
    }
    ReadAnswer answer(download(file.value()));
    answer.thenWrite = audit(m_ctx, user.username, AuditAction::CoverageExported,
                             {{u"period"_s, period}, {u"format"_s, formatName}});
    return answer;
}

} // namespace gx::server
