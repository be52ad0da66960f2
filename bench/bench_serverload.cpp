#include "bench_serverload.h"

#include "benchsupport.h"
#include "devicejson.h"
#include "httpclient.h"

#include "sync/store/database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <memory>
#include <optional>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace gx::bench {

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

namespace {

/** One load client: push, pull, push, ... each answer starting the next call. */
struct LoadClient
{
    int index = 0;
    int round = 0;
    QString cursor;
    std::unique_ptr<test::HttpClient> http;
    QElapsedTimer sent;
};

} // namespace

QString loadDeviceId(int client)
{
    return u"bench-load-%1"_s.arg(client);
}

LoadResult runLoad(const QUrl &server, const QString &user, const QString &password, int clients,
                   int seconds, const std::function<QJsonArray(int, int)> &makeBatch)
{
    test::HttpClient auth(server);
    const QString token = auth.login(user, password);
    if (token.isEmpty())
        die(u"login failed"_s);
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
            const QJsonObject body =
                test::pushBody(loadDeviceId(c.index), makeBatch(c.index, c.round));
            reply = c.http->startPost(u"/api/v1/sync/push"_s,
                                      QJsonDocument(body).toJson(QJsonDocument::Compact));
        } else {
            QUrlQuery query;
            if (!c.cursor.isEmpty())
                query.addQueryItem(u"since"_s, c.cursor);
            query.addQueryItem(u"limit"_s, u"1000"_s);
            reply = c.http->start("GET", u"/api/v1/sync/pull?"_s + query.toString(), QByteArray());
        }
        c.sent.start();
        ++c.round;
        // Read here, in the signal, and deleted later: the next call starts from this handler.
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
        c->http = std::make_unique<test::HttpClient>(server);
        c->http->setToken(token);
        all.push_back(std::move(c));
    }
    for (auto &c : all)
        next(*c);
    loop.exec();
    result.seconds = double(clock.elapsed()) / 1000;
    return result;
}

} // namespace gx::bench

namespace gx::bench {

namespace {

/** One simulated device: a socket speaking HTTP/1.1 keep-alive, a sync at a time. */
struct Device
{
    int index = 0;
    int round = 0;
    QString cursor;
    QTcpSocket socket;
    QByteArray buffer;
    bool pushing = false;
    bool busy = false;
    QElapsedTimer sent;
    QTimer next;
};

/** A whole answer at the front of `buffer` (status, body), removed from it; nothing yet. */
std::optional<std::pair<int, QByteArray>> takeAnswer(QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const int status = lines.value(0).split(' ').value(1).toInt();
    qsizetype length = 0;
    for (const QByteArray &line : lines) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return std::nullopt;
    QByteArray body = buffer.mid(headEnd + 4, length);
    buffer.remove(0, headEnd + 4 + length);
    return std::pair{status, std::move(body)};
}

} // namespace

void raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)setrlimit(RLIMIT_NOFILE, &limit);
    }
}

LoadResult runDevices(const QUrl &server, const QString &token, int devices, int seconds,
                      int intervalMs, const std::function<QJsonArray(int, int)> &makeBatch)
{
    LoadResult result;
    QElapsedTimer clock;
    const qint64 durationMs = qint64(seconds) * 1000;
    const QByteArray host = server.host().toLatin1() + ':' + QByteArray::number(server.port());
    const QByteArray auth = "Bearer " + token.toLatin1();
    std::vector<std::unique_ptr<Device>> all;
    QEventLoop loop;
    int running = devices;
    const auto fail = [&result](const QString &why) {
        ++result.errors;
        if (result.firstError.isEmpty())
            result.firstError = why;
    };
    const auto send = [&](Device &d, const QByteArray &method, const QByteArray &target,
                          const QByteArray &body) {
        if (d.socket.state() != QAbstractSocket::ConnectedState) {
            d.socket.abort();
            d.socket.connectToHost(server.host(), quint16(server.port()));
        }
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host +
                             "\r\nAuthorization: " + auth + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\n";
        d.socket.write(request + "\r\n" + body);
        d.sent.start();
    };
    const auto pull = [&](Device &d) {
        QUrlQuery query;
        if (!d.cursor.isEmpty())
            query.addQueryItem(u"since"_s, d.cursor);
        query.addQueryItem(u"limit"_s, u"500"_s);
        d.pushing = false;
        send(d, "GET", "/api/v1/sync/pull?" + query.toString(QUrl::FullyEncoded).toLatin1(), {});
    };
    const auto startSync = [&](Device &d) {
        if (clock.elapsed() >= durationMs) {
            if (--running == 0)
                loop.quit();
            return;
        }
        d.busy = true;
        d.pushing = true;
        const QJsonObject body = test::pushBody(loadDeviceId(d.index), makeBatch(d.index, d.round));
        ++d.round;
        send(d, "POST", "/api/v1/sync/push", QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    const auto answered = [&](Device &d, int status, const QByteArray &body) {
        result.latenciesMs.append(double(d.sent.nsecsElapsed()) / 1e6);
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        bool ok = status == 200;
        if (ok && d.pushing) {
            for (const QJsonValue &r : json.value("results"_L1).toArray())
                ok = ok && r.toObject().value("status"_L1).toString() == "applied"_L1;
        }
        if (!ok)
            fail(u"%1 %2"_s.arg(status).arg(QString::fromUtf8(body.left(300))));
        if (ok && !d.pushing)
            d.cursor = json.value("cursor"_L1).toString();
        if (ok && (d.pushing || json.value("more"_L1).toBool())) {
            pull(d);
            return;
        }
        d.busy = false;
        d.next.start(intervalMs);
    };
    // A device whose answer never comes must not hold the run: it ends a minute after the rest.
    QTimer::singleShot(durationMs + 60'000, &loop, [&] {
        for (const auto &d : all) {
            if (d->busy)
                fail(u"device %1: no answer"_s.arg(d->index));
        }
        loop.quit();
    });
    clock.start();
    for (int i = 0; i < devices; ++i) {
        auto d = std::make_unique<Device>();
        d->index = i;
        d->next.setSingleShot(true);
        Device *device = d.get();
        QObject::connect(&d->next, &QTimer::timeout, &loop, [&, device] { startSync(*device); });
        QObject::connect(&d->socket, &QTcpSocket::readyRead, &loop, [&, device] {
            device->buffer += device->socket.readAll();
            while (auto answer = takeAnswer(device->buffer))
                answered(*device, answer->first, answer->second);
        });
        QObject::connect(
            &d->socket, &QTcpSocket::errorOccurred, &loop,
            [&, device](QAbstractSocket::SocketError) {
                if (!device->busy)
                    return; // an idle keep-alive closed: reconnect at next sync
                fail(u"device %1: %2"_s.arg(device->index).arg(device->socket.errorString()));
                device->busy = false;
                device->buffer.clear();
                device->next.start(intervalMs);
            });
        d->socket.connectToHost(server.host(), quint16(server.port()));
        d->next.start(QRandomGenerator::global()->bounded(std::max(1, intervalMs)));
        all.push_back(std::move(d));
    }
    loop.exec();
    result.seconds = double(clock.elapsed()) / 1000;
    return result;
}

} // namespace gx::bench
