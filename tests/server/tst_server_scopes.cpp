// The scopes matrix: every call of gengxin-server x every role (and no login) x a record in and
// out of the caller's scope, each answer asserted, over real loopback HTTP on the backend named
// by GX_TEST_BACKEND. To add a call: one line in kMatrix and one entry in callers(). Then who may
// place an enterprise in a region (enterpriseRegion: the region is the office's, and must agree
// with the division code in the USCC).

#include "testsupport.h"

#include "sync/records/recordstore.h"

#include <QCryptographicHash>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::TestClock;
using gx::test::TestServer;

namespace {

const QString kPassword = u"correct horse 9"_s;
const QString kRegion = u"331102"_s;      // the inspector's county
const QString kOtherRegion = u"331121"_s; // another county

const QStringList kRoles{u"inspector"_s, u"enterprise"_s, u"office"_s, u"admin"_s, u"anonymous"_s};

/**
 * One call and what each role gets from it, in the order of kRoles. A call about a record gives
 * "IN|OUT": the answer for a record in the caller's scope, then for one outside it (office and
 * admin see everything, so both are theirs). Answers: an HTTP status ("200"), a push result
 * ("applied", "rejected:CODE"), or for pull whether the record's changes are "seen" or "unseen".
 */
struct MatrixRow
{
    const char *call;
    bool aboutRecord;
    std::array<const char *, 5> answers;
};

const QList<MatrixRow> kMatrix{
    {"login", false, {"200", "200", "200", "200", "401"}},
    {"forms/current", false, {"200", "200", "200", "200", "401"}},
    {"regions", false, {"200", "200", "200", "200", "401"}},
    {"push: edit the survey",
     true,
     {"applied|rejected:forbidden", "applied|rejected:forbidden", "applied|applied",
      "applied|applied", "401|401"}},
    {"push: new equipment row",
     true,
     {"applied|rejected:forbidden", "applied|rejected:forbidden", "applied|applied",
      "applied|applied", "401|401"}},
    {"push: delete the equipment row",
     true,
     {"applied|rejected:forbidden", "applied|rejected:forbidden", "applied|applied",
      "applied|applied", "401|401"}},
    {"push: survey of the next period",
     true,
     {"applied|rejected:forbidden", "applied|rejected:forbidden", "applied|applied",
      "applied|applied", "401|401"}},
    {"push: edit the enterprise",
     true,
     {"applied|rejected:forbidden", "applied|rejected:forbidden", "applied|applied",
      "applied|applied", "401|401"}},
    {"push: move the enterprise to another county",
     false,
     {"rejected:region_change", "rejected:region_change", "applied", "applied", "401"}},
    {"pull", true, {"seen|unseen", "seen|unseen", "seen|seen", "seen|seen", "401|401"}},
    {"blob upload", false, {"201", "201", "201", "201", "401"}},
    {"blob status", false, {"200", "200", "200", "200", "401"}},
    // A blob is read through a record in the caller's scope that names it, not by its hash alone.
    {"blob download", true, {"200|404", "200|404", "200|200", "200|200", "401|401"}},
    {"stats/coverage", false, {"403", "403", "200", "200", "401"}},
    {"official figures", false, {"403", "403", "200", "200", "401"}},
    {"export csv", false, {"403", "403", "200", "200", "401"}},
    {"export xlsx", false, {"403", "403", "200", "200", "401"}},
    {"audit log", false, {"403", "403", "200", "200", "401"}},
    {"review the survey", true, {"403|403", "403|403", "201|201", "201|201", "401|401"}},
    {"logout", false, {"204", "204", "204", "204", "401"}},
};

/** The records of one enterprise that the matrix works on. */
struct Target
{
    QString enterprise; ///< USCC
    QString survey;
    QString equipment;
    QByteArray blob; ///< the nameplate photo its equipment row names
};

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class Tst_server_scopes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void matrix_data();
    void matrix();
    void enterpriseRegion_data();
    void enterpriseRegion();

private:
    using Caller = std::function<QString(HttpClient &, const QString &role, const Target &)>;
    [[nodiscard]] QHash<QString, Caller> callers();
    [[nodiscard]] QString pushOne(HttpClient &client, const QJsonObject &mutation);
    [[nodiscard]] qint64 lastSeq();

