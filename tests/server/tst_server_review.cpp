// POST /api/v1/reviews: each state, every refusal (400 naming the member, 404), the review as a
// record in the change feed pulled by the devices in scope only, and a rejected survey leaving
// the figures.

#include "testsupport.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::server::StoredRecord;
using gx::test::HttpClient;
using gx::test::HttpResult;

namespace {

const QString kPassword = u"correct horse battery"_s;
const QString kRegion = u"331102"_s;
const QString kSurvey = u"5b1e28ba-2fa1-41d2-883f-0016d3cca427"_s;
const QString kGoneSurvey = u"6c1e28ba-2fa1-41d2-883f-0016d3cca427"_s;

QString uscc()
{
    return gx::makeUscc(u'9', u'1', kRegion, u"51000001");
}

} // namespace

class Tst_server_review : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void eachState_data();
    void eachState();
    void refusals_data();
    void refusals();
    void unknownOrDeletedRecord_data();
    void unknownOrDeletedRecord();
    void onlyOfficeAndAdmin_data();
    void onlyOfficeAndAdmin();
    void pulledByDevicesInScopeOnly();
    void rejectedStopsCounting();
    void auditLogReadable_data();
    void auditLogReadable();

private:
    [[nodiscard]] HttpResult review(HttpClient &client, const QString &state,
                                    const QString &comment = {}, const QString &field = {});
    [[nodiscard]] qint64 reviewCount();
    [[nodiscard]] QJsonObject cityDigitalCoverage();

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    std::unique_ptr<HttpClient> m_office;
    gx::test::TestClock m_clock;
};

void Tst_server_review::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<gx::test::TestServer>(m_db->db(), config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    for (const auto &[name, role, region, enterprise] :
         QList<std::tuple<QString, Role, QString, QString>>{
             {u"office"_s, Role::Office, {}, {}},
             {u"admin"_s, Role::Admin, {}, {}},
             {u"inspector-in"_s, Role::Inspector, kRegion, {}},
             {u"inspector-out"_s, Role::Inspector, u"331181"_s, {}},
             {u"enterprise-in"_s, Role::Enterprise, {}, uscc()},
             {u"enterprise-out"_s,
              Role::Enterprise,
              {},
              gx::makeUscc(u'9', u'1', kRegion, u"51000002")}}) {
        QCOMPARE(gx::test::addUser(m_db->db(), name, role, kPassword, region, enterprise),
                 QString());
    }
    m_office = std::make_unique<HttpClient>(m_server->baseUrl());
    QVERIFY(!m_office->login(u"office"_s, kPassword).isEmpty());

    // One above-size enterprise of 莲都区 with a submitted survey (digital level 2), and a
    // deleted survey.
    QCOMPARE(gx::test::storeRegistry(
                 m_db->db(), {{uscc(), u"丽水测试阀门有限公司"_s, kRegion, u"3443"_s, true}}),
             QString());
    QJsonObject survey = gx::test::submittedSurveyFields(uscc());
    QCOMPARE(gx::test::storeRecords(
                 m_db->db(),
                 {StoredRecord{u"enterprise"_s,
                               uscc(),
                               0,
                               0,
                               false,
                               QJsonObject{{u"uscc"_s, uscc()},
                                           {u"name"_s, u"丽水测试阀门有限公司"_s},
                                           {u"region"_s, kRegion},
                                           {u"industry_code"_s, u"3443"_s},
                                           {u"above_size"_s, true}},
                               {},
                               kRegion,
                               uscc()},
                  StoredRecord{u"survey"_s, kSurvey, 0, 0, false, survey, {}, kRegion, uscc()},
                  StoredRecord{u"survey"_s, kGoneSurvey, 0, 0, true, survey, {}, kRegion, uscc()}}),
             QString());
}

void Tst_server_review::cleanup()
{
    m_office.reset();
    m_server.reset();
    m_db.reset();
}

HttpResult Tst_server_review::review(HttpClient &client, const QString &state,
                                     const QString &comment, const QString &field)
{
    QJsonObject body{{u"entity"_s, u"survey"_s}, {u"id"_s, kSurvey}, {u"state"_s, state}};
    if (!comment.isEmpty())
        body.insert(u"comment"_s, comment);
    if (!field.isEmpty())
        body.insert(u"field"_s, field);
    return client.postJson(u"/api/v1/reviews"_s, body);
}

qint64 Tst_server_review::reviewCount()
{
    auto query = m_db->db().exec(u"SELECT COUNT(*) FROM records WHERE entity = 'review'"_s);
    if (!query || !query.value().next())
        return -1;
    return query.value().value(0).toLongLong();
}

