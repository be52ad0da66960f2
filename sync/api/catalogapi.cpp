#include "sync/api/catalogapi.h"

#include "sync/http/httpfrontend.h"
#include "sync/records/targetstore.h"

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonObject regionJson(const Region &region)
{
    QJsonObject targets;
    for (auto year = region.targets.cbegin(); year != region.targets.cend(); ++year) {
        QJsonObject byIndicator;
        for (auto target = year->cbegin(); target != year->cend(); ++target)
            byIndicator.insert(target.key(), target.value().value);
        targets.insert(QString::number(year.key()), byIndicator);
    }
    return QJsonObject{{u"code"_s, region.code},
                       {u"name"_s, region.name.zh},
                       {u"name_en"_s, region.name.en},
                       {u"targets"_s, targets}};
}

} // namespace

void CatalogApi::registerRoutes(HttpFrontend &http)
{
    m_ctx.readers.route(
        http, Method::Get, u"/api/v1/regions"_s,
        [this](const ReadRequest &request, Database &db) { return regions(request, db); });
}

QJsonArray CatalogApi::regionsJson(const RegionCatalog &catalog)
{
    QJsonArray out{regionJson(catalog.city())};
    for (const Region &region : catalog.regions())
        out.append(regionJson(region));
    return out;
}

ReadAnswer CatalogApi::regions(const ReadRequest &request, Database &db)
{
    auto user = m_ctx.auth.requireUser(request, db);
    if (!user)
        return HttpFrontend::error(user.error());
    auto catalog = TargetStore(db).catalog(m_ctx.regions);
    if (!catalog)
        return HttpFrontend::error(storageFailure(catalog.error()));
    return HttpFrontend::json(regionsJson(catalog.value()));
}

} // namespace gx::server