    std::unique_ptr<gx::test::TestDatabase> m_db;
    TestClock m_clock;
    std::unique_ptr<TestServer> m_server;
    Target m_in;  // in the inspector's county; the enterprise user's own
    Target m_out; // elsewhere, another enterprise
};

void Tst_server_scopes::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_clock = TestClock();
    gx::server::Database &db = m_db->db();
    m_in = {gx::test::testUscc(kRegion, 1), gx::test::newUuid(), gx::test::newUuid(),
            "nameplate photo here"};
    m_out = {gx::test::testUscc(kOtherRegion, 2), gx::test::newUuid(), gx::test::newUuid(),
             "nameplate photo there"};
    QCOMPARE(gx::test::importEnterprises(
                 db, {{m_in.enterprise, kRegion}, {m_out.enterprise, kOtherRegion}}),
             QString());
    QCOMPARE(gx::test::addUser(db, u"inspector"_s, Role::Inspector, kPassword, kRegion), QString());
    QCOMPARE(
        gx::test::addUser(db, u"enterprise"_s, Role::Enterprise, kPassword, {}, m_in.enterprise),
        QString());
    QCOMPARE(gx::test::addUser(db, u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"admin"_s, Role::Admin, kPassword), QString());
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<TestServer>(db, config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));

    // The office records a survey with one equipment row for each enterprise, the row naming its
    // photo, and uploads the photos.
    HttpClient office(m_server->baseUrl());
    QVERIFY(!office.login(u"office"_s, kPassword).isEmpty());
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"office-pc"_s);
    QJsonArray batch;
    for (const Target &t : {m_in, m_out}) {
        batch.append(gx::test::upsertJson(u"survey"_s, t.survey,
                                          gx::test::draftSurveyFields(t.enterprise), 0, hlc));
        QJsonObject row = gx::test::equipmentFields(t.survey);
        row.insert(u"photo"_s, sha256Hex(t.blob));
        batch.append(gx::test::upsertJson(u"equipment"_s, t.equipment, row, 0, hlc));
    }
    const HttpResult pushed =
        office.postJson(u"/api/v1/sync/push"_s, gx::test::pushBody(u"office-pc"_s, batch));
    for (const QJsonValue &result : pushed.json().value("results"_L1).toArray())
        QCOMPARE(result["status"_L1].toString(), u"applied"_s);
    for (const Target &t : {m_in, m_out})
        QCOMPARE(office.put(u"/api/v1/blobs/"_s + sha256Hex(t.blob), t.blob).status, 201);
}

void Tst_server_scopes::cleanup()
{
    m_server.reset();
    m_db.reset();
}

qint64 Tst_server_scopes::lastSeq()
{
    gx::server::RecordStore records(m_db->db());
    auto seq = records.lastSeq();
    return seq ? seq.value() : -1;
}

QString Tst_server_scopes::pushOne(HttpClient &client, const QJsonObject &mutation)
{
    const HttpResult r =
        client.postJson(u"/api/v1/sync/push"_s, gx::test::pushBody(u"dev-1"_s, {mutation}));
    if (r.status != 200)
        return QString::number(r.status);
    const QJsonObject result = r.json().value("results"_L1).toArray().at(0).toObject();
    const QString status = result.value("status"_L1).toString();
    if (status != "rejected"_L1)
        return status;
    return status + u':' + result.value("error"_L1)["code"_L1].toString();
}

