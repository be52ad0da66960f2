#include "sync/figures/coveragequery.h"

#include "core/figuremath.h"

#include "sync/figures/logging.h"
#include "sync/figures/officialfigures.h"
#include "sync/records/targetstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

template <typename T>
std::optional<T> optionalValue(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.value<T>();
}

std::optional<double> optionalDouble(const QVariant &value)
{
    return optionalValue<double>(value);
}

std::optional<int> optionalInt(const QVariant &value)
{
    return optionalValue<int>(value);
}

/** The sums of coverage_facts per region, in the order report() selects them. */
enum Sum
{
    Counted,
    Above,
    Digital,
    Design,
    Rated,
    Rate,
    Cnc,
    Kp,
    TechNow,
    TechBase,
    EquipNow,
    EquipBase,
    Future,
    Smart,
    Robots,
    Backward,
    All,
    Planned,
    Renewed,
    Eliminated,
    AgedOf,
    Aged,
    EnergyOf,
    Advanced,
    Saving,
    Running,
    Safety,
    SumCount
};
using Sums = std::array<double, SumCount>;

const QString kSumsSql =
    u"SELECT region, COUNT(*), SUM(above), SUM(digital), SUM(design), SUM(rated), SUM(rate), "
    "SUM(cnc), SUM(kp), SUM(tech_now), SUM(tech_base), SUM(equip_now), SUM(equip_base), "
    "SUM(future), SUM(smart), SUM(robots), SUM(backward), SUM(eq_all), SUM(planned), "
    "SUM(renewed), SUM(eliminated), SUM(aged_of), SUM(aged), SUM(energy_of), SUM(advanced), "
    "SUM(saving), SUM(running), SUM(safety) FROM coverage_facts WHERE period = ? "
    "GROUP BY region"_s;

/** The region's figures, as core's engine forms them (ratio, growth, count). */
struct Figures
{
    Sums sums{};
    int registry = 0;
    QStringList flagged;
};

using figure::count;
using figure::growth;
using figure::ratio;

/** Sets the computed figures of `out`, keeping the targets the engine put there. */
void fill(RegionFigures &out, const Figures &in)
{
    using namespace indicator;
    const Sums &s = in.sums;
    out.registry = in.registry;
    out.surveyed = int(s[Above]);
    out.countedSurveys = int(s[Counted]);
    const double n = s[Counted];
    const QList<std::pair<QLatin1StringView, Figure>> figures{
        {kDigitalRenovationCoverage, ratio(s[Digital], in.registry)},
        {kDesignToolPenetration, ratio(s[Design], in.registry)},
        {kSurveyCompletion, ratio(s[Above], in.registry)},
        {kKeyProcessCncRate, ratio(s[Rate], s[Rated])},
        {kKeyProcessCncRatePooled, ratio(s[Cnc], s[Kp])},
        {kTechInvestGrowth, growth(s[TechNow], s[TechBase])},
        {kEquipmentInvestGrowth, growth(s[EquipNow], s[EquipBase])},
        {kNewFutureFactories, count(s[Future], n)},
        {kNewSmartFactories, count(s[Smart], n)},
        {kRobotsAdded, count(s[Robots], n)},
        {kBackwardCapacityEnterprises, count(s[Backward], n)},
        {kAgedEquipmentShare, ratio(s[Aged], s[AgedOf])},
        {kPlannedRenewalShare, ratio(s[Planned], s[All])},
        {kRenewedShare, ratio(s[Renewed], s[All])},
        {kEliminatedShare, ratio(s[Eliminated], s[All])},
        {kEnergyAdvancedShare, ratio(s[Advanced], s[EnergyOf])},
        {kEnergySavingOrBetterShare, ratio(s[Saving], s[EnergyOf])},
        {kSafetyEquipment, ratio(s[Safety], s[Running])},
    };
    for (const auto &[name, figure] : figures) {
        Figure &slot = out.indicators[name];
        const std::optional<Target> target = slot.target;
        slot = figure;
        slot.target = target;
        if (target && slot.value)
            slot.met = target->isMetBy(*slot.value);
    }
    out.flaggedEnterprises = in.flagged;
    out.flaggedEnterprises.sort();
}

} // namespace

CoverageQuery::CoverageQuery(Database &db, const RegionCatalog &catalog)
    : m_db(db)
    , m_statements(db.statements())
    , m_catalog(catalog)
{}

