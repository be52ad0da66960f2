#include "core/indicators.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;

namespace {

/**
 * Two regions and the city. Targets for 2024 only:
 * city: digital_renovation_coverage >= 0.9, robots_added >= 400,
 *       equipment_mfg_value_added_growth >= 0.1
 * A:    digital_renovation_coverage >= 0.9, design_tool_penetration > 0.5,
 *       tech_invest_growth >= 0.15, the three official figures >= 0.1 / 0.1 / 0.12
 * B:    digital_renovation_coverage >= 0.95
 */
const QByteArray kCatalog = R"({
 "city": {"code": "CITY", "name": {"zh_CN": "全市", "en": "City"}, "annex_name": "全市",
  "targets": {"2024": {"digital_renovation_coverage": {"value": 0.9, "op": ">="},
                       "robots_added": {"value": 400, "op": ">="},
                       "equipment_mfg_value_added_growth": {"value": 0.1, "op": ">="}}}},
 "regions": [
  {"code": "A", "name": {"zh_CN": "甲县", "en": "County A"}, "annex_name": "甲县",
   "targets": {"2024": {"digital_renovation_coverage": {"value": 0.9, "op": ">="},
                        "design_tool_penetration": {"value": 0.5, "op": ">"},
                        "tech_invest_growth": {"value": 0.15, "op": ">="},
                        "equipment_mfg_value_added_growth": {"value": 0.1, "op": ">="},
                        "consumer_goods_revenue_growth": {"value": 0.1, "op": ">="},
                        "digital_core_value_added_growth": {"value": 0.12, "op": ">="}}}},
  {"code": "B", "name": {"zh_CN": "乙县", "en": "County B"}, "annex_name": "乙县",
   "targets": {"2024": {"digital_renovation_coverage": {"value": 0.95, "op": ">="}}}}
 ]})";

IndicatorInput emptyInput(int period = 2024)
{
    auto catalog = RegionCatalog::fromJson(kCatalog, u"fixture"_s);
    if (!catalog.ok())
        qFatal("fixture catalog refused: %s", qPrintable(catalog.error().reason));
    IndicatorInput in;
    in.period = period;
    in.catalog = catalog.value();
    return in;
}

RegistryEntry registered(const QString &uscc, const QString &region, bool aboveSize = true)
{
    return RegistryEntry{uscc, u"企业 "_s + uscc, region, u"3311"_s, aboveSize};
}

SurveyFacts submitted(const QString &id, const QString &enterprise, int period = 2024)
{
    SurveyFacts s;
    s.id = id;
    s.enterprise = enterprise;
    s.period = period;
    s.state = SurveyState::Submitted;
    return s;
}

EquipmentFacts row(const QString &survey, const QString &category, int quantity,
                   EquipmentStatus status = EquipmentStatus::InService)
{
    EquipmentFacts e;
    e.survey = survey;
    e.category = category;
    e.quantity = quantity;
    e.status = status;
    return e;
}

const RegionFigures &regionOf(const CoverageReport &report, const QString &code)
{
    for (const RegionFigures &r : report.regions) {
        if (r.region == code)
            return r;
    }
    qFatal("no region %s in the report", qPrintable(code));
}

/**
 * The shared scenario, region A, period 2024 (B has no data at all):
 * registry: E1..E5 above size in A, E6 below size in A; X1 known only from its record (A).
 *  S1 (E1) submitted:          digital 2, design yes, key 10 / cnc 8, tech 100 -> 120,
 *                              equipment 200 -> 220 of which first-of-kind 40,
 *                              smart_factory 2024, robots 30;
 *                              machine_tool x4 in service from 2010, motor x6 eliminated
 *                              (key energy, advanced)
 *  S2 (E2) submitted, has_issues: digital 0, design no, key 4 / cnc 1, tech 50 -> 50
 *  S3 (E3) draft:              digital 3, design yes, key 10 / cnc 10, tech 100 -> 1000,
 *                              future_factory 2024, robots 500; mining_haul_truck x9
 *  S4 (E4) submitted, rejected: digital 3, design yes, tech 100 -> 1000, robots 500
 *  E5: no survey
 *  S6 (E6, below size) submitted: digital 4, design yes, key 2 / cnc 2, tech 10 -> 30,
 *                              future_factory 2024, robots 5; hoist_wire_rope x1 in service
 *  SX (X1, not in registry) submitted, approved: digital 4, design yes, key 5 / cnc 5,
 *                              tech 40 -> 40, equipment 100 -> 100
 */
IndicatorInput scenario()
{
    IndicatorInput in = emptyInput();
    for (const QString &e : {u"E1"_s, u"E2"_s, u"E3"_s, u"E4"_s, u"E5"_s})
        in.registry.append(registered(e, u"A"_s));
    in.registry.append(registered(u"E6"_s, u"A"_s, false));
    in.enterprises.append(EnterpriseFacts{u"X1"_s, u"A"_s, true});

    SurveyFacts s1 = submitted(u"S1"_s, u"E1"_s);
    s1.digitalLevel = 2;
    s1.designTools = true;
    s1.keyProcesses = 10;
    s1.keyProcessesCnc = 8;
    s1.techInvestBase = 100;
    s1.techInvest = 120;
    s1.equipmentInvestBase = 200;
    s1.equipmentInvest = 220;
    s1.firstOfKindInvest = 40;
    s1.factoryTier = FactoryTier::SmartFactory;
    s1.factoryTierYear = 2024;
    s1.robotsAdded = 30;
    SurveyFacts s2 = submitted(u"S2"_s, u"E2"_s);
    s2.review = ReviewState::HasIssues;
    s2.digitalLevel = 0;
    s2.designTools = false;
    s2.keyProcesses = 4;
    s2.keyProcessesCnc = 1;
    s2.techInvestBase = 50;
    s2.techInvest = 50;
    SurveyFacts s3 = submitted(u"S3"_s, u"E3"_s);
    s3.state = SurveyState::Draft;
    s3.digitalLevel = 3;
    s3.designTools = true;
    s3.keyProcesses = 10;
    s3.keyProcessesCnc = 10;
    s3.techInvestBase = 100;
    s3.techInvest = 1000;
    s3.factoryTier = FactoryTier::FutureFactory;
    s3.factoryTierYear = 2024;
    s3.robotsAdded = 500;
    SurveyFacts s4 = submitted(u"S4"_s, u"E4"_s);
    s4.review = ReviewState::Rejected;
    s4.digitalLevel = 3;
    s4.designTools = true;
    s4.techInvestBase = 100;
    s4.techInvest = 1000;
    s4.robotsAdded = 500;
    SurveyFacts s6 = submitted(u"S6"_s, u"E6"_s);
    s6.digitalLevel = 4;
    s6.designTools = true;
    s6.keyProcesses = 2;
    s6.keyProcessesCnc = 2;
    s6.techInvestBase = 10;
    s6.techInvest = 30;
    s6.factoryTier = FactoryTier::FutureFactory;
    s6.factoryTierYear = 2024;
    s6.robotsAdded = 5;
    SurveyFacts sx = submitted(u"SX"_s, u"X1"_s);
    sx.review = ReviewState::Approved;
    sx.digitalLevel = 4;
    sx.designTools = true;
    sx.keyProcesses = 5;
    sx.keyProcessesCnc = 5;
    sx.techInvestBase = 40;
    sx.techInvest = 40;
    sx.equipmentInvestBase = 100;
    sx.equipmentInvest = 100;
    in.surveys = {s1, s2, s3, s4, s6, sx};

    EquipmentFacts tool = row(u"S1"_s, u"machine_tool"_s, 4);
    tool.commissionedYear = 2010;
    EquipmentFacts motor = row(u"S1"_s, u"motor"_s, 6, EquipmentStatus::Eliminated);
    motor.keyEnergy = true;
    motor.efficiencyLevel = EfficiencyLevel::Advanced;
    in.equipment = {tool, motor, row(u"S3"_s, u"mining_haul_truck"_s, 9),
                    row(u"S6"_s, u"hoist_wire_rope"_s, 1)};
    return in;
}

} // namespace

