// Targets per period (issue 10, item 2): table `targets`, seeded from assets/regions on the first
// start, read by GET /api/v1/stats/coverage, the exports and GET /api/v1/regions, changed by
// PUT /api/v1/targets and `gengxin-server targets import`, every change in the audit log.

#include "testsupport.h"

#include "core/indicatorlabels.h"
#include "core/uscc.h"
#include "sync/records/targetstore.h"
#include "sync/store/auditlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::StoredRecord;
using gx::test::HttpClient;
using gx::test::HttpResult;

namespace {

const QString kPassword = u"correct horse battery"_s;
const QString kCounty = u"331102"_s;

/** Every row of the targets table, as "period region indicator value" sorted: to see changes. */
QStringList tableRows(gx::server::Database &db)
{
    auto query = db.exec(u"SELECT period, region, indicator, value FROM targets"_s);
    if (!query)
        return {u"error: "_s + query.error().message};
    QStringList rows;
    while (query.value().next()) {
        rows.append(u"%1 %2 %3 %4"_s.arg(
            query.value().value(0).toString(), query.value().value(1).toString(),
            query.value().value(2).toString(), QString::number(query.value().value(3).toDouble())));
    }
    rows.sort();
    return rows;
}

/** The catalog's targets in the same form. */
QStringList catalogRows(const gx::RegionCatalog &catalog)
{
    QStringList rows;
    QList<const gx::Region *> regions{&catalog.city()};
    for (const gx::Region &region : catalog.regions())
        regions.append(&region);
    for (const gx::Region *region : std::as_const(regions)) {
        for (auto year = region->targets.cbegin(); year != region->targets.cend(); ++year) {
            for (auto it = year->cbegin(); it != year->cend(); ++it) {
                rows.append(u"%1 %2 %3 %4"_s.arg(QString::number(year.key()), region->code,
                                                 it.key(), QString::number(it.value().value)));
            }
        }
    }
    rows.sort();
    return rows;
}

QJsonObject regionEntry(const QJsonObject &answer, const QString &code)
{
    for (const QJsonValue &region : answer.value("regions"_L1).toArray()) {
        if (region.toObject().value("region"_L1).toString() == code)
            return region.toObject();
    }
    return {};
}

QJsonObject coverageRegion(const QJsonObject &report, const QString &code)
{
    if (code == gx::test::testRegions().city().code)
        return report.value("city"_L1).toObject();
    return regionEntry(report, code);
}

QJsonObject regionsEntry(const QJsonArray &regions, const QString &code)
{
    for (const QJsonValue &region : regions) {
        if (region.toObject().value("code"_L1).toString() == code)
            return region.toObject();
    }
    return {};
}

QList<int> intList(const QJsonArray &array)
{
    QList<int> out;
    for (const QJsonValue &value : array)
        out.append(value.toInt());
    return out;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class Tst_server_targets : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void seededFromTheCatalog_data();
    void seededFromTheCatalog();
    void regionsReadTheTable();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void putShowsInCoverageRegionsAndExport();
    void nullRemovesAndTheRestIsKept();
    void auditNamesWhoWhatAndWhen();
    void whoMayReadAndWrite_data();
    void whoMayReadAndWrite();
    void badPeriod_data();
    void badPeriod();
    void periodsWithTargetsOrData();
    void cliImport();
    void cliImportRefusesBadFiles_data();
    void cliImportRefusesBadFiles();

private:
    [[nodiscard]] HttpResult put(int period, const QByteArray &body);
    [[nodiscard]] QJsonObject coverage(int period);
    [[nodiscard]] qsizetype targetAudits();

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    gx::test::TestClock m_clock;
};

void Tst_server_targets::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<gx::test::TestServer>(m_db->db(), config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    m_client = std::make_unique<HttpClient>(m_server->baseUrl());
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    QVERIFY(!m_client->login(u"office"_s, kPassword).isEmpty());
}

void Tst_server_targets::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_db.reset();
}

