// bench_sync: the sync client's initial pull, measured end to end against a real gengxin-server
// process on loopback: a region of ~12,000 records (enterprises from a registry import, surveys
// and equipment rows pushed by a seeding device), pulled by a new device with SyncClient in pages
// of 1,000 and applied to its store (each page with its cursor in one transaction, WAL,
// synchronous=FULL). Goal >= 50,000 records/s. Printed beside it, from the same run:
//   - the same pages fetched over HTTP without applying them (what the network and server cost);
//   - the floor: the same records inserted into SQLite directly in one transaction, same pragmas.
// Usage: bench_sync [--dir DIR] [--surveys N (default 2000: 2,000 enterprises + 2,000 surveys +
//        8,000 equipment rows)] [--runs N (default 3)]
#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include "core/uscc.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QString kRegion = u"331102"_s;
const QString kPassword = u"bench password 1"_s;

void print(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &why)
{
    const QByteArray text = QByteArray("bench_sync: ").append(why.toUtf8()).append('\n');
    std::fputs(text.constData(), stderr);
    std::exit(1);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString runServerCommand(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(GX_SERVER_BIN), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300'000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
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
    client.login(u"bench.insp"_s, kPassword);
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
    QList<QJsonObject> surveyFields;
    QList<QJsonObject> rowFields;
    QStringList surveyIds;
    for (int n = 0; n < surveys; ++n) {
        const QString uscc =
            gx::makeUscc(u'9', u'1', kRegion, u"BE%1"_s.arg(n, 6, 10, QChar(u'0')));
        surveyFields.append({{u"enterprise"_s, uscc},
                             {u"period"_s, 2024},
                             {u"state"_s, u"draft"_s},
                             {u"visit_date"_s, u"2024-11-20"_s},
                             {u"digital_level"_s, 2},
                             {u"renovation_status"_s, u"in_progress"_s},
                             {u"design_tools"_s, true},
                             {u"key_processes"_s, 5},
                             {u"key_processes_cnc"_s, 3},
                             {u"robots_total"_s, 4},
                             {u"notes"_s, u"车间二楼，设备较旧，计划明年更新。"_s}});
    }
    auto created = store.value()->createRecords(u"survey"_s, surveyFields);
    if (!created)
        die(created.error().toString());
    for (const gx::EditReceipt &r : created.value())
        surveyIds.append(r.id);
    for (const QString &id : surveyIds) {
        for (int k = 0; k < 4; ++k) {
            rowFields.append({{u"survey"_s, id},
                              {u"category"_s, k % 2 ? u"machine_tool"_s : u"motor"_s},
                              {u"name"_s, u"设备 %1"_s.arg(k)},
                              {u"model"_s, u"CK6140"_s},
                              {u"manufacturer"_s, u"浙江机床厂"_s},
                              {u"quantity"_s, 2},
                              {u"commissioned_year"_s, 2010 + k},
                              {u"is_cnc"_s, k % 2 == 1},
                              {u"status"_s, u"in_service"_s}});
        }
    }
    auto rows = store.value()->createRecords(u"equipment"_s, rowFields);
    if (!rows)
        die(rows.error().toString());
    QNetworkAccessManager nam;
    gx::SyncClient client(*store.value(), &nam, server, now, options());
    login(client);
    client.sync();
    waitFor(&client, &gx::SyncClient::syncFinished);
    if (client.stateName() != "idle"_L1 || client.lastReport().rejected > 0)
        die(u"seeding failed: "_s + client.summary());
}

/** Every page fetched over HTTP, not applied: returns the changes. */
QList<QJsonObject> fetchOnly(const QUrl &server, const QString &token, qint64 *elapsedMs)
{
    QNetworkAccessManager nam;
    QList<QJsonObject> changes;
    QString cursor;
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        QUrlQuery query;
        if (!cursor.isEmpty())
            query.addQueryItem(u"since"_s, cursor);
        query.addQueryItem(u"limit"_s, u"1000"_s);
        QUrl url(server.toString() + u"/api/v1/sync/pull"_s);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = nam.get(request);
        waitFor(reply, &QNetworkReply::finished);
        const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        for (const QJsonValue &v : page.value("changes"_L1).toArray())
            changes.append(v.toObject());
        cursor = page.value("cursor"_L1).toString();
        if (!page.value("more"_L1).toBool())
            break;
    }
    *elapsedMs = timer.elapsed();
    return changes;
}