/** Compares a figure's numerator, denominator and value (a null QVariant is a null value). */
#define COMPARE_FIGURE(figure, num, den, val)                                                      \
    do {                                                                                           \
        const Figure &f_ = (figure);                                                               \
        QCOMPARE(f_.numerator, double(num));                                                       \
        QCOMPARE(f_.denominator, double(den));                                                     \
        if ((val).isNull()) {                                                                      \
            QVERIFY2(!f_.value, "expected a null value");                                          \
        } else {                                                                                   \
            QVERIFY2(f_.value.has_value(), "expected a value");                                    \
            QCOMPARE(*f_.value, (val).toDouble());                                                 \
        }                                                                                          \
    } while (false)

class Tst_indicators : public QObject
{
    Q_OBJECT

private slots:
    void scenarioRegionA_data();
    void scenarioRegionA();
    void scenarioCounts();
    void emptyRegion_data();
    void emptyRegion();
    void countedSurveyRule_data();
    void countedSurveyRule();
    void duplicateCountedSurveys();
    void surveyRegion_data();
    void surveyRegion();
    void agedEquipment_data();
    void agedEquipment();
    void equipmentShares_data();
    void equipmentShares();
    void safetyEquipment();
    void firstOfKind_data();
    void firstOfKind();
    void cncMeanVersusPooled();
    void cityIsPooled();
    void targetsAndMet_data();
    void targetsAndMet();
    void factoryWindow_data();
    void factoryWindow();
    void officialFigures();
    void zeroDenominators_data();
    void zeroDenominators();
    void jsonShape();
    void surveyFromFields();
    void surveyFromFieldsWrongTypes();
    void equipmentFromFields();
    void reviewStateNames_data();
    void reviewStateNames();
};

void Tst_indicators::scenarioRegionA_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("numerator");
    QTest::addColumn<double>("denominator");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("met");
    const QVariant null;
    // Registry rates: above-size registry E1..E5 (5). Counted among them: S1 (E1) and S2 (E2,
    // has_issues); S3 is a draft, S4 rejected, E5 unsurveyed. E6 (below size) and X1 (not in the
    // registry) never enter these rates.
    QTest::newRow("coverage") << u"digital_renovation_coverage"_s << 1.0 << 5.0 << QVariant(0.2)
                              << QVariant(false); // E1 only (E2 has level 0); target >= 0.9
    QTest::newRow("design tools") << u"design_tool_penetration"_s << 1.0 << 5.0 << QVariant(0.2)
                                  << QVariant(false); // E1 only; target > 0.5
    QTest::newRow("completion") << u"survey_completion"_s << 2.0 << 5.0 << QVariant(0.4) << null;
    // CNC over counted above-size registry surveys: S1 8/10 = 0.8, S2 1/4 = 0.25.
    QTest::newRow("cnc mean") << u"key_process_cnc_rate"_s << 1.05 << 2.0 << QVariant(0.525)
                              << null;
    QTest::newRow("cnc pooled") << u"key_process_cnc_rate_pooled"_s << 9.0 << 14.0
                                << QVariant(9.0 / 14.0) << null;
    // Investment over every counted survey: S1 120/100, S2 50/50, S6 30/10, SX 40/40.
    // 240 / 200 - 1 = 0.2, target >= 0.15.
    QTest::newRow("tech invest") << u"tech_invest_growth"_s << 240.0 << 200.0 << QVariant(0.2)
                                 << QVariant(true);
    // S1 220 + 0.5 * 40 = 240 over 200; SX 100 over 100: 340 / 300 - 1 = 0.1333...
    QTest::newRow("equipment invest")
        << u"equipment_invest_growth_vs_2023"_s << 340.0 << 300.0 << QVariant(40.0 / 300.0) << null;
    // Counts over the 4 counted surveys S1, S2, S6, SX.
    QTest::newRow("future factories")
        << u"new_future_factories"_s << 1.0 << 4.0 << QVariant(1.0) << null; // S6 (S3 is a draft)
    QTest::newRow("smart factories")
        << u"new_smart_factories"_s << 1.0 << 4.0 << QVariant(1.0) << null; // S1
    QTest::newRow("robots") << u"robots_added"_s << 35.0 << 4.0 << QVariant(35.0)
                            << null; // 30 + 5 (S3's and S4's 500 not counted)
    QTest::newRow("backward capacity") << u"backward_capacity_enterprises"_s << 1.0 << 4.0
                                       << QVariant(1.0) << null; // S1's eliminated motor
    // Equipment of counted surveys: S1 tool x4 (2010), S1 motor x6 eliminated, S6 hoist x1.
    QTest::newRow("aged") << u"aged_equipment_share"_s << 4.0 << 4.0 << QVariant(1.0) << null;
    QTest::newRow("planned renewal")
        << u"equipment_planned_renewal_share"_s << 0.0 << 11.0 << QVariant(0.0) << null;
    QTest::newRow("renewed") << u"equipment_renewed_share"_s << 0.0 << 11.0 << QVariant(0.0)
                             << null;
    QTest::newRow("eliminated") << u"equipment_eliminated_share"_s << 6.0 << 11.0
                                << QVariant(6.0 / 11.0) << null;
    // The only key energy equipment is eliminated: nothing to rate.
    QTest::newRow("energy advanced") << u"energy_advanced_share"_s << 0.0 << 0.0 << null << null;
    QTest::newRow("energy saving")
        << u"energy_saving_or_better_share"_s << 0.0 << 0.0 << null << null;
    // In operation: tool x4 + hoist x1 = 5; the hoist is safety equipment (S3's truck: draft).
    QTest::newRow("safety") << u"safety_equipment"_s << 1.0 << 5.0 << QVariant(0.2) << null;
    // Official figures not entered: null, 0/0; A has targets for them, but met stays null.
    QTest::newRow("equipment mfg")
        << u"equipment_mfg_value_added_growth"_s << 0.0 << 0.0 << null << null;
    QTest::newRow("consumer goods")
        << u"consumer_goods_revenue_growth"_s << 0.0 << 0.0 << null << null;
    QTest::newRow("digital core") << u"digital_core_value_added_growth"_s << 0.0 << 0.0 << null
                                  << null;
}