HttpResult Tst_server_targets::put(int period, const QByteArray &body)
{
    return m_client->send("PUT", u"/api/v1/targets?period=%1"_s.arg(period), body,
                          {{"Content-Type", "application/json"}});
}

QJsonObject Tst_server_targets::coverage(int period)
{
    const HttpResult result = m_client->get(u"/api/v1/stats/coverage?period=%1"_s.arg(period));
    if (result.status != 200)
        qWarning("coverage: %s", result.describe().constData());
    return result.json();
}

qsizetype Tst_server_targets::targetAudits()
{
    qsizetype n = 0;
    for (const QString &action : {u"targets_set"_s, u"targets_imported"_s}) {
        auto entries = gx::server::AuditLog::recent(m_db->db(), 1000, action);
        n += entries ? entries.value().size() : 1000;
    }
    return n;
}

void Tst_server_targets::seededFromTheCatalog_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<double>("value"); // -1: none
    // The annex (2024 per county), the city's 2024 and 2027 targets of the policy's text.
    QTest::newRow("annex 莲都 tech") << 2024 << u"331102"_s << u"tech_invest_growth"_s << 0.15;
    QTest::newRow("annex 青田 coverage")
        << 2024 << u"331121"_s << u"digital_renovation_coverage"_s << 0.95;
    QTest::newRow("annex EDZ mfg")
        << 2024 << u"331100-EDZ"_s << u"equipment_mfg_value_added_growth"_s << 0.12;
    QTest::newRow("city 2024 robots") << 2024 << u"331100"_s << u"robots_added"_s << 400.0;
    QTest::newRow("city 2027 cnc") << 2027 << u"331100"_s << u"key_process_cnc_rate"_s << 0.75;
    QTest::newRow("city 2027 design")
        << 2027 << u"331100"_s << u"design_tool_penetration"_s << 0.93;
    QTest::newRow("no 2025 target") << 2025 << u"331102"_s << u"tech_invest_growth"_s << -1.0;
    QTest::newRow("county none 2027") << 2027 << u"331102"_s << u"key_process_cnc_rate"_s << -1.0;
}

void Tst_server_targets::seededFromTheCatalog()
{
    QFETCH(int, period);
    QFETCH(QString, region);
    QFETCH(QString, indicator);
    QFETCH(double, value);
    // The whole table is the catalog's, nothing more and nothing less.
    QCOMPARE(tableRows(m_db->db()), catalogRows(gx::test::testRegions()));

    const HttpResult answer = m_client->get(u"/api/v1/targets?period=%1"_s.arg(period));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value("period"_L1).toInt(), period);
    const QJsonArray regions = answer.json().value("regions"_L1).toArray();
    QCOMPARE(regions.size(), gx::test::testRegions().regions().size() + 1);
    QCOMPARE(regions.at(0).toObject().value("region"_L1).toString(), u"331100"_s);
    const QJsonObject targets = regionEntry(answer.json(), region).value("targets"_L1).toObject();
    if (value < 0)
        QVERIFY(!targets.contains(indicator));
    else
        QCOMPARE(targets.value(indicator).toDouble(), value);

    // The figures judge against the same number, with the indicator's comparison.
    const QJsonObject figure = coverageRegion(coverage(period), region)
                                   .value("indicators"_L1)
                                   .toObject()
                                   .value(indicator)
                                   .toObject();
    if (value < 0) {
        QVERIFY(figure.value("target"_L1).isNull());
    } else {
        QCOMPARE(figure.value("target"_L1).toDouble(), value);
        QCOMPARE(figure.value("target_op"_L1).toString(),
                 gx::comparisonSymbol(gx::indicatorComparison(indicator)));
    }
}

