#include "core/indicators.h"

#include "core/figuremath.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace gx {

const QStringList &indicatorNames()
{
    using namespace indicator;
    static const QStringList names{
        kTechInvestGrowth,
        kEquipmentMfgValueAddedGrowth,
        kConsumerGoodsRevenueGrowth,
        kDigitalCoreValueAddedGrowth,
        kDigitalRenovationCoverage,
        kDesignToolPenetration,
        kKeyProcessCncRate,
        kKeyProcessCncRatePooled,
        kEquipmentInvestGrowth,
        kAgedEquipmentShare,
        kPlannedRenewalShare,
        kRenewedShare,
        kEliminatedShare,
        kEnergyAdvancedShare,
        kEnergySavingOrBetterShare,
        kNewFutureFactories,
        kNewSmartFactories,
        kRobotsAdded,
        kBackwardCapacityEnterprises,
        kSurveyCompletion,
        kSafetyEquipment,
    };
    return names;
}

const QStringList &officialIndicatorNames()
{
    using namespace indicator;
    static const QStringList names{kEquipmentMfgValueAddedGrowth, kConsumerGoodsRevenueGrowth,
                                   kDigitalCoreValueAddedGrowth};
    return names;
}

const QStringList &safetyEquipmentCategories()
{
    static const QStringList categories{
        u"mining_scaling"_s,    u"mining_drill_jumbo"_s,    u"mining_raise_borer"_s,
        u"mining_haul_truck"_s, u"melting_furnace_fixed"_s, u"hoist_wire_rope"_s,
    };
    return categories;
}

// ---- reading records -------------------------------------------------------------------------