void Tst_indicators::scenarioRegionA()
{
    QFETCH(QString, indicator);
    QFETCH(double, numerator);
    QFETCH(double, denominator);
    QFETCH(QVariant, value);
    QFETCH(QVariant, met);
    const CoverageReport report = computeCoverage(scenario());
    const RegionFigures &a = regionOf(report, u"A"_s);
    QVERIFY(a.indicators.contains(indicator));
    COMPARE_FIGURE(a.indicators.value(indicator), numerator, denominator, value);
    if (met.isNull())
        QVERIFY(!a.indicators.value(indicator).met);
    else
        QCOMPARE(a.indicators.value(indicator).met, std::optional<bool>(met.toBool()));
    // B has no data and A is the only region with any, so the pooled city equals A here.
    COMPARE_FIGURE(report.city.indicators.value(indicator), numerator, denominator, value);
}

void Tst_indicators::scenarioCounts()
{
    const CoverageReport report = computeCoverage(scenario());
    QCOMPARE(report.period, 2024);
    QCOMPARE(report.regions.size(), 2);
    const RegionFigures &a = report.regions.at(0);
    QCOMPARE(a.region, u"A"_s);
    QCOMPARE(a.name.zh, u"甲县"_s);
    QCOMPARE(a.registry, 5);       // E1..E5; E6 is below size
    QCOMPARE(a.surveyed, 2);       // E1, E2
    QCOMPARE(a.countedSurveys, 4); // S1, S2, S6, SX
    QCOMPARE(a.flaggedEnterprises, QStringList{u"E6"_s});
    QCOMPARE(a.indicators.size(), indicatorNames().size());
    QCOMPARE(report.city.region, u"CITY"_s);
    QCOMPARE(report.city.registry, 5);
    QCOMPARE(report.city.surveyed, 2);
    QCOMPARE(report.unassignedSurveys, 0);
    // City targets: coverage 0.2 < 0.9, robots 35 < 400.
    QCOMPARE(report.city.indicators.value(u"digital_renovation_coverage"_s).met,
             std::optional<bool>(false));
    QCOMPARE(report.city.indicators.value(u"robots_added"_s).target->value, 400.0);
    QCOMPARE(report.city.indicators.value(u"robots_added"_s).met, std::optional<bool>(false));
}

void Tst_indicators::emptyRegion_data()
{
    QTest::addColumn<QString>("indicator");
    for (const QString &name : indicatorNames())
        QTest::newRow(qPrintable(name)) << name;
}

void Tst_indicators::emptyRegion()
{
    QFETCH(QString, indicator);
    const CoverageReport report = computeCoverage(scenario());
    const RegionFigures &b = regionOf(report, u"B"_s);
    QCOMPARE(b.registry, 0);
    QCOMPARE(b.surveyed, 0);
    QCOMPARE(b.countedSurveys, 0);
    QVERIFY(b.flaggedEnterprises.isEmpty());
    COMPARE_FIGURE(b.indicators.value(indicator), 0, 0, QVariant());
    QVERIFY(!b.indicators.value(indicator).met);
    // B's one target is still reported beside the null value.
    QCOMPARE(b.indicators.value(indicator).target.has_value(),
             indicator == "digital_renovation_coverage"_L1);
}

void Tst_indicators::countedSurveyRule_data()
{
    QTest::addColumn<SurveyState>("state");
    QTest::addColumn<ReviewState>("review");
    QTest::addColumn<int>("period");
    QTest::addColumn<bool>("counted");
    QTest::newRow("draft") << SurveyState::Draft << ReviewState::None << 2024 << false;
    QTest::newRow("draft, approved")
        << SurveyState::Draft << ReviewState::Approved << 2024 << false;
    QTest::newRow("submitted") << SurveyState::Submitted << ReviewState::None << 2024 << true;
    QTest::newRow("approved") << SurveyState::Submitted << ReviewState::Approved << 2024 << true;
    QTest::newRow("has issues") << SurveyState::Submitted << ReviewState::HasIssues << 2024 << true;
    QTest::newRow("rejected") << SurveyState::Submitted << ReviewState::Rejected << 2024 << false;
    QTest::newRow("other period") << SurveyState::Submitted << ReviewState::Approved << 2023
                                  << false;
}

void Tst_indicators::countedSurveyRule()
{
    QFETCH(SurveyState, state);
    QFETCH(ReviewState, review);
    QFETCH(int, period);
    QFETCH(bool, counted);
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E1"_s, u"A"_s), registered(u"E2"_s, u"A"_s)};
    SurveyFacts s = submitted(u"S1"_s, u"E1"_s, period);
    s.state = state;
    s.review = review;
    s.digitalLevel = 1;
    s.robotsAdded = 7;
    in.surveys = {s};
    const RegionFigures a = computeCoverage(in).regions.at(0);
    // Two above-size enterprises; E2 is never surveyed.
    QCOMPARE(a.registry, 2);
    QCOMPARE(a.surveyed, counted ? 1 : 0);
    QCOMPARE(a.countedSurveys, counted ? 1 : 0);
    COMPARE_FIGURE(a.indicators.value(u"digital_renovation_coverage"_s), counted ? 1 : 0, 2,
                   QVariant(counted ? 0.5 : 0.0));
    COMPARE_FIGURE(a.indicators.value(u"robots_added"_s), counted ? 7 : 0, counted ? 1 : 0,
                   counted ? QVariant(7.0) : QVariant());
}

void Tst_indicators::duplicateCountedSurveys()
{
    // Two counted surveys of E1 for 2024: "s-b" (level 1) wins over "s-a" (level 0) whatever the
    // input order; "s-z" sorts last but is a draft, so it is not a candidate.
    SurveyFacts a = submitted(u"s-a"_s, u"E1"_s);
    a.digitalLevel = 0;
    a.robotsAdded = 100;
    SurveyFacts b = submitted(u"s-b"_s, u"E1"_s);
    b.digitalLevel = 1;
    b.robotsAdded = 3;
    SurveyFacts z = submitted(u"s-z"_s, u"E1"_s);
    z.state = SurveyState::Draft;
    z.digitalLevel = 0;
    for (const QList<SurveyFacts> &order :
         {QList<SurveyFacts>{a, b, z}, QList<SurveyFacts>{z, b, a}}) {
        IndicatorInput in = emptyInput();
        in.registry = {registered(u"E1"_s, u"A"_s)};
        in.surveys = order;
        const RegionFigures r = computeCoverage(in).regions.at(0);
        QCOMPARE(r.surveyed, 1);
        QCOMPARE(r.countedSurveys, 1);
        COMPARE_FIGURE(r.indicators.value(u"digital_renovation_coverage"_s), 1, 1, QVariant(1.0));
        COMPARE_FIGURE(r.indicators.value(u"robots_added"_s), 3, 1, QVariant(3.0));
    }
}

void Tst_indicators::surveyRegion_data()
{
    QTest::addColumn<QString>("registryRegion"); // empty: not in the registry
    QTest::addColumn<QString>("recordRegion");   // empty: no enterprise record
    QTest::addColumn<int>("countedA");
    QTest::addColumn<int>("countedB");
    QTest::addColumn<int>("unassigned");
    QTest::newRow("registry wins over record") << u"A"_s << u"B"_s << 1 << 0 << 0;
    QTest::newRow("record only") << QString() << u"B"_s << 0 << 1 << 0;
    QTest::newRow("unknown enterprise") << QString() << QString() << 0 << 0 << 1;
    QTest::newRow("registry region unknown") << u"Z"_s << u"A"_s << 0 << 0 << 1;
    QTest::newRow("record region unknown") << QString() << u"Z"_s << 0 << 0 << 1;
}

