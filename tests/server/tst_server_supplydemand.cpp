// 供需对接: GET /api/v1/stats/supply-demand against an independent computation over a generated
// city (plain loops over the generator's own structs, never the server's query): the demand of
// the counted surveys per county, category and planned year, the local supply beside it, the
// gaps and the figure's numerator and denominator; the drill-down; the XLSX export; refusals.
// On the backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include "sync/records/recordscope.h"
#include "sync/store/xlsxreader.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::StoredRecord;
using gx::test::HttpResult;
using gx::test::kPassword;

namespace {

constexpr int kPeriod = 2024;
const QStringList kCategories{u"machine_tool"_s, u"motor"_s,           u"pump"_s,
                              u"fan"_s,          u"bending_machine"_s, u"boiler"_s};
const QStringList kStatuses{u"in_service"_s, u"planned_renewal"_s, u"renewed"_s, u"eliminated"_s};

struct GenRow
{
    QString id;
    QString survey;
    QString category;
    int quantity = 1;
    QString status;
    int year = 0;                 ///< planned year, 0 for none
    std::optional<double> invest; ///< planned_invest_10k
    bool deleted = false;
};

struct GenSurvey
{
    QString id;
    QString uscc;
    int period = kPeriod;
    QString state;
    QString review; ///< the last review's state, or ""
    bool deleted = false;
};

struct GenSupply
{
    QString entity; ///< product or provider
    QString id;
    QString county;
    QStringList categories;
    bool deleted = false;
};

struct GenCity
{
    QMap<QString, QString> regionOf; ///< uscc -> county
    QList<GenSurvey> surveys;
    QList<GenRow> rows;
    QList<GenSupply> supply;
};

QString uuid(int kind, int n)
{
    return u"%1-0000-4000-8000-%2"_s.arg(30000000 + kind).arg(n, 12, 10, QChar(u'0'));
}

GenCity generate(quint32 seed, const QStringList &counties)
{
    QRandomGenerator random(seed);
    GenCity city;
    int next = 0;
    for (const QString &county : counties) {
        const int enterprises = 3 + int(random.bounded(6));
        for (int e = 0; e < enterprises; ++e) {
            const QString uscc = gx::test::testUscc(county.left(6), ++next);
            city.regionOf.insert(uscc, county);
            // Surveys in every state: counted ones (submitted, unreviewed or approved), and
            // ones that are not (drafts, rejected, deleted, another period).
            const int kind = int(random.bounded(6));
            GenSurvey s{uuid(1, next), uscc, kPeriod, u"submitted"_s, {}, false};
            if (kind == 1)
                s.state = u"draft"_s;
            else if (kind == 2)
                s.review = u"rejected"_s;
            else if (kind == 3)
                s.review = u"approved"_s;
            else if (kind == 4)
                s.period = kPeriod + 1;
            else if (kind == 5 && random.bounded(2) == 0)
                s.deleted = true;
            city.surveys.append(s);
            const int rows = int(random.bounded(7));
            for (int r = 0; r < rows; ++r) {
                GenRow row{uuid(2, next * 10 + r),
                           s.id,
                           kCategories.at(int(random.bounded(kCategories.size()))),
                           1 + int(random.bounded(5)),
                           kStatuses.at(int(random.bounded(kStatuses.size()))),
                           0,
                           {},
                           random.bounded(10) == 0};
                if (row.status == "planned_renewal"_L1) {
                    row.year = 2024 + int(random.bounded(4));
                    if (random.bounded(4) != 0)
                        row.invest = double(random.bounded(500)) / 4.0;
                }
                city.rows.append(row);
            }
        }
    }
    for (int n = 0; n < 3 * int(counties.size()); ++n) {
        const bool product = random.bounded(2) == 0;
        GenSupply s{product ? u"product"_s : u"provider"_s,
                    uuid(3, n),
                    counties.at(int(random.bounded(counties.size()))),
                    {},
                    random.bounded(12) == 0};
        const int categories = product ? 1 : 1 + int(random.bounded(3));
        while (s.categories.size() < categories) {
            const QString c = kCategories.at(int(random.bounded(kCategories.size())));
            if (!s.categories.contains(c))
                s.categories.append(c);
        }
        city.supply.append(s);
    }
    return city;
}

QList<StoredRecord> records(const GenCity &city)
{
    QList<StoredRecord> out;
    for (auto it = city.regionOf.cbegin(); it != city.regionOf.cend(); ++it) {
        out.append({u"enterprise"_s,
                    it.key(),
                    0,
                    0,
                    false,
                    QJsonObject{{u"uscc"_s, it.key()},
                                {u"name"_s, QString(u"测试企业"_s + it.key().right(4))},
                                {u"region"_s, it.value()},
                                {u"industry_code"_s, u"3421"_s},
                                {u"above_size"_s, true}},
                    {},
                    it.value(),
                    it.key()});
    }
    QHash<QString, QString> usccOf;
    QList<StoredRecord> reviews;
    for (const GenSurvey &s : city.surveys) {
        usccOf.insert(s.id, s.uscc);
        const QString region = city.regionOf.value(s.uscc);
        out.append(
            {u"survey"_s,
             s.id,
             0,
             0,
             s.deleted,
             QJsonObject{{u"enterprise"_s, s.uscc}, {u"period"_s, s.period}, {u"state"_s, s.state}},
             {},
             region,
             s.uscc});
        if (!s.review.isEmpty()) {
            reviews.append({u"review"_s,
                            uuid(4, int(reviews.size())),
                            0,
                            0,
                            false,
                            QJsonObject{{u"entity"_s, u"survey"_s},
                                        {u"record_id"_s, s.id},
                                        {u"state"_s, s.review},
                                        {u"comment"_s, u"审核意见"_s}},
                            {},
                            region,
                            s.uscc});
        }
    }
    for (const GenRow &r : city.rows) {
        QJsonObject f{{u"survey"_s, r.survey},     {u"category"_s, r.category},
                      {u"name"_s, r.category},     {u"model"_s, QString(u"M-"_s + r.id.right(3))},
                      {u"quantity"_s, r.quantity}, {u"status"_s, r.status}};
        if (r.year)
            f.insert(u"planned_year"_s, r.year);
        if (r.invest)
            f.insert(u"planned_invest_10k"_s, *r.invest);
        const QString uscc = usccOf.value(r.survey);
        out.append({u"equipment"_s, r.id, 0, 0, r.deleted, f, {}, city.regionOf.value(uscc), uscc});
    }
    for (const GenSupply &s : city.supply) {
        QJsonObject f{{u"name"_s, QString(s.entity + s.id.right(3))}, {u"county"_s, s.county}};
        if (s.entity == "product"_L1)
            f.insert(u"category"_s, s.categories.constFirst());
        else
            f.insert(u"categories"_s, QJsonArray::fromStringList(s.categories));
        const QString everywhere = QString(gx::server::RecordScope::kCityWide);
        out.append({s.entity, s.id, 0, 0, s.deleted, f, {}, everywhere, everywhere});
    }
    return out + reviews;
}

/** What the report should say of one county and category, computed from the generator's city. */
struct Expected
{
    QSet<QString> enterprises;
    qint64 units = 0;
    double investment = 0;
    int rows = 0;
    std::map<int, std::tuple<QSet<QString>, qint64, double>> byYear;
    int products = 0;
    int providers = 0;
};

std::map<std::pair<QString, QString>, Expected> expected(const GenCity &city)
{
    std::map<std::pair<QString, QString>, Expected> out;
    QHash<QString, const GenSurvey *> counted; // survey id -> counted survey
    for (const GenSurvey &s : city.surveys) {
        if (s.period == kPeriod && s.state == "submitted"_L1 && !s.deleted &&
            s.review != "rejected"_L1)
            counted.insert(s.id, &s);
    }
    for (const GenRow &r : city.rows) {
        const GenSurvey *s = counted.value(r.survey);
        if (!s || r.deleted || r.status != "planned_renewal"_L1)
            continue;
        Expected &e = out[{city.regionOf.value(s->uscc), r.category}];
        e.enterprises.insert(s->uscc);
        e.units += r.quantity;
        e.investment += r.invest.value_or(0);
        ++e.rows;
        auto &[who, units, invest] = e.byYear[r.year];
        who.insert(s->uscc);
        units += r.quantity;
        invest += r.invest.value_or(0);
    }
    for (const GenSupply &s : city.supply) {
        if (s.deleted)
            continue;
        for (const QString &c : s.categories)
            ++(s.entity == "product"_L1 ? out[{s.county, c}].products
                                        : out[{s.county, c}].providers);
    }
    return out;
}

} // namespace

