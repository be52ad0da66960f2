#include "bench_serverload.h"

#include "benchsupport.h"
#include "devicejson.h"
#include "httpclient.h"

#include "sync/store/database.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

#include <memory>

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