QHash<QString, Tst_server_scopes::Caller> Tst_server_scopes::callers()
{
    const QString hlc = gx::test::hlcText(TestClock::kStart + 1000, u"dev-1"_s);
    const QString blob = u"/api/v1/blobs/"_s + sha256Hex(m_in.blob);
    auto status = [](const HttpResult &r) {
        return QString::number(r.status);
    };
    QHash<QString, Caller> out;
    out.insert(u"login"_s, [=](HttpClient &c, const QString &role, const Target &) {
        const bool anonymous = role == "anonymous"_L1;
        return status(c.postJson(u"/api/v1/login"_s,
                                 {{u"username"_s, anonymous ? u"office"_s : role},
                                  {u"password"_s, anonymous ? u"not the password"_s : kPassword}}));
    });
    out.insert(u"forms/current"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/forms/current"_s));
    });
    out.insert(u"regions"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/regions"_s));
    });
    out.insert(u"push: edit the survey"_s,
               [=, this](HttpClient &c, const QString &, const Target &t) {
                   return pushOne(c, gx::test::upsertJson(u"survey"_s, t.survey,
                                                          {{u"notes"_s, u"edited"_s}}, 1, hlc));
               });
    out.insert(
        u"push: new equipment row"_s, [=, this](HttpClient &c, const QString &, const Target &t) {
            return pushOne(c, gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                                   gx::test::equipmentFields(t.survey), 0, hlc));
        });
    out.insert(u"push: delete the equipment row"_s,
               [=, this](HttpClient &c, const QString &, const Target &t) {
                   return pushOne(c, gx::test::deleteJson(u"equipment"_s, t.equipment, 1, hlc));
               });
    out.insert(u"push: survey of the next period"_s, [=, this](HttpClient &c, const QString &,
                                                               const Target &t) {
        return pushOne(c, gx::test::upsertJson(u"survey"_s, gx::test::newUuid(),
                                               gx::test::draftSurveyFields(t.enterprise, 2025), 0,
                                               hlc));
    });
    out.insert(
        u"push: edit the enterprise"_s, [=, this](HttpClient &c, const QString &, const Target &t) {
            return pushOne(c, gx::test::upsertJson(u"enterprise"_s, t.enterprise,
                                                   {{u"contact_name"_s, u"李明"_s}}, 1, hlc));
        });
    out.insert(u"push: move the enterprise to another county"_s,
               [=, this](HttpClient &c, const QString &, const Target &) {
                   return pushOne(c, gx::test::upsertJson(u"enterprise"_s, m_in.enterprise,
                                                          {{u"region"_s, kOtherRegion}}, 1, hlc));
               });
    out.insert(u"pull"_s, [=](HttpClient &c, const QString &, const Target &t) {
        const HttpResult first = c.get(u"/api/v1/sync/pull"_s);
        if (first.status != 200)
            return status(first);
        QString error;
        const QList<QJsonObject> changes = gx::test::pullEverything(c, &error);
        if (!error.isEmpty())
            return error;
        const QStringList ids{t.enterprise, t.survey, t.equipment};
        QStringList seen;
        for (const QJsonObject &change : changes) {
            const QString id = change.value("id"_L1).toString();
            if (ids.contains(id) && !seen.contains(id))
                seen.append(id);
        }
        return seen.size() == ids.size() ? u"seen"_s
               : seen.isEmpty()          ? u"unseen"_s
                                         : u"partly seen: "_s + seen.join(u' ');
    });
    out.insert(u"blob upload"_s, [=](HttpClient &c, const QString &role, const Target &) {
        const QByteArray bytes = "photo by " + role.toUtf8();
        return status(c.put(u"/api/v1/blobs/"_s + sha256Hex(bytes), bytes));
    });
    out.insert(u"blob status"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(blob + u"/status"_s));
    });
    out.insert(u"blob download"_s, [=](HttpClient &c, const QString &, const Target &t) {
        const HttpResult r = c.get(u"/api/v1/blobs/"_s + sha256Hex(t.blob));
        return r.status == 200 && r.body != t.blob ? u"wrong bytes"_s : status(r);
    });
    out.insert(u"stats/coverage"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/stats/coverage?period=2024"_s));
    });
    out.insert(u"official figures"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/official-figures?period=2024"_s));
    });
    out.insert(u"export csv"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/export/coverage?period=2024&format=csv"_s));
    });
    out.insert(u"export xlsx"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/export/coverage?period=2024&format=xlsx"_s));
    });
    out.insert(u"audit log"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.get(u"/api/v1/audit"_s));
    });
    out.insert(u"review the survey"_s, [=](HttpClient &c, const QString &, const Target &t) {
        return status(c.postJson(
            u"/api/v1/reviews"_s,
            {{u"entity"_s, u"survey"_s}, {u"id"_s, t.survey}, {u"state"_s, u"approved"_s}}));
    });
    out.insert(u"logout"_s, [=](HttpClient &c, const QString &, const Target &) {
        return status(c.post(u"/api/v1/logout"_s, QByteArray()));
    });
    return out;
}

