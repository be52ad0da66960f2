// The HTTP frontend of gengxin-server over real loopback HTTP: limits that act before the body
// is buffered (413, 431, 411), JSON 404/405 answers, malformed JSON bodies, the request log, and
// keep-alive connections that carry several requests. Over raw sockets: heads that QHttpServer
// would read otherwise than the listener (too many headers, two lengths, bare LF, folded lines:
// refused and closed), pipelined requests answered in order, Connection: close and HTTP/1.0,
// heads and bodies that arrive too slowly (408), and a log that prints what was sent, escaped.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::TestServer;

class Tst_server_http : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void unknownCallIsJson404_data();
    void unknownCallIsJson404();
    void wrongMethodIs405();
    void malformedJsonIs400_data();
    void malformedJsonIs400();
    void oversizeBodyIs413BeforeBuffering();
    void oversizeBodyOverHttpClient();
    void bodyAtTheLimitPasses();
    void oversizeHeadIs431();
    void chunkedBodyIs411();
    void keepAliveCarriesManyRequests();
    void everyRequestIsLogged();
    void idleConnectionIsClosed_data();
    void idleConnectionIsClosed();
    void tooManyHeadersIs431NotASecondRequest();
    void ambiguousHeadIsRefusedAndClosed_data();
    void ambiguousHeadIsRefusedAndClosed();
    void hundredHeadersPass();
    void sameContentLengthTwicePasses();
    void pipelinedRequestsAreAnsweredInOrder();
    void closeAfterAnswer_data();
    void closeAfterAnswer();
    void slowHeadIs408();
    void slowBodyIs408();
    void pushHasItsOwnBodyLimit();
    void logShowsWhatWasSentEscaped_data();
    void logShowsWhatWasSentEscaped();

private:
    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
};

void Tst_server_http::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::ServerConfig config;
    config.http.maxBodyBytes = 64 * 1024; // small, so that tests stay fast
    config.http.maxHeadBytes = 8 * 1024;
    config.http.maxTargetBytes = 2048;
    config.http.idleTimeoutMillis = 1000;
    m_server = std::make_unique<TestServer>(m_db->db(), config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
}

void Tst_server_http::cleanup()
{
    m_server.reset();
    m_db.reset();
}

void Tst_server_http::unknownCallIsJson404_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET unknown") << QByteArray("GET") << u"/nope"_s;
    QTest::newRow("POST unknown v1") << QByteArray("POST") << u"/api/v1/nothing"_s;
    QTest::newRow("other version") << QByteArray("POST") << u"/api/v2/login"_s;
    QTest::newRow("trailing part") << QByteArray("POST") << u"/api/v1/login/extra"_s;
    QTest::newRow("root") << QByteArray("GET") << u"/"_s;
}

void Tst_server_http::unknownCallIsJson404()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.send(verb, path, verb == "GET" ? QByteArray() : "{}");
    QCOMPARE(result.status, 404);
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
    QCOMPARE(result.errorCode(), u"not_found"_s);
    QVERIFY2(result.errorMessage().contains(path), result.describe().constData());
    QVERIFY(result.json().value("error"_L1).toObject().value("field"_L1).isNull());
}

void Tst_server_http::wrongMethodIs405()
{
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.get(u"/api/v1/login"_s);
    QCOMPARE(result.status, 405);
    QCOMPARE(result.errorCode(), u"method_not_allowed"_s);
    QCOMPARE(result.header("Allow"), QByteArray("POST"));
}

void Tst_server_http::malformedJsonIs400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QByteArray("") << u"needs a JSON object"_s;
    QTest::newRow("truncated") << QByteArray("{\"username\": \"a\"") << u"not valid JSON"_s;
    QTest::newRow("not json") << QByteArray("username=a&password=b") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"must be a JSON object"_s;
    QTest::newRow("string") << QByteArray("\"hello\"") << u"not valid JSON"_s;
    QTest::newRow("bad utf-8") << QByteArray("{\"username\": \"\xff\xfe\"}") << u"not valid JSON"_s;
    QTest::newRow("trailing garbage") << QByteArray("{} {}") << u"not valid JSON"_s;
}

void Tst_server_http::malformedJsonIs400()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.post(u"/api/v1/login"_s, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), u"bad_request"_s);
    QVERIFY2(result.errorMessage().contains(messagePart), result.describe().constData());
}

