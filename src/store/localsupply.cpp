#include "store/localsupply.h"

#include "store/devicestore.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** The sort key of a catalogue line within its category: own county, then the mark, then name. */
struct Ranked
{
    SupplyMatch line;
    bool marked = false; ///< 首台套 (product) or 省优秀服务商 (provider)
    QString name;
};

bool isTrue(const QJsonValue &value)
{
    return value.isBool() ? value.toBool() : value.toInt() != 0;
}

void appendRanked(QList<SupplyMatch> &out, QList<Ranked> ranked)
{
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        if (a.line.sameCounty != b.line.sameCounty)
            return a.line.sameCounty;
        if (a.marked != b.marked)
            return a.marked;
        if (a.name != b.name)
            return a.name < b.name;
        return a.line.id < b.line.id;
    });
    for (Ranked &r : ranked)
        out.append(std::move(r.line));
}

Ranked rankedLine(SupplyMatch::Kind kind, const PlannedCategory &demand, const StoredRecord &r,
                  const QString &county, const QString &markField)
{
    Ranked ranked;
    ranked.line.kind = kind;
    ranked.line.demand = demand;
    ranked.line.id = r.id;
    ranked.line.fields = r.fields;
    ranked.line.county = r.fields.value("county"_L1).toString();
    ranked.line.sameCounty = !county.isEmpty() && ranked.line.county == county;
    ranked.marked = isTrue(r.fields.value(markField));
    ranked.name = r.fields.value("name"_L1).toString();
    return ranked;
}

bool servesCategory(const QJsonValue &categories, const QString &category)
{
    if (categories.isArray())
        return categories.toArray().contains(category);
    return categories.toString() == category; // a single value, as an older import may hold
}

} // namespace

QList<PlannedCategory> LocalSupply::plannedCategories(const QList<RowSummary> &rows)
{
    QList<PlannedCategory> out;
    QHash<QString, qsizetype> at;
    for (const RowSummary &row : rows) {
        if (row.status != kPlannedStatus || row.category.isEmpty())
            continue;
        auto found = at.constFind(row.category);
        if (found == at.constEnd()) {
            found = at.insert(row.category, out.size());
            out.append(PlannedCategory{row.category, 0, 0, 0});
        }
        PlannedCategory &planned = out[*found];
        const QJsonObject fields = row.fields();
        const QJsonValue quantity = fields.value("quantity"_L1);
        planned.rows += 1;
        planned.units += quantity.isDouble() ? quantity.toDouble() : 1.0;
        const int year = fields.value("planned_year"_L1).toInt();
        if (year > 0 && (planned.earliestYear == 0 || year < planned.earliestYear))
            planned.earliestYear = year;
    }
    return out;
}

QList<SupplyMatch> LocalSupply::match(const QList<PlannedCategory> &demand, const QString &county,
                                      const QList<StoredRecord> &products,
                                      const QList<StoredRecord> &providers)
{
    QList<SupplyMatch> out;
    for (const PlannedCategory &planned : demand) {
        QList<Ranked> productLines;
        for (const StoredRecord &p : products) {
            if (p.fields.value("category"_L1).toString() == planned.category) {
                productLines.append(
                    rankedLine(SupplyMatch::Kind::Product, planned, p, county, u"first_of_kind"_s));
            }
        }
        QList<Ranked> providerLines;
        for (const StoredRecord &p : providers) {
            if (servesCategory(p.fields.value("categories"_L1), planned.category)) {
                providerLines.append(
                    rankedLine(SupplyMatch::Kind::Provider, planned, p, county, u"excellent"_s));
            }
        }
        if (productLines.isEmpty() && providerLines.isEmpty()) {
            SupplyMatch none;
            none.demand = planned;
            out.append(std::move(none));
            continue;
        }
        appendRanked(out, std::move(productLines));
        appendRanked(out, std::move(providerLines));
    }
    return out;
}

QString LocalSupply::countyOf(const QString &uscc, const QJsonObject &enterprise)
{
    const QString region = enterprise.value("region"_L1).toString();
    if (!region.isEmpty())
        return region;
    return uscc.size() == 18 ? uscc.mid(2, 6) : QString();
}

Result<LocalSupply::ForSurvey, StoreError> LocalSupply::forSurvey(DeviceStore &store,
                                                                  const QString &surveyId)
{
    ForSurvey answer;
    const auto view = store.queries().survey(surveyId);
    if (!view)
        return view.error();
    if (!view.value())
        return answer;
    const QString uscc = view.value()->survey.fields.value("enterprise"_L1).toString();
    QJsonObject enterpriseFields;
    if (!uscc.isEmpty()) {
        const auto enterprise = store.record(u"enterprise"_s, uscc);
        if (!enterprise)
            return enterprise.error();
        if (enterprise.value())
            enterpriseFields = enterprise.value()->fields;
    }
    answer.county = countyOf(uscc, enterpriseFields);
    answer.demand = plannedCategories(view.value()->equipment);
    if (answer.demand.isEmpty())
        return answer;
    const auto products = store.queries().recordsOf(kProductEntity);
    if (!products)
        return products.error();
    const auto providers = store.queries().recordsOf(kProviderEntity);
    if (!providers)
        return providers.error();
    answer.lines = match(answer.demand, answer.county, products.value(), providers.value());
    return answer;
}

} // namespace gx
