// GET /api/v1/stats/coverage and the official figures: a generated fixture written into a fresh
// store, the answer compared field by field with figures worked out here by plain loops over the
// same fixture (docs/design.md "Indicators"; statsfixture.cpp), never by core's engine.

#include "statsfixture.h"
#include "testsupport.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::StoredRecord;
using gx::test::HttpClient;
using gx::test::HttpResult;

using namespace gx::test::stats;

namespace {

const QString kPassword = u"correct horse battery"_s;

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

QJsonObject regionOf(const QJsonObject &report, const QString &code)
{
    if (code.isEmpty())
        return report.value("city"_L1).toObject();
    for (const QJsonValue &region : report.value("regions"_L1).toArray()) {
        if (region.toObject().value("region"_L1).toString() == code)
            return region.toObject();
    }
    return {};
}

} // namespace

class Tst_server_stats : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void coverageMatchesIndependentFigures_data();
    void coverageMatchesIndependentFigures();
    void draftsAndRejectedAreNotCounted();
    void officialFiguresShownWithTargets();
    void officialFigureRefusals_data();
    void officialFigureRefusals();
    void officialImportReportsEveryBadLine();
    void onlyOfficeAndAdmin_data();
    void onlyOfficeAndAdmin();
    void badPeriod_data();
    void badPeriod();

private:
    [[nodiscard]] QJsonObject coverage(int period = kPeriod);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    gx::test::TestClock m_clock;
};

void Tst_server_stats::init()
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

void Tst_server_stats::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_db.reset();
}

QJsonObject Tst_server_stats::coverage(int period)
{
    const HttpResult result = m_client->get(u"/api/v1/stats/coverage?period=%1"_s.arg(period));
    if (result.status != 200)
        qWarning("coverage: %s", result.describe().constData());
    return result.status == 200 ? result.json() : QJsonObject();
}

void Tst_server_stats::coverageMatchesIndependentFigures_data()
{
    QTest::addColumn<QString>("region");
    QTest::newRow("city") << QString();
    for (const gx::Region &region : gx::test::testRegions().regions())
        QTest::newRow(qPrintable(region.code)) << region.code;
}

void Tst_server_stats::coverageMatchesIndependentFigures()
{
    QFETCH(QString, region);
    const Fixture fx = makeFixture();
    QList<gx::RegistryEntry> registry;
    for (const FxEnterprise &e : fx.enterprises) {
        if (e.inRegistry)
            registry.append({e.uscc, u"测试企业"_s, e.region, u"3421"_s, e.aboveSize});
    }
    QCOMPARE(gx::test::storeRegistry(m_db->db(), registry), QString());
    QCOMPARE(gx::test::storeRecords(m_db->db(), fixtureRecords(fx)), QString());

    const QJsonObject report = coverage();
    QCOMPARE(report.value("period"_L1).toInt(), kPeriod);
    QCOMPARE(report.value("regions"_L1).toArray().size(), gx::test::testRegions().regions().size());
    const QJsonObject answer = regionOf(report, region);
    QVERIFY2(!answer.isEmpty(), "the region is in the answer");
    QCOMPARE(answer.value("region"_L1).toString(),
             region.isEmpty() ? gx::test::testRegions().city().code : region);

    const Expected x = expectedFor(fx, region);
    QVERIFY2(x.registry > 0 && x.counted > 0, "the fixture gives the region something to count");
    QCOMPARE(answer.value("registry"_L1).toInt(), x.registry);
    QCOMPARE(answer.value("surveyed"_L1).toInt(), x.surveyed);
    QCOMPARE(answer.value("counted_surveys"_L1).toInt(), x.counted);
    const QJsonObject indicators = answer.value("indicators"_L1).toObject();
    for (auto it = x.figures.cbegin(); it != x.figures.cend(); ++it) {
        const QJsonObject figure = indicators.value(it.key()).toObject();
        const auto &[value, numerator, denominator] = it.value();
        const QByteArray what =
            it.key().toUtf8() + ": " + QJsonDocument(figure).toJson(QJsonDocument::Compact);
        QVERIFY2(!figure.isEmpty(), what.constData());
        QVERIFY2(close(figure.value("numerator"_L1).toDouble(), numerator), what.constData());
        QVERIFY2(close(figure.value("denominator"_L1).toDouble(), denominator), what.constData());
        if (value)
            QVERIFY2(close(figure.value("value"_L1).toDouble(-1e9), *value), what.constData());
        else
            QVERIFY2(figure.value("value"_L1).isNull(), what.constData());
    }
    QStringList flagged;
    for (const QJsonValue &uscc : answer.value("flagged_enterprises"_L1).toArray())
        flagged.append(uscc.toString());
    QCOMPARE(flagged, x.flagged);
}