class Tst_server_supplydemand : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void report_data();
    void report();
    void drillDown();
    void workbook();
    void refusals_data();
    void refusals();

private:
    [[nodiscard]] QString fill(quint32 seed);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    std::unique_ptr<gx::test::HttpClient> m_office;
    GenCity m_city;
};

void Tst_server_supplydemand::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(
        gx::test::addUser(m_db->db(), u"insp"_s, Role::Inspector, kPassword, gx::test::kRegion),
        QString());
    m_server = std::make_unique<gx::test::TestServer>(m_db->db());
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    m_office = std::make_unique<gx::test::HttpClient>(m_server->baseUrl());
    QVERIFY(!m_office->login(u"office"_s, kPassword).isEmpty());
}

void Tst_server_supplydemand::cleanup()
{
    m_office.reset();
    m_server.reset();
    m_db.reset();
}

QString Tst_server_supplydemand::fill(quint32 seed)
{
    m_city = generate(seed, gx::test::testRegions().regionCodes());
    QList<gx::RegistryEntry> registry;
    for (auto it = m_city.regionOf.cbegin(); it != m_city.regionOf.cend(); ++it)
        registry.append({it.key(), u"测试企业"_s, it.value(), u"3421"_s, true});
    if (QString error = gx::test::storeRegistry(m_db->db(), registry); !error.isEmpty())
        return error;
    return gx::test::storeRecords(m_db->db(), records(m_city));
}

