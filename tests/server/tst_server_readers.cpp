// Reads beside the writer: pulls served by the read pool, each from a snapshot of committed data,
// over real loopback HTTP on the backend named by GX_TEST_BACKEND. A write transaction held open
// (rows written, the change-feed counter written, not committed) is invisible to every pull and
// its sequence numbers never reach a cursor; many pushers and pullers at once leave every puller
// with exactly the records pushed, each once. No timing is asserted.

#include "testsupport.h"

#include "sync/api/server.h"
#include "sync/records/recordstore.h"

#include <QHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using namespace Qt::StringLiterals;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::kRegion;
using gx::test::SyncFixture;
using gx::test::TestClock;

namespace {

/** One page of a pull: its changes as "entity/id@rev", its cursor and whether there is more. */
struct Page
{
    int status = 0;
    QStringList changes;
    QString cursor;
    bool more = false;
};

Page readPage(const HttpResult &result)
{
    Page page;
    page.status = result.status;
    const QJsonObject body = result.json();
    for (const QJsonValue &value : body.value("changes"_L1).toArray()) {
        const QJsonObject change = value.toObject();
        page.changes.append(change.value("entity"_L1).toString() + u'/' +
                            change.value("id"_L1).toString() + u'@' +
                            QString::number(change.value("rev"_L1).toInteger()));
    }
    page.cursor = body.value("cursor"_L1).toString();
    page.more = body.value("more"_L1).toBool();
    return page;
}

QString pullPath(const QString &since, int limit)
{
    QUrlQuery query;
    if (!since.isEmpty())
        query.addQueryItem(u"since"_s, since);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return u"/api/v1/sync/pull?"_s + query.toString();
}

/** Pages from `since` until there is no more: the changes in order, and the last cursor. */
Page drain(HttpClient &client, const QString &since, int limit)
{
    Page all;
    all.cursor = since;
    for (int guard = 0; guard < 10000; ++guard) {
        const Page page = readPage(client.get(pullPath(all.cursor, limit)));
        all.status = page.status;
        if (page.status != 200)
            return all;
        all.changes += page.changes;
        all.cursor = page.cursor;
        if (!page.more)
            return all;
    }
    return all;
}

/** Runs `work` inside the open transaction, after the change-feed counter was written. */
class DuringCommit final : public gx::server::TransactionHook
{
public:
    explicit DuringCommit(std::function<void()> work)
        : m_work(std::move(work))
    {}
    gx::Result<std::monostate, gx::server::DbError> beforeCommit(gx::server::Database &) override
    {
        m_work();
        return gx::Done{};
    }

private:
    std::function<void()> m_work;
};

/** The error of a failed result, or "" (QVERIFY2 reads its message even when it passes). */
template <typename R>
QString why(const R &result)
{
    return result ? QString() : result.error().message;
}

} // namespace

class Tst_server_readers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void heldCommitIsNotSeen_data();
    void heldCommitIsNotSeen();
    void concurrentPushersAndPullers_data();
    void concurrentPushersAndPullers();

private:
    /** Pushes a draft survey of the fixture's enterprise as insp; returns its id. */
    QString pushSurvey();

    std::unique_ptr<SyncFixture> m_f;
};

void Tst_server_readers::init()
{
    m_f = std::make_unique<SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
    // The default configuration serves reads from the pool.
    QVERIFY(m_f->server().server().context().readers.threads() > 0);
}

void Tst_server_readers::cleanup()
{
    m_f.reset();
}

QString Tst_server_readers::pushSurvey()
{
    const QString survey = gx::test::newUuid();
    const HttpResult pushed = m_f->push(
        u"insp"_s, u"tablet-1"_s,
        {gx::test::upsertJson(u"survey"_s, survey, gx::test::draftSurveyFields(m_f->enterprise()),
                              0, gx::test::hlcText(TestClock::kStart, u"tablet-1"_s))});
    if (pushed.status != 200 ||
        gx::test::pushResults(pushed).at(0).toObject().value("status"_L1).toString() !=
            "applied"_L1)
        qWarning("survey push: %s", pushed.describe().constData());
    return survey;
}

void Tst_server_readers::heldCommitIsNotSeen_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("held");
    QTest::addColumn<int>("limit");
    // Office reads the whole feed, an inspector their county's legs; one record and more than a
    // page held.
    QTest::newRow("office, one") << u"office"_s << 1 << 500;
    QTest::newRow("office, three pages") << u"office"_s << 25 << 10;
    QTest::newRow("inspector, one") << u"insp"_s << 1 << 500;
    QTest::newRow("inspector, three pages") << u"insp"_s << 25 << 10;
}

