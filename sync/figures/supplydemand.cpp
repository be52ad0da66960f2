#include "sync/figures/supplydemand.h"

#include "sync/records/recordscope.h"
#include "sync/store/statementcache.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** equipment_facts.status of a planned renewal (core's EquipmentStatus::PlannedRenewal). */
constexpr int kPlannedRenewal = 1;

QJsonObject sumsJson(const DemandSums &sums)
{
    return QJsonObject{{u"enterprises"_s, sums.enterprises},
                       {u"units"_s, sums.units},
                       {u"investment_10k"_s, sums.investment},
                       {u"rows"_s, sums.rows}};
}

QJsonObject figureJson(const SupplyDemandRegion &region)
{
    const int n = region.categoriesSupplied;
    const int d = region.categoriesWithDemand;
    return QJsonObject{
        {u"region"_s, region.region},
        {u"categories_with_demand"_s, d},
        {u"categories_supplied"_s, n},
        {u"gaps"_s, region.gaps},
        {u"demand"_s, sumsJson(region.demand)},
        {u"indicators"_s,
         QJsonObject{{u"local_supply_coverage"_s,
                      QJsonObject{{u"value"_s, d > 0 ? QJsonValue(double(n) / d) : QJsonValue()},
                                  {u"numerator"_s, n},
                                  {u"denominator"_s, d}}}}}};
}

/** Adds one planned row to sums, counting its enterprise once per group. */
void add(DemandSums &sums, QSet<QString> &seen, const QString &enterprise, int quantity,
         double investment)
{
    if (!seen.contains(enterprise)) {
        seen.insert(enterprise);
        ++sums.enterprises;
    }
    sums.units += quantity;
    sums.investment += investment;
    ++sums.rows;
}

} // namespace

QJsonObject SupplyDemandReport::toJson() const
{
    QJsonArray rowsJson;
    for (const SupplyDemandRow &row : rows) {
        QJsonObject years;
        for (auto it = row.byYear.cbegin(); it != row.byYear.cend(); ++it)
            years.insert(QString::number(it.key()), sumsJson(it.value()));
        rowsJson.append(QJsonObject{{u"region"_s, row.region},
                                    {u"category"_s, row.category},
                                    {u"demand"_s, sumsJson(row.demand)},
                                    {u"by_year"_s, years},
                                    {u"products"_s, row.products},
                                    {u"providers"_s, row.providers},
                                    {u"gap"_s, row.isGap()}});
    }
    QJsonArray regionsJson;
    for (const SupplyDemandRegion &region : regions)
        regionsJson.append(figureJson(region));
    return QJsonObject{{u"period"_s, period},
                       {u"rows"_s, rowsJson},
                       {u"regions"_s, regionsJson},
                       {u"city"_s, figureJson(city)}};
}

QJsonObject SupplyDemandDetail::toJson() const
{
    QJsonArray enterprisesJson;
    for (const DemandEnterprise &e : enterprises) {
        QJsonArray rowsJson;
        for (const QJsonObject &row : e.rows)
            rowsJson.append(row);
        enterprisesJson.append(QJsonObject{{u"enterprise"_s, e.uscc},
                                           {u"name"_s, e.name},
                                           {u"survey"_s, e.survey},
                                           {u"rows"_s, rowsJson}});
    }
    QJsonArray productsJson, providersJson;
    for (const QJsonObject &p : products)
        productsJson.append(p);
    for (const QJsonObject &p : providers)
        providersJson.append(p);
    return QJsonObject{{u"period"_s, period},         {u"region"_s, region},
                       {u"category"_s, category},     {u"enterprises"_s, enterprisesJson},
                       {u"products"_s, productsJson}, {u"providers"_s, providersJson}};
}

Result<QList<SupplyDemandQuery::PlannedRow>, DbError> SupplyDemandQuery::planned(int period)
{
    // The counted surveys are coverage_facts' (one per enterprise and period, with its county);
    // their planned rows from the typed facts, planned_year and planned_invest_10k from the
    // record itself.
    auto query = m_db.statements().exec(
        u"SELECT c.region, c.enterprise, c.survey, e.id, e.category, e.quantity, r.fields "
        "FROM coverage_facts c JOIN equipment_facts e ON e.survey = c.survey "
        "JOIN records r ON r.entity = 'equipment' AND r.id = e.id "
        "WHERE c.period = ? AND e.deleted = 0 AND e.status = ? AND r.deleted = 0 "
        "ORDER BY c.region, c.enterprise, e.id"_s,
        {period, kPlannedRenewal});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    QList<PlannedRow> rows;
    while (q.next()) {
        rows.append(PlannedRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(), q.value(4).toString(), q.value(5).toInt(),
                               QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object()});
    }
    q.finish();
    return rows;
}

Result<QList<SupplyDemandQuery::Supply>, DbError> SupplyDemandQuery::supply()
{
    auto query = m_db.statements().exec(
        u"SELECT entity, id, fields FROM records WHERE region = ? AND deleted = 0 AND "
        "entity IN ('product', 'provider') ORDER BY entity, id"_s,
        {QString(RecordScope::kCityWide)});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    QList<Supply> out;
    while (q.next()) {
        Supply s{q.value(0).toString(),
                 q.value(1).toString(),
                 {},
                 {},
                 QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()};
        s.county = s.fields.value("county"_L1).toString();
        if (s.entity == "product"_L1) {
            s.categories.append(s.fields.value("category"_L1).toString());
        } else {
            for (const QJsonValue &c : s.fields.value("categories"_L1).toArray())
                s.categories.append(c.toString());
        }
        out.append(s);
    }
    q.finish();
    return out;
}

