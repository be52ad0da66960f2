// bench_sync: the sync client's initial pull, measured end to end against a real gengxin-server
// process on loopback: a region of ~12,000 records (enterprises from a registry import, surveys
// and equipment rows pushed by a seeding device), pulled by a new device with SyncClient in pages
// of 1,000 and applied to its store (each page with its cursor in one transaction, WAL,
// synchronous=FULL). Goal >= 50,000 records/s. Printed beside it, from the same run:
//   - the same pages fetched over HTTP without applying them (what the network and server cost);
//   - the floor: the same records inserted into SQLite directly in one transaction, same pragmas.
// Usage: bench_sync [--dir DIR] [--surveys N (default 2000: 2,000 enterprises + 2,000 surveys +
//        8,000 equipment rows)] [--runs N (default 3)]
#include "benchserver.h"
#include "benchsupport.h"
#include "httpclient.h"

#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace gx::bench;

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/** Spins the event loop until the client's cycle or login ends. */
template <typename Sender, typename Signal>
void waitFor(Sender *sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    loop.exec();
}

void login(gx::SyncClient &client)
{
    QString error;
    QEventLoop loop;
    QObject::connect(&client, &gx::SyncClient::loginFinished, &loop,
                     [&](bool ok, const QString &message) {
                         if (!ok)
                             error = message;
                         loop.quit();
                     });
    client.login(kInspector, kPassword);
    loop.exec();
    if (!error.isEmpty())
        die(u"login: "_s + error);
}

gx::SyncOptions options()
{
    gx::SyncOptions o;
    o.pushBatchSize = 1000;
    o.pullPageSize = 1000;
    o.periodicMillis = 0;
    return o;
}

/** Fills the server: surveys and equipment rows pushed by a seeding device. */
void seed(const QString &dir, const QUrl &server, int surveys)
{
    auto store = gx::DeviceStore::open(dir + u"/seed.db"_s, u"bench-seed"_s, now);
    if (!store)
        die(store.error().toString());
    QList<QJsonObject> surveyRecords;
    QList<QJsonObject> rowRecords;
    QStringList surveyIds;
    for (int n = 0; n < surveys; ++n)
        surveyRecords.append(surveyFields(uscc(n)));
    auto created = store.value()->createRecords(u"survey"_s, surveyRecords);
    if (!created)
        die(created.error().toString());
    for (const gx::EditReceipt &r : created.value())
        surveyIds.append(r.id);
    for (const QString &id : surveyIds) {
        for (int k = 0; k < 4; ++k)
            rowRecords.append(equipmentFields(id, k));
    }
    auto rows = store.value()->createRecords(u"equipment"_s, rowRecords);
    if (!rows)
        die(rows.error().toString());
    QNetworkAccessManager nam;
    gx::SyncClient client(*store.value(), gx::TokenStore::fileOnly(store.value()->path()), &nam,
                          server, now, options());
    login(client);
    client.sync();
    waitFor(&client, &gx::SyncClient::syncFinished);
    if (client.stateName() != "idle"_L1 || client.lastReport().rejected > 0)
        die(u"seeding failed: "_s + client.summary());
}

/** Every page fetched over HTTP, not applied: returns the changes. */
QList<QJsonObject> fetchOnly(const QUrl &server, const QString &token, qint64 *elapsedMs)
{
    gx::test::HttpClient http(server);
    http.setToken(token);
    http.setTimeout(600'000);
    QString error;
    QElapsedTimer timer;
    timer.start();
    QList<QJsonObject> changes = gx::test::pullEverything(http, &error, 1000);
    *elapsedMs = timer.elapsed();
    if (!error.isEmpty())
        die(u"fetch: "_s + error);
    return changes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"gx.*.info=false"_s);
    QCommandLineParser parser;
    const QCommandLineOption dirOption(u"dir"_s, u"Where the databases go."_s, u"DIR"_s, u"."_s);
    const QCommandLineOption surveysOption(u"surveys"_s, u"Surveys (and enterprises)."_s, u"N"_s,
                                           u"2000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Measured pulls."_s, u"N"_s, u"3"_s);
    parser.addOptions({dirOption, surveysOption, runsOption});
    parser.process(app);
    const int surveys = std::max(1, parser.value(surveysOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir(parser.value(dirOption) + u"/bench_sync-XXXXXX"_s);
    if (!dir.isValid())
        die(u"cannot make a directory in "_s + parser.value(dirOption));
    const QString db = u"sqlite:"_s + dir.filePath(u"server.db"_s);

    // The registry (its import makes the enterprise records) and the users.
    setUpServer(db, dir.path(), surveys);
    BenchServer server(db, dir.filePath(u"server.log"_s));
    const QUrl url = server.url();

    seed(dir.path(), url, surveys);

    QList<double> pullMs;
    int pulled = 0;
    QString token;
    for (int run = 0; run < runs; ++run) {
        const QString path = dir.filePath(u"device-%1.db"_s.arg(run));
        auto store = gx::DeviceStore::open(path, u"bench-device-%1"_s.arg(run), now);
        if (!store)
            die(store.error().toString());
        QNetworkAccessManager nam;
        gx::SyncClient client(*store.value(), gx::TokenStore::fileOnly(store.value()->path()), &nam,
                              url, now, options());
        login(client);
        token = client.session()->token;
        QElapsedTimer timer;
        timer.start();
        client.sync();
        waitFor(&client, &gx::SyncClient::syncFinished);
        pullMs.append(double(timer.nsecsElapsed()) / 1e6);
        pulled = client.lastReport().pulled;
        if (client.stateName() != "idle"_L1)
            die(u"the pull failed: "_s + client.summary());
    }
    const double median = gx::bench::median(pullMs);

    qint64 fetchMs = 0;
    const QList<QJsonObject> changes = fetchOnly(url, token, &fetchMs);
    const double floor = floorInsertMs(dir.filePath(u"floor.db"_s), changes);

    print(u"initial pull of %1 records (pages of 1,000) over loopback into the device store, "
          u"median of %2: %3 ms = %4 records/s (goal >= 50,000)"_s.arg(pulled)
              .arg(runs)
              .arg(median, 0, 'f', 1)
              .arg(double(pulled) / median * 1000.0, 0, 'f', 0));
    print(u"  the same pages fetched without applying them (HTTP + server): %1 ms"_s.arg(fetchMs));
    print(u"  floor: the same %1 records inserted into SQLite directly in one transaction: "
          u"%2 ms = %3 records/s; ratio pull/floor = %4x"_s.arg(changes.size())
              .arg(floor, 0, 'f', 1)
              .arg(double(changes.size()) / floor * 1000.0, 0, 'f', 0)
              .arg(median / floor, 0, 'f', 2));
    return 0;
}