QJsonObject Tst_server_review::cityDigitalCoverage()
{
    const HttpResult result = m_office->get(u"/api/v1/stats/coverage?period=2024"_s);
    return result.json()
        .value("city"_L1)
        .toObject()
        .value("indicators"_L1)
        .toObject()
        .value("digital_renovation_coverage"_L1)
        .toObject();
}

void Tst_server_review::eachState_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<QString>("field");
    QTest::newRow("approved, no comment") << u"approved"_s << QString() << QString();
    QTest::newRow("approved, with comment") << u"approved"_s << u"数据完整"_s << QString();
    QTest::newRow("has_issues, pinned to a field")
        << u"has_issues"_s << u"数控关键工序数与设备清单不符"_s << u"key_processes_cnc"_s;
    QTest::newRow("has_issues, whole survey")
        << u"has_issues"_s << u"请补充走访照片"_s << QString();
    QTest::newRow("rejected") << u"rejected"_s << u"主要数据缺失，退回重报"_s << QString();
}

void Tst_server_review::eachState()
{
    QFETCH(QString, state);
    QFETCH(QString, comment);
    QFETCH(QString, field);
    const HttpResult result = review(*m_office, state, comment, field);
    QCOMPARE(result.status, 201);
    const QJsonObject body = result.json();
    QCOMPARE(body.value("entity"_L1).toString(), u"survey"_s);
    QCOMPARE(body.value("record_id"_L1).toString(), kSurvey);
    QCOMPARE(body.value("state"_L1).toString(), state);
    QCOMPARE(body.value("comment"_L1).toString(), comment);
    if (field.isEmpty())
        QVERIFY(body.value("field"_L1).isNull());
    else
        QCOMPARE(body.value("field"_L1).toString(), field);
    QCOMPARE(body.value("reviewer"_L1).toString(), u"office"_s);
    QCOMPARE(body.value("reviewed_at"_L1).toString(), u"2024-11-28T12:00:00.000Z"_s);
    QCOMPARE(body.value("rev"_L1).toInteger(), 1);
    const QString id = body.value("id"_L1).toString();
    QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));

    // A record of entity review, scoped like the survey it concerns.
    gx::server::RecordStore records(m_db->db());
    auto stored = records.get(u"review"_s, id);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->region, kRegion);
    QCOMPARE(stored.value()->enterprise, uscc());
    QCOMPARE(stored.value()->fields.value("state"_L1).toString(), state);

    auto audit = gx::server::AuditLog::recent(m_db->db(), 5, u"review"_s);
    QVERIFY(audit);
    QCOMPARE(audit.value().size(), 1);
    QCOMPARE(audit.value().constFirst().actor, u"office"_s);
    QCOMPARE(audit.value().constFirst().detail.value("state"_L1).toString(), state);
    QCOMPARE(audit.value().constFirst().detail.value("id"_L1).toString(), kSurvey);
}

