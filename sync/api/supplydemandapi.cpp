#include "sync/api/supplydemandapi.h"

#include "sync/api/logging.h"
#include "sync/api/statsapi.h"
#include "sync/figures/supplydemand.h"
#include "sync/figures/supplydemandexport.h"
#include "sync/http/httpfrontend.h"
#include "sync/store/auditlog.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

void SupplyDemandApi::registerRoutes(HttpFrontend &http)
{
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/stats/supply-demand"_s,
        [this](const ReadRequest &request, Database &db) { return get(request, db); });
}

ReadAnswer SupplyDemandApi::get(const ReadRequest &request, Database &db)
{
    auto asked = figuresRequest(m_ctx.auth, request, db);
    if (!asked)
        return HttpFrontend::error(asked.error());
    const auto &[user, period] = asked.value();
    const QUrlQuery query(request.query());
    const QString region = query.queryItemValue(u"region"_s, QUrl::FullyDecoded);
    const QString category = query.queryItemValue(u"category"_s, QUrl::FullyDecoded);
    const QString format = query.queryItemValue(u"format"_s, QUrl::FullyDecoded);
    if (!format.isEmpty() && format != "json"_L1 && format != "xlsx"_L1) {
        return HttpFrontend::error(HttpError::badRequest(
            u"'format' is json or xlsx, not '%1'."_s.arg(format.left(40)), u"format"_s));
    }
    SupplyDemandQuery sums(db, m_ctx.regions);
    if (!region.isEmpty() || !category.isEmpty()) {
        if (!m_ctx.regions.regionCodes().contains(region)) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'region' must be a county's code (%1) with 'category', not '%2'. "
                "请指定县（市、区）。"_s.arg(m_ctx.regions.regionCodes().join(u' '),
                                             region.left(40)),
                u"region"_s));
        }
        if (category.isEmpty() || category.size() > 64) {
            return HttpFrontend::error(HttpError::badRequest(
                u"'category' (an equipment category code, e.g. machine_tool) goes with 'region'. "
                "请指定设备类别。"_s,
                u"category"_s));
        }
        auto detail = sums.detail(period, region, category);
        if (!detail)
            return HttpFrontend::error(storageFailure(detail.error()));
        return HttpFrontend::json(detail.value().toJson());
    }
    auto report = sums.report(period);
    if (!report)
        return HttpFrontend::error(storageFailure(report.error()));
    if (format != "xlsx"_L1)
        return HttpFrontend::json(report.value().toJson());
    auto forms = FormVersions::load(db);
    if (!forms)
        return HttpFrontend::error(storageFailure(forms.error()));
    auto bytes = SupplyDemandExport::xlsx(report.value(), m_ctx.regions, forms.value().current());
    if (!bytes) {
        qCWarning(lcApi, "supply-demand export failed: %s", qUtf8Printable(bytes.error()));
        return HttpFrontend::error(HttpError::internal(u"The export could not be written."_s));
    }
    QHttpServerResponse response(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.value());
    response.addHeader("Content-Disposition", "attachment; filename=\"supply-demand-" +
                                                  QByteArray::number(period) + ".xlsx\"");
    response.addHeader("Cache-Control", "no-store");
    ReadAnswer answer(std::move(response));
    const ServerContext &ctx = m_ctx;
    answer.thenWrite = [&ctx, username = user.username, period, format](Database &writer) {
        if (auto audited =
                AuditLog::record(writer, ctx.now(), username, AuditAction::SupplyDemandExported,
                                 {{u"period"_s, period}, {u"format"_s, format}});
            !audited)
            qCWarning(lcApi, "audit of an export failed: %s",
                      qUtf8Printable(audited.error().message));
    };
    return answer;
}

} // namespace gx::server