namespace {

/** A finite JSON number, else nothing. */
std::optional<double> readNumber(const QJsonObject &fields, QLatin1StringView name)
{
    const QJsonValue value = fields.value(name);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

/** A non-negative finite amount, else nothing. */
std::optional<double> readAmount(const QJsonObject &fields, QLatin1StringView name)
{
    const std::optional<double> value = readNumber(fields, name);
    return value && *value >= 0 ? value : std::nullopt;
}

/** A whole JSON number that fits an int (3.0 is 3), else nothing. */
std::optional<int> readInteger(const QJsonObject &fields, QLatin1StringView name)
{
    const std::optional<double> value = readNumber(fields, name);
    if (!value || std::trunc(*value) != *value ||
        std::fabs(*value) > double(std::numeric_limits<int>::max()))
        return std::nullopt;
    return int(*value);
}

/** A whole non-negative number, else nothing. */
std::optional<int> readCount(const QJsonObject &fields, QLatin1StringView name)
{
    const std::optional<int> value = readInteger(fields, name);
    return value && *value >= 0 ? value : std::nullopt;
}

std::optional<bool> readBool(const QJsonObject &fields, QLatin1StringView name)
{
    const QJsonValue value = fields.value(name);
    return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
}

std::optional<FactoryTier> factoryTierFromName(const QString &name)
{
    for (FactoryTier tier : {FactoryTier::None, FactoryTier::DigitalWorkshop,
                             FactoryTier::SmartFactory, FactoryTier::FutureFactory})
        if (name == factoryTierName(tier))
            return tier;
    return std::nullopt;
}

std::optional<EquipmentStatus> equipmentStatusFromName(const QString &name)
{
    if (name == "in_service"_L1)
        return EquipmentStatus::InService;
    if (name == "planned_renewal"_L1)
        return EquipmentStatus::PlannedRenewal;
    if (name == "renewed"_L1)
        return EquipmentStatus::Renewed;
    if (name == "eliminated"_L1)
        return EquipmentStatus::Eliminated;
    return std::nullopt;
}

EfficiencyLevel efficiencyLevelFromName(const QString &name)
{
    if (name == "advanced"_L1)
        return EfficiencyLevel::Advanced;
    if (name == "energy_saving"_L1)
        return EfficiencyLevel::EnergySaving;
    if (name == "access"_L1)
        return EfficiencyLevel::Access;
    if (name == "below_access"_L1)
        return EfficiencyLevel::BelowAccess;
    return EfficiencyLevel::Unknown;
}

} // namespace

QString factoryTierName(FactoryTier tier)
{
    switch (tier) {
    case FactoryTier::None:
        return u"none"_s;
    case FactoryTier::DigitalWorkshop:
        return u"digital_workshop"_s;
    case FactoryTier::SmartFactory:
        return u"smart_factory"_s;
    case FactoryTier::FutureFactory:
        return u"future_factory"_s;
    }
    return {};
}

QString surveyStateName(SurveyState state)
{
    return state == SurveyState::Submitted ? u"submitted"_s : u"draft"_s;
}

std::optional<ReviewState> reviewStateFromName(const QString &name)
{
    if (name.isEmpty() || name == "none"_L1)
        return ReviewState::None;
    if (name == "approved"_L1)
        return ReviewState::Approved;
    if (name == "has_issues"_L1)
        return ReviewState::HasIssues;
    if (name == "rejected"_L1)
        return ReviewState::Rejected;
    return std::nullopt;
}

EnterpriseFacts EnterpriseFacts::fromFields(const QString &id, const QJsonObject &fields)
{
    EnterpriseFacts facts;
    const QString uscc = fields.value("uscc"_L1).toString();
    facts.uscc = uscc.isEmpty() ? id : uscc;
    facts.region = fields.value("region"_L1).toString();
    facts.aboveSize = readBool(fields, "above_size"_L1).value_or(false);
    return facts;
}

SurveyFacts SurveyFacts::fromFields(const QString &id, const QJsonObject &fields,
                                    ReviewState review)
{
    SurveyFacts s;
    s.id = id;
    s.enterprise = fields.value("enterprise"_L1).toString();
    s.period = readInteger(fields, "period"_L1).value_or(0);
    s.state = fields.value("state"_L1).toString() == surveyStateName(SurveyState::Submitted)
                  ? SurveyState::Submitted
                  : SurveyState::Draft;
    s.review = review;
    s.digitalLevel = readCount(fields, "digital_level"_L1);
    s.designTools = readBool(fields, "design_tools"_L1);
    s.keyProcesses = readCount(fields, "key_processes"_L1);
    s.keyProcessesCnc = readCount(fields, "key_processes_cnc"_L1);
    s.factoryTier = factoryTierFromName(fields.value("factory_tier"_L1).toString());
    s.factoryTierYear = readInteger(fields, "factory_tier_year"_L1);
    s.robotsAdded = readCount(fields, "robots_added"_L1);
    s.techInvestBase = readAmount(fields, "tech_invest_base_10k"_L1);
    s.techInvest = readAmount(fields, "tech_invest_10k"_L1);
    s.equipmentInvestBase = readAmount(fields, "equipment_invest_base_10k"_L1);
    s.equipmentInvest = readAmount(fields, "equipment_invest_10k"_L1);
    s.firstOfKindInvest = readAmount(fields, "first_of_kind_invest_10k"_L1);
    return s;
}

bool SurveyFacts::isCounted() const
{
    return state == rule::kCountedState && review != rule::kExcludingReview;
}

EquipmentFacts EquipmentFacts::fromFields(const QJsonObject &fields)
{
    EquipmentFacts e;
    e.survey = fields.value("survey"_L1).toString();
    e.category = fields.value("category"_L1).toString();
    e.quantity = readCount(fields, "quantity"_L1).value_or(1);
    e.commissionedYear = readInteger(fields, "commissioned_year"_L1);
    e.keyEnergy = readBool(fields, "key_energy"_L1).value_or(false);
    e.efficiencyLevel = efficiencyLevelFromName(fields.value("efficiency_level"_L1).toString());
    e.status = equipmentStatusFromName(fields.value("status"_L1).toString())
                   .value_or(EquipmentStatus::InService);
    return e;
}

bool EquipmentFacts::isInOperation() const
{
    return rule::isOneOf(status, rule::kInOperationStatuses);
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

QJsonValue optionalJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject Figure::toJson() const
{
    return QJsonObject{
        {u"value"_s, optionalJson(value)},
        {u"numerator"_s, numerator},
        {u"denominator"_s, denominator},
        {u"target"_s, target ? QJsonValue(target->value) : QJsonValue(QJsonValue::Null)},
        {u"target_op"_s,
         target ? QJsonValue(comparisonSymbol(target->op)) : QJsonValue(QJsonValue::Null)},
        {u"met"_s, met ? QJsonValue(*met) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject RegionFigures::toJson() const
{
    QJsonObject figures;
    for (auto it = indicators.cbegin(); it != indicators.cend(); ++it)
        figures.insert(it.key(), it->toJson());
    return QJsonObject{
        {u"region"_s, region},
        {u"name"_s, name.zh},
        {u"name_en"_s, name.en},
        {u"registry"_s, registry},
        {u"surveyed"_s, surveyed},
        {u"counted_surveys"_s, countedSurveys},
        {u"indicators"_s, figures},
        {u"flagged_enterprises"_s, QJsonArray::fromStringList(flaggedEnterprises)},
    };
}

QJsonObject CoverageReport::toJson() const
{
    QJsonArray list;
    for (const RegionFigures &r : regions)
        list.append(r.toJson());
    return QJsonObject{
        {u"period"_s, period},
        {u"regions"_s, list},
        {u"city"_s, city.toJson()},
        {u"unassigned_surveys"_s, unassignedSurveys},
        {u"unassigned_registry"_s, unassignedRegistry},
    };
}

// ---- the engine ------------------------------------------------------------------------------

namespace {

/** A counted survey with what the engine needs to know about it. */
struct CountedSurvey
{
    const SurveyFacts *survey = nullptr;
    qsizetype region = 0; ///< index into the catalog's regions
    bool aboveSizeRegistry = false;
    QList<const EquipmentFacts *> equipment;
};

/** The data one set of figures is computed over: a region's, or the whole city's. */
struct Slice
{
    QList<const RegistryEntry *> aboveSizeRegistry;
    QList<const CountedSurvey *> surveys;
};

using figure::count;
using figure::growth;
using figure::ratio;

bool inProgrammeWindow(const SurveyFacts &s, int period)
{
    return s.factoryTierYear && *s.factoryTierYear >= kProgrammeStartYear &&
           *s.factoryTierYear <= period;
}

/** The registry rates: above-size registry enterprises, the unsurveyed counting as not covered. */
void addRegistryFigures(const Slice &slice, const QHash<QString, const CountedSurvey *> &counted,
                        RegionFigures &out)
{
    int digital = 0;
    int design = 0;
    for (const RegistryEntry *entry : slice.aboveSizeRegistry) {
        const CountedSurvey *c = counted.value(entry->uscc);
        if (!c)
            continue;
        ++out.surveyed;
        if (c->survey->digitalLevel.value_or(0) >= rule::kDigitalRenovationMinLevel)
            ++digital;
        if (c->survey->designTools.value_or(false))
            ++design;
    }
    out.registry = int(slice.aboveSizeRegistry.size());
    out.indicators.insert(indicator::kDigitalRenovationCoverage, ratio(digital, out.registry));
    out.indicators.insert(indicator::kDesignToolPenetration, ratio(design, out.registry));
    out.indicators.insert(indicator::kSurveyCompletion, ratio(out.surveyed, out.registry));
}

/** The survey-level figures: CNC rates, investment growth and counts. */
void addSurveyFigures(const Slice &slice, RegionFigures &out)
{
    double rateSum = 0;
    int rated = 0;
    double cncSum = 0;
    double keySum = 0;
    double techNow = 0;
    double techBase = 0;
    double equipNow = 0;
    double equipBase = 0;
    int future = 0;
    int smart = 0;
    double robots = 0;
    int backward = 0;
    for (const CountedSurvey *c : slice.surveys) {
        const SurveyFacts &s = *c->survey;
        if (c->aboveSizeRegistry && s.keyProcesses.value_or(0) > 0 && s.keyProcessesCnc &&
            *s.keyProcessesCnc <= *s.keyProcesses) {
            rateSum += double(*s.keyProcessesCnc) / *s.keyProcesses;
            ++rated;
            cncSum += *s.keyProcessesCnc;
            keySum += *s.keyProcesses;
        }
        if (s.techInvestBase && s.techInvest) {
            techNow += *s.techInvest;
            techBase += *s.techInvestBase;
        }
        if (s.equipmentInvestBase && s.equipmentInvest) {
            equipNow +=
                *s.equipmentInvest + rule::kFirstOfKindWeight * s.firstOfKindInvest.value_or(0);
            equipBase += *s.equipmentInvestBase;
        }
        if (inProgrammeWindow(s, s.period)) {
            const FactoryTier tier = s.factoryTier.value_or(FactoryTier::None);
            if (tier == rule::kFutureFactoryTier)
                ++future;
            if (rule::isOneOf(tier, rule::kSmartFactoryTiers))
                ++smart;
        }
        robots += s.robotsAdded.value_or(0);
        if (std::any_of(c->equipment.cbegin(), c->equipment.cend(), [](const EquipmentFacts *e) {
                return e->status == rule::kEliminatedStatus;
            }))
            ++backward;
    }
    const int n = int(slice.surveys.size());
    out.countedSurveys = n;
    out.indicators.insert(indicator::kKeyProcessCncRate, ratio(rateSum, rated));
    out.indicators.insert(indicator::kKeyProcessCncRatePooled, ratio(cncSum, keySum));
    out.indicators.insert(indicator::kTechInvestGrowth, growth(techNow, techBase));
    out.indicators.insert(indicator::kEquipmentInvestGrowth, growth(equipNow, equipBase));
    out.indicators.insert(indicator::kNewFutureFactories, count(future, n));
    out.indicators.insert(indicator::kNewSmartFactories, count(smart, n));
    out.indicators.insert(indicator::kRobotsAdded, count(robots, n));
    out.indicators.insert(indicator::kBackwardCapacityEnterprises, count(backward, n));
}

/** The equipment figures, quantity-weighted. */
void addEquipmentFigures(const Slice &slice, RegionFigures &out)
{
    double all = 0;
    double planned = 0;
    double renewed = 0;
    double eliminated = 0;
    double agedOf = 0;
    double aged = 0;
    double energyOf = 0;
    double advanced = 0;
    double savingOrBetter = 0;
    double running = 0;
    double safety = 0;
    QSet<QString> flagged;
    const QStringList &safetyCategories = safetyEquipmentCategories();
    for (const CountedSurvey *c : slice.surveys) {
        for (const EquipmentFacts *e : c->equipment) {
            const double q = e->quantity;
            all += q;
            planned += e->status == rule::kPlannedStatus ? q : 0;
            renewed += e->status == rule::kRenewedStatus ? q : 0;
            eliminated += e->status == rule::kEliminatedStatus ? q : 0;
            if (e->keyEnergy && e->status != rule::kEliminatedStatus) {
                energyOf += q;
                advanced += e->efficiencyLevel == rule::kAdvancedLevel ? q : 0;
                savingOrBetter +=
                    rule::isOneOf(e->efficiencyLevel, rule::kSavingOrBetterLevels) ? q : 0;
            }
            if (!e->isInOperation())
                continue;
            running += q;
            if (safetyCategories.contains(e->category)) {
                safety += q;
                flagged.insert(c->survey->enterprise);
            }
            const QByteArray category = e->category.toUtf8();
            const std::optional<int> limit =
                rule::agedAfterYears(std::string_view(category.constData(), category.size()));
            if (limit && e->commissionedYear) {
                agedOf += q;
                if (c->survey->period - *e->commissionedYear > *limit)
                    aged += q;
            }
        }
    }
    out.indicators.insert(indicator::kAgedEquipmentShare, ratio(aged, agedOf));
    out.indicators.insert(indicator::kPlannedRenewalShare, ratio(planned, all));
    out.indicators.insert(indicator::kRenewedShare, ratio(renewed, all));
    out.indicators.insert(indicator::kEliminatedShare, ratio(eliminated, all));
    out.indicators.insert(indicator::kEnergyAdvancedShare, ratio(advanced, energyOf));
    out.indicators.insert(indicator::kEnergySavingOrBetterShare, ratio(savingOrBetter, energyOf));
    out.indicators.insert(indicator::kSafetyEquipment, ratio(safety, running));
    out.flaggedEnterprises = QStringList(flagged.cbegin(), flagged.cend());
    out.flaggedEnterprises.sort();
}

void addOfficialFigures(const QMap<QString, OfficialFigure> &entered, RegionFigures &out)
{
    for (const QString &name : officialIndicatorNames()) {
        const OfficialFigure official = entered.value(name);
        Figure f;
        if (official.value && std::isfinite(*official.value))
            f.value = official.value;
        f.numerator = official.current.value_or(0);
        f.denominator = official.base.value_or(0);
        out.indicators.insert(name, f);
    }
}

void addTargets(const Region &region, int period, RegionFigures &out)
{
    for (auto it = out.indicators.begin(); it != out.indicators.end(); ++it) {
        it->target = region.target(it.key(), period);
        if (it->target && it->value)
            it->met = it->target->isMetBy(*it->value);
    }
}

RegionFigures figuresFor(const Region &region, const Slice &slice,
                         const QHash<QString, const CountedSurvey *> &counted,
                         const IndicatorInput &input)
{
    RegionFigures out;
    out.region = region.code;
    out.name = region.name;
    addRegistryFigures(slice, counted, out);
    addSurveyFigures(slice, out);
    addEquipmentFigures(slice, out);
    addOfficialFigures(input.official.value(region.code), out);
    addTargets(region, input.period, out);
    return out;
}

} // namespace

CoverageReport computeCoverage(const IndicatorInput &input)
{
    CoverageReport report;
    report.period = input.period;

    const QList<Region> &regions = input.catalog.regions();
    QHash<QString, qsizetype> regionIndex;
    for (qsizetype i = 0; i < regions.size(); ++i)
        regionIndex.insert(regions.at(i).code, i);
    QList<Slice> slices(regions.size());
    Slice citySlice;

    // The registry, each USCC once (first entry wins).
    QHash<QString, const RegistryEntry *> registry;
    for (const RegistryEntry &entry : input.registry) {
        if (registry.contains(entry.uscc))
            continue;
        registry.insert(entry.uscc, &entry);
        const auto index = regionIndex.constFind(entry.region);
        if (index == regionIndex.cend()) {
            ++report.unassignedRegistry;
        } else if (entry.aboveSize) {
            slices[*index].aboveSizeRegistry.append(&entry);
            citySlice.aboveSizeRegistry.append(&entry);
        }
    }
    QHash<QString, const EnterpriseFacts *> enterprises;
    for (const EnterpriseFacts &e : input.enterprises) {
        if (!enterprises.contains(e.uscc))
            enterprises.insert(e.uscc, &e);
    }

    // One counted survey per enterprise: the greatest id wins. Ordered by USCC so that every
    // sum is taken in the same order whatever the order of the input.
    std::map<QString, const SurveyFacts *> chosen;
    for (const SurveyFacts &s : input.surveys) {
        if (s.period != input.period || !s.isCounted())
            continue;
        const SurveyFacts *&slot = chosen[s.enterprise];
        if (!slot || slot->id < s.id)
            slot = &s;
    }
    QHash<QString, QList<const EquipmentFacts *>> equipmentBySurvey;
    for (const EquipmentFacts &e : input.equipment)
        equipmentBySurvey[e.survey].append(&e);

    std::vector<CountedSurvey> countedSurveys;
    countedSurveys.reserve(chosen.size());
    QHash<QString, const CountedSurvey *> countedByEnterprise;
    for (const auto &[uscc, survey] : chosen) {
        const RegistryEntry *entry = registry.value(uscc);
        const EnterpriseFacts *record = enterprises.value(uscc);
        const QString region = entry ? entry->region : record ? record->region : QString();
        const auto index = regionIndex.constFind(region);
        if (index == regionIndex.cend()) {
            ++report.unassignedSurveys;
            continue;
        }
        countedSurveys.push_back(CountedSurvey{survey, *index, entry && entry->aboveSize,
                                               equipmentBySurvey.value(survey->id)});
    }
    // Pointers into countedSurveys are taken only now that it no longer grows.
    for (const CountedSurvey &c : countedSurveys) {
        slices[c.region].surveys.append(&c);
        citySlice.surveys.append(&c);
        countedByEnterprise.insert(c.survey->enterprise, &c);
    }

    for (qsizetype i = 0; i < regions.size(); ++i)
        report.regions.append(figuresFor(regions.at(i), slices.at(i), countedByEnterprise, input));
    report.city = figuresFor(input.catalog.city(), citySlice, countedByEnterprise, input);
    return report;
}

} // namespace gx
