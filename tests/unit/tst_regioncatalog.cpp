#include "core/indicators.h"
#include "core/regioncatalog.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using gx::Comparison;
using gx::RegionCatalog;

namespace {

QString assetsDir()
{
    return qEnvironmentVariable("GX_ASSETS_DIR", QStringLiteral(GX_ASSETS_DIR));
}

QString lishuiPath()
{
    return assetsDir() + u"/regions/lishui.json"_s;
}

/** A minimal valid document; broken documents are variations of it. */
QByteArray document(const QByteArray &regionBody)
{
    return R"({"comment": "test",
 "city": {"code": "C", "name": {"zh_CN": "市", "en": "City"}, "annex_name": "全市",
          "targets": {"2027": {"key_process_cnc_rate": {"value": 0.75, "op": ">"}}}},
 "regions": [)" +
           regionBody + "]}";
}

QByteArray region(const QByteArray &members)
{
    return R"({"code": "R1", "name": {"zh_CN": "县", "en": "County"}, "annex_name": "县")" +
           members + "}";
}

} // namespace

class Tst_regioncatalog : public QObject
{
    Q_OBJECT

private slots:
    void realAssetLoads();
    void regionCodesAndNames_data();
    void regionCodesAndNames();
    void annexTable_data();
    void annexTable();
    void cityTargetsFromText_data();
    void cityTargetsFromText();
    void noTargetWhereThePolicySetsNone_data();
    void noTargetWhereThePolicySetsNone();
    void isMetBy_data();
    void isMetBy();
    void minimalDocumentLoads();
    void brokenDocuments_data();
    void brokenDocuments();
    void missingFile();
    void withTargetsReplacesTheFiles();

private:
    RegionCatalog m_lishui;
};

void Tst_regioncatalog::realAssetLoads()
{
    const auto loaded = RegionCatalog::load(lishuiPath());
    QVERIFY2(loaded.ok(),
             qPrintable(loaded.ok() ? QString()
                                    : loaded.error().field + u": "_s + loaded.error().reason));
    m_lishui = loaded.value();
    QCOMPARE(m_lishui.city().code, u"331100"_s);
    QCOMPARE(m_lishui.city().name.zh, u"丽水市"_s);
    QCOMPARE(m_lishui.city().annexName, u"全市"_s);
    QCOMPARE(m_lishui.regions().size(), 10);
    QVERIFY(!m_lishui.regionCodes().contains(u"331100"_s));
    QCOMPARE(m_lishui.region(u"331100"_s), &m_lishui.city());
    QVERIFY(!m_lishui.region(u"330100"_s));
}

void Tst_regioncatalog::regionCodesAndNames_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("zh");
    QTest::addColumn<QString>("annexName");
    QTest::addColumn<QString>("division"); // what its enterprises' USCCs carry
    // The order of the file (which is the annex's order); codes of GB/T 2260 (docs/design.md
    // "Records").
    QTest::newRow("莲都区") << 0 << u"331102"_s << u"莲都区"_s << u"莲都区"_s << u"331102"_s;
    QTest::newRow("丽水经开区") << 1 << u"331100-EDZ"_s << u"丽水经济技术开发区"_s
                                << u"丽水经开区"_s << u"331100"_s;
    QTest::newRow("龙泉市") << 2 << u"331181"_s << u"龙泉市"_s << u"龙泉市"_s << u"331181"_s;
    QTest::newRow("青田县") << 3 << u"331121"_s << u"青田县"_s << u"青田县"_s << u"331121"_s;
    QTest::newRow("云和县") << 4 << u"331125"_s << u"云和县"_s << u"云和县"_s << u"331125"_s;
    QTest::newRow("庆元县") << 5 << u"331126"_s << u"庆元县"_s << u"庆元县"_s << u"331126"_s;
    QTest::newRow("缙云县") << 6 << u"331122"_s << u"缙云县"_s << u"缙云县"_s << u"331122"_s;
    QTest::newRow("遂昌县") << 7 << u"331123"_s << u"遂昌县"_s << u"遂昌县"_s << u"331123"_s;
    QTest::newRow("松阳县") << 8 << u"331124"_s << u"松阳县"_s << u"松阳县"_s << u"331124"_s;
    QTest::newRow("景宁县") << 9 << u"331127"_s << u"景宁畲族自治县"_s << u"景宁县"_s
                            << u"331127"_s;
}