void Tst_server_readers::heldCommitIsNotSeen()
{
    QFETCH(QString, user);
    QFETCH(int, held);
    QFETCH(int, limit);
    const QString survey = pushSurvey();
    HttpClient &client = m_f->client(user);
    const Page before = drain(client, QString(), limit);
    QCOMPARE(before.status, 200);
    QVERIFY(!before.changes.isEmpty());
    const qint64 committedSeq = m_f->lastSeq();

    // A writer on the server's own connection: records written with new sequence numbers, the
    // counter written back by the commit's hook, and the commit held while pulls run.
    gx::server::Database &writer = m_f->db();
    auto transaction = gx::server::WriteTransaction::begin(writer);
    QVERIFY2(transaction, qPrintable(why(transaction)));
    gx::server::RecordStore store(writer);
    QStringList heldIds;
    for (int i = 0; i < held; ++i) {
        gx::server::StoredRecord record;
        record.entity = u"equipment"_s;
        record.id = gx::test::newUuid();
        record.region = kRegion;
        record.enterprise = m_f->enterprise();
        (void)gx::server::RecordStore::applyServerChanges(
            record, gx::test::equipmentFields(survey, u"held %1"_s.arg(i)),
            gx::Hlc{TestClock::kStart, quint32(i), gx::server::RecordStore::kServerDevice});
        auto written = store.write(record);
        QVERIFY2(written, qPrintable(why(written)));
        heldIds.append(u"equipment/"_s + record.id + u"@1"_s);
    }

    // Before the counter is written back, and again after (inside the commit): nothing new, and
    // the cursor stays where it was, so no sequence number of this transaction is handed out.
    const auto pullsSeeNothing = [&](const char *when) -> QString {
        const Page since = readPage(client.get(pullPath(before.cursor, limit)));
        if (since.status != 200 || !since.changes.isEmpty() || since.cursor != before.cursor ||
            since.more)
            return QString::fromLatin1(when) + u": a pull since the cursor got %1 changes, "
                                               "cursor %2 (was %3)"_s.arg(since.changes.size())
                                                   .arg(since.cursor, before.cursor);
        const Page whole = drain(client, QString(), limit);
        if (whole.changes != before.changes || whole.cursor != before.cursor)
            return QString::fromLatin1(when) +
                   u": a pull from the start got %1 changes (was %2)"_s.arg(whole.changes.size())
                       .arg(before.changes.size());
        return QString();
    };
    QString written = pullsSeeNothing("rows written");
    QVERIFY2(written.isEmpty(), qPrintable(written));
    QString duringCommit = u"the hook did not run"_s;
    QVERIFY(writer.addTransactionHook(u"test.held"_s, std::make_unique<DuringCommit>([&] {
                                          duringCommit = pullsSeeNothing("during commit");
                                      })));
    auto committed = transaction.value().commit();
    QVERIFY2(committed, qPrintable(why(committed)));
    QVERIFY2(duringCommit.isEmpty(), qPrintable(duringCommit));
    QCOMPARE(m_f->lastSeq(), committedSeq + held);

    // Committed: the next pulls carry exactly those records, each once, in order.
    const Page after = drain(client, before.cursor, limit);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.changes, heldIds);
    const Page again = readPage(client.get(pullPath(after.cursor, limit)));
    QCOMPARE(again.status, 200);
    QVERIFY(again.changes.isEmpty());
    QCOMPARE(again.cursor, after.cursor);
}

void Tst_server_readers::concurrentPushersAndPullers_data()
{
    QTest::addColumn<int>("pushers");
    QTest::addColumn<int>("pullers");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("limit");
    QTest::newRow("4 pushers, 4 pullers, small pages") << 4 << 4 << 12 << 5 << 7;
    QTest::newRow("8 pushers, 2 pullers, one row each") << 8 << 2 << 10 << 1 << 500;
    QTest::newRow("2 pushers, 8 pullers, large pushes") << 2 << 8 << 6 << 40 << 25;
}

