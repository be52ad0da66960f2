// The sync client's parts on their own, without a server: backoff, the state machine, the token
// file, how answers are judged, and the fault proxy's framing and determinism.

#include "faultproxy.h"
#include "httpframe.h"
#include "testdevice.h"

#include "syncclient/backoff.h"
#include "syncclient/networkwatcher.h"
#include "syncclient/syncclient.h"
#include "syncclient/syncstatus.h"
#include "syncclient/synctransport.h"
#include "syncclient/tokenfile.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using gx::Backoff;
using gx::BackoffPolicy;
using gx::SyncState;
using gx::SyncStatus;
using gx::TransportReply;
using gx::e2e::Fault;
using gx::e2e::HttpFrame;

namespace {

/** The permission bits of a file, as `ls -l` would show them in octal. */
int modeOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

/** A TCP server on loopback that counts connections and closes each at once. */
class SlammingServer : public QObject
{
public:
    SlammingServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                ++connections;
                s->abort();
                s->deleteLater();
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    [[nodiscard]] QUrl url() const
    {
        return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
    }
    int connections = 0;

private:
    QTcpServer m_server;
};

} // namespace

class Tst_syncclient : public QObject
{
    Q_OBJECT

private slots:
    void backoffDelays_data();
    void backoffDelays();
    void backoffStartsOverAfterSuccess();
    void stateNames_data();
    void stateNames();
    void stateMachine_data();
    void stateMachine();
    void tokenFileIsPrivate();
    void tokenFileTightensLoosePermissions();
    void tokenFileRefusesGarbage();
    void judge_data();
    void judge();
    void httpFrames_data();
    void httpFrames();
    void faultProxyIsDeterministic();
    void syncWithoutLoginNeedsLogin();
    void unreachableServerRetriesThenFails();
    void offlineWaitsForTheNetwork();
    void timerSyncsWhileOnline();
};

// ---- Backoff ------------------------------------------------------------------------------

void Tst_syncclient::backoffDelays_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<double>("random");
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("expected");

    // wait w = min(max, initial * 2^(n-1)); delay = w * (1 - jitter) + w * jitter * r
    QTest::newRow("first, r=0") << 1000LL << 300000LL << 0.5 << 0.0 << 1 << 500LL;
    QTest::newRow("second, r=0") << 1000LL << 300000LL << 0.5 << 0.0 << 2 << 1000LL;
    QTest::newRow("third, r=0") << 1000LL << 300000LL << 0.5 << 0.0 << 3 << 2000LL;
    QTest::newRow("first, r=0.5") << 1000LL << 300000LL << 0.5 << 0.5 << 1 << 750LL;
    QTest::newRow("first, r=0.9") << 1000LL << 300000LL << 0.5 << 0.9 << 1 << 950LL;
    QTest::newRow("capped at max") << 1000LL << 5000LL << 0.5 << 0.0 << 10 << 2500LL;
    QTest::newRow("no jitter") << 1000LL << 300000LL << 0.0 << 0.7 << 4 << 8000LL;
    QTest::newRow("full jitter") << 1000LL << 300000LL << 1.0 << 0.25 << 2 << 500LL;
    QTest::newRow("huge n stays at max") << 20LL << 400LL << 0.0 << 0.0 << 200 << 400LL;
}

void Tst_syncclient::backoffDelays()
{
    QFETCH(qint64, initial);
    QFETCH(qint64, max);
    QFETCH(double, jitter);
    QFETCH(double, random);
    QFETCH(int, failures);
    QFETCH(qint64, expected);

    Backoff backoff(BackoffPolicy{initial, max, 2.0, jitter}, [random] { return random; });
    qint64 delay = -1;
    for (int i = 0; i < failures; ++i)
        delay = backoff.nextDelay();
    QCOMPARE(backoff.failures(), failures);
    QCOMPARE(delay, expected);
}

void Tst_syncclient::backoffStartsOverAfterSuccess()
{
    Backoff backoff(BackoffPolicy{100, 10000, 2.0, 0.0}, [] { return 0.0; });
    QCOMPARE(backoff.nextDelay(), 100);
    QCOMPARE(backoff.nextDelay(), 200);
    QCOMPARE(backoff.nextDelay(), 400);
    backoff.reset();
    QCOMPARE(backoff.failures(), 0);
    QCOMPARE(backoff.nextDelay(), 100);
}

// ---- The state machine --------------------------------------------------------------------

