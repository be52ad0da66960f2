#include "app/supplydemandmodel.h"

#include "app/figureformatter.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** A round axis maximum at or above the largest value (e.g. 87 -> 100, 430 -> 500). */
double niceMax(double largest)
{
    if (largest <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= largest)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

SupplyDemandModel::SupplyDemandModel(QObject *parent)
    : OfficeModel(parent)
{}

SupplyDemandModel::~SupplyDemandModel() = default;

int SupplyDemandModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SupplyDemandModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Shown &row = m_rows.at(index.row());
    switch (role) {
    case RegionRole:
        return row.line.region;
    case RegionNameRole:
        return regionName(row.line.region);
    case CategoryRole:
        return row.line.category;
    case CategoryLabelRole:
    case Qt::DisplayRole:
        return categoryLabel(row.line.category);
    case EnterprisesRole:
        return row.demand.enterprises;
    case UnitsRole:
        return row.demand.units;
    case InvestmentRole:
        return row.demand.investment;
    case InvestmentTextRole:
        return SupplyDemandParser::investmentText(row.demand.investment);
    case ProductsRole:
        return row.line.products;
    case ProvidersRole:
        return row.line.providers;
    case GapRole:
        return row.gap;
    case HasDemandRole:
        return row.demand.rows > 0;
    default:
        return {};
    }
}

QHash<int, QByteArray> SupplyDemandModel::roleNames() const
{
    return {{RegionRole, "region"},
            {RegionNameRole, "regionName"},
            {CategoryRole, "category"},
            {CategoryLabelRole, "categoryLabel"},
            {EnterprisesRole, "enterprises"},
            {UnitsRole, "units"},
            {InvestmentRole, "investment"},
            {InvestmentTextRole, "investmentText"},
            {ProductsRole, "products"},
            {ProvidersRole, "providers"},
            {GapRole, "gap"},
            {HasDemandRole, "hasDemand"}};
}

QVariantMap SupplyDemandModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_rows.size())
        return out;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

void SupplyDemandModel::setCounty(const QString &county)
{
    if (county == m_county)
        return;
    m_county = county;
    emit filterChanged();
    rebuild();
}

void SupplyDemandModel::setPlannedYear(int year)
{
    if (year == m_plannedYear)
        return;
    m_plannedYear = year;
    emit filterChanged();
    rebuild();
}

void SupplyDemandModel::setGapsOnly(bool gapsOnly)
{
    if (gapsOnly == m_gapsOnly)
        return;
    m_gapsOnly = gapsOnly;
    emit filterChanged();
    rebuild();
}

const SupplyCoverage *SupplyDemandModel::coverageOfScope() const
{
    if (!m_report)
        return nullptr;
    if (m_county.isEmpty())
        return &m_report->city;
    for (const SupplyCoverage &region : m_report->regions) {
        if (region.region == m_county)
            return &region;
    }
    return nullptr;
}

QVariantMap SupplyDemandModel::figure() const
{
    if (!m_report)
        return {};
    int numerator = 0;
    int denominator = 0;
    DemandFigures demand;
    bool hasEnterprises = false;
    const SupplyCoverage *scope = coverageOfScope();
    if (m_plannedYear == 0 && scope) {
        // The server's figure as it computed it.
        numerator = scope->categoriesSupplied;
        denominator = scope->categoriesWithDemand;
        demand = scope->demand;
        hasEnterprises = true;
    } else {
        // One planned year: the same rule over that year's part of each row. Enterprises are not
        // summed, since one enterprise may plan in several categories.
        for (const SupplyDemandLine &line : m_report->rows) {
            if (!m_county.isEmpty() && line.region != m_county)
                continue;
            const DemandFigures part =
                m_plannedYear == 0 ? line.demand : line.byYear.value(m_plannedYear);
            if (part.rows == 0)
                continue;
            ++denominator;
            if (line.products + line.providers > 0)
                ++numerator;
            demand.units += part.units;
            demand.investment += part.investment;
            demand.rows += part.rows;
        }
    }
    const bool hasValue = denominator > 0;
    // The city counts (county, category) pairs, a county its categories.
    const QString fraction =
        !hasValue ? tr("No planned renewals: the denominator is 0.")
        : m_county.isEmpty()
            ? tr("%1 of %2 county and category pairs with demand have a local product or provider")
                  .arg(numerator)
                  .arg(denominator)
            : tr("%1 of %2 categories with demand have a local product or provider")
                  .arg(numerator)
                  .arg(denominator);
    return {
        {u"label"_s, tr("Local supply coverage")},
        {u"scope"_s, m_county.isEmpty() ? regionName(m_report->city.region) : regionName(m_county)},
        {u"hasValue"_s, hasValue},
        {u"valueText"_s,
         hasValue ? FigureFormatter::percent(double(numerator) / denominator) : u"—"_s},
        {u"numerator"_s, numerator},
        {u"denominator"_s, denominator},
        {u"fractionText"_s, fraction},
        {u"gaps"_s, denominator - numerator},
        {u"gapsText"_s, tr("Gaps: %1").arg(denominator - numerator)},
        {u"hasEnterprises"_s, hasEnterprises},
        {u"enterprises"_s, demand.enterprises},
        {u"units"_s, demand.units},
        {u"investment"_s, demand.investment},
        {u"investmentText"_s, SupplyDemandParser::investmentText(demand.investment)}};
}