void Tst_server_targets::regionsReadTheTable()
{
    // A target changed in the table (not in the file) is what /regions shows.
    QVERIFY(m_db->db()
                .run(u"UPDATE targets SET value = 0.5 WHERE period = 2024 AND region = '331121' "
                     "AND indicator = 'digital_renovation_coverage'"_s)
                .ok());
    const HttpResult regions = m_client->get(u"/api/v1/regions"_s);
    QCOMPARE(regions.status, 200);
    const QJsonObject qingtian = regionsEntry(regions.jsonArray(), u"331121"_s);
    QCOMPARE(qingtian.value("targets"_L1)
                 .toObject()
                 .value("2024"_L1)
                 .toObject()
                 .value("digital_renovation_coverage"_L1)
                 .toDouble(),
             0.5);
    const QJsonObject city = regionsEntry(regions.jsonArray(), u"331100"_s);
    QCOMPARE(city.value("targets"_L1)
                 .toObject()
                 .value("2027"_L1)
                 .toObject()
                 .value("key_process_cnc_rate"_L1)
                 .toDouble(),
             0.75);
}

void Tst_server_targets::refusalsChangeNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QByteArray good = R"({"region":"331102","targets":{"tech_invest_growth":0.2}})";
    auto body = [&](const QByteArray &second) {
        return QByteArray(R"({"regions":[)" + good + "," + second + "]}");
    };
    // 422: the values the contract refuses. A good first entry shows nothing is partly written.
    QTest::newRow("unknown region")
        << body(R"({"region":"330100","targets":{"tech_invest_growth":0.2}})") << 422
        << u"regions[1].region"_s;
    QTest::newRow("unknown indicator") << body(R"({"region":"331121","targets":{"cnc_rate":0.5}})")
                                       << 422 << u"regions[1].targets.cnc_rate"_s;
    QTest::newRow("value a string")
        << body(R"({"region":"331121","targets":{"tech_invest_growth":"20%"}})") << 422
        << u"regions[1].targets.tech_invest_growth"_s;
    QTest::newRow("value a bool")
        << body(R"({"region":"331121","targets":{"tech_invest_growth":true}})") << 422
        << u"regions[1].targets.tech_invest_growth"_s;
    QTest::newRow("value an object")
        << body(R"({"region":"331121","targets":{"tech_invest_growth":{"value":0.2}}})") << 422
        << u"regions[1].targets.tech_invest_growth"_s;
    QTest::newRow("rate above 10")
        << body(R"({"region":"331121","targets":{"key_process_cnc_rate":10.5}})") << 422
        << u"regions[1].targets.key_process_cnc_rate"_s;
    QTest::newRow("rate as a percent")
        << body(R"({"region":"331121","targets":{"digital_renovation_coverage":90}})") << 422
        << u"regions[1].targets.digital_renovation_coverage"_s;
    QTest::newRow("rate below 0")
        << body(R"({"region":"331121","targets":{"tech_invest_growth":-0.1}})") << 422
        << u"regions[1].targets.tech_invest_growth"_s;
    QTest::newRow("count a fraction")
        << body(R"({"region":"331121","targets":{"robots_added":2.5}})") << 422
        << u"regions[1].targets.robots_added"_s;
    QTest::newRow("count negative")
        << body(R"({"region":"331121","targets":{"new_smart_factories":-1}})") << 422
        << u"regions[1].targets.new_smart_factories"_s;
    QTest::newRow("region twice") << body(good) << 422 << u"regions[1].region"_s;
    QTest::newRow("city unknown indicator")
        << body(R"({"region":"331100","targets":{"tech_invest_growth":0.1,"bogus":1}})") << 422
        << u"regions[1].targets.bogus"_s;
    // 400: the body's shape.
    QTest::newRow("no regions") << QByteArray(R"({"targets":{}})") << 400 << u"targets"_s;
    QTest::newRow("regions not a list")
        << QByteArray(R"({"regions":{"331102":{}}})") << 400 << u"regions"_s;
    QTest::newRow("entry not an object") << body("5") << 400 << u"regions[1]"_s;
    QTest::newRow("region not a string")
        << body(R"({"region":331121,"targets":{}})") << 400 << u"regions[1].region"_s;
    QTest::newRow("targets not an object")
        << body(R"({"region":"331121","targets":[0.2]})") << 400 << u"regions[1].targets"_s;
    QTest::newRow("entry unknown member")
        << body(R"({"region":"331121","targets":{},"note":"x"})") << 400 << u"regions[1].note"_s;
    QTest::newRow("not JSON") << QByteArray(R"({"regions":[)") << 400 << QString();
}