void Tst_syncclient::stateNames_data()
{
    QTest::addColumn<SyncState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("idle") << SyncState::Idle << u"idle"_s;
    QTest::newRow("syncing") << SyncState::Syncing << u"syncing"_s;
    QTest::newRow("waiting") << SyncState::WaitingForNetwork << u"waiting_for_network"_s;
    QTest::newRow("failed") << SyncState::Failed << u"failed"_s;
    QTest::newRow("needs_login") << SyncState::NeedsLogin << u"needs_login"_s;
}

void Tst_syncclient::stateNames()
{
    QFETCH(SyncState, state);
    QFETCH(QString, name);
    QCOMPARE(gx::syncStateName(state), name);
}

void Tst_syncclient::stateMachine_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("accepted"); // one letter per event: y accepted, n refused
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("lastSuccess");

    QTest::newRow("a clean cycle")
        << QStringList{u"begin"_s, u"succeed:42"_s} << u"yy"_s << u"idle"_s << QString() << 42LL;
    QTest::newRow("a wait, then success")
        << QStringList{u"begin"_s, u"wait:no route"_s, u"resume"_s, u"succeed:7"_s} << u"yyyy"_s
        << u"idle"_s << QString() << 7LL;
    QTest::newRow("waiting keeps its reason")
        << QStringList{u"begin"_s, u"wait:no route"_s} << u"yy"_s << u"waiting_for_network"_s
        << u"no route"_s << 0LL;
    QTest::newRow("failure, then a new cycle clears the reason")
        << QStringList{u"begin"_s, u"fail:boom"_s, u"begin"_s} << u"yyy"_s << u"syncing"_s
        << QString() << 0LL;
    QTest::newRow("no second begin while syncing")
        << QStringList{u"begin"_s, u"begin"_s} << u"yn"_s << u"syncing"_s << QString() << 0LL;
    QTest::newRow("needs_login refuses a cycle")
        << QStringList{u"needlogin:expired"_s, u"begin"_s, u"fail:x"_s, u"wait:y"_s} << u"ynnn"_s
        << u"needs_login"_s << u"expired"_s << 0LL;
    QTest::newRow("a 401 mid-cycle, then login")
        << QStringList{u"begin"_s, u"needlogin:revoked"_s, u"login"_s, u"begin"_s, u"succeed:9"_s}
        << u"yyyyy"_s << u"idle"_s << QString() << 9LL;
    QTest::newRow("login when not asked changes nothing")
        << QStringList{u"login"_s} << u"n"_s << u"idle"_s << QString() << 0LL;
    QTest::newRow("resume only from a wait") << QStringList{u"begin"_s, u"fail:x"_s, u"resume"_s}
                                             << u"yyn"_s << u"failed"_s << u"x"_s << 0LL;
    QTest::newRow("success only while syncing")
        << QStringList{u"succeed:5"_s} << u"n"_s << u"idle"_s << QString() << 0LL;
}

void Tst_syncclient::stateMachine()
{
    QFETCH(QStringList, events);
    QFETCH(QString, accepted);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    QFETCH(qint64, lastSuccess);

    SyncStatus status;
    QString got;
    for (const QString &event : events) {
        const QString name = event.section(u':', 0, 0);
        const QString arg = event.section(u':', 1);
        bool ok = false;
        if (name == "begin"_L1)
            ok = status.begin();
        else if (name == "resume"_L1)
            ok = status.resume();
        else if (name == "wait"_L1)
            ok = status.waitForNetwork(arg);
        else if (name == "fail"_L1)
            ok = status.fail(arg);
        else if (name == "needlogin"_L1)
            ok = status.needLogin(arg);
        else if (name == "login"_L1)
            ok = status.loggedIn();
        else if (name == "succeed"_L1)
            ok = status.succeed(arg.toLongLong());
        else
            QFAIL(qPrintable(u"unknown event "_s + event));
        got += ok ? u'y' : u'n';
    }
    QCOMPARE(got, accepted);
    QCOMPARE(gx::syncStateName(status.state()), state);
    QCOMPARE(status.reason(), reason);
    QCOMPARE(status.lastSuccessMillis(), lastSuccess);
}

// ---- The token file -----------------------------------------------------------------------