void Tst_indicators::surveyRegion()
{
    QFETCH(QString, registryRegion);
    QFETCH(QString, recordRegion);
    QFETCH(int, countedA);
    QFETCH(int, countedB);
    QFETCH(int, unassigned);
    IndicatorInput in = emptyInput();
    if (!registryRegion.isEmpty())
        in.registry = {registered(u"E1"_s, registryRegion, false)};
    if (!recordRegion.isEmpty())
        in.enterprises = {EnterpriseFacts{u"E1"_s, recordRegion, false}};
    SurveyFacts s = submitted(u"S1"_s, u"E1"_s);
    s.robotsAdded = 2;
    in.surveys = {s};
    const CoverageReport report = computeCoverage(in);
    QCOMPARE(report.regions.at(0).countedSurveys, countedA);
    QCOMPARE(report.regions.at(1).countedSurveys, countedB);
    QCOMPARE(report.city.countedSurveys, countedA + countedB);
    QCOMPARE(report.unassignedSurveys, unassigned);
    QCOMPARE(report.unassignedRegistry, registryRegion == "Z"_L1 ? 1 : 0);
    // An unassigned survey does not reach the city either.
    COMPARE_FIGURE(report.city.indicators.value(u"robots_added"_s), unassigned ? 0 : 2,
                   unassigned ? 0 : 1, unassigned ? QVariant() : QVariant(2.0));
}

void Tst_indicators::agedEquipment_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QVariant>("commissioned");
    QTest::addColumn<int>("period");
    QTest::addColumn<EquipmentStatus>("status");
    QTest::addColumn<double>("aged");
    QTest::addColumn<double>("of");
    const auto in = EquipmentStatus::InService;
    // Each row is one equipment row of quantity 3.
    QTest::newRow("tool, exactly 10 years")
        << u"machine_tool"_s << QVariant(2014) << 2024 << in << 0.0 << 3.0;
    QTest::newRow("tool, 11 years")
        << u"machine_tool"_s << QVariant(2013) << 2024 << in << 3.0 << 3.0;
    QTest::newRow("tool, 11 years in 2025")
        << u"machine_tool"_s << QVariant(2014) << 2025 << in << 3.0 << 3.0;
    QTest::newRow("inspection, 10 years")
        << u"inspection_equipment"_s << QVariant(2014) << 2024 << in << 0.0 << 3.0;
    QTest::newRow("inspection, 11 years")
        << u"inspection_equipment"_s << QVariant(2013) << 2024 << in << 3.0 << 3.0;
    QTest::newRow("hydro, 11 years")
        << u"hydro_generator"_s << QVariant(2013) << 2024 << in << 0.0 << 3.0;
    QTest::newRow("hydro, exactly 15 years")
        << u"hydro_generator"_s << QVariant(2009) << 2024 << in << 0.0 << 3.0;
    QTest::newRow("hydro, 16 years")
        << u"hydro_generator"_s << QVariant(2008) << 2024 << in << 3.0 << 3.0;
    QTest::newRow("planned renewal runs") << u"machine_tool"_s << QVariant(2000) << 2024
                                          << EquipmentStatus::PlannedRenewal << 3.0 << 3.0;
    QTest::newRow("renewed: not running")
        << u"machine_tool"_s << QVariant(2000) << 2024 << EquipmentStatus::Renewed << 0.0 << 0.0;
    QTest::newRow("eliminated: not running")
        << u"machine_tool"_s << QVariant(2000) << 2024 << EquipmentStatus::Eliminated << 0.0 << 0.0;
    QTest::newRow("year unknown") << u"machine_tool"_s << QVariant() << 2024 << in << 0.0 << 0.0;
    QTest::newRow("motor: not a category")
        << u"motor"_s << QVariant(1990) << 2024 << in << 0.0 << 0.0;
}

void Tst_indicators::agedEquipment()
{
    QFETCH(QString, category);
    QFETCH(QVariant, commissioned);
    QFETCH(int, period);
    QFETCH(EquipmentStatus, status);
    QFETCH(double, aged);
    QFETCH(double, of);
    IndicatorInput in = emptyInput(period);
    in.registry = {registered(u"E1"_s, u"A"_s)};
    in.surveys = {submitted(u"S1"_s, u"E1"_s, period)};
    EquipmentFacts e = row(u"S1"_s, category, 3, status);
    if (!commissioned.isNull())
        e.commissionedYear = commissioned.toInt();
    in.equipment = {e};
    const Figure f = computeCoverage(in).regions.at(0).indicators.value(u"aged_equipment_share"_s);
    COMPARE_FIGURE(f, aged, of, of > 0 ? QVariant(aged / of) : QVariant());
}

void Tst_indicators::equipmentShares_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("numerator");
    QTest::addColumn<double>("denominator");
    // One counted survey with six rows (quantity, status, key energy, efficiency):
    //  machine_tool 4 in service, from 2010 (aged); motor 10 planned, key, advanced;
    //  pump 5 renewed, key, energy_saving; fan 2 eliminated, key, advanced;
    //  compressor 3 in service, key, unknown; boiler 1 in service, key, below_access.
    // All: 4 + 10 + 5 + 2 + 3 + 1 = 25.
    QTest::newRow("planned") << u"equipment_planned_renewal_share"_s << 10.0 << 25.0;
    QTest::newRow("renewed") << u"equipment_renewed_share"_s << 5.0 << 25.0;
    QTest::newRow("eliminated") << u"equipment_eliminated_share"_s << 2.0 << 25.0;
    // Key energy, not eliminated: motor 10 + pump 5 + compressor 3 + boiler 1 = 19.
    QTest::newRow("advanced") << u"energy_advanced_share"_s << 10.0 << 19.0;
    QTest::newRow("saving or better") << u"energy_saving_or_better_share"_s << 15.0 << 19.0;
    QTest::newRow("aged") << u"aged_equipment_share"_s << 4.0 << 4.0;
    // Running: tool 4 + motor 10 + compressor 3 + boiler 1 = 18; none is safety equipment.
    QTest::newRow("safety") << u"safety_equipment"_s << 0.0 << 18.0;
}