QVariantMap SupplyDemandModel::chart() const
{
    struct Bar
    {
        QString category;
        double supplied = 0;
        double gaps = 0;
        qint64 units = 0;
    };
    QList<Bar> bars;
    if (m_report) {
        for (const SupplyDemandLine &line : m_report->rows) {
            if (!m_county.isEmpty() && line.region != m_county)
                continue;
            const DemandFigures part =
                m_plannedYear == 0 ? line.demand : line.byYear.value(m_plannedYear);
            if (part.rows == 0)
                continue;
            auto bar = std::find_if(bars.begin(), bars.end(),
                                    [&](const Bar &b) { return b.category == line.category; });
            if (bar == bars.end()) {
                bars.append(Bar{line.category});
                bar = bars.end() - 1;
            }
            (line.products + line.providers > 0 ? bar->supplied : bar->gaps) += part.investment;
            bar->units += part.units;
        }
    }
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) {
        const double ta = a.supplied + a.gaps;
        const double tb = b.supplied + b.gaps;
        return ta != tb ? ta > tb : a.units > b.units;
    });
    // The largest kChartBars, the largest last: a horizontal bar chart draws its first category
    // at the bottom.
    const qsizetype shown = std::min<qsizetype>(bars.size(), kChartBars);
    QVariantList categories, supplied, gaps;
    double largest = 0;
    for (qsizetype i = shown - 1; i >= 0; --i) {
        const Bar &bar = bars.at(i);
        categories.append(SupplyDemandParser::shortLabel(categoryLabel(bar.category)));
        supplied.append(bar.supplied);
        gaps.append(bar.gaps);
        largest = std::max(largest, bar.supplied + bar.gaps);
    }
    return {{u"categories"_s, categories},
            {u"supplied"_s, supplied},
            {u"gaps"_s, gaps},
            {u"max"_s, niceMax(largest)},
            {u"count"_s, int(shown)},
            {u"total"_s, int(bars.size())},
            {u"title"_s, shown < bars.size()
                             ? tr("Planned investment per category: the %1 largest of %2")
                                   .arg(shown)
                                   .arg(bars.size())
                             : tr("Planned investment per category")}};
}

QVariantList SupplyDemandModel::counties() const
{
    QVariantList out;
    if (!session())
        return out;
    for (const Region &region : session()->regions().regions())
        out.append(QVariantMap{{u"code"_s, region.code},
                               {u"name"_s, region.name.text(session()->uiLanguage())}});
    return out;
}

QVariantList SupplyDemandModel::plannedYears() const
{
    QList<int> years;
    if (m_report) {
        for (const SupplyDemandLine &line : m_report->rows) {
            for (auto it = line.byYear.cbegin(); it != line.byYear.cend(); ++it) {
                if (!years.contains(it.key()))
                    years.append(it.key());
            }
        }
    }
    std::sort(years.begin(), years.end());
    QVariantList out;
    for (const int year : std::as_const(years))
        out.append(year);
    return out;
}

void SupplyDemandModel::reload()
{
    if (!isReady())
        return;
    client().abort();
    setLoading(false);
    // The period's offline copy meanwhile, or nothing: never another period's answer.
    const auto cached = readCache(u"supply-demand"_s, QString::number(period()));
    if (!cached || !load(cached->answer, cached->fetchedAt, true)) {
        setError({});
        setAnswerTime({}, false);
        m_report.reset();
        m_answer = {};
        rebuild();
    }
    loadCachedPeriods();
    refresh();
}

void SupplyDemandModel::refresh()
{
    if (!session())
        return;
    refreshPeriods();
    const int asked = period();
    setLoading(true);
    client().get(u"/api/v1/stats/supply-demand?period=%1"_s.arg(asked),
                 [this, asked](const OfficeReply &r) {
                     setLoading(false);
                     if (asked != period())
                         return;
                     if (!r.ok()) {
                         setError(r.message);
                         emit refreshed(false);
                         return;
                     }
                     const QDateTime fetched = now();
                     const bool read = load(r.json, fetched, false);
                     // Only a good answer replaces the offline copy.
                     if (read)
                         writeCache(u"supply-demand"_s, QString::number(asked), r.json, fetched);
                     emit refreshed(read);
                 });
}

bool SupplyDemandModel::load(const QJsonObject &answer, const QDateTime &when, bool fromCache)
{
    auto parsed = SupplyDemandParser::report(answer, period());
    if (!parsed) {
        setError(parsed.error().message);
        return false;
    }
    setError({});
    const bool same = m_report && answer == m_answer;
    m_report = std::move(parsed).value();
    m_answer = answer;
    setAnswerTime(when, fromCache);
    // The same figures as the offline copy shown: only its mark changes (the list keeps its rows
    // and the user's place in it).
    if (!same)
        rebuild();
    return true;
}

void SupplyDemandModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    if (m_report) {
        for (const SupplyDemandLine &line : m_report->rows) {
            if (!m_county.isEmpty() && line.region != m_county)
                continue;
            Shown shown{line, m_plannedYear == 0 ? line.demand : line.byYear.value(m_plannedYear),
                        false};
            shown.gap = m_plannedYear == 0
                            ? line.gap
                            : shown.demand.rows > 0 && line.products == 0 && line.providers == 0;
            if (m_gapsOnly && !shown.gap)
                continue;
            if (m_plannedYear != 0 && shown.demand.rows == 0 && line.demand.rows > 0)
                continue; // demand in other years only
            m_rows.append(shown);
        }
    }
    endResetModel();
    emit reportChanged();
}

QString SupplyDemandModel::regionName(const QString &code) const
{
    if (!session())
        return code;
    if (code == session()->regions().city().code)
        return session()->regions().city().name.text(session()->uiLanguage());
    const Region *region = session()->regions().region(code);
    return region ? region->name.text(session()->uiLanguage()) : code;
}

QString SupplyDemandModel::categoryLabel(const QString &category) const
{
    return session() ? SupplyDemandParser::categoryLabel(session()->form(), category,
                                                         session()->uiLanguage())
                     : category;
}

} // namespace gx