void Tst_server_stats::draftsAndRejectedAreNotCounted()
{
    // Four above-size enterprises of 331123: A submitted (level 2), B a draft (level 3), C
    // submitted but rejected (level 1), D rejected and then approved (level 1). Counted: A and D.
    // Coverage = 2 / 4 = 0.5; robots added = 1 (A) + 8 (D) = 9 over 2 counted surveys.
    const QString region = u"331123"_s;
    QStringList ids;
    QList<gx::RegistryEntry> registry;
    QList<StoredRecord> records;
    const QList<std::tuple<QString, int, int>> surveys{{u"submitted"_s, 2, 1},
                                                       {u"draft"_s, 3, 100},
                                                       {u"submitted"_s, 1, 50},
                                                       {u"submitted"_s, 1, 8}};
    for (int i = 0; i < 4; ++i) {
        const QString uscc = gx::makeUscc(u'9', u'1', region, u"3000000%1"_s.arg(i));
        registry.append({uscc, u"企业"_s, region, u"3421"_s, true});
        const auto &[state, level, robots] = surveys.at(i);
        ids.append(surveyId(i + 1));
        records.append({u"survey"_s,
                        ids.constLast(),
                        0,
                        0,
                        false,
                        QJsonObject{{u"enterprise"_s, uscc},
                                    {u"period"_s, kPeriod},
                                    {u"state"_s, state},
                                    {u"digital_level"_s, level},
                                    {u"robots_added"_s, robots}},
                        {},
                        region,
                        uscc});
    }
    auto review = [&](int survey, const QString &state, int n) {
        records.append({u"review"_s,
                        surveyId(100 + n),
                        0,
                        0,
                        false,
                        QJsonObject{{u"entity"_s, u"survey"_s},
                                    {u"record_id"_s, ids.at(survey)},
                                    {u"state"_s, state},
                                    {u"comment"_s, u"请补充"_s}},
                        {},
                        region,
                        QString()});
    };
    review(2, u"rejected"_s, 1);
    review(3, u"rejected"_s, 2);
    review(3, u"approved"_s, 3);
    QCOMPARE(gx::test::storeRegistry(m_db->db(), registry), QString());
    QCOMPARE(gx::test::storeRecords(m_db->db(), records), QString());

    const QJsonObject answer = regionOf(coverage(), region);
    QCOMPARE(answer.value("registry"_L1).toInt(), 4);
    QCOMPARE(answer.value("surveyed"_L1).toInt(), 2);
    QCOMPARE(answer.value("counted_surveys"_L1).toInt(), 2);
    const QJsonObject indicators = answer.value("indicators"_L1).toObject();
    const QJsonObject digital = indicators.value("digital_renovation_coverage"_L1).toObject();
    QCOMPARE(digital.value("value"_L1).toDouble(), 0.5);
    QCOMPARE(digital.value("numerator"_L1).toDouble(), 2.0);
    QCOMPARE(digital.value("denominator"_L1).toDouble(), 4.0);
    // 遂昌县's 2024 target in the annex: 95 %, not met by 50 %.
    QCOMPARE(digital.value("target"_L1).toDouble(), 0.95);
    QCOMPARE(digital.value("met"_L1).toBool(true), false);
    QCOMPARE(indicators.value("robots_added"_L1).toObject().value("value"_L1).toDouble(), 9.0);
}