/** The floor: the records inserted into a bare SQLite table in one transaction. */
double floorMs(const QString &path, const QList<QJsonObject> &changes)
{
    double ms = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"floor"_s);
        db.setDatabaseName(path);
        if (!db.open())
            die(u"cannot open the floor database"_s);
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=FULL"_s);
        q.exec(u"CREATE TABLE records (entity TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT "
               u"NULL, fields TEXT NOT NULL, PRIMARY KEY (entity, id))"_s);
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        q.prepare(u"INSERT INTO records (entity, id, rev, fields) VALUES (?, ?, ?, ?)"_s);
        for (const QJsonObject &c : changes) {
            q.bindValue(0, c.value("entity"_L1).toString());
            q.bindValue(1, c.value("id"_L1).toString());
            q.bindValue(2, c.value("rev"_L1).toInteger());
            q.bindValue(
                3,
                QString::fromUtf8(
                    QJsonDocument(c.value("fields"_L1).toObject()).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                die(u"floor insert failed"_s);
        }
        db.commit();
        ms = double(timer.nsecsElapsed()) / 1e6;
    }
    QSqlDatabase::removeDatabase(u"floor"_s);
    return ms;
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
    QByteArray csv = "uscc,name,region,industry_code,above_size\n";
    for (int n = 0; n < surveys; ++n) {
        csv += gx::makeUscc(u'9', u'1', kRegion, u"BE%1"_s.arg(n, 6, 10, QChar(u'0'))).toUtf8() +
               ",企业" + QByteArray::number(n) + ',' + kRegion.toUtf8() + ",3311,true\n";
    }
    QFile registry(dir.filePath(u"registry.csv"_s));
    if (!registry.open(QIODevice::WriteOnly) || registry.write(csv) != csv.size())
        die(u"cannot write the registry"_s);
    registry.close();
    for (const QString &why :
         {runServerCommand({u"registry"_s, u"import"_s, registry.fileName(), u"--db"_s, db}),
          runServerCommand({u"user"_s, u"add"_s, u"bench.insp"_s, u"--role"_s, u"inspector"_s,
                            u"--region"_s, kRegion, u"--password-stdin"_s, u"--db"_s, db},
                           kPassword.toUtf8() + '\n')}) {
        if (!why.isEmpty())
            die(why);
    }
    QProcess server;
    server.setStandardErrorFile(dir.filePath(u"server.log"_s));
    server.start(QStringLiteral(GX_SERVER_BIN),
                 {u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    QByteArray out;
    static const QRegularExpression listening(u"listening on [^\\s:]+:(\\d+)"_s);
    QRegularExpressionMatch match;
    while (server.waitForReadyRead(30'000)) {
        out += server.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch())
            break;
    }
    if (!match.hasMatch())
        die(u"the server did not start"_s);
    const QUrl url(u"http://127.0.0.1:"_s + match.captured(1));

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
        gx::SyncClient client(*store.value(), &nam, url, now, options());
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
    std::sort(pullMs.begin(), pullMs.end());
    const double median = pullMs.at(pullMs.size() / 2);

    qint64 fetchMs = 0;
    const QList<QJsonObject> changes = fetchOnly(url, token, &fetchMs);
    const double floor = floorMs(dir.filePath(u"floor.db"_s), changes);
    server.kill();
    server.waitForFinished(10'000);

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
