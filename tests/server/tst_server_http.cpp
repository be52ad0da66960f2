// The HTTP frontend of gengxin-server over real loopback HTTP: limits that act before the body
// is buffered (413, 431, 411), JSON 404/405 answers, malformed JSON bodies, the request log, and
// keep-alive connections that carry several requests.

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

QTEST_GUILESS_MAIN(Tst_server_http)
#include "tst_server_http.moc"
