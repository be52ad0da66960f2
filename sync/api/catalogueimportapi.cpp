#include "sync/api/catalogueimportapi.h"

#include "sync/api/logging.h"
#include "sync/api/tableupload.h"
#include "sync/figures/catalogueimport.h"
#include "sync/http/httpfrontend.h"
#include "sync/records/catalogueform.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QHttpServerResponse refused(const CatalogueFile &file)
{
    QJsonArray errors;
    QSet<int> lines;
    for (const RegistryLineError &error : file.errors) {
        lines.insert(error.line);
        if (errors.size() < CatalogueImportApi::kMaxErrors)
            errors.append(TableUpload::lineErrorJson(error));
    }
    const RegistryLineError &first = file.errors.constFirst();
    QJsonObject answer =
        ApiError{u"invalid_catalogue"_s,
                 u"%1 line(s) of the file are refused (the first: line %2: %3); nothing was "
                 "imported. 文件中有 %1 行有误，未导入任何数据。"_s.arg(lines.size())
                     .arg(first.line)
                     .arg(first.message),
                 first.field}
            .toJson();
    answer.insert(u"errors"_s, errors);
    answer.insert(u"error_count"_s, file.errors.size());
    return HttpFrontend::json(answer, StatusCode::UnprocessableEntity);
}

} // namespace

void CatalogueImportApi::registerRoutes(HttpFrontend &http)
{
    http.route(
        Method::Post, u"/api/v1/catalogue"_s,
        [this](const QHttpServerRequest &request) { return post(request); },
        RouteOptions{kMaxBodyBytes});
}

QHttpServerResponse CatalogueImportApi::post(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    const QString entity = request.query().queryItemValue(u"entity"_s);
    if (!CatalogueImport::entities().contains(entity)) {
        return HttpFrontend::error(HttpError::badRequest(
            u"entity is one of %1. 请指定目录类型（服务商、产品或典型案例）。"_s.arg(
                CatalogueImport::entities().join(u", "_s)),
            u"entity"_s));
    }
    const auto dryRunFlag = TableUpload::dryRun(request);
    if (!dryRunFlag)
        return HttpFrontend::error(dryRunFlag.error());
    const bool dryRun = dryRunFlag.value();
    const QByteArray body = request.body();
    if (auto refused = TableUpload::refuseUnlessTable(request, u"catalogue"_s))
        return HttpFrontend::error(*refused);
    // The first import publishes the catalogue's entities as the next version (as `system`).
    auto ensured = CatalogueForm::ensure(m_ctx.db, CatalogueForm::shipped(), m_ctx.now());
    if (!ensured) {
        if (ensured.error().code.isEmpty())
            return HttpFrontend::error(storageFailure(ensured.error().db));
        qCWarning(lcApi, "the catalogue's definition was refused: %s",
                  qUtf8Printable(ensured.error().message));
        return HttpFrontend::error(
            HttpError::internal(u"The catalogue's definition could not be published."_s));
    }
    // ... and it may have been published by another process since this one loaded.
    if (auto refreshed = m_ctx.forms.refresh(m_ctx.db); !refreshed)
        return HttpFrontend::error(storageFailure(refreshed.error()));
    const FormDefinition &form = m_ctx.forms.current();
    const qint64 now = m_ctx.now();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, QTimeZone(8 * 3600)).date();
    const CatalogueFile file = CatalogueImport::parse(body, form, entity, m_ctx.regions, today);
    if (!file.ok())
        return refused(file);
    auto summary = CatalogueImport::apply(
        m_ctx.db, entity, form.version(), file.rows, user.value().username, u"api"_s, now,
        dryRun ? RegistryImport::Mode::DryRun : RegistryImport::Mode::Write);
    if (!summary)
        return HttpFrontend::error(storageFailure(summary.error()));
    const CatalogueImportSummary &s = summary.value();
    return HttpFrontend::json(QJsonObject{{u"entity"_s, entity},
                                          {u"dry_run"_s, dryRun},
                                          {u"rows"_s, s.rows},
                                          {u"added"_s, s.added},
                                          {u"updated"_s, s.updated},
                                          {u"unchanged"_s, s.unchanged},
                                          {u"errors"_s, QJsonArray()}});
}

} // namespace gx::server
