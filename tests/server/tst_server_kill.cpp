// The real gengxin-server killed with SIGKILL in the middle of a push load, restarted on the same
// database, several times: every acknowledged mutation is there exactly once, a batch is all or
// nothing, and resending everything gives each mutation exactly one effect.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
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
constexpr int kSurveys = 4;
constexpr int kRows = 200;   // equipment rows, each edited once per batch
constexpr int kBatches = 45; // batch 0 creates; batch b >= 1 sets every row's quantity to b + 1

} // namespace

class Tst_server_kill : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void acknowledgedMutationsSurviveSigkill();

private:
    /**
     * Sends batches from `first` on, one at a time, to the server; once `killAfter` more have
     * been acknowledged, kills the server `fraction` x the mean time those took to answer after
     * sending the next one (so that kills land before, during and after a batch's commit
     * whatever the machine's speed). Returns the
     * index of the first batch not acknowledged.
     */
    int sendUntilKilled(ServerProcess &server, int first, int killAfter, double fraction);
    /** Checks the store after a restart: returns "" or what is wrong. */
    [[nodiscard]] QString checkAfterRestart(int acknowledged);
    /** The rev of the equipment rows (all equal once checkAfterRestart() passed); 0 if none. */
    [[nodiscard]] qint64 rowRev();

    std::unique_ptr<gx::test::TestDatabase> m_db;
    QString m_token;
    QList<QJsonObject> m_batches;      // push bodies
    QHash<QString, qint64> m_ackedRev; // mutation id -> acknowledged rev
    QList<QString> m_rows;             // equipment ids
};

void Tst_server_kill::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    QList<QPair<QString, QString>> registry;
    QStringList enterprises;
    for (int i = 0; i < kSurveys; ++i) {
        enterprises.append(gx::test::testUscc(kRegion, 100 + i));
        registry.append({enterprises.constLast(), kRegion});
    }
    QCOMPARE(gx::test::importEnterprises(m_db->db(), registry), QString());

    m_ackedRev.clear();
    // Batch 0 creates the surveys and rows; batch b sets every row's quantity to b + 1.
    gx::test::QuantityLoad load =
        gx::test::makeQuantityLoad(u"load-1"_s, enterprises, kRows, kBatches);
    m_batches = std::move(load.batches);
    m_rows = std::move(load.rows);
}

void Tst_server_kill::cleanup()
{
    m_db.reset();
}

int Tst_server_kill::sendUntilKilled(ServerProcess &server, int first, int killAfter,
                                     double fraction)
{
    QNetworkAccessManager nam;
    QEventLoop loop;
    int next = first;
    int acked = 0;
    bool killed = false;
    qint64 answerMs = 0;
    QElapsedTimer timer;
    std::function<void()> sendNext = [&] {
        if (next >= m_batches.size()) {
            loop.quit();
            return;
        }
        timer.start();
        QNetworkRequest request(server.baseUrl().resolved(QUrl(u"/api/v1/sync/push"_s)));
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        QNetworkReply *reply =
            nam.post(request, QJsonDocument(m_batches.at(next)).toJson(QJsonDocument::Compact));
        if (acked >= killAfter && !killed) {
            killed = true;
            const int delayMs = int(fraction * double(answerMs) / acked);
            QTimer::singleShot(delayMs, &loop, [&server] { server.kill(); });
        }
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200) {
                // The server is gone: this batch was not acknowledged.
                if (!killed)
                    qWarning("push failed without a kill: %d %s", status,
                             qPrintable(reply->errorString()));
                loop.quit();
                return;
            }
            const QJsonArray results =
                QJsonDocument::fromJson(reply->readAll()).object().value("results"_L1).toArray();
            for (const QJsonValue &result : results) {
                m_ackedRev.insert(result["mutation_id"_L1].toString(),
                                  result["rev"_L1].toInteger());
            }
            ++next;
            ++acked;
            answerMs += timer.elapsed();
            if (killed && !server.isRunning()) {
                loop.quit();
                return;
            }
            sendNext();
        });
    };
    sendNext();
    loop.exec();
    if (server.isRunning())
        server.kill();
    return next;
}