void Tst_server_targets::refusalsChangeNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const QStringList before = tableRows(m_db->db());
    const HttpResult result = put(2024, body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), status == 422 ? u"invalid_targets"_s : u"bad_request"_s);
    const QJsonValue errorField = result.json().value("error"_L1).toObject().value("field"_L1);
    if (field.isEmpty())
        QVERIFY(errorField.isNull());
    else
        QCOMPARE(errorField.toString(), field);
    QVERIFY(!result.errorMessage().isEmpty());
    QCOMPARE(tableRows(m_db->db()), before);
    QCOMPARE(targetAudits(), 0);
}

void Tst_server_targets::putShowsInCoverageRegionsAndExport()
{
    // Two above-size enterprises of 莲都区, one surveyed for 2025 and digitally renovated: the
    // county's 2025 coverage is 1/2.
    const QString a = gx::makeUscc(u'9', u'1', kCounty, u"50000001");
    const QString b = gx::makeUscc(u'9', u'1', kCounty, u"50000002");
    QCOMPARE(gx::test::storeRegistry(m_db->db(), {{a, u"甲"_s, kCounty, u"3421"_s, true},
                                                  {b, u"乙"_s, kCounty, u"3421"_s, true}}),
             QString());
    QCOMPARE(
        gx::test::storeRecords(m_db->db(), {StoredRecord{u"survey"_s,
                                                         u"00000000-0000-4000-8000-000000002025"_s,
                                                         0,
                                                         0,
                                                         false,
                                                         QJsonObject{{u"enterprise"_s, a},
                                                                     {u"period"_s, 2025},
                                                                     {u"state"_s, u"submitted"_s},
                                                                     {u"digital_level"_s, 2}},
                                                         {},
                                                         kCounty,
                                                         a}}),
        QString());
    const QJsonObject before = coverageRegion(coverage(2025), kCounty)
                                   .value("indicators"_L1)
                                   .toObject()
                                   .value("digital_renovation_coverage"_L1)
                                   .toObject();
    QCOMPARE(before.value("value"_L1).toDouble(), 0.5);
    QVERIFY(before.value("target"_L1).isNull());
    QVERIFY(before.value("met"_L1).isNull());

    const HttpResult set = put(2025, R"({"regions":[
        {"region":"331102","targets":{"digital_renovation_coverage":0.5,"robots_added":12}},
        {"region":"331100","targets":{"key_process_cnc_rate":0.8}}]})");
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value("period"_L1).toInt(), 2025);
    QCOMPARE(regionEntry(set.json(), kCounty).value("targets"_L1).toObject(),
             (QJsonObject{{u"digital_renovation_coverage"_s, 0.5}, {u"robots_added"_s, 12}}));
    QCOMPARE(regionEntry(set.json(), u"331100"_s).value("targets"_L1).toObject(),
             (QJsonObject{{u"key_process_cnc_rate"_s, 0.8}}));
    QCOMPARE(regionEntry(set.json(), u"331121"_s).value("targets"_L1).toObject(), QJsonObject());
    QCOMPARE(m_client->get(u"/api/v1/targets?period=2025"_s).json(), set.json());

    QJsonObject report = coverage(2025);
    QJsonObject figure = coverageRegion(report, kCounty)
                             .value("indicators"_L1)
                             .toObject()
                             .value("digital_renovation_coverage"_L1)
                             .toObject();
    QCOMPARE(figure.value("target"_L1).toDouble(), 0.5);
    QCOMPARE(figure.value("target_op"_L1).toString(), u">="_s);
    QCOMPARE(figure.value("met"_L1).toBool(), true);
    const QJsonObject cnc = report.value("city"_L1)
                                .toObject()
                                .value("indicators"_L1)
                                .toObject()
                                .value("key_process_cnc_rate"_L1)
                                .toObject();
    QCOMPARE(cnc.value("target"_L1).toDouble(), 0.8);
    QCOMPARE(cnc.value("target_op"_L1).toString(), u">"_s);
    // 2024 is untouched.
    QCOMPARE(tableRows(m_db->db()).filter(u"2024 "_s),
             catalogRows(gx::test::testRegions()).filter(u"2024 "_s));

    // Raised above the figure: no longer met.
    QCOMPARE(put(2025, R"({"regions":[{"region":"331102","targets":{
        "digital_renovation_coverage":0.6}}]})")
                 .status,
             200);
    figure = coverageRegion(coverage(2025), kCounty)
                 .value("indicators"_L1)
                 .toObject()
                 .value("digital_renovation_coverage"_L1)
                 .toObject();
    QCOMPARE(figure.value("target"_L1).toDouble(), 0.6);
    QCOMPARE(figure.value("met"_L1).toBool(true), false);

    // /regions and the export read the same table.
    const QJsonObject liandu =
        regionsEntry(m_client->get(u"/api/v1/regions"_s).jsonArray(), kCounty);
    QCOMPARE(liandu.value("targets"_L1).toObject().value("2025"_L1).toObject(),
             (QJsonObject{{u"digital_renovation_coverage"_s, 0.6}, {u"robots_added"_s, 12}}));
    QCOMPARE(liandu.value("targets"_L1)
                 .toObject()
                 .value("2024"_L1)
                 .toObject()
                 .value("tech_invest_growth"_L1)
                 .toDouble(),
             0.15);
    const HttpResult csv = m_client->get(u"/api/v1/export/coverage?period=2025&format=csv"_s);
    QCOMPARE(csv.status, 200);
    const QString text = QString::fromUtf8(csv.body);
    QVERIFY2(text.contains(u"莲都区,331102,规上工业企业数字化智能化改造覆盖率,0.5,1,2,0.6,否"_s),
             qPrintable(text.left(600)));
}

