// The fixture of tst_server_stats and its figures worked out by hand-written loops.

#include "statsfixture.h"

#include "core/uscc.h"
#include "testsupport.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;
using gx::server::StoredRecord;

namespace gx::test::stats {

namespace {

ExpectedFigure ratioOf(double num, double den)
{
    return {den > 0 ? std::optional<double>(num / den) : std::nullopt, num, den};
}

ExpectedFigure growthOf(double now, double base)
{
    return {base > 0 ? std::optional<double>((now - base) / base) : std::nullopt, now, base};
}

ExpectedFigure countOf(double n, int surveys)
{
    return {surveys > 0 ? std::optional<double>(n) : std::nullopt, n, double(surveys)};
}

} // namespace

QString surveyId(int n)
{
    return u"00000000-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
}

/**
 * Every region of the catalog gets 4-6 enterprises; g numbers them citywide and decides
 * everything else, so that all cases occur: outside the registry (g % 9 == 8), below size
 * (g % 5 == 4), and the survey plan g % 8: none, draft, submitted, approved, has_issues,
 * rejected, rejected-then-approved (counts), approved-then-rejected (does not count); plus
 * surveys of 2025 and deleted ones that never count.
 */
Fixture makeFixture()
{
    Fixture fx;
    int g = 0;
    int nextSurvey = 1;
    const QStringList tiers{u"none"_s, u"digital_workshop"_s, u"smart_factory"_s,
                            u"future_factory"_s};
    const QStringList levels{u"advanced"_s, u"energy_saving"_s, u"access"_s, u"below_access"_s,
                             u"unknown"_s};
    const QStringList statuses{u"in_service"_s, u"planned_renewal"_s, u"renewed"_s,
                               u"eliminated"_s};
    const auto &regions = gx::test::testRegions().regions();
    for (qsizetype r = 0; r < regions.size(); ++r) {
        const QString region = regions.at(r).code;
        const QString division = region.left(6);
        for (int j = 0; j < 4 + int(r % 3); ++j, ++g) {
            FxEnterprise e;
            e.uscc = gx::makeUscc(u'9', u'1', division, u"%1"_s.arg(20000000 + g));
            e.region = region;
            e.inRegistry = g % 9 != 8;
            e.aboveSize = e.inRegistry && g % 5 != 4;
            fx.enterprises.append(e);

            const int plan = g % 8;
            if (plan == 0)
                continue;
            FxSurvey s;
            s.id = surveyId(nextSurvey++);
            s.uscc = e.uscc;
            s.state = plan == 1 ? u"draft"_s : u"submitted"_s;
            const QList<QStringList> reviewPlans{{},
                                                 {},
                                                 {},
                                                 {u"approved"_s},
                                                 {u"has_issues"_s},
                                                 {u"rejected"_s},
                                                 {u"rejected"_s, u"approved"_s},
                                                 {u"approved"_s, u"rejected"_s}};
            s.reviews = reviewPlans.at(plan);
            s.digital = g % 5;
            s.design = g % 3 != 0;
            s.key = g % 6;
            s.cnc = (g % 6) / 2;
            s.techBase = 100 + g * 10;
            s.tech = s.techBase * (1 + (g % 4) * 0.05);
            s.equipmentBase = 200 + g * 5;
            s.equipment = 180 + g * 7;
            if (g % 3 == 0)
                s.firstOfKind = 20;
            s.tier = tiers.at(g % 4);
            s.tierYear = 2022 + g % 3;
            s.robotsAdded = g % 7;
            fx.surveys.append(s);

            fx.equipment.append(
                {s.id, u"machine_tool"_s, 1 + g % 3, 2005 + g % 15, false, {}, u"in_service"_s});
            fx.equipment.append(
                {s.id, u"motor"_s, 2, 2015, true, levels.at(g % 5), statuses.at(g % 4)});
            if (g % 6 == 0)
                fx.equipment.append(
                    {s.id, u"melting_furnace_fixed"_s, 1, 2010, false, {}, u"in_service"_s});
            else
                fx.equipment.append(
                    {s.id, u"hydro_generator"_s, 1, 2000 + g % 20, false, {}, statuses.at(g % 2)});

            if (g % 11 == 3) { // the same enterprise in 2025: never in 2024's figures
                FxSurvey next = s;
                next.id = surveyId(nextSurvey++);
                next.period = 2025;
                next.reviews.clear();
                next.digital = 4;
                fx.surveys.append(next);
                fx.equipment.append(
                    {next.id, u"melting_furnace_fixed"_s, 5, 2010, false, {}, u"in_service"_s});
            }
            if (g % 13 == 5) { // a deleted survey of 2024: a tombstone, never counted
                FxSurvey gone = s;
                gone.id = surveyId(nextSurvey++);
                gone.deleted = true;
                gone.reviews.clear();
                gone.digital = 4;
                gone.robotsAdded = 50;
                fx.surveys.append(gone);
            }
        }
    }
    return fx;
}

QList<StoredRecord> fixtureRecords(const Fixture &fx)
{
    QList<StoredRecord> out;
    QHash<QString, QString> regionByUscc;
    for (const FxEnterprise &e : fx.enterprises) {
        regionByUscc.insert(e.uscc, e.region);
        out.append({u"enterprise"_s,
                    e.uscc,
                    0,
                    0,
                    false,
                    QJsonObject{{u"uscc"_s, e.uscc},
                                {u"name"_s, QString(u"测试企业"_s + e.uscc.right(4))},
                                {u"region"_s, e.region},
                                {u"industry_code"_s, u"3421"_s},
                                {u"above_size"_s, e.aboveSize}},
                    {},
                    e.region,
                    e.uscc});
    }
    QHash<QString, QString> enterpriseOf;
    int reviewNumber = 0;
    QList<StoredRecord> reviews;
    for (const FxSurvey &s : fx.surveys) {
        enterpriseOf.insert(s.id, s.uscc);
        QJsonObject f{{u"enterprise"_s, s.uscc},
                      {u"period"_s, s.period},
                      {u"state"_s, s.state},
                      {u"digital_level"_s, s.digital},
                      {u"design_tools"_s, s.design},
                      {u"key_processes"_s, s.key},
                      {u"key_processes_cnc"_s, s.cnc},
                      {u"tech_invest_base_10k"_s, s.techBase},
                      {u"tech_invest_10k"_s, s.tech},
                      {u"equipment_invest_base_10k"_s, s.equipmentBase},
                      {u"equipment_invest_10k"_s, s.equipment},
                      {u"factory_tier"_s, s.tier},
                      {u"robots_added"_s, s.robotsAdded}};
        if (s.tier != "none"_L1)
            f.insert(u"factory_tier_year"_s, s.tierYear);
        if (s.firstOfKind)
            f.insert(u"first_of_kind_invest_10k"_s, *s.firstOfKind);
        out.append({u"survey"_s, s.id, 0, 0, s.deleted, f, {}, regionByUscc.value(s.uscc), s.uscc});
        for (const QString &state : s.reviews) {
            reviews.append(
                {u"review"_s,
                 u"10000000-0000-4000-8000-%1"_s.arg(++reviewNumber, 12, 10, QChar(u'0')),
                 0,
                 0,
                 false,
                 QJsonObject{{u"entity"_s, u"survey"_s},
                             {u"record_id"_s, s.id},
                             {u"state"_s, state},
                             {u"comment"_s, u"见审核意见"_s}},
                 {},
                 regionByUscc.value(s.uscc),
                 s.uscc});
        }
    }
    int equipmentNumber = 0;
    for (const FxEquipment &e : fx.equipment) {
        QJsonObject f{{u"survey"_s, e.survey},          {u"category"_s, e.category},
                      {u"name"_s, e.category},          {u"quantity"_s, e.quantity},
                      {u"commissioned_year"_s, e.year}, {u"key_energy"_s, e.keyEnergy},
                      {u"status"_s, e.status}};
        if (!e.level.isEmpty())
            f.insert(u"efficiency_level"_s, e.level);
        const QString uscc = enterpriseOf.value(e.survey);
        out.append({u"equipment"_s,
                    u"20000000-0000-4000-8000-%1"_s.arg(++equipmentNumber, 12, 10, QChar(u'0')),
                    0,
                    0,
                    false,
                    f,
                    {},
                    regionByUscc.value(uscc),
                    uscc});
    }
    return out + reviews; // reviews last, in the order given: the last one of a survey counts
}

/** region "" is the whole city. */
Expected expectedFor(const Fixture &fx, const QString &region)
{
    QHash<QString, const FxEnterprise *> enterprise;
    for (const FxEnterprise &e : fx.enterprises)
        enterprise.insert(e.uscc, &e);
    // The counted survey of each enterprise: 2024, submitted, not deleted, last review not
    // rejected.
    QHash<QString, const FxSurvey *> counted;
    for (const FxSurvey &s : fx.surveys) {
        const bool rejected = !s.reviews.isEmpty() && s.reviews.constLast() == "rejected"_L1;
        if (s.period == kPeriod && !s.deleted && s.state == "submitted"_L1 && !rejected &&
            (region.isEmpty() || enterprise.value(s.uscc)->region == region))
            counted.insert(s.uscc, &s);
    }
    Expected x;
    int digital = 0, design = 0, rated = 0;
    double rateSum = 0, cncSum = 0, keySum = 0;
    for (const FxEnterprise &e : fx.enterprises) {
        if (!e.inRegistry || !e.aboveSize || (!region.isEmpty() && e.region != region))
            continue;
        ++x.registry;
        const FxSurvey *s = counted.value(e.uscc);
        if (!s)
            continue;
        ++x.surveyed;
        digital += s->digital >= 1 ? 1 : 0;
        design += s->design ? 1 : 0;
        if (s->key > 0) {
            ++rated;
            rateSum += double(s->cnc) / s->key;
            cncSum += s->cnc;
            keySum += s->key;
        }
    }
    x.counted = int(counted.size());
    x.figures[u"digital_renovation_coverage"_s] = ratioOf(digital, x.registry);
    x.figures[u"design_tool_penetration"_s] = ratioOf(design, x.registry);
    x.figures[u"survey_completion"_s] = ratioOf(x.surveyed, x.registry);
    x.figures[u"key_process_cnc_rate"_s] = ratioOf(rateSum, rated);
    x.figures[u"key_process_cnc_rate_pooled"_s] = ratioOf(cncSum, keySum);

    double techNow = 0, techBase = 0, equipNow = 0, equipBase = 0, robots = 0;
    int future = 0, smart = 0, backward = 0;
    QHash<QString, const FxSurvey *> countedById;
    for (const FxSurvey *s : std::as_const(counted)) {
        countedById.insert(s->id, s);
        techNow += s->tech;
        techBase += s->techBase;
        equipNow += s->equipment + 0.5 * s->firstOfKind.value_or(0);
        equipBase += s->equipmentBase;
        robots += s->robotsAdded;
        if (s->tierYear == kPeriod) { // tier years are 2022-2024: only 2024 is in the programme
            future += s->tier == "future_factory"_L1 ? 1 : 0;
            smart += s->tier == "smart_factory"_L1 || s->tier == "digital_workshop"_L1 ? 1 : 0;
        }
        bool eliminated = false;
        for (const FxEquipment &e : fx.equipment)
            eliminated = eliminated || (e.survey == s->id && e.status == "eliminated"_L1);
        backward += eliminated ? 1 : 0;
    }
    x.figures[u"tech_invest_growth"_s] = growthOf(techNow, techBase);
    x.figures[u"equipment_invest_growth_vs_2023"_s] = growthOf(equipNow, equipBase);
    x.figures[u"robots_added"_s] = countOf(robots, x.counted);
    x.figures[u"new_future_factories"_s] = countOf(future, x.counted);
    x.figures[u"new_smart_factories"_s] = countOf(smart, x.counted);
    x.figures[u"backward_capacity_enterprises"_s] = countOf(backward, x.counted);

    double all = 0, planned = 0, agedOf = 0, aged = 0, energyOf = 0, advanced = 0, saving = 0;
    double running = 0, safety = 0;
    QSet<QString> flagged;
    for (const FxEquipment &e : fx.equipment) {
        const FxSurvey *s = countedById.value(e.survey);
        if (!s)
            continue;
        all += e.quantity;
        planned += e.status == "planned_renewal"_L1 ? e.quantity : 0;
        if (e.keyEnergy && e.status != "eliminated"_L1) {
            energyOf += e.quantity;
            advanced += e.level == "advanced"_L1 ? e.quantity : 0;
            saving += e.level == "advanced"_L1 || e.level == "energy_saving"_L1 ? e.quantity : 0;
        }
        if (e.status != "in_service"_L1 && e.status != "planned_renewal"_L1)
            continue;
        running += e.quantity;
        if (e.category == "melting_furnace_fixed"_L1) {
            safety += e.quantity;
            flagged.insert(s->uscc);
        }
        if (e.category == "machine_tool"_L1 || e.category == "hydro_generator"_L1) {
            agedOf += e.quantity;
            const int limit = e.category == "hydro_generator"_L1 ? 15 : 10;
            aged += kPeriod - e.year > limit ? e.quantity : 0;
        }
    }
    x.figures[u"aged_equipment_share"_s] = ratioOf(aged, agedOf);
    x.figures[u"equipment_planned_renewal_share"_s] = ratioOf(planned, all);
    x.figures[u"energy_advanced_share"_s] = ratioOf(advanced, energyOf);
    x.figures[u"energy_saving_or_better_share"_s] = ratioOf(saving, energyOf);
    x.figures[u"safety_equipment"_s] = ratioOf(safety, running);
    x.flagged = QStringList(flagged.cbegin(), flagged.cend());
    x.flagged.sort();
    return x;
}

} // namespace gx::test::stats