void Tst_server_http::oversizeBodyIs413BeforeBuffering()
{
    // Only the head is sent: a server that waited for the body before judging it would never
    // answer, so an answer proves the limit acts before buffering.
    const QByteArray request =
        "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n";
    const QByteArray answer = gx::test::rawExchange(m_server->port(), request, 5000);
    QCOMPARE(gx::test::rawStatus(answer), 413);
    const QJsonObject error = gx::test::rawJsonBody(answer).value("error"_L1).toObject();
    QCOMPARE(error.value("code"_L1).toString(), u"payload_too_large"_s);
    QVERIFY2(error.value("message"_L1).toString().contains("65536"_L1), answer.constData());
}

void Tst_server_http::oversizeBodyOverHttpClient()
{
    // A real client that sends the whole oversize body still reads the 413 (the server drains
    // its input before closing, so the client sees the answer rather than a reset).
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.post(u"/api/v1/login"_s, QByteArray(1 << 20, 'x'));
    QCOMPARE(result.status, 413);
    QCOMPARE(result.errorCode(), u"payload_too_large"_s);
}

void Tst_server_http::bodyAtTheLimitPasses()
{
    // 64 KiB exactly: parsed (and refused only for what it says, not for its size).
    QByteArray body = "{\"username\":\"";
    body += QByteArray(64 * 1024 - body.size() - 2, 'a');
    body += "\"}";
    QCOMPARE(body.size(), 64 * 1024);
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.post(u"/api/v1/login"_s, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), u"bad_request"_s);
    QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(),
             u"username"_s);
}

void Tst_server_http::oversizeHeadIs431()
{
    const QByteArray request =
        "GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(9 * 1024, 'f') +
        "\r\n\r\n";
    const QByteArray answer = gx::test::rawExchange(m_server->port(), request, 5000);
    QCOMPARE(gx::test::rawStatus(answer), 431);
    QCOMPARE(gx::test::rawJsonBody(answer).value("error"_L1).toObject().value("code"_L1).toString(),
             u"headers_too_large"_s);
}

void Tst_server_http::chunkedBodyIs411()
{
    const QByteArray request = "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    const QByteArray answer = gx::test::rawExchange(m_server->port(), request, 5000);
    QCOMPARE(gx::test::rawStatus(answer), 411);
}

void Tst_server_http::keepAliveCarriesManyRequests()
{
    // Bodies of several sizes one after another on one connection: the guard must follow the
    // request boundaries exactly, or it would misread a body as the next head.
    HttpClient client(m_server->baseUrl());
    for (int size : {0, 1, 100, 5000, 60000, 3, 40000}) {
        const QByteArray body = size == 0 ? QByteArray("") : QByteArray(size, ' ') + "[]";
        const HttpResult result = client.post(u"/api/v1/login"_s, body);
        QCOMPARE(result.status, 400);
        QVERIFY2(result.errorMessage().contains(size == 0 ? "needs a JSON object"_L1
                                                          : "must be a JSON object"_L1),
                 result.describe().constData());
    }
    const HttpResult missing = client.get(u"/nope"_s);
    QCOMPARE(missing.status, 404);
}

void Tst_server_http::everyRequestIsLogged()
{
    HttpClient client(m_server->baseUrl());
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(u"^POST /api/v1/login 400 \\d+ ms 127\\.0\\.0\\.1$"_s));
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(u"^GET /missing 404 \\d+ ms 127\\.0\\.0\\.1$"_s));
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(u"^POST /api/v1/login 413 \\d+ ms 127\\.0\\.0\\.1$"_s));
    QCOMPARE(client.post(u"/api/v1/login"_s, "[]").status, 400);
    QCOMPARE(client.get(u"/missing"_s).status, 404);
    const QByteArray request = "POST /api/v1/login HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n";
    QCOMPARE(gx::test::rawStatus(gx::test::rawExchange(m_server->port(), request, 5000)), 413);
}

void Tst_server_http::idleConnectionIsClosed_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("half a head") << QByteArray("GET /api/v1/regions HTTP/1.1\r\nHost: x\r\n");
    QTest::newRow("half a body") << QByteArray(
        "POST /api/v1/login HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"user");
}

void Tst_server_http::idleConnectionIsClosed()
{
    QFETCH(QByteArray, sent);
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = gx::test::rawExchange(m_server->port(), sent, 20000);
    // Closed by the server after its 1 s idle timeout, long before the client's 20 s.
    QVERIFY2(timer.elapsed() < 10000, QByteArray::number(timer.elapsed()).constData());
    QVERIFY(timer.elapsed() >= 900);
    QCOMPARE(answer, QByteArray());
}