void Tst_server_targets::nullRemovesAndTheRestIsKept()
{
    const QStringList before = tableRows(m_db->db());
    const HttpResult set = put(2024, R"({"regions":[{"region":"331102","targets":{
        "tech_invest_growth":null,"digital_renovation_coverage":0.92}},
        {"region":"331121","targets":{"robots_added":null}}]})");
    QCOMPARE(set.status, 200);
    const QJsonObject liandu = regionEntry(set.json(), kCounty).value("targets"_L1).toObject();
    QVERIFY(!liandu.contains("tech_invest_growth"_L1));
    QCOMPARE(liandu.value("digital_renovation_coverage"_L1).toDouble(), 0.92);
    // The other three annex targets of 莲都区, and every other region's, are kept.
    QCOMPARE(liandu.size(), 4);
    QCOMPARE(liandu.value("equipment_mfg_value_added_growth"_L1).toDouble(), 0.1);
    QStringList expected = before;
    expected.removeAll(u"2024 331102 tech_invest_growth 0.15"_s);
    expected.replaceInStrings(u"2024 331102 digital_renovation_coverage 0.9"_s,
                              u"2024 331102 digital_renovation_coverage 0.92"_s);
    expected.sort();
    QCOMPARE(tableRows(m_db->db()), expected);
    const QJsonObject figure = coverageRegion(coverage(2024), kCounty)
                                   .value("indicators"_L1)
                                   .toObject()
                                   .value("tech_invest_growth"_L1)
                                   .toObject();
    QVERIFY(figure.value("target"_L1).isNull());
}