void Tst_regioncatalog::regionCodesAndNames()
{
    QFETCH(int, position);
    QFETCH(QString, code);
    QFETCH(QString, zh);
    QFETCH(QString, annexName);
    QFETCH(QString, division);
    QVERIFY(!m_lishui.regions().isEmpty());
    QCOMPARE(m_lishui.regionCodes().at(position), code);
    const gx::Region *r = m_lishui.region(code);
    QVERIFY(r);
    QCOMPARE(r->name.zh, zh);
    QVERIFY(!r->name.en.isEmpty());
    QCOMPARE(r->annexName, annexName);
    QCOMPARE(r->divisionCode(), division);
}

void Tst_regioncatalog::annexTable_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("percent");

    // 附件：2024年主要目标任务分解表, typed from the policy text row by row:
    // 技术改造投资增速, 装备制造业增加值增速, 消费品工业企业营业收入增速,
    // 数字经济核心产业增加值增速, 规模以上工业企业数字化智能化改造覆盖率 (all %).
    const QStringList columns{u"tech_invest_growth"_s, u"equipment_mfg_value_added_growth"_s,
                              u"consumer_goods_revenue_growth"_s,
                              u"digital_core_value_added_growth"_s,
                              u"digital_renovation_coverage"_s};
    struct Row
    {
        const char *label;
        QString code;
        int cells[5];
    };
    const Row rows[] = {
        {"全市", u"331100"_s, {10, 10, 10, 12, 90}},
        {"莲都区", u"331102"_s, {15, 10, 10, 12, 90}},
        {"丽水经开区", u"331100-EDZ"_s, {15, 12, 12, 12, 90}},
        {"龙泉市", u"331181"_s, {10, 12, 12, 12, 90}},
        {"青田县", u"331121"_s, {10, 10, 12, 12, 95}},
        {"云和县", u"331125"_s, {15, 10, 10, 12, 90}},
        {"庆元县", u"331126"_s, {10, 10, 10, 12, 90}},
        {"缙云县", u"331122"_s, {10, 12, 12, 12, 95}},
        {"遂昌县", u"331123"_s, {15, 12, 10, 12, 95}},
        {"松阳县", u"331124"_s, {15, 12, 10, 12, 95}},
        {"景宁县", u"331127"_s, {15, 10, 10, 12, 90}},
    };
    for (const Row &row : rows) {
        for (int c = 0; c < 5; ++c) {
            const QByteArray name = QByteArray(row.label) + ' ' + columns.at(c).toLatin1();
            QTest::newRow(name.constData()) << row.code << columns.at(c) << row.cells[c];
        }
    }
}

void Tst_regioncatalog::annexTable()
{
    QFETCH(QString, code);
    QFETCH(QString, indicator);
    QFETCH(int, percent);
    const std::optional<gx::Target> target = m_lishui.target(code, indicator, 2024);
    QVERIFY(target);
    QCOMPARE(target->value, percent / 100.0);
    // The annex's growth rates are "增长" targets and the coverage is "达到": reach or exceed.
    QCOMPARE(target->op, Comparison::AtLeast);
}