QString Tst_server_kill::checkAfterRestart(int acknowledged)
{
    // A batch is one transaction: every row has the same rev, the acknowledged batches' count
    // or one more (the batch in flight committed before the kill but was not acknowledged).
    gx::server::Database &db = m_db->db();
    auto rows = db.exec(u"SELECT id, rev, fields FROM records WHERE entity = 'equipment'"_s);
    if (!rows)
        return rows.error().message;
    int count = 0;
    qint64 commonRev = -1;
    while (rows.value().next()) {
        ++count;
        const qint64 rev = rows.value().value(1).toLongLong();
        const QJsonObject fields =
            QJsonDocument::fromJson(rows.value().value(2).toString().toUtf8()).object();
        if (fields.value("quantity"_L1).toInteger() != rev)
            return u"row %1: quantity %2 at rev %3"_s.arg(rows.value().value(0).toString())
                .arg(fields.value("quantity"_L1).toInteger())
                .arg(rev);
        if (commonRev >= 0 && rev != commonRev)
            return u"rows at rev %1 and %2: a batch was applied in part"_s.arg(commonRev).arg(rev);
        commonRev = rev;
    }
    if (acknowledged == 0)
        return count == 0 || count == kRows ? QString()
                                            : u"%1 rows after a partial creation"_s.arg(count);
    if (count != kRows)
        return u"%1 equipment rows instead of %2"_s.arg(count).arg(kRows);
    if (commonRev != acknowledged && commonRev != acknowledged + 1)
        return u"rows at rev %1 after %2 acknowledged batches"_s.arg(commonRev).arg(acknowledged);
    // Every acknowledged mutation is recorded once, with the result it was acknowledged with.
    for (auto it = m_ackedRev.cbegin(); it != m_ackedRev.cend(); ++it) {
        auto stored = db.exec(u"SELECT result FROM mutations WHERE mutation_id = ?"_s, {it.key()});
        if (!stored || !stored.value().next())
            return u"acknowledged mutation %1 is missing"_s.arg(it.key());
        const QJsonObject result =
            QJsonDocument::fromJson(stored.value().value(0).toString().toUtf8()).object();
        if (result.value("rev"_L1).toInteger() != it.value())
            return u"mutation %1 acknowledged at rev %2, stored at %3"_s.arg(it.key())
                .arg(it.value())
                .arg(result.value("rev"_L1).toInteger());
    }
    return {};
}

qint64 Tst_server_kill::rowRev()
{
    auto rev = m_db->db().exec(u"SELECT MAX(rev) FROM records WHERE entity = 'equipment'"_s);
    return rev && rev.value().next() ? rev.value().value(0).toLongLong() : -1;
}

void Tst_server_kill::acknowledgedMutationsSurviveSigkill()
{
    ServerProcess server(m_db->url());
    int next = 0;
    // Kill at different moments of a batch: as it is sent, while it is applied, near its end.
    const QList<double> delays{0.0, 0.3, 0.6, 0.8, 0.9, 1.0, 1.1, 1.5};
    for (int round = 0; round < delays.size(); ++round) {
        QString started = server.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        if (m_token.isEmpty()) {
            HttpClient client(server.baseUrl());
            m_token = client.login(u"office"_s, kPassword);
            QVERIFY(!m_token.isEmpty());
        }
        const QString problem = checkAfterRestart(next);
        QVERIFY2(problem.isEmpty(), qPrintable(u"round %1: "_s.arg(round) + problem));
        qInfo("restart %d: %d batches acknowledged, rows at rev %lld%s", round, next, rowRev(),
              rowRev() > next ? " (the batch in flight committed unacknowledged)" : "");
        next = sendUntilKilled(server, next, 3, delays.at(round));
        QVERIFY2(!server.isRunning(), "the server should have been killed");
        QVERIFY2(next < m_batches.size(), "the load ended before the kill; make it longer");
    }

    // The last restart: everything is resent from the start, the token still holds.
    QString started = server.start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString problem = checkAfterRestart(next);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo("last restart: %d batches acknowledged, rows at rev %lld", next, rowRev());
    HttpClient client(server.baseUrl());
    client.setToken(m_token);
    int duplicates = 0;
    for (int b = 0; b < m_batches.size(); ++b) {
        const HttpResult answer = client.postJson(u"/api/v1/sync/push"_s, m_batches.at(b));
        QVERIFY2(answer.status == 200, answer.describe().constData());
        for (const QJsonValue &r : answer.json().value("results"_L1).toArray()) {
            const QString id = r["mutation_id"_L1].toString();
            const QString status = r["status"_L1].toString();
            if (m_ackedRev.contains(id)) {
                // Acknowledged before: a duplicate with the first answer's rev.
                QCOMPARE(status, u"duplicate"_s);
                QCOMPARE(r["rev"_L1].toInteger(), m_ackedRev.value(id));
                ++duplicates;
            } else {
                // Never acknowledged: applied now, or committed before a kill (duplicate).
                QVERIFY2(status == "applied"_L1 || status == "duplicate"_L1, qPrintable(status));
                QCOMPARE(r["rev"_L1].toInteger(), qint64(b + 1));
            }
        }
    }
    QCOMPARE(duplicates, m_ackedRev.size());
    QVERIFY(duplicates >= 3 * delays.size() * kRows);

    // Each mutation had exactly one effect: every row went through every batch once.
    const QString final = checkAfterRestart(kBatches);
    QVERIFY2(final.isEmpty(), qPrintable(final));
    auto rev =
        m_db->db().exec(u"SELECT MIN(rev), MAX(rev) FROM records WHERE entity = 'equipment'"_s);
    QVERIFY(rev.ok() && rev.value().next());
    QCOMPARE(rev.value().value(0).toInt(), kBatches);
    QCOMPARE(rev.value().value(1).toInt(), kBatches);
    auto mutations = m_db->db().exec(u"SELECT COUNT(*) FROM mutations"_s);
    QVERIFY(mutations.ok() && mutations.value().next());
    QCOMPARE(mutations.value().value(0).toInt(), kSurveys + kRows * kBatches);
    QVERIFY(server.stop());
}

QTEST_GUILESS_MAIN(Tst_server_kill)
#include "tst_server_kill.moc"