void Tst_server_targets::auditNamesWhoWhatAndWhen()
{
    m_clock.advance(5000);
    QCOMPARE(put(2025, R"({"regions":[{"region":"331123","targets":{
        "tech_invest_growth":0.2,"new_future_factories":1}}]})")
                 .status,
             200);
    // The same values again change nothing and write no audit row.
    QCOMPARE(put(2025, R"({"regions":[{"region":"331123","targets":{"tech_invest_growth":0.2}}]})")
                 .status,
             200);
    QCOMPARE(put(2025, R"({"regions":[{"region":"331123","targets":{"tech_invest_growth":null}}]})")
                 .status,
             200);
    auto entries = gx::server::AuditLog::recent(m_db->db(), 10, u"targets_set"_s);
    QVERIFY(entries);
    QCOMPARE(entries.value().size(), 2);
    const gx::server::AuditEntry &removed = entries.value().at(0);
    const gx::server::AuditEntry &added = entries.value().at(1);
    QCOMPARE(added.actor, u"office"_s);
    QCOMPARE(added.at, m_clock.now());
    QCOMPARE(added.detail.value("period"_L1).toInt(), 2025);
    QCOMPARE(added.detail.value("source"_L1).toString(), u"api"_s);
    const QJsonArray changes = added.detail.value("changes"_L1).toArray();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).toObject(), (QJsonObject{{u"region"_s, u"331123"_s},
                                                    {u"indicator"_s, u"new_future_factories"_s},
                                                    {u"before"_s, QJsonValue::Null},
                                                    {u"after"_s, 1}}));
    QCOMPARE(removed.detail.value("changes"_L1).toArray().at(0).toObject(),
             (QJsonObject{{u"region"_s, u"331123"_s},
                          {u"indicator"_s, u"tech_invest_growth"_s},
                          {u"before"_s, 0.2},
                          {u"after"_s, QJsonValue::Null}}));
    // GET /api/v1/audit?action=targets_set knows the action.
    const HttpResult listed = m_client->get(u"/api/v1/audit?action=targets_set"_s);
    QCOMPARE(listed.status, 200);
}

void Tst_server_targets::whoMayReadAndWrite_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("readStatus");
    QTest::addColumn<int>("writeStatus");
    QTest::newRow("no token") << QString() << 401 << 401;
    QTest::newRow("inspector") << u"inspector"_s << 200 << 403;
    QTest::newRow("enterprise") << u"enterprise"_s << 200 << 403;
    QTest::newRow("office") << u"office"_s << 200 << 200;
    QTest::newRow("admin") << u"admin"_s << 200 << 200;
}

void Tst_server_targets::whoMayReadAndWrite()
{
    QFETCH(QString, role);
    QFETCH(int, readStatus);
    QFETCH(int, writeStatus);
    const QString uscc = gx::makeUscc(u'9', u'1', kCounty, u"40000001");
    QCOMPARE(gx::test::addUser(m_db->db(), u"inspector"_s, Role::Inspector, kPassword, kCounty),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"enterprise"_s, Role::Enterprise, kPassword, {}, uscc),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"admin"_s, Role::Admin, kPassword), QString());
    HttpClient client(m_server->baseUrl());
    if (!role.isEmpty())
        QVERIFY(!client.login(role, kPassword).isEmpty());
    QCOMPARE(client.get(u"/api/v1/targets?period=2024"_s).status, readStatus);
    QCOMPARE(client.get(u"/api/v1/targets"_s).status, readStatus);
    const QStringList before = tableRows(m_db->db());
    const HttpResult write =
        client.send("PUT", u"/api/v1/targets?period=2026"_s,
                    R"({"regions":[{"region":"331102","targets":{"robots_added":3}}]})",
                    {{"Content-Type", "application/json"}});
    QCOMPARE(write.status, writeStatus);
    if (writeStatus != 200) {
        QCOMPARE(write.errorCode(), writeStatus == 403 ? u"forbidden"_s : u"unauthorized"_s);
        QCOMPARE(tableRows(m_db->db()), before);
    } else {
        QVERIFY(tableRows(m_db->db()).contains(u"2026 331102 robots_added 3"_s));
    }
}