void Tst_server_scopes::matrix_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("inScope");
    QTest::addColumn<QString>("expected");
    for (const MatrixRow &row : kMatrix) {
        for (int r = 0; r < kRoles.size(); ++r) {
            const QStringList answers = QString::fromLatin1(row.answers.at(r)).split(u'|');
            for (int t = 0; t < (row.aboutRecord ? 2 : 1); ++t) {
                const QString name = u"%1 | %2%3"_s.arg(
                    QString::fromLatin1(row.call), kRoles.at(r),
                    row.aboutRecord ? (t == 0 ? u" | in scope"_s : u" | out of scope"_s)
                                    : QString());
                QTest::newRow(qPrintable(name))
                    << QString::fromLatin1(row.call) << kRoles.at(r) << (t == 0) << answers.at(t);
            }
        }
    }
}

void Tst_server_scopes::matrix()
{
    QFETCH(QString, call);
    QFETCH(QString, role);
    QFETCH(bool, inScope);
    QFETCH(QString, expected);
    const auto all = callers();
    QVERIFY2(all.contains(call), qPrintable(u"no caller for "_s + call));
    HttpClient client(m_server->baseUrl());
    if (role != "anonymous"_L1)
        QVERIFY(!client.login(role, kPassword).isEmpty());
    const qint64 before = lastSeq();
    const QString answer = all.value(call)(client, role, inScope ? m_in : m_out);
    QCOMPARE(answer, expected);
    // A refused call changes nothing.
    if (expected.startsWith("rejected"_L1) || expected.startsWith(u'4'))
        QCOMPARE(lastSeq(), before);
}

void Tst_server_scopes::enterpriseRegion_data()
{
    // user: who pushes; record: which enterprise (see enterpriseRegion()); fields: the upsert;
    // expected: "applied" or "rejected:CODE:FIELD".
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("expected");
    const QString moved = u"rejected:region_change:region"_s;
    const QString mismatch = u"rejected:region_mismatch:region"_s;
    const QJsonObject here{{u"region"_s, kRegion}, {u"name"_s, u"丽水某某有限公司"_s}};
    const QJsonObject there{{u"region"_s, kOtherRegion}};
    const QJsonObject zone{{u"region"_s, u"331100-EDZ"_s}, {u"name"_s, u"经开区某某有限公司"_s}};
    const QJsonObject contact{{u"contact_name"_s, u"李明"_s}};

    QTest::newRow("enterprise user moves its enterprise")
        << u"enterprise"_s << u"in"_s << there << moved;
    QTest::newRow("enterprise user clears its region")
        << u"enterprise"_s << u"in"_s << QJsonObject{{u"region"_s, QJsonValue::Null}} << moved;
    QTest::newRow("inspector moves an enterprise of its county")
        << u"inspector"_s << u"in"_s << there << moved;
    QTest::newRow("office moves an enterprise") << u"office"_s << u"in"_s << there << u"applied"_s;
    QTest::newRow("admin moves an enterprise") << u"admin"_s << u"in"_s << there << u"applied"_s;
    QTest::newRow("the same region again is no move")
        << u"enterprise"_s << u"in"_s << here << u"applied"_s;
    QTest::newRow("inspector creates one whose USCC is another county's")
        << u"inspector"_s << u"new of the other county"_s << here << mismatch;
    QTest::newRow("inspector creates one of its county")
        << u"inspector"_s << u"new of the county"_s << here << u"applied"_s;
    QTest::newRow("office accepts a USCC of another county")
        << u"office"_s << u"new of the other county"_s << here << u"applied"_s;
    QTest::newRow("zone inspector creates one registered with the city")
        << u"zone"_s << u"new of the city"_s << zone << u"applied"_s;
    QTest::newRow("zone inspector creates one registered in a county")
        << u"zone"_s << u"new of the county"_s << zone << mismatch;
    QTest::newRow("the registry's disagreement stays editable")
        << u"inspector"_s << u"registered elsewhere"_s << contact << u"applied"_s;
    QTest::newRow("its enterprise user edits it too")
        << u"elsewhere"_s << u"registered elsewhere"_s << contact << u"applied"_s;
    QTest::newRow("a first region of another county")
        << u"unplaced"_s << u"without region"_s << there << mismatch;
    QTest::newRow("a first region of its USCC's county")
        << u"unplaced"_s << u"without region"_s << QJsonObject{{u"region"_s, kRegion}}
        << u"applied"_s;
}