Result<IndicatorInput, DbError> CoverageQuery::load(int period)
{
    IndicatorInput input;
    input.period = period;
    auto catalog = TargetStore(m_db).catalogFor(m_catalog, period);
    if (!catalog)
        return catalog.error();
    input.catalog = std::move(catalog).value();
    QElapsedTimer timer;
    timer.start();
    QList<qint64> millis;
    for (auto step : {&CoverageQuery::loadRegistry, &CoverageQuery::loadEnterprises,
                      &CoverageQuery::loadSurveys, &CoverageQuery::loadEquipment,
                      &CoverageQuery::loadOfficial}) {
        if (auto loaded = (this->*step)(input); !loaded)
            return loaded.error();
        millis.append(timer.restart());
    }
    qCDebug(lcFigures,
            "coverage input %d: registry %lld ms, enterprises %lld ms, surveys and "
            "reviews %lld ms, equipment %lld ms, official %lld ms",
            period, millis.at(0), millis.at(1), millis.at(2), millis.at(3), millis.at(4));
    return input;
}

DbStatus CoverageQuery::loadRegistry(IndicatorInput &input)
{
    auto query = m_statements.exec(u"SELECT uscc, name, region, industry_code, above_size "
                                   "FROM registry ORDER BY uscc"_s,
                                   {});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    while (q.next()) {
        input.registry.append(RegistryEntry{q.value(0).toString(), q.value(1).toString(),
                                            q.value(2).toString(), q.value(3).toString(),
                                            q.value(4).toInt() != 0});
    }
    q.finish();
    return Done{};
}

DbStatus CoverageQuery::loadEnterprises(IndicatorInput &input)
{
    auto query = m_statements.exec(u"SELECT uscc, region, above_size FROM enterprise_facts "
                                   "WHERE deleted = 0 ORDER BY id"_s,
                                   {});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    while (q.next()) {
        input.enterprises.append(
            EnterpriseFacts{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0});
    }
    q.finish();
    return Done{};
}

Result<QHash<QString, ReviewState>, DbError> CoverageQuery::loadReviewStates(int period)
{
    auto query = m_statements.exec(
        u"SELECT r.survey, r.state FROM review_facts r JOIN survey_facts s ON s.id = r.survey "
        "WHERE s.period = ? AND s.deleted = 0 AND r.deleted = 0 ORDER BY r.seq"_s,
        {period});
    if (!query)
        return query.error();
    QHash<QString, ReviewState> latest; // survey id -> state of its latest review
    QSqlQuery &q = *query.value();
    while (q.next())
        latest.insert(q.value(0).toString(), static_cast<ReviewState>(q.value(1).toInt()));
    q.finish();
    return latest;
}

DbStatus CoverageQuery::loadSurveys(IndicatorInput &input)
{
    auto reviews = loadReviewStates(input.period);
    if (!reviews)
        return reviews.error();
    auto query = m_statements.exec(
        u"SELECT id, enterprise, period, state, digital_level, design_tools, key_processes, "
        "key_processes_cnc, factory_tier, factory_tier_year, robots_added, tech_invest_base, "
        "tech_invest, equipment_invest_base, equipment_invest, first_of_kind_invest "
        "FROM survey_facts WHERE period = ? AND deleted = 0 ORDER BY id"_s,
        {input.period});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    while (q.next()) {
        SurveyFacts s;
        s.id = q.value(0).toString();
        s.enterprise = q.value(1).toString();
        s.period = q.value(2).toInt();
        s.state = static_cast<SurveyState>(q.value(3).toInt());
        s.review = reviews.value().value(s.id, ReviewState::None);
        s.digitalLevel = optionalInt(q.value(4));
        if (const QVariant tools = q.value(5); !tools.isNull())
            s.designTools = tools.toInt() != 0;
        s.keyProcesses = optionalInt(q.value(6));
        s.keyProcessesCnc = optionalInt(q.value(7));
        if (const QVariant tier = q.value(8); !tier.isNull())
            s.factoryTier = static_cast<FactoryTier>(tier.toInt());
        s.factoryTierYear = optionalInt(q.value(9));
        s.robotsAdded = optionalInt(q.value(10));
        s.techInvestBase = optionalDouble(q.value(11));
        s.techInvest = optionalDouble(q.value(12));
        s.equipmentInvestBase = optionalDouble(q.value(13));
        s.equipmentInvest = optionalDouble(q.value(14));
        s.firstOfKindInvest = optionalDouble(q.value(15));
        input.surveys.append(std::move(s));
    }
    q.finish();
    return Done{};
}