void Tst_regioncatalog::cityTargetsFromText_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("value");
    QTest::addColumn<Comparison>("op");
    // 2024: 新增未来工厂1家、智能工厂(数字化车间)5家以上；新增工业机器人400台以上;
    // 全市淘汰落后产能涉及企业70家以上.
    QTest::newRow("2024 future factories")
        << 2024 << u"new_future_factories"_s << 1.0 << Comparison::AtLeast;
    QTest::newRow("2024 smart factories")
        << 2024 << u"new_smart_factories"_s << 5.0 << Comparison::AtLeast;
    QTest::newRow("2024 robots") << 2024 << u"robots_added"_s << 400.0 << Comparison::AtLeast;
    QTest::newRow("2024 backward capacity")
        << 2024 << u"backward_capacity_enterprises"_s << 70.0 << Comparison::AtLeast;
    // 到2027年: 设备投资规模较2023年增长30%以上; 研发设计工具普及率、关键工序数控化率分别
    // 超过93%、75%; 数字化、智能化改造实现全覆盖; 新增未来工厂4家、数字化车间(智能工厂)20家;
    // 能效标杆水平产能比例超过50%.
    QTest::newRow("2027 equipment invest")
        << 2027 << u"equipment_invest_growth_vs_2023"_s << 0.3 << Comparison::AtLeast;
    QTest::newRow("2027 design tools")
        << 2027 << u"design_tool_penetration"_s << 0.93 << Comparison::Above;
    QTest::newRow("2027 cnc") << 2027 << u"key_process_cnc_rate"_s << 0.75 << Comparison::Above;
    QTest::newRow("2027 coverage")
        << 2027 << u"digital_renovation_coverage"_s << 1.0 << Comparison::AtLeast;
    QTest::newRow("2027 future factories")
        << 2027 << u"new_future_factories"_s << 4.0 << Comparison::AtLeast;
    QTest::newRow("2027 smart factories")
        << 2027 << u"new_smart_factories"_s << 20.0 << Comparison::AtLeast;
    QTest::newRow("2027 energy advanced")
        << 2027 << u"energy_advanced_share"_s << 0.5 << Comparison::Above;
}

void Tst_regioncatalog::cityTargetsFromText()
{
    QFETCH(int, year);
    QFETCH(QString, indicator);
    QFETCH(double, value);
    QFETCH(Comparison, op);
    const std::optional<gx::Target> target = m_lishui.target(u"331100"_s, indicator, year);
    QVERIFY(target);
    QCOMPARE(target->value, value);
    QCOMPARE(target->op, op);
}

void Tst_regioncatalog::noTargetWhereThePolicySetsNone_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<int>("year");
    QTest::newRow("county factories (citywide only)")
        << u"331102"_s << u"new_future_factories"_s << 2024;
    QTest::newRow("no 2025 targets") << u"331100"_s << u"digital_renovation_coverage"_s << 2025;
    QTest::newRow("county 2027") << u"331121"_s << u"key_process_cnc_rate"_s << 2027;
    QTest::newRow("unknown region") << u"999999"_s << u"tech_invest_growth"_s << 2024;
}

void Tst_regioncatalog::noTargetWhereThePolicySetsNone()
{
    QFETCH(QString, code);
    QFETCH(QString, indicator);
    QFETCH(int, year);
    QVERIFY(!m_lishui.regions().isEmpty());
    QVERIFY(!m_lishui.target(code, indicator, year));
}

void Tst_regioncatalog::isMetBy_data()
{
    QTest::addColumn<double>("target");
    QTest::addColumn<Comparison>("op");
    QTest::addColumn<double>("actual");
    QTest::addColumn<bool>("met");
    QTest::newRow(">= exactly") << 0.9 << Comparison::AtLeast << 0.9 << true;
    QTest::newRow(">= below") << 0.9 << Comparison::AtLeast << 0.89 << false;
    QTest::newRow(">= above") << 0.9 << Comparison::AtLeast << 0.91 << true;
    // 115 / 100 - 1 is 0.1499999999999999 in binary: still 15 % growth.
    QTest::newRow(">= rounding") << 0.15 << Comparison::AtLeast << (115.0 / 100.0 - 1.0) << true;
    QTest::newRow("> exactly") << 0.93 << Comparison::Above << 0.93 << false;
    QTest::newRow("> rounding") << 0.1 << Comparison::Above << (110.0 / 100.0 - 1.0) << false;
    QTest::newRow("> above") << 0.93 << Comparison::Above << 0.9301 << true;
    QTest::newRow("count") << 400.0 << Comparison::AtLeast << 399.0 << false;
    QTest::newRow("NaN") << 0.9 << Comparison::AtLeast << std::numeric_limits<double>::quiet_NaN()
                         << false;
}

void Tst_regioncatalog::isMetBy()
{
    QFETCH(double, target);
    QFETCH(Comparison, op);
    QFETCH(double, actual);
    QFETCH(bool, met);
    QCOMPARE((gx::Target{target, op}.isMetBy(actual)), met);
}