void Tst_server_targets::badPeriod_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("empty") << u"?period="_s;
    QTest::newRow("word") << u"?period=abc"_s;
    QTest::newRow("1999") << u"?period=1999"_s;
    QTest::newRow("2101") << u"?period=2101"_s;
}

void Tst_server_targets::badPeriod()
{
    QFETCH(QString, query);
    const HttpResult get = m_client->get(u"/api/v1/targets"_s + query);
    QCOMPARE(get.status, 400);
    QCOMPARE(get.json().value("error"_L1).toObject().value("field"_L1).toString(), u"period"_s);
    const QStringList before = tableRows(m_db->db());
    const HttpResult set =
        m_client->send("PUT", u"/api/v1/targets"_s + query,
                       R"({"regions":[{"region":"331102","targets":{"robots_added":3}}]})", {});
    QCOMPARE(set.status, 400);
    QCOMPARE(set.json().value("error"_L1).toObject().value("field"_L1).toString(), u"period"_s);
    QCOMPARE(tableRows(m_db->db()), before);
    // PUT needs the period: without one it is refused too.
    QCOMPARE(m_client->send("PUT", u"/api/v1/targets"_s, R"({"regions":[]})", {}).status, 400);
}

void Tst_server_targets::periodsWithTargetsOrData()
{
    auto periods = [this] {
        return intList(m_client->get(u"/api/v1/targets"_s).json().value("periods"_L1).toArray());
    };
    QCOMPARE(periods(), (QList<int>{2024, 2027}));
    QCOMPARE(put(2025, R"({"regions":[{"region":"331102","targets":{"robots_added":3}}]})").status,
             200);
    QCOMPARE(periods(), (QList<int>{2024, 2025, 2027}));
    // A survey of 2026 (data, no target) and an official figure of 2028.
    const QString a = gx::makeUscc(u'9', u'1', kCounty, u"50000001");
    QCOMPARE(
        gx::test::storeRecords(m_db->db(), {StoredRecord{u"survey"_s,
                                                         u"00000000-0000-4000-8000-000000002026"_s,
                                                         0,
                                                         0,
                                                         false,
                                                         QJsonObject{{u"enterprise"_s, a},
                                                                     {u"period"_s, 2026},
                                                                     {u"state"_s, u"draft"_s}},
                                                         {},
                                                         kCounty,
                                                         a}}),
        QString());
    QCOMPARE(m_client
                 ->postJson(u"/api/v1/official-figures"_s,
                            {{u"region"_s, u"331100"_s},
                             {u"period"_s, 2028},
                             {u"indicator"_s, u"consumer_goods_revenue_growth"_s},
                             {u"value"_s, 0.1}})
                 .status,
             200);
    QCOMPARE(periods(), (QList<int>{2024, 2025, 2026, 2027, 2028}));
    // Removing 2025's only target takes 2025 off the list.
    QCOMPARE(
        put(2025, R"({"regions":[{"region":"331102","targets":{"robots_added":null}}]})").status,
        200);
    QCOMPARE(periods(), (QList<int>{2024, 2026, 2027, 2028}));
}