DbStatus CoverageQuery::loadEquipment(IndicatorInput &input)
{
    // A scan with a lookup beats joining survey_facts by index (one seek per row) on SQLite.
    QSet<QString> surveys;
    for (const SurveyFacts &survey : std::as_const(input.surveys))
        surveys.insert(survey.id);
    auto query = m_statements.exec(
        u"SELECT survey, category, quantity, commissioned_year, key_energy, efficiency_level, "
        "status FROM equipment_facts WHERE deleted = 0"_s,
        {});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    while (q.next()) {
        EquipmentFacts e;
        e.survey = q.value(0).toString();
        if (!surveys.contains(e.survey))
            continue;
        e.category = q.value(1).toString();
        e.quantity = q.value(2).toInt();
        e.commissionedYear = optionalInt(q.value(3));
        e.keyEnergy = q.value(4).toInt() != 0;
        e.efficiencyLevel = static_cast<EfficiencyLevel>(q.value(5).toInt());
        e.status = static_cast<EquipmentStatus>(q.value(6).toInt());
        input.equipment.append(std::move(e));
    }
    q.finish();
    return Done{};
}

DbStatus CoverageQuery::loadOfficial(IndicatorInput &input)
{
    auto query = m_statements.exec(u"SELECT region, indicator, value, numerator, denominator "
                                   "FROM official_figures WHERE period = ?"_s,
                                   {input.period});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    while (q.next()) {
        input.official[q.value(0).toString()][q.value(1).toString()] = OfficialFigure{
            optionalDouble(q.value(2)), optionalDouble(q.value(3)), optionalDouble(q.value(4))};
    }
    q.finish();
    return Done{};
}

Result<QList<int>, DbError> CoverageQuery::periods()
{
    auto query = m_statements.exec(
        u"SELECT period FROM targets UNION SELECT period FROM survey_facts WHERE deleted = 0 "
        "AND period BETWEEN ? AND ? UNION SELECT period FROM official_figures ORDER BY 1"_s,
        {OfficialFigures::kMinPeriod, OfficialFigures::kMaxPeriod});
    if (!query)
        return query.error();
    QList<int> out;
    QSqlQuery &q = *query.value();
    while (q.next())
        out.append(q.value(0).toInt());
    q.finish();
    return out;
}

Result<CoverageReport, DbError> CoverageQuery::report(int period)
{
    // The engine over no surveys gives the report's shape, the targets and the official figures.
    IndicatorInput frame;
    frame.period = period;
    auto catalog = TargetStore(m_db).catalogFor(m_catalog, period);
    if (!catalog)
        return catalog.error();
    frame.catalog = std::move(catalog).value();
    if (auto official = loadOfficial(frame); !official)
        return official.error();
    CoverageReport report = computeCoverage(frame);

    QHash<QString, Figures> byRegion;
    for (const Region &region : m_catalog.regions())
        byRegion.insert(region.code, Figures{});
    auto registry = m_statements.exec(
        u"SELECT region, above_size, COUNT(*) FROM registry GROUP BY region, above_size"_s, {});
    if (!registry)
        return registry.error();
    for (QSqlQuery &q = *registry.value(); q.next();) {
        const auto found = byRegion.find(q.value(0).toString());
        if (found == byRegion.end())
            report.unassignedRegistry += q.value(2).toInt();
        else if (q.value(1).toInt() != 0)
            found->registry += q.value(2).toInt();
    }
    registry.value()->finish();

    auto sums = m_statements.exec(kSumsSql, {period});
    if (!sums)
        return sums.error();
    for (QSqlQuery &q = *sums.value(); q.next();) {
        const auto found = byRegion.find(q.value(0).toString());
        if (found == byRegion.end()) {
            report.unassignedSurveys += q.value(1).toInt();
            continue;
        }
        for (int i = 0; i < SumCount; ++i)
            found->sums[std::size_t(i)] = q.value(i + 1).toDouble();
    }
    sums.value()->finish();

    auto flagged = m_statements.exec(
        u"SELECT region, enterprise FROM coverage_facts WHERE period = ? AND flagged = 1"_s,
        {period});
    if (!flagged)
        return flagged.error();
    for (QSqlQuery &q = *flagged.value(); q.next();) {
        if (const auto found = byRegion.find(q.value(0).toString()); found != byRegion.end())
            found->flagged.append(q.value(1).toString());
    }
    flagged.value()->finish();

    Figures city;
    for (RegionFigures &region : report.regions) {
        const Figures figures = byRegion.value(region.region);
        fill(region, figures);
        for (std::size_t i = 0; i < city.sums.size(); ++i)
            city.sums[i] += figures.sums[i];
        city.registry += figures.registry;
        city.flagged += figures.flagged;
    }
    fill(report.city, city);
    return report;
}

} // namespace gx::server
