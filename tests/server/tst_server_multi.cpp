// Two real gengxin-server processes on one PostgreSQL receive the same batches at the same time:
// each mutation has exactly one effect (applied on one server, duplicate with the same rev on the
// other), sequence numbers are unique, and a pull from either server is the same.
// PostgreSQL only (label pg): N servers on one database is how the server scales out.

#include "testsupport.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::ServerProcess;
using gx::test::TestClock;

namespace {

const QString kPassword = u"correct horse 9"_s;
const QString kRegion = u"331102"_s;
constexpr int kSurveys = 3;
constexpr int kRows = 60;
constexpr int kBatches = 12;

QNetworkReply *postPush(HttpClient &client, const QJsonObject &body)
{
    return client.startPost(u"/api/v1/sync/push"_s,
                            QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

class Tst_server_multi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sameBatchesToTwoServers();

private:
    std::unique_ptr<gx::test::TestDatabase> m_db;
    QList<QJsonObject> m_batches;
    QStringList m_rows;
};

void Tst_server_multi::initTestCase()
{
    if (!gx::test::usingPostgres())
        QSKIP("two servers share one PostgreSQL; run with GX_TEST_BACKEND=postgres");
}

void Tst_server_multi::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    QList<QPair<QString, QString>> registry;
    QStringList enterprises;
    for (int i = 0; i < kSurveys; ++i) {
        enterprises.append(gx::test::testUscc(kRegion, 200 + i));
        registry.append({enterprises.constLast(), kRegion});
    }
    QCOMPARE(gx::test::importEnterprises(m_db->db(), registry), QString());

    // Batch 0 creates the surveys and rows; batch b sets every row's quantity to b + 1.
    gx::test::QuantityLoad load =
        gx::test::makeQuantityLoad(u"tablet-9"_s, enterprises, kRows, kBatches);
    m_batches = std::move(load.batches);
    m_rows = std::move(load.rows);
}

void Tst_server_multi::cleanup()
{
    m_batches.clear();
    m_rows.clear();
    m_db.reset();
}

void Tst_server_multi::sameBatchesToTwoServers()
{
    ServerProcess a(m_db->url());
    ServerProcess b(m_db->url());
    for (ServerProcess *server : {&a, &b}) {
        const QString started = server->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }
    // One login serves both: tokens live in the database.
    HttpClient login(a.baseUrl());
    const QString token = login.login(u"office"_s, kPassword);
    QVERIFY(!token.isEmpty());

    HttpClient clientA(a.baseUrl());
    HttpClient clientB(b.baseUrl());
    clientA.setToken(token);
    clientB.setToken(token);
    QHash<QString, QStringList> outcomes; // mutation id -> "server:status:rev" from each answer
    for (int batch = 0; batch < m_batches.size(); ++batch) {
        // Server A gets the whole batch, server B the same mutations as two halves, the second
        // half first; who sends first alternates. All three requests are in flight at once.
        // Batch 0 creates the surveys and then their rows: a row that arrives before its survey
        // is rightly rejected (unknown_parent), so B gets that batch whole, in order, too.
        const QJsonObject body = m_batches.at(batch);
        const QJsonArray mutations = body.value("mutations"_L1).toArray();
        const qsizetype half = mutations.size() / 2;
        QJsonArray first;
        QJsonArray second;
        for (qsizetype i = 0; i < mutations.size(); ++i)
            (i < half ? first : second).append(mutations.at(i));
        const QString device = body.value("device_id"_L1).toString();
        QList<QPair<QString, QNetworkReply *>> replies;
        auto sendA = [&] {
            replies.append({u"a"_s, postPush(clientA, body)});
        };
        auto sendB = [&] {
            if (batch == 0) {
                replies.append({u"b"_s, postPush(clientB, body)});
                return;
            }
            replies.append({u"b"_s, postPush(clientB, gx::test::pushBody(device, second))});
            replies.append({u"b"_s, postPush(clientB, gx::test::pushBody(device, first))});
        };
        if (batch % 2 == 0) {
            sendA();
            sendB();
        } else {
            sendB();
            sendA();
        }
        QEventLoop loop;
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        for (const auto &[server, reply] : std::as_const(replies)) {
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (std::all_of(replies.cbegin(), replies.cend(),
                                [](const auto &r) { return r.second->isFinished(); }))
                    loop.quit();
            });
        }
        loop.exec();
        for (const auto &[server, reply] : std::as_const(replies)) {
            QVERIFY2(reply->isFinished(), "a push did not finish within 60 s");
            const HttpResult answer = (server == "a"_L1 ? clientA : clientB).finish(reply);
            QVERIFY2(answer.status == 200, answer.describe().constData());
            for (const QJsonValue &r : gx::test::pushResults(answer)) {
                outcomes[r["mutation_id"_L1].toString()].append(
                    u"%1:%2:%3:%4"_s.arg(server, r["status"_L1].toString())
                        .arg(r["rev"_L1].toInteger())
                        .arg(r["error"_L1]["code"_L1].toString()));
            }
        }
    }

    // Each mutation: answered by both servers, applied by exactly one, the other a duplicate
    // carrying the same rev.
    QCOMPARE(outcomes.size(), kSurveys + kRows * kBatches);
    int appliedOnA = 0;
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        const QStringList &answers = it.value();
        QCOMPARE(answers.size(), 2);
        QStringList statuses;
        QSet<QString> revs;
        for (const QString &answer : answers) {
            statuses.append(answer.section(u':', 1, 1));
            revs.insert(answer.section(u':', 2, 2));
        }
        statuses.sort();
        QVERIFY2(statuses == (QStringList{u"applied"_s, u"duplicate"_s}),
                 qPrintable(it.key() + u": "_s + answers.join(u", "_s)));
        QVERIFY2(revs.size() == 1, qPrintable(it.key() + u": "_s + answers.join(u", "_s)));
        for (const QString &answer : answers) {
            if (answer.startsWith("a:applied"_L1))
                ++appliedOnA;
        }
    }
    qInfo("server A applied %d of %lld mutations, server B the rest", appliedOnA,
          qint64(outcomes.size()));

    // One effect each: every row went through every batch exactly once.
    auto rows = m_db->db().exec(u"SELECT MIN(rev), MAX(rev), COUNT(*) FROM records "
                                "WHERE entity = 'equipment'"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), kBatches);
    QCOMPARE(rows.value().value(1).toInt(), kBatches);
    QCOMPARE(rows.value().value(2).toInt(), kRows);
    // Sequence numbers: unique, and the counter is the last one handed out.
    auto seqs = m_db->db().exec(u"SELECT COUNT(*), COUNT(DISTINCT seq), MAX(seq) FROM records"_s);
    QVERIFY(seqs.ok() && seqs.value().next());
    QCOMPARE(seqs.value().value(0).toLongLong(), seqs.value().value(1).toLongLong());
    auto counter = m_db->db().exec(u"SELECT value FROM counters WHERE name = 'seq'"_s);
    QVERIFY(counter.ok() && counter.value().next());
    QCOMPARE(counter.value().value(0).toLongLong(), seqs.value().value(2).toLongLong());

    // Either server answers a pull the same, page for page.
    HttpClient pullA(a.baseUrl());
    HttpClient pullB(b.baseUrl());
    pullA.setToken(token);
    pullB.setToken(token);
    QString errorA;
    QString errorB;
    const QList<QJsonObject> fromA = gx::test::pullEverything(pullA, &errorA, 50);
    const QList<QJsonObject> fromB = gx::test::pullEverything(pullB, &errorB, 50);
    QVERIFY2(errorA.isEmpty() && errorB.isEmpty(), qPrintable(errorA + errorB));
    QCOMPARE(fromA.size(), kSurveys * 2 + kRows); // enterprises, surveys, rows
    QCOMPARE(fromA, fromB);
    QVERIFY(a.stop());
    QVERIFY(b.stop());
}

QTEST_GUILESS_MAIN(Tst_server_multi)
#include "tst_server_multi.moc"