void Tst_server_review::refusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QByteArray survey = R"("entity":"survey","id":")" + kSurvey.toUtf8() + '"';
    QTest::newRow("entity missing")
        << QByteArray(R"({"id":"x","state":"approved"})") << u"entity"_s;
    QTest::newRow("entity unknown")
        << QByteArray(R"({"entity":"factory","id":"x","state":"approved"})") << u"entity"_s;
    QTest::newRow("a review of a review")
        << QByteArray(R"({"entity":"review","id":"x","state":"approved"})") << u"entity"_s;
    QTest::newRow("entity a number")
        << QByteArray(R"({"entity":7,"id":"x","state":"approved"})") << u"entity"_s;
    QTest::newRow("id missing") << QByteArray(R"({"entity":"survey","state":"approved"})")
                                << u"id"_s;
    QTest::newRow("state missing") << QByteArray("{" + survey + "}") << u"state"_s;
    QTest::newRow("state unknown") << QByteArray("{" + survey + R"(,"state":"ok"})") << u"state"_s;
    QTest::newRow("has_issues without comment")
        << QByteArray("{" + survey + R"(,"state":"has_issues","field":"digital_level"})")
        << u"comment"_s;
    QTest::newRow("rejected with a blank comment")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":"  \n "})") << u"comment"_s;
    QTest::newRow("comment a number")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":5})") << u"comment"_s;
    QTest::newRow("comment too long")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":")" + QByteArray(2001, 'x') +
                      "\"}")
        << u"comment"_s;
    QTest::newRow("field unknown")
        << QByteArray("{" + survey + R"(,"state":"has_issues","comment":"c","field":"colour"})")
        << u"field"_s;
    QTest::newRow("field of another entity")
        << QByteArray("{" + survey + R"(,"state":"has_issues","comment":"c","field":"category"})")
        << u"field"_s;
    QTest::newRow("unknown member")
        << QByteArray("{" + survey + R"(,"state":"approved","reviewer":"boss"})") << u"reviewer"_s;
    // The probe: a malformed id answered 404, as if it could name a record.
    QTest::newRow("SQL-looking id")
        << QByteArray(R"({"entity":"survey","id":"x' OR '1'='1","state":"approved"})") << u"id"_s;
    QTest::newRow("id not a UUID")
        << QByteArray(R"({"entity":"survey","id":"x","state":"approved"})") << u"id"_s;
    QTest::newRow("enterprise id not a USCC")
        << QByteArray(R"({"entity":"enterprise","id":"7d1e28ba-2fa1-41d2-883f-0016d3cca427",)"
                      R"("state":"approved"})")
        << u"id"_s;
    // Text the sync codec refuses would stall every device of the county in its pull.
    QTest::newRow("comment with NUL")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":"a\u0000b"})")
        << u"comment"_s;
    QTest::newRow("comment with a lone surrogate")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":"a\ud800b"})")
        << u"comment"_s;
    QTest::newRow("comment with ESC")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":"\u001b[2Jx"})")
        << u"comment"_s;
    QTest::newRow("comment with DEL")
        << QByteArray("{" + survey + R"(,"state":"rejected","comment":"a\u007fb"})")
        << u"comment"_s;
    QTest::newRow("not JSON") << QByteArray("{\"entity\":") << QString();
    QTest::newRow("an array") << QByteArray("[]") << QString();
}

void Tst_server_review::refusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult result = m_office->post(u"/api/v1/reviews"_s, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), u"bad_request"_s);
    QVERIFY(!result.errorMessage().isEmpty());
    const QJsonValue got = result.json().value("error"_L1).toObject().value("field"_L1);
    if (field.isEmpty())
        QVERIFY2(got.isNull(), result.describe().constData());
    else
        QCOMPARE(got.toString(), field);
    QCOMPARE(reviewCount(), 0);
}

void Tst_server_review::unknownOrDeletedRecord_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("id");
    QTest::newRow("no such survey") << u"survey"_s << u"7d1e28ba-2fa1-41d2-883f-0016d3cca427"_s;
    QTest::newRow("deleted survey") << u"survey"_s << kGoneSurvey;
    QTest::newRow("no such enterprise")
        << u"enterprise"_s << gx::makeUscc(u'9', u'1', kRegion, u"59999999");
}

void Tst_server_review::unknownOrDeletedRecord()
{
    QFETCH(QString, entity);
    QFETCH(QString, id);
    const HttpResult result = m_office->postJson(u"/api/v1/reviews"_s, {{u"entity"_s, entity},
                                                                        {u"id"_s, id},
                                                                        {u"state"_s, u"rejected"_s},
                                                                        {u"comment"_s, u"退回"_s}});
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorCode(), u"not_found"_s);
    QCOMPARE(reviewCount(), 0);
}

void Tst_server_review::onlyOfficeAndAdmin_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("status");
    QTest::newRow("inspector in scope") << u"inspector-in"_s << 403;
    QTest::newRow("enterprise itself") << u"enterprise-in"_s << 403;
    QTest::newRow("no token") << QString() << 401;
    QTest::newRow("admin") << u"admin"_s << 201;
}

void Tst_server_review::onlyOfficeAndAdmin()
{
    QFETCH(QString, user);
    QFETCH(int, status);
    HttpClient client(m_server->baseUrl());
    if (!user.isEmpty())
        QVERIFY(!client.login(user, kPassword).isEmpty());
    const HttpResult result = review(client, u"approved"_s);
    QCOMPARE(result.status, status);
    QCOMPARE(reviewCount(), status == 201 ? 1 : 0);
    if (status == 201)
        QCOMPARE(result.json().value("reviewer"_L1).toString(), user);
}

