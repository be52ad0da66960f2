#include "bench_serverhttp.h"

#include "sync/store/database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>
#include <memory>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gx::bench {

void print(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void die(const QString &why)
{
    const QByteArray text = QByteArray("bench_server: ").append(why.toUtf8()).append('\n');
    std::fputs(text.constData(), stderr);
    std::exit(1);
}

QString runServerCommand(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral(GX_SERVER_BIN), args);
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(3'600'000) || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError());
    return {};
}

void addUsers(const QString &db, const QString &region, const QString &password)
{
    for (const QString &why :
         {runServerCommand({u"user"_s, u"add"_s, u"bench.insp"_s, u"--role"_s, u"inspector"_s,
                            u"--region"_s, region, u"--password-stdin"_s, u"--db"_s, db},
                           password.toUtf8() + '\n'),
          runServerCommand({u"user"_s, u"add"_s, u"bench.office"_s, u"--role"_s, u"office"_s,
                            u"--password-stdin"_s, u"--db"_s, db},
                           password.toUtf8() + '\n')}) {
        if (!why.isEmpty())
            die(u"user add: "_s + why);
    }
}

Backend::Backend(QString name)
    : m_name(std::move(name))
{
    if (m_name == "postgres"_L1) {
        m_pgUrl = qEnvironmentVariable("GX_TEST_PG_URL");
        if (m_pgUrl.isEmpty())
            die(u"--backend postgres needs GX_TEST_PG_URL (run through scripts/with-postgres.sh)"_s);
    } else if (m_name != "sqlite"_L1) {
        die(u"--backend is sqlite or postgres"_s);
    }
}

QString Backend::fresh(const QString &dir, const QString &part) const
{
    if (m_pgUrl.isEmpty())
        return u"sqlite:%1/%2.db"_s.arg(dir, part);
    auto admin = server::Database::open(m_pgUrl);
    if (!admin)
        die(admin.error().message);
    for (const QString &statement :
         {u"DROP SCHEMA IF EXISTS public CASCADE"_s, u"CREATE SCHEMA public"_s}) {
        if (auto status = admin.value()->run(statement); !status)
            die(u"cannot reset the PostgreSQL schema: "_s + status.error().message);
    }
    return m_pgUrl;
}

ServerRun::ServerRun(const QString &db, const QString &logPath)
{
    m_process.setStandardErrorFile(logPath);
    m_process.start(QStringLiteral(GX_SERVER_BIN),
                    {u"serve"_s, u"--db"_s, db, u"--listen"_s, u"127.0.0.1:0"_s});
    QByteArray out;
    static const QRegularExpression listening(u"listening on [^\\s:]+:(\\d+)"_s);
    QRegularExpressionMatch match;
    while (m_process.waitForReadyRead(60'000)) {
        out += m_process.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch())
            break;
    }
    if (!match.hasMatch())
        die(u"the server did not start (log: %1)"_s.arg(logPath));
    m_url = QUrl(u"http://127.0.0.1:"_s + match.captured(1));
}

ServerRun::~ServerRun()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10'000)) {
        m_process.kill();
        m_process.waitForFinished(10'000);
    }
}

qint64 ServerRun::peakRssKb() const
{
    QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double ServerRun::cpuSeconds() const
{
    QFile stat(u"/proc/%1/stat"_s.arg(m_process.processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (in clock ticks).
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    if (fields.size() < 13 || ticks <= 0)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks);
}

namespace {

Reply finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return out;
}

QNetworkRequest request(const QUrl &url, const QString &token)
{
    QNetworkRequest r(url);
    r.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return r;
}

QByteArray compact(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

bool Http::login(const QString &user, const QString &password)
{
    const Reply reply =
        post(u"/api/v1/login"_s, {{u"username"_s, user}, {u"password"_s, password}});
    m_token = QJsonDocument::fromJson(reply.body).object().value("token"_L1).toString();
    return reply.status == 200 && !m_token.isEmpty();
}

Reply Http::get(const QString &pathAndQuery)
{
    return finish(m_nam.get(request(QUrl(m_base.toString() + pathAndQuery), m_token)));
}

Reply Http::post(const QString &path, const QJsonObject &body)
{
    return finish(m_nam.post(request(QUrl(m_base.toString() + path), m_token), compact(body)));
}

QNetworkReply *Http::send(const QString &path, const QByteArray &body)
{
    return m_nam.post(request(QUrl(m_base.toString() + path), m_token), body);
}

Reply Http::wait(QNetworkReply *reply)
{
    return finish(reply);
}

namespace {

/** One load client: push, pull, push, ... each answer starting the next call. */
struct LoadClient
{
    int index = 0;
    int round = 0;
    QString cursor;
    std::unique_ptr<QNetworkAccessManager> nam;
    QElapsedTimer sent;
};

} // namespace

LoadResult runLoad(const QUrl &server, const QString &user, const QString &password, int clients,
                   int seconds, const std::function<QJsonArray(int, int)> &makeBatch)
{
    Http auth(server);
    if (!auth.login(user, password))
        die(u"login failed"_s);
    const QString token = auth.token();
    LoadResult result;
    QElapsedTimer clock;
    const qint64 durationMs = qint64(seconds) * 1000;
    std::vector<std::unique_ptr<LoadClient>> all;
    QEventLoop loop;
    int running = clients;
    std::function<void(LoadClient &)> next = [&](LoadClient &c) {
        if (clock.elapsed() >= durationMs) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QNetworkReply *reply = nullptr;
        const bool push = c.round % 2 == 0;
        if (push) {
            const QJsonObject body{{u"device_id"_s, u"bench-load-%1"_s.arg(c.index)},
                                   {u"mutations"_s, makeBatch(c.index, c.round)}};
            reply = c.nam->post(request(QUrl(server.toString() + u"/api/v1/sync/push"_s), token),
                                compact(body));
        } else {
            QUrlQuery query;
            if (!c.cursor.isEmpty())
                query.addQueryItem(u"since"_s, c.cursor);
            query.addQueryItem(u"limit"_s, u"1000"_s);
            QUrl url(server.toString() + u"/api/v1/sync/pull"_s);
            url.setQuery(query);
            reply = c.nam->get(request(url, token));
        }
        c.sent.start();
        ++c.round;
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, push, client = &c] {
            result.latenciesMs.append(double(client->sent.nsecsElapsed()) / 1e6);
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            bool ok = status == 200;
            const QJsonObject json = QJsonDocument::fromJson(body).object();
            if (ok && push) {
                for (const QJsonValue &r : json.value("results"_L1).toArray())
                    ok = ok && r.toObject().value("status"_L1).toString() == "applied"_L1;
            } else if (ok) {
                client->cursor = json.value("cursor"_L1).toString();
            }
            if (!ok) {
                ++result.errors;
                if (result.firstError.isEmpty())
                    result.firstError = u"%1 %2 %3"_s.arg(status).arg(
                        reply->errorString(), QString::fromUtf8(body.left(300)));
            }
            next(*client);
        });
    };
    clock.start();
    for (int i = 0; i < clients; ++i) {
        auto c = std::make_unique<LoadClient>();
        c->index = i;
        c->nam = std::make_unique<QNetworkAccessManager>();
        all.push_back(std::move(c));
    }
    for (auto &c : all)
        next(*c);
    loop.exec();
    result.seconds = double(clock.elapsed()) / 1000;
    return result;
}

} // namespace gx::bench