void Tst_indicators::equipmentShares()
{
    QFETCH(QString, indicator);
    QFETCH(double, numerator);
    QFETCH(double, denominator);
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E1"_s, u"A"_s)};
    in.surveys = {submitted(u"S1"_s, u"E1"_s)};
    auto keyRow = [](const QString &category, int quantity, EquipmentStatus status,
                     EfficiencyLevel level) {
        EquipmentFacts e = row(u"S1"_s, category, quantity, status);
        e.keyEnergy = true;
        e.efficiencyLevel = level;
        return e;
    };
    EquipmentFacts tool = row(u"S1"_s, u"machine_tool"_s, 4);
    tool.commissionedYear = 2010;
    in.equipment = {
        tool,
        keyRow(u"motor"_s, 10, EquipmentStatus::PlannedRenewal, EfficiencyLevel::Advanced),
        keyRow(u"pump"_s, 5, EquipmentStatus::Renewed, EfficiencyLevel::EnergySaving),
        keyRow(u"fan"_s, 2, EquipmentStatus::Eliminated, EfficiencyLevel::Advanced),
        keyRow(u"compressor"_s, 3, EquipmentStatus::InService, EfficiencyLevel::Unknown),
        keyRow(u"boiler"_s, 1, EquipmentStatus::InService, EfficiencyLevel::BelowAccess),
        // A row of another survey (not in the input as counted) never counts.
        row(u"S-other"_s, u"motor"_s, 100),
    };
    const RegionFigures a = computeCoverage(in).regions.at(0);
    COMPARE_FIGURE(a.indicators.value(indicator), numerator, denominator,
                   QVariant(numerator / denominator));
    COMPARE_FIGURE(a.indicators.value(u"backward_capacity_enterprises"_s), 1, 1, QVariant(1.0));
}

void Tst_indicators::safetyEquipment()
{
    // E1: haul truck x2 running, fixed furnace x1 eliminated, machine tool x7 running.
    // E2: wire-rope hoist x1 planned for renewal (still running).
    // E3: fixed furnace x3 renewed (gone), pump x4 running.
    // Running: 2 + 7 + 1 + 4 = 14; safety among them: 2 + 1 = 3. Flagged: E1, E2.
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E3"_s, u"A"_s), registered(u"E1"_s, u"A"_s),
                   registered(u"E2"_s, u"A"_s)};
    in.surveys = {submitted(u"S3"_s, u"E3"_s), submitted(u"S1"_s, u"E1"_s),
                  submitted(u"S2"_s, u"E2"_s)};
    in.equipment = {
        row(u"S1"_s, u"mining_haul_truck"_s, 2),
        row(u"S1"_s, u"melting_furnace_fixed"_s, 1, EquipmentStatus::Eliminated),
        row(u"S1"_s, u"machine_tool"_s, 7),
        row(u"S2"_s, u"hoist_wire_rope"_s, 1, EquipmentStatus::PlannedRenewal),
        row(u"S3"_s, u"melting_furnace_fixed"_s, 3, EquipmentStatus::Renewed),
        row(u"S3"_s, u"pump"_s, 4),
    };
    const CoverageReport report = computeCoverage(in);
    const RegionFigures &a = report.regions.at(0);
    COMPARE_FIGURE(a.indicators.value(u"safety_equipment"_s), 3, 14, QVariant(3.0 / 14.0));
    QCOMPARE(a.flaggedEnterprises, (QStringList{u"E1"_s, u"E2"_s}));
    QCOMPARE(report.city.flaggedEnterprises, (QStringList{u"E1"_s, u"E2"_s}));
}

void Tst_indicators::firstOfKind_data()
{
    QTest::addColumn<QVariant>("invest");
    QTest::addColumn<QVariant>("base");
    QTest::addColumn<QVariant>("firstOfKind");
    QTest::addColumn<double>("numerator");
    QTest::addColumn<double>("denominator");
    QTest::addColumn<QVariant>("value");
    const QVariant null;
    QTest::newRow("none") << QVariant(100.0) << QVariant(100.0) << null << 100.0 << 100.0
                          << QVariant(0.0);
    // 60 ordinary + 40 first-of-kind at 150 %: 60 + 60 = 120 = 100 + 0.5 * 40.
    QTest::newRow("40 first-of-kind")
        << QVariant(100.0) << QVariant(100.0) << QVariant(40.0) << 120.0 << 100.0 << QVariant(0.2);
    QTest::newRow("all first-of-kind")
        << QVariant(100.0) << QVariant(100.0) << QVariant(100.0) << 150.0 << 100.0 << QVariant(0.5);
    QTest::newRow("30 % growth") << QVariant(130.0) << QVariant(100.0) << QVariant(0.0) << 130.0
                                 << 100.0 << QVariant(0.3);
    QTest::newRow("zero base") << QVariant(50.0) << QVariant(0.0) << null << 50.0 << 0.0 << null;
    QTest::newRow("base missing") << QVariant(50.0) << null << QVariant(10.0) << 0.0 << 0.0 << null;
    QTest::newRow("investment missing") << null << QVariant(50.0) << null << 0.0 << 0.0 << null;
}

void Tst_indicators::firstOfKind()
{
    QFETCH(QVariant, invest);
    QFETCH(QVariant, base);
    QFETCH(QVariant, firstOfKind);
    QFETCH(double, numerator);
    QFETCH(double, denominator);
    QFETCH(QVariant, value);
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E1"_s, u"A"_s)};
    SurveyFacts s = submitted(u"S1"_s, u"E1"_s);
    if (!invest.isNull())
        s.equipmentInvest = invest.toDouble();
    if (!base.isNull())
        s.equipmentInvestBase = base.toDouble();
    if (!firstOfKind.isNull())
        s.firstOfKindInvest = firstOfKind.toDouble();
    in.surveys = {s};
    const Figure f =
        computeCoverage(in).regions.at(0).indicators.value(u"equipment_invest_growth_vs_2023"_s);
    COMPARE_FIGURE(f, numerator, denominator, value);
}

void Tst_indicators::cncMeanVersusPooled()
{
    // E1 9/10 = 0.9, E2 0/1 = 0.0; E3 has no key processes, E4 no CNC count, E5 more CNC
    // processes than key processes: all three left out.
    // Mean (0.9 + 0.0) / 2 = 0.45; pooled (9 + 0) / (10 + 1) = 0.8181...
    IndicatorInput in = emptyInput();
    const int key[] = {10, 1, 0, 5, 2};
    const int cnc[] = {9, 0, 0, -1, 3};
    for (int i = 0; i < 5; ++i) {
        const QString e = u"E%1"_s.arg(i + 1);
        in.registry.append(registered(e, u"A"_s));
        SurveyFacts s = submitted(u"S%1"_s.arg(i + 1), e);
        s.keyProcesses = key[i];
        if (cnc[i] >= 0)
            s.keyProcessesCnc = cnc[i];
        in.surveys.append(s);
    }
    const RegionFigures a = computeCoverage(in).regions.at(0);
    COMPARE_FIGURE(a.indicators.value(u"key_process_cnc_rate"_s), 0.9, 2, QVariant(0.45));
    COMPARE_FIGURE(a.indicators.value(u"key_process_cnc_rate_pooled"_s), 9, 11,
                   QVariant(9.0 / 11.0));
}