void Tst_server_supplydemand::report_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 7u, 20241128u})
        QTest::newRow(qPrintable(u"city %1"_s.arg(seed))) << seed;
}

void Tst_server_supplydemand::report()
{
    QFETCH(quint32, seed);
    QCOMPARE(fill(seed), QString());
    const auto want = expected(m_city);
    const HttpResult r = m_office->get(u"/api/v1/stats/supply-demand?period=%1"_s.arg(kPeriod));
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonObject report = r.json();
    QCOMPARE(report["period"_L1].toInt(), kPeriod);

    // Every (county, category) with demand or local supply, once, as computed.
    QSet<QString> seen;
    for (const QJsonValue &v : report["rows"_L1].toArray()) {
        const QJsonObject row = v.toObject();
        const auto key = std::pair{row["region"_L1].toString(), row["category"_L1].toString()};
        const QString name = key.first + u'/' + key.second;
        QVERIFY2(!seen.contains(name), qPrintable(name));
        seen.insert(name);
        const auto found = want.find(key);
        QVERIFY2(found != want.end(), qPrintable(u"unexpected row "_s + name));
        const Expected &e = found->second;
        const QJsonObject demand = row["demand"_L1].toObject();
        QCOMPARE(demand["enterprises"_L1].toInt(), int(e.enterprises.size()));
        QCOMPARE(demand["units"_L1].toInteger(), e.units);
        QVERIFY(qFuzzyCompare(1 + demand["investment_10k"_L1].toDouble(), 1 + e.investment));
        QCOMPARE(demand["rows"_L1].toInt(), e.rows);
        QCOMPARE(row["products"_L1].toInt(), e.products);
        QCOMPARE(row["providers"_L1].toInt(), e.providers);
        QCOMPARE(row["gap"_L1].toBool(), e.rows > 0 && e.products + e.providers == 0);
        const QJsonObject years = row["by_year"_L1].toObject();
        QCOMPARE(years.size(), qsizetype(e.byYear.size()));
        for (const auto &[year, sums] : e.byYear) {
            const QJsonObject y = years[QString::number(year)].toObject();
            QCOMPARE(y["enterprises"_L1].toInt(), int(std::get<0>(sums).size()));
            QCOMPARE(y["units"_L1].toInteger(), std::get<1>(sums));
        }
    }
    QCOMPARE(seen.size(), qsizetype(want.size()));

    // The figure of each county and of the city: categories supplied / categories with demand.
    int cityDemand = 0, citySupplied = 0;
    QSet<QString> cityEnterprises;
    const QJsonArray regions = report["regions"_L1].toArray();
    QCOMPARE(regions.size(), gx::test::testRegions().regionCodes().size());
    for (const QJsonValue &v : regions) {
        const QString county = v["region"_L1].toString();
        int withDemand = 0, supplied = 0;
        for (const auto &[key, e] : want) {
            if (key.first != county || e.rows == 0)
                continue;
            ++withDemand;
            supplied += e.products + e.providers > 0 ? 1 : 0;
            cityEnterprises.unite(e.enterprises);
        }
        cityDemand += withDemand;
        citySupplied += supplied;
        const QJsonObject figure = v["indicators"_L1]["local_supply_coverage"_L1].toObject();
        QCOMPARE(figure["numerator"_L1].toInt(), supplied);
        QCOMPARE(figure["denominator"_L1].toInt(), withDemand);
        if (withDemand == 0)
            QVERIFY(figure["value"_L1].isNull());
        else
            QCOMPARE(figure["value"_L1].toDouble(), double(supplied) / withDemand);
        QCOMPARE(v["gaps"_L1].toInt(), withDemand - supplied);
    }
    const QJsonObject city = report["city"_L1].toObject();
    QCOMPARE(city["region"_L1].toString(), u"331100"_s);
    QCOMPARE(city["indicators"_L1]["local_supply_coverage"_L1]["numerator"_L1].toInt(),
             citySupplied);
    QCOMPARE(city["indicators"_L1]["local_supply_coverage"_L1]["denominator"_L1].toInt(),
             cityDemand);
    QCOMPARE(city["demand"_L1]["enterprises"_L1].toInt(), int(cityEnterprises.size()));
    QVERIFY2(cityDemand > 0 && citySupplied < cityDemand && citySupplied > 0,
             "the generated city has matches and gaps");
}