void Tst_server_review::pulledByDevicesInScopeOnly()
{
    const HttpResult posted =
        review(*m_office, u"has_issues"_s, u"请核对数字化水平"_s, u"digital_level"_s);
    QCOMPARE(posted.status, 201);
    const QString id = posted.json().value("id"_L1).toString();

    const QList<std::pair<QString, bool>> users{{u"inspector-in"_s, true},
                                                {u"enterprise-in"_s, true},
                                                {u"office"_s, true},
                                                {u"inspector-out"_s, false},
                                                {u"enterprise-out"_s, false}};
    for (const auto &[user, sees] : users) {
        HttpClient client(m_server->baseUrl());
        QVERIFY(!client.login(user, kPassword).isEmpty());
        QString error;
        const QList<QJsonObject> changes = gx::test::pullEverything(client, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto found =
            std::find_if(changes.cbegin(), changes.cend(), [&](const QJsonObject &c) {
                return c.value("entity"_L1).toString() == "review"_L1 &&
                       c.value("id"_L1).toString() == id;
            });
        QVERIFY2((found != changes.cend()) == sees, qPrintable(user));
        if (sees) {
            const QJsonObject fields = found->value("fields"_L1).toObject();
            QCOMPARE(fields.value("record_id"_L1).toString(), kSurvey);
            QCOMPARE(fields.value("state"_L1).toString(), u"has_issues"_s);
            QCOMPARE(fields.value("field"_L1).toString(), u"digital_level"_s);
            QCOMPARE(fields.value("comment"_L1).toString(), u"请核对数字化水平"_s);
        }
    }
}

void Tst_server_review::rejectedStopsCounting()
{
    // One above-size registry enterprise with a submitted survey at digital level 2: 1 / 1.
    QJsonObject figure = cityDigitalCoverage();
    QCOMPARE(figure.value("numerator"_L1).toDouble(), 1.0);
    QCOMPARE(figure.value("denominator"_L1).toDouble(), 1.0);

    QCOMPARE(review(*m_office, u"has_issues"_s, u"请补充"_s).status, 201);
    QCOMPARE(cityDigitalCoverage().value("numerator"_L1).toDouble(), 1.0); // still counts

    QCOMPARE(review(*m_office, u"rejected"_s, u"退回重报"_s).status, 201);
    figure = cityDigitalCoverage();
    QCOMPARE(figure.value("numerator"_L1).toDouble(), 0.0);
    QCOMPARE(figure.value("value"_L1).toDouble(-1), 0.0);

    QCOMPARE(review(*m_office, u"approved"_s).status, 201); // the latest review counts
    QCOMPARE(cityDigitalCoverage().value("numerator"_L1).toDouble(), 1.0);
}

void Tst_server_review::auditLogReadable_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("office, reviews") << u"office"_s << u"?action=review"_s << 200 << QString();
    QTest::newRow("admin, all") << u"admin"_s << QString() << 200 << QString();
    QTest::newRow("limit 0") << u"office"_s << u"?limit=0"_s << 400 << u"limit"_s;
    QTest::newRow("limit word") << u"office"_s << u"?limit=all"_s << 400 << u"limit"_s;
    QTest::newRow("action odd") << u"office"_s << u"?action=x%27;--"_s << 400 << u"action"_s;
    QTest::newRow("action unknown") << u"office"_s << u"?action=nope"_s << 400 << u"action"_s;
    QTest::newRow("inspector") << u"inspector-in"_s << QString() << 403 << QString();
    QTest::newRow("enterprise") << u"enterprise-in"_s << QString() << 403 << QString();
}

void Tst_server_review::auditLogReadable()
{
    QFETCH(QString, user);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    QCOMPARE(review(*m_office, u"rejected"_s, u"退回"_s).status, 201);
    HttpClient client(m_server->baseUrl());
    QVERIFY(!client.login(user, kPassword).isEmpty());
    const HttpResult result = client.get(u"/api/v1/audit"_s + query);
    QCOMPARE(result.status, status);
    if (status != 200) {
        if (!field.isEmpty())
            QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(),
                     field);
        return;
    }
    const QJsonArray entries = result.json().value("entries"_L1).toArray();
    QVERIFY(!entries.isEmpty());
    // Newest first: this user's login, unless filtered to the review.
    const QJsonObject newest = entries.first().toObject();
    if (query.contains(u"review"_s)) {
        QCOMPARE(entries.size(), 1);
        QCOMPARE(newest.value("action"_L1).toString(), u"review"_s);
        QCOMPARE(newest.value("actor"_L1).toString(), u"office"_s);
        QCOMPARE(newest.value("detail"_L1).toObject().value("state"_L1).toString(), u"rejected"_s);
        QCOMPARE(newest.value("at"_L1).toString(), u"2024-11-28T12:00:00.000Z"_s);
    } else {
        QCOMPARE(newest.value("action"_L1).toString(), u"login"_s);
        QCOMPARE(newest.value("actor"_L1).toString(), user);
    }
}

QTEST_GUILESS_MAIN(Tst_server_review)
#include "tst_server_review.moc"