void Tst_syncclient::tokenFileIsPrivate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = gx::TokenFile::pathFor(dir.filePath(u"device.db"_s));
    QCOMPARE(path, dir.filePath(u"device.db.token"_s));
    const gx::TokenFile file(path);
    QVERIFY(!file.read().has_value());

    const gx::SessionToken token{u"tok-123"_s, u"wang.li"_s,  u"inspector"_s, u"331102"_s,
                                 QString(),    u"http://x"_s, 1732800000000};
    QVERIFY(file.write(token).ok());
    QCOMPARE(modeOf(path), 0600);
    const auto back = file.read();
    QVERIFY(back.has_value());
    QCOMPARE(*back, token);

    // Overwriting keeps it private; removing forgets it.
    gx::SessionToken other = token;
    other.token = u"tok-456"_s;
    QVERIFY(file.write(other).ok());
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(file.read()->token, u"tok-456"_s);
    QVERIFY(file.remove().ok());
    QVERIFY(!QFile::exists(path));
    QVERIFY(file.remove().ok()); // no file is not an error
}

void Tst_syncclient::tokenFileTightensLoosePermissions()
{
    QTemporaryDir dir;
    const gx::TokenFile file(dir.filePath(u"t.token"_s));
    QVERIFY(file.write({u"abc"_s, u"u"_s, u"office"_s, {}, {}, {}, 0}).ok());
    QVERIFY(::chmod(QFile::encodeName(file.path()).constData(), 0644) == 0);
    QCOMPARE(modeOf(file.path()), 0644);
    QCOMPARE(file.read()->token, u"abc"_s);
    QCOMPARE(modeOf(file.path()), 0600);
}

void Tst_syncclient::tokenFileRefusesGarbage()
{
    QTemporaryDir dir;
    const gx::TokenFile file(dir.filePath(u"t.token"_s));
    QFile raw(file.path());
    QVERIFY(raw.open(QIODevice::WriteOnly));
    raw.write("{\"tok");
    raw.close();
    gx::TokenFileError error;
    QVERIFY(!file.read(&error).has_value());
    QVERIFY2(error.message.contains(u"holds no token"_s), qPrintable(error.message));
}

// ---- Judging answers ----------------------------------------------------------------------

void Tst_syncclient::judge_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("error");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("array"); // the call asks for a JSON array (GET /api/v1/forms)

    using N = QNetworkReply;
    const int ok = int(TransportReply::Kind::Ok);
    const int unauthorized = int(TransportReply::Kind::Unauthorized);
    const int refused = int(TransportReply::Kind::Refused);
    const int transient = int(TransportReply::Kind::Transient);
    const QByteArray apiError = R"({"error":{"code":"x","message":"m","field":null}})";

    QTest::newRow("200 whole") << 200 << int(N::NoError) << QByteArray(R"({"results":[]})") << ok
                               << false;
    QTest::newRow("201 whole") << 201 << int(N::NoError) << QByteArray(R"({"a":1})") << ok << false;
    QTest::newRow("204 empty") << 204 << int(N::NoError) << QByteArray() << ok << false;
    QTest::newRow("200 cut, looking whole")
        << 200 << int(N::NoError) << QByteArray(R"({"results":[{"mut)") << transient << false;
    QTest::newRow("200 not an object")
        << 200 << int(N::NoError) << QByteArray("[1]") << transient << false;
    QTest::newRow("broken exchange")
        << 200 << int(N::ProtocolFailure) << QByteArray() << transient << false;
    QTest::newRow("200 then closed early")
        << 200 << int(N::RemoteHostClosedError) << QByteArray(R"({"a")") << transient << false;
    QTest::newRow("refused") << 0 << int(N::ConnectionRefusedError) << QByteArray() << transient
                             << false;
    QTest::newRow("timed out") << 0 << int(N::OperationCanceledError) << QByteArray() << transient
                               << false;
    QTest::newRow("reset") << 0 << int(N::RemoteHostClosedError) << QByteArray() << transient
                           << false;
    QTest::newRow("401") << 401 << int(N::AuthenticationRequiredError) << apiError << unauthorized
                         << false;
    QTest::newRow("400") << 400 << int(N::ProtocolInvalidOperationError) << apiError << refused
                         << false;
    QTest::newRow("403") << 403 << int(N::ContentAccessDenied) << apiError << refused << false;
    QTest::newRow("409") << 409 << int(N::ContentConflictError) << apiError << refused << false;
    QTest::newRow("413") << 413 << int(N::UnknownContentError) << apiError << refused << false;
    QTest::newRow("408") << 408 << int(N::UnknownContentError) << apiError << transient << false;
    QTest::newRow("429") << 429 << int(N::UnknownContentError) << apiError << transient << false;
    QTest::newRow("500") << 500 << int(N::InternalServerError) << apiError << transient << false;
    QTest::newRow("502 from a gateway") << 502 << int(N::UnknownServerError)
                                        << QByteArray("<html>502</html>") << transient << false;
    QTest::newRow("503") << 503 << int(N::ServiceUnavailableError) << QByteArray() << transient
                         << false;
    QTest::newRow("200 array asked for")
        << 200 << int(N::NoError) << QByteArray(R"([{"version":1}])") << ok << true;
    QTest::newRow("200 object, array asked for")
        << 200 << int(N::NoError) << QByteArray(R"({"a":1})") << transient << true;
    QTest::newRow("200 cut array")
        << 200 << int(N::NoError) << QByteArray(R"([{"ver)") << transient << true;
    QTest::newRow("404, array asked for")
        << 404 << int(N::ContentNotFoundError) << apiError << refused << true;
}