void Tst_regioncatalog::minimalDocumentLoads()
{
    const auto loaded = RegionCatalog::fromJson(
        document(region(R"(, "comment": "x", "targets": {"2024": {"tech_invest_growth":
                 {"value": 0.1, "op": ">="}}})")),
        u"mem.json"_s);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().reason));
    QCOMPARE(loaded.value().regionCodes(), QStringList{u"R1"_s});
    QCOMPARE(loaded.value().city().code, u"C"_s);
    QVERIFY(loaded.value().target(u"R1"_s, u"tech_invest_growth"_s, 2024) ==
            (gx::Target{0.1, Comparison::AtLeast}));
    QVERIFY(loaded.value().target(u"C"_s, u"key_process_cnc_rate"_s, 2027) ==
            (gx::Target{0.75, Comparison::Above}));
    QVERIFY(!loaded.value().target(u"R1"_s, u"tech_invest_growth"_s, 2025));
}

void Tst_regioncatalog::brokenDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("reason"); // a part of the reason

    const QByteArray ok = R"(, "targets": {})";
    QTest::newRow("not JSON") << QByteArray("{\"city\": ") << QString() << u"JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << QString() << u"object"_s;
    QTest::newRow("unknown top member")
        << QByteArray(document(region(ok)).replace("\"comment\"", "\"remark\"")) << u"remark"_s
        << u"unknown member"_s;
    QTest::newRow("no city") << QByteArray(R"({"regions": []})") << u"city"_s << u"object"_s;
    QTest::newRow("regions not a list")
        << QByteArray(R"({"city": {}, "regions": {}})") << u"regions"_s << u"array"_s;
    QTest::newRow("region unknown member")
        << document(region(R"(, "targets": {}, "population": 1)")) << u"regions[0].population"_s
        << u"unknown member"_s;
    QTest::newRow("no code") << document(region(ok).replace(R"("code": "R1", )", ""))
                             << u"regions[0].code"_s << u"non-empty"_s;
    QTest::newRow("empty code") << document(region(ok).replace(R"("R1")", R"(" ")"))
                                << u"regions[0].code"_s << u"non-empty"_s;
    QTest::newRow("code not a string")
        << document(region(ok).replace(R"("R1")", "331102")) << u"regions[0].code"_s << u"string"_s;
    QTest::newRow("no name") << document(region(ok).replace(
                                    R"("name": {"zh_CN": "县", "en": "County"}, )", ""))
                             << u"regions[0].name"_s << u"object"_s;
    QTest::newRow("no English name") << document(region(ok).replace(R"(, "en": "County")", ""))
                                     << u"regions[0].name.en"_s << u"non-empty"_s;
    QTest::newRow("no Chinese name") << document(region(ok).replace(R"("zh_CN": "县", )", ""))
                                     << u"regions[0].name.zh_CN"_s << u"non-empty"_s;
    QTest::newRow("name unknown language") << document(region(ok).replace(R"("en")", R"("fr")"))
                                           << u"regions[0].name.fr"_s << u"unknown member"_s;
    QTest::newRow("no annex name") << document(region(ok).replace(R"(, "annex_name": "县")", ""))
                                   << u"regions[0].annex_name"_s << u"non-empty"_s;
    QTest::newRow("no targets") << document(region("")) << u"regions[0].targets"_s << u"object"_s;
    QTest::newRow("city code reused") << document(region(ok).replace(R"("R1")", R"("C")"))
                                      << u"regions[0].code"_s << u"duplicate"_s;
    QTest::newRow("region code twice")
        << document(region(ok) + ", " + region(ok)) << u"regions[1].code"_s << u"duplicate"_s;
    QTest::newRow("two-digit year") << document(region(R"(, "targets": {"24": {}})"))
                                    << u"regions[0].targets.24"_s << u"four-digit year"_s;
    QTest::newRow("year with suffix") << document(region(R"(, "targets": {"2024a": {}})"))
                                      << u"regions[0].targets.2024a"_s << u"four-digit year"_s;
    QTest::newRow("year not an object") << document(region(R"(, "targets": {"2024": 0.1})"))
                                        << u"regions[0].targets.2024"_s << u"object"_s;
    QTest::newRow("unknown indicator")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growht":
                                 {"value": 0.1, "op": ">="}}})"))
        << u"regions[0].targets.2024.tech_invest_growht"_s << u"unknown indicator"_s;
    QTest::newRow("target a bare number")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth": 0.1}})"))
        << u"regions[0].targets.2024.tech_invest_growth"_s << u"object"_s;
    QTest::newRow("value a string")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth":
                                 {"value": "0.1", "op": ">="}}})"))
        << u"regions[0].targets.2024.tech_invest_growth.value"_s << u"number"_s;
    QTest::newRow("value missing")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth": {"op": ">="}}})"))
        << u"regions[0].targets.2024.tech_invest_growth.value"_s << u"number"_s;
    QTest::newRow("bad op") << document(region(R"(, "targets": {"2024": {"tech_invest_growth":
                                 {"value": 0.1, "op": "=>"}}})"))
                            << u"regions[0].targets.2024.tech_invest_growth.op"_s
                            << u"\">=\" or \">\""_s;
    QTest::newRow("op missing")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth": {"value": 0.1}}})"))
        << u"regions[0].targets.2024.tech_invest_growth.op"_s << u"\">=\" or \">\""_s;
    QTest::newRow("op not the indicator's")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth":
                                 {"value": 0.1, "op": ">"}}})"))
        << u"regions[0].targets.2024.tech_invest_growth.op"_s << u"must be \">=\""_s;
    QTest::newRow("target unknown member")
        << document(region(R"(, "targets": {"2024": {"tech_invest_growth":
                                 {"value": 0.1, "op": ">=", "unit": "%"}}})"))
        << u"regions[0].targets.2024.tech_invest_growth.unit"_s << u"unknown member"_s;
    QTest::newRow("bad city target")
        << QByteArray(document(region(ok)).replace(R"("op": ">")", R"("op": "<")"))
        << u"city.targets.2027.key_process_cnc_rate.op"_s << u"\">=\" or \">\""_s;
}