void Tst_indicators::cityIsPooled()
{
    // A: E1 registered and covered, tech 100 -> 200 (growth 1.0), coverage 1/1 = 1.0.
    // B: F1 covered, tech 1000 -> 1100 (growth 0.1); F2..F4 unsurveyed: coverage 1/4 = 0.25.
    // City pooled: coverage 2/5 = 0.4 (the mean of counties would be 0.625);
    // tech 1300 / 1100 - 1 = 0.1818... (the mean would be 0.55).
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E1"_s, u"A"_s), registered(u"F1"_s, u"B"_s),
                   registered(u"F2"_s, u"B"_s), registered(u"F3"_s, u"B"_s),
                   registered(u"F4"_s, u"B"_s)};
    SurveyFacts e1 = submitted(u"S1"_s, u"E1"_s);
    e1.digitalLevel = 1;
    e1.techInvestBase = 100;
    e1.techInvest = 200;
    SurveyFacts f1 = submitted(u"S2"_s, u"F1"_s);
    f1.digitalLevel = 3;
    f1.techInvestBase = 1000;
    f1.techInvest = 1100;
    in.surveys = {e1, f1};
    const CoverageReport report = computeCoverage(in);
    const QString coverage = u"digital_renovation_coverage"_s;
    COMPARE_FIGURE(report.regions.at(0).indicators.value(coverage), 1, 1, QVariant(1.0));
    COMPARE_FIGURE(report.regions.at(1).indicators.value(coverage), 1, 4, QVariant(0.25));
    COMPARE_FIGURE(report.city.indicators.value(coverage), 2, 5, QVariant(0.4));
    COMPARE_FIGURE(report.city.indicators.value(u"tech_invest_growth"_s), 1300, 1100,
                   QVariant(200.0 / 1100.0));
    QCOMPARE(report.city.registry, 5);
    QCOMPARE(report.city.surveyed, 2);
    // City target >= 0.9: not met; A's (>= 0.9) met; B's (>= 0.95) not.
    QCOMPARE(report.city.indicators.value(coverage).met, std::optional<bool>(false));
    QCOMPARE(report.regions.at(0).indicators.value(coverage).met, std::optional<bool>(true));
    QCOMPARE(report.regions.at(1).indicators.value(coverage).met, std::optional<bool>(false));
}

void Tst_indicators::targetsAndMet_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("registry");
    QTest::addColumn<int>("yes"); // surveyed enterprises answering yes (level 1, design tools)
    QTest::addColumn<int>("period");
    QTest::addColumn<QVariant>("target");
    QTest::addColumn<QVariant>("met");
    const QString coverage = u"digital_renovation_coverage"_s;
    const QString design = u"design_tool_penetration"_s;
    const QVariant null;
    // A: coverage >= 0.9, design tools > 0.5 (2024 only).
    QTest::newRow("9 of 10 reaches 0.9")
        << coverage << 10 << 9 << 2024 << QVariant(0.9) << QVariant(true);
    QTest::newRow("8 of 10 misses 0.9")
        << coverage << 10 << 8 << 2024 << QVariant(0.9) << QVariant(false);
    QTest::newRow("no registry: null") << coverage << 0 << 0 << 2024 << QVariant(0.9) << null;
    QTest::newRow("no target in 2025") << coverage << 10 << 10 << 2025 << null << null;
    QTest::newRow("1 of 2 does not exceed 0.5")
        << design << 2 << 1 << 2024 << QVariant(0.5) << QVariant(false);
    QTest::newRow("2 of 3 exceeds 0.5")
        << design << 3 << 2 << 2024 << QVariant(0.5) << QVariant(true);
}

void Tst_indicators::targetsAndMet()
{
    QFETCH(QString, indicator);
    QFETCH(int, registry);
    QFETCH(int, yes);
    QFETCH(int, period);
    QFETCH(QVariant, target);
    QFETCH(QVariant, met);
    IndicatorInput in = emptyInput(period);
    for (int i = 0; i < registry; ++i) {
        const QString e = u"E%1"_s.arg(i, 2, 10, QChar(u'0'));
        in.registry.append(registered(e, u"A"_s));
        if (i < yes) {
            SurveyFacts s = submitted(u"S"_s + e, e, period);
            s.digitalLevel = 1;
            s.designTools = true;
            in.surveys.append(s);
        }
    }
    const Figure f = computeCoverage(in).regions.at(0).indicators.value(indicator);
    COMPARE_FIGURE(f, yes, registry,
                   registry ? QVariant(double(yes) / double(registry)) : QVariant());
    if (target.isNull()) {
        QVERIFY(!f.target);
    } else {
        QVERIFY(f.target);
        QCOMPARE(f.target->value, target.toDouble());
    }
    if (met.isNull())
        QVERIFY(!f.met);
    else
        QCOMPARE(f.met, std::optional<bool>(met.toBool()));
}

void Tst_indicators::factoryWindow_data()
{
    QTest::addColumn<FactoryTier>("tier");
    QTest::addColumn<QVariant>("year");
    QTest::addColumn<int>("period");
    QTest::addColumn<int>("future");
    QTest::addColumn<int>("smart");
    QTest::newRow("future 2024 in 2024")
        << FactoryTier::FutureFactory << QVariant(2024) << 2024 << 1 << 0;
    QTest::newRow("future before the programme")
        << FactoryTier::FutureFactory << QVariant(2023) << 2024 << 0 << 0;
    QTest::newRow("future after the period")
        << FactoryTier::FutureFactory << QVariant(2025) << 2024 << 0 << 0;
    QTest::newRow("future 2025, cumulative in 2027")
        << FactoryTier::FutureFactory << QVariant(2025) << 2027 << 1 << 0;
    QTest::newRow("smart 2026 in 2027")
        << FactoryTier::SmartFactory << QVariant(2026) << 2027 << 0 << 1;
    QTest::newRow("digital workshop")
        << FactoryTier::DigitalWorkshop << QVariant(2024) << 2024 << 0 << 1;
    QTest::newRow("none") << FactoryTier::None << QVariant(2024) << 2024 << 0 << 0;
    QTest::newRow("year unknown") << FactoryTier::FutureFactory << QVariant() << 2024 << 0 << 0;
}

void Tst_indicators::factoryWindow()
{
    QFETCH(FactoryTier, tier);
    QFETCH(QVariant, year);
    QFETCH(int, period);
    QFETCH(int, future);
    QFETCH(int, smart);
    IndicatorInput in = emptyInput(period);
    in.registry = {registered(u"E1"_s, u"A"_s), registered(u"E2"_s, u"A"_s)};
    SurveyFacts s = submitted(u"S1"_s, u"E1"_s, period);
    s.factoryTier = tier;
    if (!year.isNull())
        s.factoryTierYear = year.toInt();
    // A second counted survey with no factory: the counts are over 2 surveys.
    in.surveys = {s, submitted(u"S2"_s, u"E2"_s, period)};
    const RegionFigures a = computeCoverage(in).regions.at(0);
    COMPARE_FIGURE(a.indicators.value(u"new_future_factories"_s), future, 2,
                   QVariant(double(future)));
    COMPARE_FIGURE(a.indicators.value(u"new_smart_factories"_s), smart, 2, QVariant(double(smart)));
}