void Tst_syncclient::judge()
{
    QFETCH(int, status);
    QFETCH(int, error);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(bool, array);
    const TransportReply reply =
        gx::SyncTransport::judge(status, QNetworkReply::NetworkError(error), u"some error"_s, body,
                                 array ? gx::ReplyShape::Array : gx::ReplyShape::Object);
    QCOMPARE(int(reply.kind), kind);
    QCOMPARE(reply.reason.isEmpty(), kind == int(TransportReply::Kind::Ok));
    if (status == 400 || status == 404)
        QCOMPARE(reply.error.code, u"x"_s);
    if (array && reply.ok())
        QCOMPARE(reply.array.size(), 1);
}

// ---- The fault proxy ----------------------------------------------------------------------

void Tst_syncclient::httpFrames_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("rest");

    const int complete = int(HttpFrame::Status::Complete);
    const int incomplete = int(HttpFrame::Status::Incomplete);
    const int malformed = int(HttpFrame::Status::Malformed);
    QTest::newRow("GET without body") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
                                      << complete << QByteArray() << QByteArray();
    QTest::newRow("POST with body and a next request")
        << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcdGET /") << complete
        << QByteArray("abcd") << QByteArray("GET /");
    QTest::newRow("body not all there")
        << QByteArray("POST /p HTTP/1.1\r\ncontent-length: 10\r\n\r\nabc") << incomplete
        << QByteArray() << QByteArray("POST /p HTTP/1.1\r\ncontent-length: 10\r\n\r\nabc");
    QTest::newRow("head not all there") << QByteArray("GET /a HTTP/1.1\r\nHo") << incomplete
                                        << QByteArray() << QByteArray("GET /a HTTP/1.1\r\nHo");
    QTest::newRow("chunked")
        << QByteArray("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd")
        << malformed << QByteArray()
        << QByteArray("POST /p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd");
    QTest::newRow("bad length") << QByteArray("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n")
                                << malformed << QByteArray()
                                << QByteArray("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n");
}

void Tst_syncclient::httpFrames()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, rest);
    QByteArray buffer = input;
    HttpFrame frame;
    QCOMPARE(int(HttpFrame::take(buffer, frame)), status);
    QCOMPARE(frame.body, body);
    QCOMPARE(buffer, rest);
}

void Tst_syncclient::faultProxyIsDeterministic()
{
    gx::e2e::FaultPlan plan;
    plan.rate = 0.3;
    plan.seed = 1234;
    gx::e2e::FaultProxy a(plan);
    gx::e2e::FaultProxy b(plan);
    QList<Fault> first;
    QList<Fault> second;
    for (int i = 0; i < 10000; ++i) {
        first.append(a.decide());
        second.append(b.decide());
    }
    QCOMPARE(first, second);
    QCOMPARE(a.requests(), 10000);
    // 30 % faulted, within 1.5 points over 10,000 draws (about 3 standard deviations).
    const int faulted = 10000 - a.count(Fault::None);
    QVERIFY2(faulted > 2850 && faulted < 3150, qPrintable(a.describe()));
    for (Fault f : plan.kinds)
        QVERIFY2(a.count(f) > 450, qPrintable(a.describe()));

    plan.seed = 99;
    gx::e2e::FaultProxy c(plan);
    QList<Fault> third;
    for (int i = 0; i < 10000; ++i)
        third.append(c.decide());
    QVERIFY(third != first);
}

// ---- The client without a server ----------------------------------------------------------