void Tst_regioncatalog::brokenDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, reason);
    const auto loaded = RegionCatalog::fromJson(json, u"broken.json"_s);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().file, u"broken.json"_s);
    QCOMPARE(loaded.error().field, field);
    QVERIFY2(loaded.error().reason.contains(reason), qPrintable(loaded.error().reason));
}

void Tst_regioncatalog::missingFile()
{
    const QString path = assetsDir() + u"/regions/no-such-file.json"_s;
    const auto loaded = RegionCatalog::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().file, path);
    QVERIFY(loaded.error().reason.contains(u"cannot open"_s));
}

void Tst_regioncatalog::withTargetsReplacesTheFiles()
{
    RegionCatalog::TargetTable table;
    table[u"331121"_s][2025][u"tech_invest_growth"_s] = gx::Target{0.2, Comparison::AtLeast};
    table[u"331100"_s][2027][u"key_process_cnc_rate"_s] = gx::Target{0.8, Comparison::Above};
    table[u"nowhere"_s][2025][u"robots_added"_s] = gx::Target{5, Comparison::AtLeast};
    const RegionCatalog replaced = m_lishui.withTargets(table);
    QCOMPARE(replaced.regionCodes(), m_lishui.regionCodes());
    QVERIFY(replaced.target(u"331121"_s, u"tech_invest_growth"_s, 2025) ==
            (gx::Target{0.2, Comparison::AtLeast}));
    QVERIFY(replaced.target(u"331100"_s, u"key_process_cnc_rate"_s, 2027) ==
            (gx::Target{0.8, Comparison::Above}));
    // The file's targets are gone: the table is the whole truth.
    QVERIFY(m_lishui.target(u"331121"_s, u"tech_invest_growth"_s, 2024));
    QVERIFY(!replaced.target(u"331121"_s, u"tech_invest_growth"_s, 2024));
    QVERIFY(!replaced.target(u"331102"_s, u"digital_renovation_coverage"_s, 2024));
    QVERIFY(!replaced.region(u"nowhere"_s));
}

QTEST_APPLESS_MAIN(Tst_regioncatalog)
#include "tst_regioncatalog.moc"