void Tst_server_targets::cliImport()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"targets-2025.csv"_s);
    QVERIFY(writeFile(path, "\xEF\xBB\xBFregion,digital_renovation_coverage,robots_added\r\n"
                            "331102,0.93,\r\n"
                            "331100,0.95,450\r\n"));
    const gx::test::CommandRun run = gx::test::runServerCommand(
        {u"targets"_s, u"import"_s, path, u"--period"_s, u"2025"_s, u"--db"_s, m_db->url()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"3 target(s)"_s), qPrintable(run.out));
    const QJsonObject answer = m_client->get(u"/api/v1/targets?period=2025"_s).json();
    QCOMPARE(regionEntry(answer, kCounty).value("targets"_L1).toObject(),
             (QJsonObject{{u"digital_renovation_coverage"_s, 0.93}}));
    QCOMPARE(regionEntry(answer, u"331100"_s).value("targets"_L1).toObject(),
             (QJsonObject{{u"digital_renovation_coverage"_s, 0.95}, {u"robots_added"_s, 450}}));
    auto entries = gx::server::AuditLog::recent(m_db->db(), 10, u"targets_imported"_s);
    QVERIFY(entries);
    QCOMPARE(entries.value().size(), 1);
    QVERIFY(entries.value().at(0).actor.startsWith(u"cli:"_s));
    QCOMPARE(entries.value().at(0).detail.value("source"_L1).toString(), u"targets-2025.csv"_s);
    QCOMPARE(entries.value().at(0).detail.value("changes"_L1).toArray().size(), 3);

    // On a new store before any serve: the catalog's targets and the file's, together (on
    // SQLite only: the PostgreSQL suites share one database, which a new one would reset).
    if (!gx::test::usingPostgres()) {
        gx::test::TestDatabase fresh;
        QVERIFY2(fresh.ok(), qPrintable(fresh.error()));
        const gx::test::CommandRun first = gx::test::runServerCommand(
            {u"targets"_s, u"import"_s, path, u"--period"_s, u"2025"_s, u"--db"_s, fresh.url()});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QStringList rows = tableRows(fresh.db());
        QVERIFY(rows.contains(u"2024 331102 tech_invest_growth 0.15"_s));
        QVERIFY(rows.contains(u"2025 331100 robots_added 450"_s));
    }
}

void Tst_server_targets::cliImportRefusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("problems"); // parts of the error output
    QTest::newRow("unknown region") << QByteArray("region,robots_added\n331102,5\n330100,5\n")
                                    << QStringList{u"line 3, region"_s};
    QTest::newRow("unknown indicator column")
        << QByteArray("region,cnc_rate\n331102,0.5\n") << QStringList{u"line 1"_s, u"cnc_rate"_s};
    QTest::newRow("first column not region")
        << QByteArray("county,robots_added\n331102,5\n") << QStringList{u"line 1"_s};
    QTest::newRow("rate as a percent")
        << QByteArray("region,digital_renovation_coverage\n331102,0.9\n331121,95\n")
        << QStringList{u"line 3, digital_renovation_coverage"_s};
    QTest::newRow("not a number") << QByteArray("region,robots_added\n331102,many\n")
                                  << QStringList{u"line 2, robots_added"_s};
    QTest::newRow("region twice") << QByteArray("region,robots_added\n331102,5\n331102,6\n")
                                  << QStringList{u"line 3, region"_s};
    QTest::newRow("every bad line")
        << QByteArray("region,robots_added,tech_invest_growth\n331102,1.5,0.1\n331121,2,11\n"
                      "331122,3\n")
        << QStringList{u"line 2, robots_added"_s, u"line 3, tech_invest_growth"_s, u"line 4"_s};
    QTest::newRow("header only") << QByteArray("region,robots_added\n") << QStringList{u"line 1"_s};
}

void Tst_server_targets::cliImportRefusesBadFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, problems);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bad.csv"_s);
    QVERIFY(writeFile(path, csv));
    const QStringList before = tableRows(m_db->db());
    const gx::test::CommandRun run = gx::test::runServerCommand(
        {u"targets"_s, u"import"_s, path, u"--period"_s, u"2025"_s, u"--db"_s, m_db->url()});
    QCOMPARE(run.exitCode, 1);
    for (const QString &problem : problems)
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"nothing was imported"_s), qPrintable(run.err));
    QCOMPARE(tableRows(m_db->db()), before);
    QCOMPARE(targetAudits(), 0);
}

QTEST_GUILESS_MAIN(Tst_server_targets)
#include "tst_server_targets.moc"