Result<SupplyDemandReport, DbError> SupplyDemandQuery::report(int period)
{
    auto rows = planned(period);
    if (!rows)
        return rows.error();
    auto offers = supply();
    if (!offers)
        return offers.error();

    using Key = std::pair<QString, QString>; // region, category
    std::map<Key, SupplyDemandRow> table;
    std::map<Key, QSet<QString>> seen;
    std::map<std::pair<Key, int>, QSet<QString>> seenByYear;
    QMap<QString, QSet<QString>> seenByRegion;
    QMap<QString, DemandSums> regionSums;
    const QStringList counties = m_catalog.regionCodes();
    for (const PlannedRow &row : rows.value()) {
        const Key key{row.region, row.category};
        SupplyDemandRow &cell = table[key];
        cell.region = row.region;
        cell.category = row.category;
        const double investment = row.fields.value("planned_invest_10k"_L1).toDouble(0);
        add(cell.demand, seen[key], row.enterprise, row.quantity, investment);
        const QJsonValue year = row.fields.value("planned_year"_L1);
        if (year.isDouble()) {
            const int y = year.toInt();
            add(cell.byYear[y], seenByYear[{key, y}], row.enterprise, row.quantity, investment);
        }
        add(regionSums[row.region], seenByRegion[row.region], row.enterprise, row.quantity,
            investment);
    }
    for (const Supply &offer : offers.value()) {
        if (!counties.contains(offer.county))
            continue;
        for (const QString &category : offer.categories) {
            SupplyDemandRow &cell = table[{offer.county, category}];
            cell.region = offer.county;
            cell.category = category;
            ++(offer.entity == "product"_L1 ? cell.products : cell.providers);
        }
    }

    SupplyDemandReport report;
    report.period = period;
    report.city.region = m_catalog.city().code;
    QSet<QString> cityEnterprises;
    for (const QString &county : counties) {
        SupplyDemandRegion region;
        region.region = county;
        region.demand = regionSums.value(county);
        for (auto it = table.lower_bound({county, QString()});
             it != table.end() && it->first.first == county; ++it) {
            report.rows.append(it->second);
            if (it->second.demand.rows == 0)
                continue;
            ++region.categoriesWithDemand;
            if (!it->second.isGap())
                ++region.categoriesSupplied;
        }
        region.gaps = region.categoriesWithDemand - region.categoriesSupplied;
        report.city.categoriesWithDemand += region.categoriesWithDemand;
        report.city.categoriesSupplied += region.categoriesSupplied;
        report.city.gaps += region.gaps;
        report.city.demand.units += region.demand.units;
        report.city.demand.investment += region.demand.investment;
        report.city.demand.rows += region.demand.rows;
        cityEnterprises.unite(seenByRegion.value(county));
        report.regions.append(region);
    }
    report.city.demand.enterprises = int(cityEnterprises.size());
    return report;
}

Result<SupplyDemandDetail, DbError> SupplyDemandQuery::detail(int period, const QString &region,
                                                              const QString &category)
{
    auto rows = planned(period);
    if (!rows)
        return rows.error();
    auto offers = supply();
    if (!offers)
        return offers.error();
    SupplyDemandDetail detail{period, region, category, {}, {}, {}};
    QStringList usccs;
    for (const PlannedRow &row : rows.value()) {
        if (row.region != region || row.category != category)
            continue;
        if (detail.enterprises.isEmpty() || detail.enterprises.constLast().uscc != row.enterprise) {
            detail.enterprises.append(DemandEnterprise{row.enterprise, {}, row.survey, {}});
            usccs.append(row.enterprise);
        }
        QJsonObject line{{u"id"_s, row.id}, {u"quantity"_s, row.quantity}};
        for (const char *name : {"name", "model", "planned_year", "planned_invest_10k"}) {
            const QString key = QString::fromLatin1(name);
            line.insert(key, row.fields.value(key));
        }
        detail.enterprises.last().rows.append(line);
    }
    for (DemandEnterprise &e : detail.enterprises) {
        auto name = m_db.statements().exec(
            u"SELECT fields FROM records WHERE entity = 'enterprise' AND id = ?"_s, {e.uscc});
        if (!name)
            return name.error();
        if (name.value()->next()) {
            e.name = QJsonDocument::fromJson(name.value()->value(0).toString().toUtf8())
                         .object()
                         .value("name"_L1)
                         .toString();
        }
        name.value()->finish();
    }
    for (const Supply &offer : offers.value()) {
        if (offer.county != region || !offer.categories.contains(category))
            continue;
        QJsonObject fields = offer.fields;
        fields.insert(u"id"_s, offer.id);
        (offer.entity == "product"_L1 ? detail.products : detail.providers).append(fields);
    }
    return detail;
}

} // namespace gx::server