namespace {

/** A head of n extra fields `X-i: a`. */
QByteArray manyFields(int n)
{
    QByteArray fields;
    for (int i = 0; i < n; ++i)
        fields += "X-" + QByteArray::number(i) + ": a\r\n";
    return fields;
}

/** The log lines of gx.server.http while it lives (they are also printed, as usual). */
class LogCapture
{
public:
    LogCapture()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handle);
        s_previous = m_previous;
    }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    [[nodiscard]] static const QStringList &lines() { return s_lines; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        if (context.category && QByteArrayView(context.category) == "gx.server.http")
            s_lines.append(text);
        if (s_previous)
            s_previous(type, context, text);
    }
    static inline QStringList s_lines;
    static inline QtMessageHandler s_previous = nullptr;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

void Tst_server_http::tooManyHeadersIs431NotASecondRequest()
{
    // The probe's desync: with more than 100 headers QHttpServer dropped them all (the length
    // too) and read the body as a second request on the connection.
    const QByteArray smuggled = "GET /api/v1/smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray request =
        "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n" + manyFields(120) +
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(smuggled.size()) +
        "\r\n\r\n" + smuggled;
    gx::test::RawConnection connection(m_server->port());
    QVERIFY(connection.isConnected());
    connection.send(request);
    QVERIFY2(connection.waitForClose(5000), connection.received().constData());
    const QList<QByteArray> answers = connection.answers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(gx::test::rawStatus(answers.first()), 431);
    QVERIFY2(answers.first().contains("more than 100 header fields"), answers.first().constData());
}

void Tst_server_http::ambiguousHeadIsRefusedAndClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    const QByteArray login = "POST /api/v1/login HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("two different Content-Length")
        << login + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}" << 400
        << u"two different Content-Length"_s;
    QTest::newRow("Content-Length list")
        << login + "Content-Length: 2, 2\r\n\r\n{}" << 400 << u"Content-Length is not a number"_s;
    QTest::newRow("Content-Length with sign")
        << login + "Content-Length: +2\r\n\r\n{}" << 400 << u"Content-Length is not a number"_s;
    QTest::newRow("bare LF") << QByteArray("GET /api/v1/regions HTTP/1.1\nHost: x\n\n") << 400
                             << u"bare LF"_s;
    QTest::newRow("bare CR") << QByteArray("GET /api/v1/regions HTTP/1.1\rHost: x\r\n\r\n") << 400
                             << u"CR in the request head"_s;
    QTest::newRow("folded line") << login + "X-A: b\r\n c\r\nContent-Length: 2\r\n\r\n{}" << 400
                                 << u"folded"_s;
    QTest::newRow("space before colon")
        << login + "Content-Length : 2\r\n\r\n{}" << 400 << u"no space before the colon"_s;
    QTest::newRow("line without colon")
        << login + "Content-Length 2\r\n\r\n{}" << 400 << u"'Name: value'"_s;
    QTest::newRow("NUL in a value")
        << login + QByteArray("X-A: a\0b\r\n\r\n", 12) << 400 << u"control character"_s;
    QTest::newRow("two Host") << QByteArray("GET /api/v1/regions HTTP/1.1\r\nHost: a\r\nHost: "
                                            "b\r\n\r\n")
                              << 400 << u"one Host"_s;
    QTest::newRow("space before the method")
        << QByteArray(" GET /api/v1/regions HTTP/1.1\r\n\r\n") << 400 << u"starts with"_s;
    QTest::newRow("two spaces in the request line")
        << QByteArray("GET  /api/v1/regions HTTP/1.1\r\n\r\n") << 400 << u"single spaces"_s;
    QTest::newRow("raw control byte in the target")
        << QByteArray("GET /api/v1/\x1b[2J HTTP/1.1\r\n\r\n") << 400 << u"visible ASCII"_s;
    QTest::newRow("unknown method") << QByteArray("PROPFIND /api/v1/regions HTTP/1.1\r\n\r\n")
                                    << 501 << u"does not implement"_s;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /api/v1/regions HTTP/2.0\r\n\r\n") << 505
                              << u"HTTP/1.1 and 1.0"_s;
    QTest::newRow("target too long") << "GET /" + QByteArray(3000, 'a') + " HTTP/1.1\r\n\r\n"
                                     << 414 << u"longer than"_s;
    QTest::newRow("WebSocket upgrade")
        << QByteArray("GET /api/v1/regions HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: "
                      "websocket\r\n\r\n")
        << 400 << u"WebSocket"_s;
}

