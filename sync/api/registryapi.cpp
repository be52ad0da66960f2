#include "sync/api/registryapi.h"

#include "sync/api/tableupload.h"
#include "sync/figures/registryimport.h"
#include "sync/http/httpfrontend.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx::server {

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
    const auto dryRunFlag = TableUpload::dryRun(request);
    if (!dryRunFlag)
        return HttpFrontend::error(dryRunFlag.error());
    const bool dryRun = dryRunFlag.value();
    if (auto refused = TableUpload::refuseUnlessTable(request, u"registry"_s))
        return HttpFrontend::error(*refused);
    const RegistryFile file = RegistryImport::parse(request.body(), m_ctx.regions);
    if (!file.ok()) {
        QJsonArray errors;
        for (const RegistryLineError &error : file.errors) {
            if (errors.size() >= kMaxErrors)
                break;
            errors.append(TableUpload::lineErrorJson(error));
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