void Tst_server_stats::officialFiguresShownWithTargets()
{
    // The city's digital-core value added grew 13 % (113 over 100); the annex's target is 12 %.
    HttpResult set = m_client->postJson(u"/api/v1/official-figures"_s,
                                        {{u"region"_s, u"331100"_s},
                                         {u"period"_s, kPeriod},
                                         {u"indicator"_s, u"digital_core_value_added_growth"_s},
                                         {u"value"_s, 0.13},
                                         {u"current"_s, 113},
                                         {u"base"_s, 100}});
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().value("value"_L1).toDouble(), 0.13);
    // 莲都区 equipment manufacturing grew 8 %: below its 10 % target. Entered twice: the last wins.
    for (double value : {0.5, 0.08}) {
        set = m_client->postJson(u"/api/v1/official-figures"_s,
                                 {{u"region"_s, u"331102"_s},
                                  {u"period"_s, kPeriod},
                                  {u"indicator"_s, u"equipment_mfg_value_added_growth"_s},
                                  {u"value"_s, value}});
        QCOMPARE(set.status, 200);
    }

    const QJsonObject report = coverage();
    const QJsonObject city = regionOf(report, {}).value("indicators"_L1).toObject();
    const QJsonObject core = city.value("digital_core_value_added_growth"_L1).toObject();
    QCOMPARE(core.value("value"_L1).toDouble(), 0.13);
    QCOMPARE(core.value("numerator"_L1).toDouble(), 113.0);
    QCOMPARE(core.value("denominator"_L1).toDouble(), 100.0);
    QCOMPARE(core.value("target"_L1).toDouble(), 0.12);
    QCOMPARE(core.value("met"_L1).toBool(false), true);
    // Not entered: null beside its target.
    const QJsonObject consumer = city.value("consumer_goods_revenue_growth"_L1).toObject();
    QVERIFY(consumer.value("value"_L1).isNull());
    QCOMPARE(consumer.value("target"_L1).toDouble(), 0.1);

    const QJsonObject lianduFigure = regionOf(report, u"331102"_s)
                                         .value("indicators"_L1)
                                         .toObject()
                                         .value("equipment_mfg_value_added_growth"_L1)
                                         .toObject();
    QCOMPARE(lianduFigure.value("value"_L1).toDouble(), 0.08);
    QCOMPARE(lianduFigure.value("target"_L1).toDouble(), 0.1);
    QCOMPARE(lianduFigure.value("met"_L1).toBool(true), false);

    const HttpResult listed = m_client->get(u"/api/v1/official-figures?period=2024"_s);
    QCOMPARE(listed.status, 200);
    const QJsonArray figures = listed.json().value("figures"_L1).toArray();
    QCOMPARE(figures.size(), 2);
    QCOMPARE(m_client->get(u"/api/v1/official-figures?period=2025"_s)
                 .json()
                 .value("figures"_L1)
                 .toArray()
                 .size(),
             0);
    auto audit = gx::server::AuditLog::recent(m_db->db(), 10, u"official_figure_set"_s);
    QVERIFY(audit);
    QCOMPARE(audit.value().size(), 3);
    QCOMPARE(audit.value().constFirst().actor, u"office"_s);
}

void Tst_server_stats::officialFigureRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray good =
        R"("region":"331100","period":2024,"indicator":"consumer_goods_revenue_growth")";
    QTest::newRow("unknown region")
        << QByteArray(
               R"({"region":"330100","period":2024,"indicator":"consumer_goods_revenue_growth","value":0.1})")
        << u"region"_s;
    QTest::newRow("region missing")
        << QByteArray(R"({"period":2024,"indicator":"consumer_goods_revenue_growth","value":0.1})")
        << u"region"_s;
    QTest::newRow("survey indicator")
        << QByteArray(
               R"({"region":"331100","period":2024,"indicator":"digital_renovation_coverage","value":0.1})")
        << u"indicator"_s;
    QTest::newRow("value missing") << QByteArray("{" + good + "}") << u"value"_s;
    QTest::newRow("value a string") << QByteArray("{" + good + R"(,"value":"12%"})") << u"value"_s;
    QTest::newRow("value null") << QByteArray("{" + good + R"(,"value":null})") << u"value"_s;
    QTest::newRow("period 1999")
        << QByteArray(
               R"({"region":"331100","period":1999,"indicator":"consumer_goods_revenue_growth","value":0.1})")
        << u"period"_s;
    QTest::newRow("period fraction")
        << QByteArray(
               R"({"region":"331100","period":2024.5,"indicator":"consumer_goods_revenue_growth","value":0.1})")
        << u"period"_s;
    QTest::newRow("base a string")
        << QByteArray("{" + good + R"(,"value":0.1,"base":"100"})") << u"base"_s;
    QTest::newRow("unknown member")
        << QByteArray("{" + good + R"(,"value":0.1,"note":"x"})") << u"note"_s;
}

void Tst_server_stats::officialFigureRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult result = m_client->post(u"/api/v1/official-figures"_s, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), u"bad_request"_s);
    QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    QVERIFY(!result.errorMessage().isEmpty());
    QCOMPARE(m_client->get(u"/api/v1/official-figures?period=2024"_s)
                 .json()
                 .value("figures"_L1)
                 .toArray()
                 .size(),
             0);
}