void Tst_server_supplydemand::drillDown()
{
    QCOMPARE(fill(7), QString());
    const auto want = expected(m_city);
    int checked = 0;
    for (const auto &[key, e] : want) {
        if (e.rows == 0)
            continue;
        const HttpResult r = m_office->get(
            u"/api/v1/stats/supply-demand?period=%1&region=%2&category=%3"_s.arg(kPeriod).arg(
                key.first, key.second));
        QVERIFY2(r.status == 200, r.describe().constData());
        QSet<QString> enterprises;
        int rows = 0;
        qint64 units = 0;
        for (const QJsonValue &v : r.json()["enterprises"_L1].toArray()) {
            enterprises.insert(v["enterprise"_L1].toString());
            QVERIFY(v["name"_L1].toString().startsWith(u"测试企业"_s));
            for (const QJsonValue &row : v["rows"_L1].toArray()) {
                ++rows;
                units += row["quantity"_L1].toInt();
                QVERIFY(row["planned_year"_L1].toInt() >= 2024);
            }
        }
        QCOMPARE(enterprises, e.enterprises);
        QCOMPARE(rows, e.rows);
        QCOMPARE(units, e.units);
        QCOMPARE(r.json()["products"_L1].toArray().size(), qsizetype(e.products));
        QCOMPARE(r.json()["providers"_L1].toArray().size(), qsizetype(e.providers));
        ++checked;
    }
    QVERIFY(checked > 5);
}

void Tst_server_supplydemand::workbook()
{
    QCOMPARE(fill(1), QString());
    const HttpResult r =
        m_office->get(u"/api/v1/stats/supply-demand?period=%1&format=xlsx"_s.arg(kPeriod));
    QVERIFY2(r.status == 200, r.describe().left(200).constData());
    QVERIFY(r.header("Content-Disposition").contains("supply-demand-2024.xlsx"));
    auto sheet = gx::server::XlsxReader::firstSheet(r.body);
    QVERIFY2(sheet.ok(), sheet.ok() ? "" : qPrintable(sheet.error().message));
    const QStringList header = sheet.value().constFirst().cells;
    QCOMPARE(header.mid(0, 4),
             (QStringList{u"地区"_s, u"地区代码"_s, u"设备类别"_s, u"计划更新企业"_s}));
    QVERIFY(header.contains(u"供需缺口"_s));
    QVERIFY(header.contains(u"2025年计划台(套)"_s));
    bool labelled = false, city = false;
    for (const auto &row : sheet.value()) {
        labelled = labelled || row.cells.contains(u"机床（车、铣、磨、钻、锯床等）"_s);
        city = city || row.cells.value(0) == u"全市"_s;
    }
    QVERIFY(labelled);
    QVERIFY(city);
    auto audit = m_db->db().exec(
        u"SELECT COUNT(*) FROM audit_log WHERE action = 'supply_demand_exported'"_s);
    QVERIFY(audit.ok() && audit.value().next());
    QCOMPARE(audit.value().value(0).toInt(), 1);
}

void Tst_server_supplydemand::refusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("inspector") << u"insp"_s << u"period=2024"_s << 403 << QString();
    QTest::newRow("no period") << u"office"_s << QString() << 400 << u"period"_s;
    QTest::newRow("bad format") << u"office"_s << u"period=2024&format=pdf"_s << 400 << u"format"_s;
    QTest::newRow("unknown county")
        << u"office"_s << u"period=2024&region=999999&category=pump"_s << 400 << u"region"_s;
    QTest::newRow("county without category")
        << u"office"_s << u"period=2024&region=331102"_s << 400 << u"category"_s;
}

void Tst_server_supplydemand::refusals()
{
    QFETCH(QString, user);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    gx::test::HttpClient client(m_server->baseUrl());
    QVERIFY(!client.login(user, kPassword).isEmpty());
    const HttpResult r = client.get(u"/api/v1/stats/supply-demand?"_s + query);
    QCOMPARE(r.status, status);
    QVERIFY(!r.errorMessage().isEmpty());
    if (!field.isEmpty())
        QCOMPARE(r.json()["error"_L1]["field"_L1].toString(), field);
}

QTEST_GUILESS_MAIN(Tst_server_supplydemand)
#include "tst_server_supplydemand.moc"
