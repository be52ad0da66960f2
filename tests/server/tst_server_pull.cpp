// Pulling the change feed over real loopback HTTP: pages, cursors, limits, tombstones, bad
// parameters, and the indexes that keep a pull with nothing new as cheap on a big store as on a
// small one; on the backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include "sync/records/pullfeed.h"
#include "sync/records/recordscope.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::kRegion;
using gx::test::SyncFixture;
using gx::test::TestClock;

namespace {

QJsonObject firstResult(const HttpResult &result)
{
    return gx::test::pushResults(result).at(0).toObject();
}

} // namespace

class Tst_server_pull : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pullPages();
    void pullLimitIsCapped();
    void pullTombstones();
    void badPullParameters_data();
    void badPullParameters();
    void pullUsesTheIndexes_data();
    void pullUsesTheIndexes();

private:
    std::unique_ptr<gx::test::SyncFixture> m_f;
};

void Tst_server_pull::init()
{
    m_f = std::make_unique<gx::test::SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
}

void Tst_server_pull::cleanup()
{
    m_f.reset();
}

void Tst_server_pull::pullPages()
{
    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QJsonArray batch{gx::test::upsertJson(u"survey"_s, survey,
                                          gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc)};
    QStringList expected{m_f->enterprise(), survey};
    for (int i = 0; i < 5; ++i) {
        const QString id = gx::test::newUuid();
        batch.append(gx::test::upsertJson(
            u"equipment"_s, id, gx::test::equipmentFields(survey, u"row %1"_s.arg(i)), 0, hlc));
        expected.append(id);
    }
    QCOMPARE(m_f->push(u"insp"_s, u"dev-a"_s, batch).status, 200);

    HttpClient &insp = m_f->client(u"insp"_s);
    QStringList seen;
    QString cursor;
    const QList<int> sizes{3, 3, 1};
    for (int page = 0; page < 3; ++page) {
        const HttpResult r = insp.get(u"/api/v1/sync/pull?limit=3"_s +
                                      (cursor.isEmpty() ? QString() : u"&since="_s + cursor));
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        const QJsonArray changes = body.value("changes"_L1).toArray();
        QCOMPARE(changes.size(), sizes.at(page));
        QCOMPARE(body.value("more"_L1).toBool(), page < 2);
        for (const QJsonValue &c : changes)
            seen.append(c["id"_L1].toString());
        QVERIFY(body.value("cursor"_L1).toString() != cursor);
        cursor = body.value("cursor"_L1).toString();
    }
    QCOMPARE(seen, expected);

    // Nothing new: an empty page, the same cursor, no more.
    const HttpResult idle = insp.get(u"/api/v1/sync/pull?since="_s + cursor);
    QCOMPARE(idle.json().value("changes"_L1).toArray().size(), 0);
    QCOMPARE(idle.json().value("cursor"_L1).toString(), cursor);
    QCOMPARE(idle.json().value("more"_L1).toBool(), false);

    // An edit moves the record to the end of the feed, once, with its whole fields.
    QCOMPARE(
        firstResult(m_f->push(
            u"insp"_s, u"dev-a"_s,
            {gx::test::upsertJson(u"survey"_s, survey, {{u"notes"_s, u"n"_s}}, 1,
                                  gx::test::hlcText(TestClock::kStart + 1, u"dev-a"_s))}))["rev"_L1]
            .toInteger(),
        2);
    const HttpResult next = insp.get(u"/api/v1/sync/pull?since="_s + cursor);
    const QJsonArray changes = next.json().value("changes"_L1).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0)["id"_L1].toString(), survey);
    QCOMPARE(changes.at(0)["rev"_L1].toInteger(), 2);
    QCOMPARE(changes.at(0)["fields"_L1]["enterprise"_L1].toString(), m_f->enterprise());
    QCOMPARE(changes.at(0)["fields"_L1]["notes"_L1].toString(), u"n"_s);
    QStringList all;
    for (const QJsonObject &c : gx::test::pullEverything(insp))
        all.append(c.value("id"_L1).toString());
    QCOMPARE(all, expected.mid(0, 1) + expected.mid(2) + QStringList{survey});
}

void Tst_server_pull::pullLimitIsCapped()
{
    // 1,000 per page at most; no limit means 500.
    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QJsonArray batch{gx::test::upsertJson(u"survey"_s, survey,
                                          gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc)};
    for (int i = 0; i < 999; ++i) {
        batch.append(gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                          gx::test::equipmentFields(survey), 0, hlc));
    }
    const HttpResult pushed = m_f->push(u"office"_s, u"dev-a"_s, batch);
    QCOMPARE(pushed.status, 200);
    QCOMPARE(gx::test::pushResults(pushed).size(), 1000);
    // 2 registry enterprises + 1,000 records.
    HttpClient &office = m_f->client(u"office"_s);
    const HttpResult all = office.get(u"/api/v1/sync/pull?limit=5000"_s);
    QCOMPARE(all.json().value("changes"_L1).toArray().size(), 1000);
    QCOMPARE(all.json().value("more"_L1).toBool(), true);
    const HttpResult byDefault = office.get(u"/api/v1/sync/pull"_s);
    QCOMPARE(byDefault.json().value("changes"_L1).toArray().size(), 500);
    QCOMPARE(byDefault.json().value("more"_L1).toBool(), true);
    const HttpResult rest =
        office.get(u"/api/v1/sync/pull?since="_s + all.json().value("cursor"_L1).toString());
    QCOMPARE(rest.json().value("changes"_L1).toArray().size(), 2);
    QCOMPARE(rest.json().value("more"_L1).toBool(), false);
}