void Tst_server_readers::concurrentPushersAndPullers()
{
    QFETCH(int, pushers);
    QFETCH(int, pullers);
    QFETCH(int, rounds);
    QFETCH(int, rows);
    QFETCH(int, limit);
    const QString survey = pushSurvey();
    const QStringList users{u"insp"_s, u"insp2"_s, u"office"_s};

    struct Pusher
    {
        std::unique_ptr<HttpClient> http;
        QString device;
        int round = 0;
    };
    struct Puller
    {
        std::unique_ptr<HttpClient> http;
        QString cursor;
        QHash<QString, int> seen; ///< "entity/id@rev" -> times pulled
        int pulls = 0;
    };
    std::vector<Pusher> pushing(pushers);
    std::vector<Puller> pulling(pullers);
    QSet<QString> pushed;
    QString failure;
    int pushersRunning = pushers;
    QEventLoop loop;

    for (int p = 0; p < pushers; ++p) {
        pushing[p].http = std::make_unique<HttpClient>(m_f->server().baseUrl());
        pushing[p].http->setToken(m_f->client(users.at(p % 2)).token());
        pushing[p].device = u"pusher-%1"_s.arg(p);
    }
    for (int p = 0; p < pullers; ++p) {
        pulling[p].http = std::make_unique<HttpClient>(m_f->server().baseUrl());
        pulling[p].http->setToken(m_f->client(users.at(p % 3)).token());
    }

    std::function<void(Pusher &)> push = [&](Pusher &pusher) {
        if (pusher.round == rounds || !failure.isEmpty()) {
            if (--pushersRunning == 0 && pullers == 0)
                loop.quit();
            return;
        }
        QJsonArray batch;
        QStringList ids;
        for (int r = 0; r < rows; ++r) {
            const QString id = gx::test::newUuid();
            ids.append(u"equipment/"_s + id + u"@1"_s);
            batch.append(gx::test::upsertJson(
                u"equipment"_s, id,
                gx::test::equipmentFields(
                    survey, u"%1 %2.%3"_s.arg(pusher.device).arg(pusher.round).arg(r)),
                0, gx::test::hlcText(TestClock::kStart + pusher.round, pusher.device, quint32(r))));
        }
        ++pusher.round;
        QNetworkReply *reply = pusher.http->startPost(
            u"/api/v1/sync/push"_s,
            QJsonDocument(gx::test::pushBody(pusher.device, batch)).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, ids, who = &pusher] {
            const HttpResult result = who->http->finish(reply);
            bool applied = result.status == 200;
            for (const QJsonValue &r : gx::test::pushResults(result))
                applied = applied && r.toObject().value("status"_L1).toString() == "applied"_L1;
            if (!applied && failure.isEmpty())
                failure = u"push: "_s + QString::fromUtf8(result.describe());
            for (const QString &id : ids)
                pushed.insert(id);
            push(*who);
        });
    };
    int pullersRunning = pullers;
    std::function<void(Puller &)> pull = [&](Puller &puller) {
        // Pull while anyone pushes; the rest is drained below.
        if (pushersRunning == 0 || !failure.isEmpty()) {
            if (--pullersRunning == 0)
                loop.quit();
            return;
        }
        QNetworkReply *reply = puller.http->start("GET", pullPath(puller.cursor, limit), {});
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, who = &puller] {
            const Page page = readPage(who->http->finish(reply));
            ++who->pulls;
            if (page.status != 200 && failure.isEmpty())
                failure = u"pull answered %1"_s.arg(page.status);
            for (const QString &change : page.changes)
                ++who->seen[change];
            if (page.status == 200)
                who->cursor = page.cursor;
            pull(*who);
        });
    };
    for (Pusher &pusher : pushing)
        push(pusher);
    for (Puller &puller : pulling)
        pull(puller);
    if (pushersRunning > 0 || pullersRunning > 0)
        loop.exec();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(pushed.size(), pushers * rounds * rows);

    for (Puller &puller : pulling) {
        const Page rest = drain(*puller.http, puller.cursor, limit);
        QCOMPARE(rest.status, 200);
        for (const QString &change : rest.changes)
            ++puller.seen[change];
        // No duplicate: every change (record at a revision) pulled once.
        for (auto it = puller.seen.cbegin(); it != puller.seen.cend(); ++it)
            QVERIFY2(it.value() == 1,
                     qPrintable(u"%1 pulled %2 times"_s.arg(it.key()).arg(it.value())));
        // No gap: every record pushed was pulled.
        for (const QString &id : std::as_const(pushed))
            QVERIFY2(puller.seen.contains(id), qPrintable(u"%1 never pulled"_s.arg(id)));
        QVERIFY(puller.pulls > 0);
    }
}

QTEST_GUILESS_MAIN(Tst_server_readers)
#include "tst_server_readers.moc"