void Tst_server_http::ambiguousHeadIsRefusedAndClosed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    // A request pipelined behind it must not be answered: the connection ends with the refusal.
    gx::test::RawConnection connection(m_server->port());
    QVERIFY(connection.isConnected());
    connection.send(request + "GET /api/v1/regions HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(connection.waitForClose(5000), connection.received().constData());
    const QList<QByteArray> answers = connection.answers();
    QCOMPARE(answers.size(), 1);
    QCOMPARE(gx::test::rawStatus(answers.first()), status);
    const QJsonObject error = gx::test::rawJsonBody(answers.first()).value("error"_L1).toObject();
    QVERIFY2(error.value("message"_L1).toString().contains(messagePart),
             answers.first().constData());
}

void Tst_server_http::hundredHeadersPass()
{
    // Up to QHttpServer's own limit the headers are read, Content-Length included.
    gx::test::RawConnection connection(m_server->port());
    connection.send("POST /api/v1/login HTTP/1.1\r\nHost: x\r\n" + manyFields(97) +
                    "Content-Length: 2\r\n\r\n[]");
    QVERIFY(connection.waitForAnswers(1, 5000));
    QCOMPARE(gx::test::rawStatus(connection.answers().first()), 400);
    QVERIFY2(connection.answers().first().contains("must be a JSON object"),
             connection.received().constData());
}

void Tst_server_http::sameContentLengthTwicePasses()
{
    gx::test::RawConnection connection(m_server->port());
    connection.send("POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                    "content-length: 2\r\n\r\n[]");
    QVERIFY(connection.waitForAnswers(1, 5000));
    QVERIFY2(connection.answers().first().contains("must be a JSON object"),
             connection.received().constData());
}

void Tst_server_http::pipelinedRequestsAreAnsweredInOrder()
{
    // Three requests in one write: the listener must follow QHttpServer exactly (bytes it framed
    // stay in the buffer while QHttpServer answers the first), or it would read the second
    // twice or misread a body as a head.
    const QByteArray body = "[1,2,3]";
    const QByteArray requests =
        "GET /first HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body +
        "GET /third HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
    for (int round = 0; round < 2; ++round) {
        gx::test::RawConnection connection(m_server->port());
        if (round == 0) {
            connection.send(requests);
        } else {
            // ... and the same bytes a few at a time.
            for (qsizetype at = 0; at < requests.size(); at += 7) {
                connection.send(requests.mid(at, 7));
                QTest::qWait(1);
            }
        }
        QVERIFY2(connection.waitForAnswers(4, 5000), connection.received().constData());
        const QList<QByteArray> answers = connection.answers();
        QCOMPARE(answers.size(), 4);
        QCOMPARE(gx::test::rawStatus(answers[0]), 404);
        QVERIFY(answers[0].contains("/first"));
        QCOMPARE(gx::test::rawStatus(answers[1]), 400);
        QVERIFY(answers[1].contains("must be a JSON object"));
        QCOMPARE(gx::test::rawStatus(answers[2]), 404);
        QVERIFY(answers[2].contains("/third"));
        QCOMPARE(gx::test::rawStatus(answers[3]), 400);
        QVERIFY(answers[3].contains("'username' is missing"));
        QVERIFY(!connection.closedByServer());
    }
}

void Tst_server_http::closeAfterAnswer_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("Connection: close")
        << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QTest::newRow("close among tokens")
        << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\nConnection: te, Close\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /a HTTP/1.0\r\n\r\n");
    QTest::newRow("HTTP/1.0 with a body")
        << QByteArray("POST /api/v1/login HTTP/1.0\r\nContent-Length: 2\r\n\r\n[]");
}