void Tst_indicators::officialFigures()
{
    IndicatorInput in = emptyInput();
    in.official[u"A"_s][u"equipment_mfg_value_added_growth"_s] = OfficialFigure{0.11, 111, 100};
    in.official[u"A"_s][u"consumer_goods_revenue_growth"_s] =
        OfficialFigure{0.09, std::nullopt, std::nullopt};
    in.official[u"CITY"_s][u"equipment_mfg_value_added_growth"_s] =
        OfficialFigure{0.095, std::nullopt, std::nullopt};
    const CoverageReport report = computeCoverage(in);
    const RegionFigures &a = report.regions.at(0);
    const Figure mfg = a.indicators.value(u"equipment_mfg_value_added_growth"_s);
    COMPARE_FIGURE(mfg, 111, 100, QVariant(0.11));
    QCOMPARE(mfg.met, std::optional<bool>(true)); // 0.11 >= 0.1
    const Figure consumer = a.indicators.value(u"consumer_goods_revenue_growth"_s);
    COMPARE_FIGURE(consumer, 0, 0, QVariant(0.09));
    QCOMPARE(consumer.met, std::optional<bool>(false)); // 0.09 < 0.1
    const Figure core = a.indicators.value(u"digital_core_value_added_growth"_s);
    COMPARE_FIGURE(core, 0, 0, QVariant());
    QCOMPARE(core.target->value, 0.12);
    QVERIFY(!core.met);
    // The city's official figure is its own, not pooled from A's.
    const Figure city = report.city.indicators.value(u"equipment_mfg_value_added_growth"_s);
    COMPARE_FIGURE(city, 0, 0, QVariant(0.095));
    QCOMPARE(city.met, std::optional<bool>(false));
    COMPARE_FIGURE(report.regions.at(1).indicators.value(u"equipment_mfg_value_added_growth"_s), 0,
                   0, QVariant());
}

void Tst_indicators::zeroDenominators_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("numerator");
    QTest::addColumn<double>("denominator");
    QTest::addColumn<QVariant>("value");
    const QVariant null;
    // One counted survey of one registry enterprise: key_processes 0, tech 0 -> 50, no
    // equipment investment, no equipment rows, no digital level.
    QTest::newRow("cnc mean") << u"key_process_cnc_rate"_s << 0.0 << 0.0 << null;
    QTest::newRow("cnc pooled") << u"key_process_cnc_rate_pooled"_s << 0.0 << 0.0 << null;
    QTest::newRow("tech from zero") << u"tech_invest_growth"_s << 50.0 << 0.0 << null;
    QTest::newRow("equipment invest") << u"equipment_invest_growth_vs_2023"_s << 0.0 << 0.0 << null;
    QTest::newRow("aged") << u"aged_equipment_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("planned") << u"equipment_planned_renewal_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("renewed") << u"equipment_renewed_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("eliminated") << u"equipment_eliminated_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("energy advanced") << u"energy_advanced_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("energy saving") << u"energy_saving_or_better_share"_s << 0.0 << 0.0 << null;
    QTest::newRow("safety") << u"safety_equipment"_s << 0.0 << 0.0 << null;
    // Not null: there is a denominator, and the answer is zero.
    QTest::newRow("coverage, level missing")
        << u"digital_renovation_coverage"_s << 0.0 << 1.0 << QVariant(0.0);
    QTest::newRow("robots, none reported") << u"robots_added"_s << 0.0 << 1.0 << QVariant(0.0);
}

void Tst_indicators::zeroDenominators()
{
    QFETCH(QString, indicator);
    QFETCH(double, numerator);
    QFETCH(double, denominator);
    QFETCH(QVariant, value);
    IndicatorInput in = emptyInput();
    in.registry = {registered(u"E1"_s, u"A"_s)};
    SurveyFacts s = submitted(u"S1"_s, u"E1"_s);
    s.keyProcesses = 0;
    s.keyProcessesCnc = 0;
    s.techInvestBase = 0;
    s.techInvest = 50;
    in.surveys = {s};
    const CoverageReport report = computeCoverage(in);
    COMPARE_FIGURE(report.regions.at(0).indicators.value(indicator), numerator, denominator, value);
    const QJsonObject json =
        report.toJson()[u"regions"_s][0][u"indicators"_s][indicator].toObject();
    QCOMPARE(json.value(u"value"_s).isNull(), value.isNull());
    if (value.isNull()) // a null value is never met or missed, whatever the target
        QCOMPARE(json.value(u"met"_s).type(), QJsonValue::Null);
}

void Tst_indicators::jsonShape()
{
    const QJsonObject json = computeCoverage(scenario()).toJson();
    QCOMPARE(json.keys(), (QStringList{u"city"_s, u"period"_s, u"regions"_s,
                                       u"unassigned_registry"_s, u"unassigned_surveys"_s}));
    QCOMPARE(json.value(u"period"_s).toInt(), 2024);
    QCOMPARE(json.value(u"unassigned_surveys"_s).toInt(), 0);
    const QJsonArray regions = json.value(u"regions"_s).toArray();
    QCOMPARE(regions.size(), 2);
    const QJsonObject a = regions.at(0).toObject();
    QCOMPARE(a.keys(),
             (QStringList{u"counted_surveys"_s, u"flagged_enterprises"_s, u"indicators"_s,
                          u"name"_s, u"name_en"_s, u"region"_s, u"registry"_s, u"surveyed"_s}));
    QCOMPARE(a.value(u"region"_s).toString(), u"A"_s);
    QCOMPARE(a.value(u"name"_s).toString(), u"甲县"_s);
    QCOMPARE(a.value(u"name_en"_s).toString(), u"County A"_s);
    QCOMPARE(a.value(u"registry"_s).toInt(), 5);
    QCOMPARE(a.value(u"surveyed"_s).toInt(), 2);
    QCOMPARE(a.value(u"flagged_enterprises"_s).toArray(), QJsonArray{u"E6"_s});
    const QJsonObject indicators = a.value(u"indicators"_s).toObject();
    QCOMPARE(indicators.size(), 21);
    for (const QString &name : indicatorNames())
        QVERIFY2(indicators.contains(name), qPrintable(name));

    const QJsonObject coverage = indicators.value(u"digital_renovation_coverage"_s).toObject();
    QCOMPARE(coverage.keys(), (QStringList{u"denominator"_s, u"met"_s, u"numerator"_s, u"target"_s,
                                           u"target_op"_s, u"value"_s}));
    QCOMPARE(coverage.value(u"value"_s).toDouble(), 0.2);
    QCOMPARE(coverage.value(u"numerator"_s).toDouble(), 1.0);
    QCOMPARE(coverage.value(u"denominator"_s).toDouble(), 5.0);
    QCOMPARE(coverage.value(u"target"_s).toDouble(), 0.9);
    QCOMPARE(coverage.value(u"target_op"_s).toString(), u">="_s);
    QCOMPARE(coverage.value(u"met"_s), QJsonValue(false));
    const QJsonObject design = indicators.value(u"design_tool_penetration"_s).toObject();
    QCOMPARE(design.value(u"target_op"_s).toString(), u">"_s);

    // No target, no value: all three null.
    const QJsonObject energy = indicators.value(u"energy_advanced_share"_s).toObject();
    QCOMPARE(energy.value(u"value"_s).type(), QJsonValue::Null);
    QCOMPARE(energy.value(u"target"_s).type(), QJsonValue::Null);
    QCOMPARE(energy.value(u"target_op"_s).type(), QJsonValue::Null);
    QCOMPARE(energy.value(u"met"_s).type(), QJsonValue::Null);
    QCOMPARE(energy.value(u"denominator"_s).toDouble(-1), 0.0);

    const QJsonObject b = regions.at(1).toObject();
    const QJsonObject bCoverage =
        b.value(u"indicators"_s)[u"digital_renovation_coverage"_s].toObject();
    QCOMPARE(bCoverage.value(u"value"_s).type(), QJsonValue::Null);
    QCOMPARE(bCoverage.value(u"target"_s).toDouble(), 0.95);
    QCOMPARE(bCoverage.value(u"met"_s).type(), QJsonValue::Null);

    const QJsonObject city = json.value(u"city"_s).toObject();
    QCOMPARE(city.value(u"region"_s).toString(), u"CITY"_s);
    QCOMPARE(city.value(u"name"_s).toString(), u"全市"_s);
    // The document survives a round trip through text (no NaN or infinity anywhere).
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    QVERIFY(!text.contains("nan") && !text.contains("inf"));
    QCOMPARE(QJsonDocument::fromJson(text).object(), json);
}