void Tst_server_scopes::enterpriseRegion()
{
    QFETCH(QString, user);
    QFETCH(QString, record);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, expected);

    gx::server::Database &db = m_db->db();
    // In the registry in this county, though its USCC was issued in the other one.
    const QString elsewhere = gx::test::testUscc(kOtherRegion, 3);
    QCOMPARE(gx::test::importEnterprises(db, {{m_in.enterprise, kRegion},
                                              {m_out.enterprise, kOtherRegion},
                                              {elsewhere, kRegion}}),
             QString());
    // Pushed by the office without a region.
    const QString unplaced = gx::test::testUscc(kRegion, 4);
    HttpClient office(m_server->baseUrl());
    QVERIFY(!office.login(u"office"_s, kPassword).isEmpty());
    QCOMPARE(pushOne(office,
                     gx::test::upsertJson(u"enterprise"_s, unplaced, {{u"name"_s, u"未定区企业"_s}},
                                          0, gx::test::hlcText(TestClock::kStart, u"dev-1"_s))),
             u"applied"_s);
    QCOMPARE(gx::test::addUser(db, u"zone"_s, Role::Inspector, kPassword, u"331100-EDZ"_s),
             QString());
    QCOMPARE(gx::test::addUser(db, u"elsewhere"_s, Role::Enterprise, kPassword, {}, elsewhere),
             QString());
    QCOMPARE(gx::test::addUser(db, u"unplaced"_s, Role::Enterprise, kPassword, {}, unplaced),
             QString());

    const QHash<QString, QString> ids{
        {u"in"_s, m_in.enterprise},
        {u"registered elsewhere"_s, elsewhere},
        {u"without region"_s, unplaced},
        {u"new of the county"_s, gx::test::testUscc(kRegion, 10)},
        {u"new of the other county"_s, gx::test::testUscc(kOtherRegion, 11)},
        {u"new of the city"_s, gx::test::testUscc(u"331100"_s, 12)}};
    QVERIFY(ids.contains(record));
    HttpClient client(m_server->baseUrl());
    QVERIFY(!client.login(user, kPassword).isEmpty());
    const qint64 before = lastSeq();
    const HttpResult r = client.postJson(
        u"/api/v1/sync/push"_s,
        gx::test::pushBody(
            u"dev-1"_s,
            {gx::test::upsertJson(u"enterprise"_s, ids.value(record), fields,
                                  record.startsWith("new"_L1) ? 0 : 1,
                                  gx::test::hlcText(TestClock::kStart + 1000, u"dev-1"_s))}));
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonObject result = r.json().value("results"_L1).toArray().at(0).toObject();
    const QString status = result.value("status"_L1).toString();
    const QJsonObject error = result.value("error"_L1).toObject();
    QCOMPARE(status == "rejected"_L1 ? u"%1:%2:%3"_s.arg(status, error.value("code"_L1).toString(),
                                                         error.value("field"_L1).toString())
                                     : status,
             expected);
    if (status == "rejected"_L1) {
        QVERIFY(error.value("message"_L1).toString().contains(u"office"_s));
        QCOMPARE(lastSeq(), before);
    } else {
        QCOMPARE(lastSeq(), before + 1);
    }
}

QTEST_GUILESS_MAIN(Tst_server_scopes)
#include "tst_server_scopes.moc"