void Tst_server_pull::pullTombstones()
{
    const QString survey = gx::test::newUuid();
    const QString equipment = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QCOMPARE(
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"survey"_s, survey,
                                        gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc),
                   gx::test::upsertJson(u"equipment"_s, equipment,
                                        gx::test::equipmentFields(survey), 0, hlc)})
            .status,
        200);
    const QString cursor =
        m_f->client(u"insp"_s).get(u"/api/v1/sync/pull"_s).json().value("cursor"_L1).toString();
    const HttpResult deleted =
        m_f->push(u"insp"_s, u"dev-a"_s, {gx::test::deleteJson(u"equipment"_s, equipment, 1, hlc)});
    QCOMPARE(firstResult(deleted)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(firstResult(deleted)["rev"_L1].toInteger(), 2);

    const HttpResult page = m_f->client(u"insp"_s).get(u"/api/v1/sync/pull?since="_s + cursor);
    const QJsonArray changes = page.json().value("changes"_L1).toArray();
    QCOMPARE(changes.size(), 1);
    const QJsonObject tombstone{{u"entity"_s, u"equipment"_s},
                                {u"id"_s, equipment},
                                {u"rev"_s, 2},
                                {u"deleted"_s, true},
                                {u"fields"_s, QJsonObject{}}};
    QCOMPARE(changes.at(0).toObject(), tombstone);

    // A child of a deleted survey cannot be written; the survey's tombstone keeps it from view.
    QCOMPARE(
        firstResult(m_f->push(u"insp"_s, u"dev-a"_s,
                              {gx::test::deleteJson(u"survey"_s, survey, 1, hlc)}))["status"_L1]
            .toString(),
        u"applied"_s);
    const HttpResult orphan =
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                        gx::test::equipmentFields(survey), 0, hlc)});
    QCOMPARE(firstResult(orphan)["error"_L1]["code"_L1].toString(), u"unknown_parent"_s);
}

void Tst_server_pull::badPullParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("garbage cursor") << u"since=garbage"_s << u"since"_s;
    QTest::newRow("empty cursor") << u"since="_s << u"since"_s;
    QTest::newRow("cursor without seq") << u"since=c1."_s << u"since"_s;
    QTest::newRow("unknown cursor version") << u"since=c2.MQ"_s << u"since"_s;
    QTest::newRow("negative seq") << u"since=c1.LTE"_s << u"since"_s;
    QTest::newRow("SQL in the cursor") << u"since=1%20OR%201%3D1"_s << u"since"_s;
    // Well formed, but past every change the server made: it never handed that cursor out.
    QTest::newRow("cursor past the counter")
        << u"since="_s + gx::PullCursor{1'000'000}.encode() << u"since"_s;
    QTest::newRow("zero limit") << u"limit=0"_s << u"limit"_s;
    QTest::newRow("negative limit") << u"limit=-5"_s << u"limit"_s;
    QTest::newRow("limit not a number") << u"limit=ten"_s << u"limit"_s;
}

void Tst_server_pull::badPullParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const HttpResult r = m_f->client(u"insp"_s).get(u"/api/v1/sync/pull?"_s + query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"bad_request"_s);
    QCOMPARE(r.json()["error"_L1]["field"_L1].toString(), field);
    QVERIFY(!r.errorMessage().isEmpty());
}

void Tst_server_pull::pullUsesTheIndexes_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("search");
    QTest::newRow("office") << int(Role::Office) << u"(seq>?)"_s;
    QTest::newRow("inspector") << int(Role::Inspector) << u"(region=? AND seq>?)"_s;
    QTest::newRow("enterprise") << int(Role::Enterprise) << u"(enterprise=? AND seq>?)"_s;
}

void Tst_server_pull::pullUsesTheIndexes()
{
    if (gx::test::usingPostgres())
        QSKIP("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans by its statistics");
    QFETCH(int, role);
    QFETCH(QString, search);
    gx::server::AuthedUser user;
    user.role = Role(role);
    user.region = kRegion;
    user.enterprise = m_f->enterprise();
    const gx::server::AccessScope scope(user);
    auto plan = m_f->db().exec(u"EXPLAIN QUERY PLAN "_s + gx::server::PullFeed::sql(scope),
                               gx::server::PullFeed::params(scope, 12345, 500));
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QStringList details;
    while (plan.value().next())
        details.append(plan.value().value(3).toString());
    // One search of one index, in seq order: no scan, no sort, whatever the table holds.
    // Each search one range of one index in seq order, never a scan of the table: the office's
    // one search, a scoped caller's two (their own records and the city-wide catalogue), each
    // at most a page long, merged (the sorts are of those pages only).
    QStringList searches;
    for (const QString &detail : std::as_const(details)) {
        QVERIFY2(!detail.startsWith("SCAN records"_L1), qPrintable(details.join(u"; "_s)));
        if (detail.startsWith("SEARCH"_L1))
            searches.append(detail);
    }
    QCOMPARE(searches.size(), role == int(Role::Office) ? 1 : 2);
    for (const QString &detail : std::as_const(searches)) {
        QVERIFY2(detail.startsWith("SEARCH records USING INDEX"_L1),
                 qPrintable(details.join(u"; "_s)));
        QVERIFY2(detail.endsWith(search), qPrintable(details.join(u"; "_s)));
    }
}

QTEST_GUILESS_MAIN(Tst_server_pull)
#include "tst_server_pull.moc"