void Tst_indicators::surveyFromFields()
{
    const QJsonObject fields{
        {u"enterprise"_s, u"91331100MA2A0000XX"_s},
        {u"period"_s, 2024},
        {u"state"_s, u"submitted"_s},
        {u"digital_level"_s, 2},
        {u"design_tools"_s, true},
        {u"key_processes"_s, 12},
        {u"key_processes_cnc"_s, 9},
        {u"factory_tier"_s, u"smart_factory"_s},
        {u"factory_tier_year"_s, 2024},
        {u"robots_added"_s, 6},
        {u"tech_invest_base_10k"_s, 150.5},
        {u"tech_invest_10k"_s, 170},
        {u"equipment_invest_base_10k"_s, 80},
        {u"equipment_invest_10k"_s, 95.25},
        {u"first_of_kind_invest_10k"_s, 20},
        {u"notes"_s, u"kept elsewhere"_s},
    };
    const SurveyFacts s = SurveyFacts::fromFields(u"id-1"_s, fields, ReviewState::HasIssues);
    QCOMPARE(s.id, u"id-1"_s);
    QCOMPARE(s.enterprise, u"91331100MA2A0000XX"_s);
    QCOMPARE(s.period, 2024);
    QCOMPARE(s.state, SurveyState::Submitted);
    QCOMPARE(s.review, ReviewState::HasIssues);
    QVERIFY(s.isCounted());
    QCOMPARE(s.digitalLevel, std::optional<int>(2));
    QCOMPARE(s.designTools, std::optional<bool>(true));
    QCOMPARE(s.keyProcesses, std::optional<int>(12));
    QCOMPARE(s.keyProcessesCnc, std::optional<int>(9));
    QVERIFY(s.factoryTier == FactoryTier::SmartFactory);
    QCOMPARE(s.factoryTierYear, std::optional<int>(2024));
    QCOMPARE(s.robotsAdded, std::optional<int>(6));
    QCOMPARE(s.techInvestBase, std::optional<double>(150.5));
    QCOMPARE(s.techInvest, std::optional<double>(170));
    QCOMPARE(s.equipmentInvestBase, std::optional<double>(80));
    QCOMPARE(s.equipmentInvest, std::optional<double>(95.25));
    QCOMPARE(s.firstOfKindInvest, std::optional<double>(20));
}

void Tst_indicators::surveyFromFieldsWrongTypes()
{
    const QJsonObject fields{
        {u"state"_s, u"draft"_s},
        {u"period"_s, u"2024"_s},          // a string: not a year
        {u"digital_level"_s, u"2"_s},      // a string
        {u"design_tools"_s, 1},            // not a bool
        {u"key_processes"_s, 2.5},         // not whole
        {u"key_processes_cnc"_s, -1},      // negative
        {u"factory_tier"_s, u"castle"_s},  // not an option
        {u"robots_added"_s, QJsonValue()}, // null
        {u"tech_invest_10k"_s, -5},        // negative amount
    };
    const SurveyFacts s = SurveyFacts::fromFields(u"id-2"_s, fields, ReviewState::None);
    QCOMPARE(s.state, SurveyState::Draft);
    QVERIFY(!s.isCounted());
    QCOMPARE(s.period, 0);
    QVERIFY(!s.digitalLevel);
    QVERIFY(!s.designTools);
    QVERIFY(!s.keyProcesses);
    QVERIFY(!s.keyProcessesCnc);
    QVERIFY(!s.factoryTier);
    QVERIFY(!s.robotsAdded);
    QVERIFY(!s.techInvest);
    QVERIFY(!s.techInvestBase);
}

void Tst_indicators::equipmentFromFields()
{
    const EquipmentFacts full = EquipmentFacts::fromFields(QJsonObject{
        {u"survey"_s, u"s-1"_s},
        {u"category"_s, u"hydro_generator"_s},
        {u"quantity"_s, 2},
        {u"commissioned_year"_s, 2005},
        {u"key_energy"_s, true},
        {u"efficiency_level"_s, u"energy_saving"_s},
        {u"status"_s, u"planned_renewal"_s},
    });
    QCOMPARE(full.survey, u"s-1"_s);
    QCOMPARE(full.category, u"hydro_generator"_s);
    QCOMPARE(full.quantity, 2);
    QCOMPARE(full.commissionedYear, std::optional<int>(2005));
    QVERIFY(full.keyEnergy);
    QVERIFY(full.efficiencyLevel == EfficiencyLevel::EnergySaving);
    QVERIFY(full.status == EquipmentStatus::PlannedRenewal);
    QVERIFY(full.isInOperation());

    // Defaults: one unit, in service, not key energy, efficiency unknown.
    const EquipmentFacts bare =
        EquipmentFacts::fromFields(QJsonObject{{u"survey"_s, u"s-1"_s}, {u"status"_s, u"??"_s}});
    QCOMPARE(bare.quantity, 1);
    QVERIFY(bare.status == EquipmentStatus::InService);
    QVERIFY(!bare.keyEnergy);
    QVERIFY(bare.efficiencyLevel == EfficiencyLevel::Unknown);
    QVERIFY(!bare.commissionedYear);

    const EquipmentFacts gone =
        EquipmentFacts::fromFields(QJsonObject{{u"status"_s, u"eliminated"_s}, {u"quantity"_s, 0}});
    QCOMPARE(gone.quantity, 0);
    QVERIFY(!gone.isInOperation());
}

void Tst_indicators::reviewStateNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("state"); // int of ReviewState, or null when refused
    QTest::newRow("empty") << QString() << QVariant(int(ReviewState::None));
    QTest::newRow("none") << u"none"_s << QVariant(int(ReviewState::None));
    QTest::newRow("approved") << u"approved"_s << QVariant(int(ReviewState::Approved));
    QTest::newRow("has_issues") << u"has_issues"_s << QVariant(int(ReviewState::HasIssues));
    QTest::newRow("rejected") << u"rejected"_s << QVariant(int(ReviewState::Rejected));
    QTest::newRow("unknown") << u"maybe"_s << QVariant();
}

void Tst_indicators::reviewStateNames()
{
    QFETCH(QString, name);
    QFETCH(QVariant, state);
    const std::optional<ReviewState> parsed = reviewStateFromName(name);
    if (state.isNull())
        QVERIFY(!parsed);
    else
        QCOMPARE(int(parsed.value_or(ReviewState::None)), state.toInt());
}

QTEST_APPLESS_MAIN(Tst_indicators)
#include "tst_indicators.moc"