void Tst_syncclient::syncWithoutLoginNeedsLogin()
{
    QTemporaryDir dir;
    SlammingServer server;
    gx::e2e::TestDevice device(dir.filePath(u"d.db"_s), u"tab-1"_s, server.url());
    QVERIFY2(device.error().isEmpty(), qPrintable(device.error()));
    QCOMPARE(device.client().stateName(), u"needs_login"_s);
    QVERIFY(!device.client().isLoggedIn());
    const QString why = device.sync(5000);
    QVERIFY2(why.startsWith(u"needs_login"_s), qPrintable(why));
    QCOMPARE(server.connections, 0);
}

void Tst_syncclient::unreachableServerRetriesThenFails()
{
    QTemporaryDir dir;
    SlammingServer server;
    const QString storePath = dir.filePath(u"d.db"_s);
    QVERIFY(gx::TokenFile(gx::TokenFile::pathFor(storePath))
                .write({u"tok"_s, u"u"_s, u"inspector"_s, {}, {}, {}, 0})
                .ok());
    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.maxAttempts = 4;
    options.backoff = BackoffPolicy{10, 40, 2.0, 0.0};
    gx::e2e::TestDevice device(storePath, u"tab-1"_s, server.url(), options);
    QVERIFY2(device.error().isEmpty(), qPrintable(device.error()));
    QCOMPARE(device.client().stateName(), u"idle"_s);
    QVERIFY(device.store()
                .createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2024}},
                              u"0b7c8d5e-0000-4000-8000-000000000001"_s)
                .ok());

    QStringList states;
    QObject::connect(&device.client(), &gx::SyncClient::stateChanged, &device.client(),
                     [&] { states.append(device.client().stateName()); });
    const QString why = device.sync(20000);
    QVERIFY2(why.startsWith(u"failed"_s), qPrintable(why));
    QVERIFY2(why.contains(u"Gave up after 4 attempts."_s), qPrintable(why));
    QVERIFY(states.contains(u"waiting_for_network"_s));
    QCOMPARE(states.last(), u"failed"_s);
    // Four attempts at the push, each at least one connection (QtNetwork may retry a closed
    // connection once itself).
    QVERIFY2(server.connections >= 4, qPrintable(QString::number(server.connections)));
    QCOMPARE(device.client().lastReport().retries, 3); // the fourth failure gave up
    // The outbox still holds the edit, pending (not in flight, not rejected).
    const auto entries = device.store().outbox().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, gx::OutboxStatus::Pending);
}

void Tst_syncclient::offlineWaitsForTheNetwork()
{
    QTemporaryDir dir;
    SlammingServer server;
    const QString storePath = dir.filePath(u"d.db"_s);
    QVERIFY(gx::TokenFile(gx::TokenFile::pathFor(storePath))
                .write({u"tok"_s, u"u"_s, u"inspector"_s, {}, {}, {}, 0})
                .ok());
    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.maxAttempts = 2;
    gx::e2e::TestDevice device(storePath, u"tab-1"_s, server.url(), options);
    gx::NetworkWatcher watcher(false);
    watcher.setOnline(false);
    device.client().setNetworkWatcher(&watcher);

    QSignalSpy finished(&device.client(), &gx::SyncClient::syncFinished);
    device.client().sync();
    QCOMPARE(device.client().stateName(), u"waiting_for_network"_s);
    QTest::qWait(200);
    QCOMPARE(server.connections, 0);
    QCOMPARE(finished.size(), 0);

    watcher.setOnline(true); // the network is back: the cycle goes on at once
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(server.connections >= 1);
    QCOMPARE(device.client().stateName(), u"failed"_s);
}

void Tst_syncclient::timerSyncsWhileOnline()
{
    QTemporaryDir dir;
    SlammingServer server;
    const QString storePath = dir.filePath(u"d.db"_s);
    QVERIFY(gx::TokenFile(gx::TokenFile::pathFor(storePath))
                .write({u"tok"_s, u"u"_s, u"inspector"_s, {}, {}, {}, 0})
                .ok());
    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.maxAttempts = 1;
    options.periodicMillis = 50;
    gx::e2e::TestDevice device(storePath, u"tab-1"_s, server.url(), options);
    gx::NetworkWatcher watcher(false);
    device.client().setNetworkWatcher(&watcher);

    // Nobody calls sync(): the timer does, again and again while online.
    QSignalSpy finished(&device.client(), &gx::SyncClient::syncFinished);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 2, 5000);
    QVERIFY(server.connections >= 2);

    // Offline, the timer stops.
    watcher.setOnline(false);
    QTest::qWait(100);
    const int before = server.connections;
    QTest::qWait(300);
    QCOMPARE(server.connections, before);
}

QTEST_GUILESS_MAIN(Tst_syncclient)
#include "tst_syncclient.moc"
