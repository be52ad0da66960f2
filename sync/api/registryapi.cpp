#include "sync/api/registryapi.h"

#include "sync/figures/registryimport.h"
#include "sync/http/httpfrontend.h"
#include "sync/store/xlsxreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QByteArray kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The media type of a Content-Type header, lower case, without its parameters. */
QByteArray mediaType(const QHttpServerRequest &request)
{
    const QByteArray value = request.value("Content-Type");
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

QJsonObject errorJson(const RegistryLineError &error)
{
    return QJsonObject{{u"line"_s, error.line},
                       {u"field"_s, error.field.isEmpty() ? QJsonValue() : QJsonValue(error.field)},
                       {u"message"_s, error.message}};
}

} // namespace

void RegistryApi::registerRoutes(HttpFrontend &http)
{
    http.route(
        Method::Post, u"/api/v1/registry"_s,
        [this](const QHttpServerRequest &request) { return post(request); },
        RouteOptions{kMaxBodyBytes});
}

QHttpServerResponse RegistryApi::post(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    const QString dryRunText = request.query().queryItemValue(u"dry_run"_s);
    if (!dryRunText.isEmpty() && dryRunText != "0"_L1 && dryRunText != "1"_L1) {
        return HttpFrontend::error(HttpError::badRequest(
            u"dry_run is 1 (a preview that writes nothing) or 0."_s, u"dry_run"_s));
    }
    const bool dryRun = dryRunText == "1"_L1;
    const QByteArray type = mediaType(request);
    const QByteArray body = request.body();
    if (type != "text/csv" && type != kXlsxType && !XlsxReader::looksLikeZip(body)) {
        return HttpFrontend::error(HttpError{
            StatusCode::UnsupportedMediaType,
            ApiError{u"unsupported_media_type"_s,
                     u"Send the registry as CSV (Content-Type: text/csv) or as an Excel workbook "
                     "(Content-Type: %1). 请上传 CSV 或 Excel（.xlsx）文件。"_s.arg(
                         QString::fromLatin1(kXlsxType)),
                     u"Content-Type"_s},
            {}});
    }
    const RegistryFile file = RegistryImport::parse(body, m_ctx.regions);
    if (!file.ok()) {
        QJsonArray errors;
        for (const RegistryLineError &error : file.errors) {
            if (errors.size() >= kMaxErrors)
                break;
            errors.append(errorJson(error));
        }
        const RegistryLineError &first = file.errors.constFirst();
        QJsonObject answer =
            ApiError{u"invalid_registry"_s,
                     u"%1 line(s) of the file are refused (the first: line %2: %3); nothing was "
                     "imported. 文件中有 %1 行有误，未导入任何数据。"_s.arg(file.badLines())
                         .arg(first.line)
                         .arg(first.message),
                     first.field}
                .toJson();
        answer.insert(u"errors"_s, errors);
        answer.insert(u"error_count"_s, file.errors.size());
        return HttpFrontend::json(answer, StatusCode::UnprocessableEntity);
    }
    auto summary =
        RegistryImport::apply(m_ctx.db, file.rows, user.value().username, u"api"_s, m_ctx.now(),
                              dryRun ? RegistryImport::Mode::DryRun : RegistryImport::Mode::Write);
    if (!summary)
        return HttpFrontend::error(storageFailure(summary.error()));
    const RegistryImportSummary &s = summary.value();
    return HttpFrontend::json(QJsonObject{{u"dry_run"_s, dryRun},
                                          {u"rows"_s, s.rows},
                                          {u"added"_s, s.added},
                                          {u"updated"_s, s.updated},
                                          {u"unchanged"_s, s.unchanged},
                                          {u"enterprise_records"_s, s.enterpriseRecords},
                                          {u"errors"_s, QJsonArray()}});
}

} // namespace gx::server