void Tst_server_stats::officialImportReportsEveryBadLine()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(u"bad.csv"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("region,period,indicator,value,current,base\n"
               "331100,2024,digital_core_value_added_growth,0.13,113,100\n" // line 2: good
               "330000,2024,digital_core_value_added_growth,0.13,,\n"       // 3: region
               "331102,20x4,consumer_goods_revenue_growth,0.1,,\n"          // 4: period
               "331102,2024,robots_added,5,,\n"                             // 5: indicator
               "331102,2024,consumer_goods_revenue_growth,abc,,\n"          // 6: value
               "331100,2024,digital_core_value_added_growth,0.2,,\n");      // 7: twice
    file.close();
    const gx::test::CommandRun refused =
        gx::test::runServerCommand({u"official"_s, u"import"_s, bad, u"--db"_s, m_db->url()});
    const QString err = refused.err;
    QCOMPARE(refused.exitCode, 1);
    for (int line : {3, 4, 5, 6, 7})
        QVERIFY2(err.contains(u"bad.csv:%1:"_s.arg(line)), qPrintable(err));
    QVERIFY2(!err.contains(u"bad.csv:2:"_s), qPrintable(err));
    QVERIFY2(err.contains(u"nothing was imported"_s), qPrintable(err));
    QCOMPARE(m_client->get(u"/api/v1/official-figures?period=2024"_s)
                 .json()
                 .value("figures"_L1)
                 .toArray()
                 .size(),
             0);

    const QString good = dir.filePath(u"good.csv"_s);
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    goodFile.write("\xEF\xBB\xBFindicator,region,period,value\r\n"
                   "digital_core_value_added_growth,331100,2024,0.125\r\n"
                   "consumer_goods_revenue_growth,331181,2024,-0.02\r\n");
    goodFile.close();
    const gx::test::CommandRun imported =
        gx::test::runServerCommand({u"official"_s, u"import"_s, good, u"--db"_s, m_db->url()});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY(imported.out.contains(u"2 figure"_s));
    const QJsonArray figures = m_client->get(u"/api/v1/official-figures?period=2024"_s)
                                   .json()
                                   .value("figures"_L1)
                                   .toArray();
    QCOMPARE(figures.size(), 2);
    // Ordered by region: 331100 before 331181.
    QCOMPARE(figures.at(0).toObject().value("value"_L1).toDouble(), 0.125);
    QVERIFY(figures.at(0).toObject().value("base"_L1).isNull());
    QCOMPARE(figures.at(1).toObject().value("value"_L1).toDouble(), -0.02);
}

void Tst_server_stats::onlyOfficeAndAdmin_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("status");
    QTest::newRow("inspector") << u"inspector"_s << 403;
    QTest::newRow("enterprise") << u"enterprise"_s << 403;
    QTest::newRow("no token") << QString() << 401;
    QTest::newRow("admin") << u"admin"_s << 200;
    QTest::newRow("office") << u"office"_s << 200;
}

void Tst_server_stats::onlyOfficeAndAdmin()
{
    QFETCH(QString, role);
    QFETCH(int, status);
    const QString uscc = gx::makeUscc(u'9', u'1', u"331102", u"40000001");
    QCOMPARE(gx::test::addUser(m_db->db(), u"inspector"_s, Role::Inspector, kPassword, u"331102"_s),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"enterprise"_s, Role::Enterprise, kPassword, {}, uscc),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"admin"_s, Role::Admin, kPassword), QString());
    HttpClient client(m_server->baseUrl());
    if (!role.isEmpty())
        QVERIFY(!client.login(role, kPassword).isEmpty());

    const HttpResult stats = client.get(u"/api/v1/stats/coverage?period=2024"_s);
    QCOMPARE(stats.status, status);
    const HttpResult list = client.get(u"/api/v1/official-figures?period=2024"_s);
    QCOMPARE(list.status, status);
    const HttpResult set = client.postJson(u"/api/v1/official-figures"_s,
                                           {{u"region"_s, u"331100"_s},
                                            {u"period"_s, kPeriod},
                                            {u"indicator"_s, u"consumer_goods_revenue_growth"_s},
                                            {u"value"_s, 0.1}});
    QCOMPARE(set.status, status);
    if (status != 200) {
        QCOMPARE(stats.errorCode(), status == 403 ? u"forbidden"_s : u"unauthorized"_s);
        QCOMPARE(m_client->get(u"/api/v1/official-figures?period=2024"_s)
                     .json()
                     .value("figures"_L1)
                     .toArray()
                     .size(),
                 0);
    }
}

void Tst_server_stats::badPeriod_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("missing") << QString();
    QTest::newRow("empty") << u"?period="_s;
    QTest::newRow("word") << u"?period=abc"_s;
    QTest::newRow("1999") << u"?period=1999"_s;
    QTest::newRow("2101") << u"?period=2101"_s;
    QTest::newRow("fraction") << u"?period=2024.5"_s;
    QTest::newRow("sql") << u"?period=2024%27%20OR%201=1"_s;
}

void Tst_server_stats::badPeriod()
{
    QFETCH(QString, query);
    for (const QString &path : {u"/api/v1/stats/coverage"_s, u"/api/v1/official-figures"_s}) {
        const HttpResult result = m_client->get(path + query);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorCode(), u"bad_request"_s);
        QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(),
                 u"period"_s);
    }
}

QTEST_GUILESS_MAIN(Tst_server_stats)
#include "tst_server_stats.moc"