void Tst_server_http::closeAfterAnswer()
{
    QFETCH(QByteArray, request);
    // A long idle timeout: the close must come from the request, not from idleness.
    gx::server::ServerConfig config;
    config.http.idleTimeoutMillis = 60000;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    gx::test::RawConnection connection(server.port());
    // What follows the closing request is not answered.
    connection.send(request + "GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(connection.waitForClose(20000), connection.received().constData());
    const QList<QByteArray> answers = connection.answers();
    QCOMPARE(answers.size(), 1);
    QVERIFY(gx::test::rawStatus(answers.first()) == 404 ||
            gx::test::rawStatus(answers.first()) == 400);
    QVERIFY(!connection.received().contains("/after"));
}

void Tst_server_http::slowHeadIs408()
{
    // One byte every 100 ms never lets the idle timeout fire; the head deadline does.
    gx::server::ServerConfig config;
    config.http.idleTimeoutMillis = 60000;
    config.http.headTimeoutMillis = 1500;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    gx::test::RawConnection connection(server.port());
    const QByteArray head =
        "GET /api/v1/regions HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(400, 'z') + "\r\n\r\n";
    for (qsizetype at = 0; at < head.size() && !connection.closedByServer(); ++at) {
        connection.send(head.mid(at, 1));
        connection.waitFor([](const QByteArray &) { return false; }, 100);
    }
    QVERIFY2(connection.waitForClose(5000), connection.received().constData());
    QCOMPARE(gx::test::rawStatus(connection.received()), 408);
    QCOMPARE(gx::test::rawJsonBody(connection.received())
                 .value("error"_L1)
                 .toObject()
                 .value("code"_L1)
                 .toString(),
             u"request_timeout"_s);
}

void Tst_server_http::slowBodyIs408()
{
    gx::server::ServerConfig config;
    config.http.idleTimeoutMillis = 60000;
    config.http.headTimeoutMillis = 1000;
    config.http.minBodyBytesPerSecond = 100; // 1,000 bytes: due within 11 s, sent over 100 s
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    gx::test::RawConnection connection(server.port());
    connection.send("POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    for (int i = 0; i < 1000 && !connection.closedByServer(); ++i) {
        connection.send("x");
        connection.waitFor([](const QByteArray &) { return false; }, 100);
    }
    QVERIFY2(connection.closedByServer(), connection.received().constData());
    QCOMPARE(gx::test::rawStatus(connection.received()), 408);
    QVERIFY(connection.received().contains("body did not arrive in time"));
}

void Tst_server_http::pushHasItsOwnBodyLimit()
{
    // A push holds the writer while it runs: its body limit is the push's (4 MiB here, above
    // the frontend's 64 KiB), and above it 413 before any byte of the body is read.
    const QByteArray big =
        "POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\nContent-Length: 4194305\r\n\r\n";
    const QByteArray answer = gx::test::rawExchange(m_server->port(), big, 5000);
    QCOMPARE(gx::test::rawStatus(answer), 413);
    QVERIFY2(answer.contains("limit of 4194304 bytes"), answer.constData());
    // Within the push's limit but above the frontend's, the push is read (and asks for a token).
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.post(u"/api/v1/sync/push"_s, QByteArray(100000, ' ') + "{}");
    QCOMPARE(result.status, 401);
}

void Tst_server_http::logShowsWhatWasSentEscaped_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("logged");
    QTest::newRow("encoded line break")
        << QByteArray("GET /x%0a127.0.0.1%20GET%20/api/v1/admin HTTP/1.1\r\nHost: x\r\n\r\n")
        << u"GET /x%0a127.0.0.1%20GET%20/api/v1/admin 404 "_s;
    QTest::newRow("encoded escape")
        << QByteArray("GET /x%1b[2J HTTP/1.1\r\nHost: x\r\n\r\n") << u"GET /x%1b[2J 404 "_s;
    QTest::newRow("raw escape, refused")
        << QByteArray("GET /x\x1b[2J HTTP/1.1\r\nHost: x\r\n\r\n") << u"GET /x\\x1b[2J 400 "_s;
    QTest::newRow("raw line break, refused")
        << QByteArray("GET /x\n127.0.0.1 GET /y HTTP/1.1\r\n\r\n") << u"GET /x 400 "_s;
    QTest::newRow("query kept") << QByteArray("GET /x?since=c1.5%0d HTTP/1.1\r\nHost: x\r\n\r\n")
                                << u"GET /x?since=c1.5%0d 404 "_s;
}

void Tst_server_http::logShowsWhatWasSentEscaped()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, logged);
    LogCapture capture;
    const QByteArray answer = gx::test::rawExchange(m_server->port(), request, 3000);
    QVERIFY(gx::test::rawStatus(answer) != 0);
    QVERIFY2(!capture.lines().isEmpty(), answer.constData());
    for (const QString &line : capture.lines()) {
        for (QChar c : line)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() < 0x7f, qPrintable(line));
    }
    QVERIFY2(capture.lines().constFirst().startsWith(logged),
             qPrintable(capture.lines().join(u" | "_s)));
}

QTEST_GUILESS_MAIN(Tst_server_http)
#include "tst_server_http.moc"
