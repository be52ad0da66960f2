// `gengxin-server serve --tls-cert FILE --tls-key FILE`: a real process speaking HTTPS only, with
// the self-signed test certificates of data/ (CN=localhost, IP:127.0.0.1, valid until 2126; see
// data/README.md). Clients that trust the certificate log in, push and pull; plain HTTP and
// untrusting clients get nowhere; the request guard still refuses oversize bodies over TLS; bad
// flags stop the server before it listens, naming the flag.

#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
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

/** A client configuration that trusts the test certificate and nothing else. */
QSslConfiguration trusting(const QSslCertificate &certificate)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({certificate});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

/**
 * Sends raw bytes over TLS to 127.0.0.1:port and returns the decrypted answer, read until the
 * server closed or timeoutMs passed (for requests QNetworkAccessManager will not make).
 */
QByteArray tlsExchange(quint16 port, const QSslConfiguration &configuration,
                       const QByteArray &request, int timeoutMs = 10000)
{
    QSslSocket socket;
    socket.setSslConfiguration(configuration);
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QSslSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QSslSocket::encrypted, &loop, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
    loop.exec();
    received += socket.readAll();
    return received;
}

} // namespace

class Tst_server_tls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void httpsLoginPushPull();
    void ecCertificateServes();
    void plainHttpGetsNoAnswer();
    void untrustingClientGetsSslError();
    void oversizeBodyIs413OverTls();
    void badTlsFlagsExit2_data();
    void badTlsFlagsExit2();

private:
    [[nodiscard]] QString startTls(ServerProcess &server, const QString &certificate,
                                   const QString &key);
    [[nodiscard]] QUrl httpsUrl(const ServerProcess &server) const;

    QString m_certificateFile;
    QString m_keyFile;
    QSslCertificate m_certificate;
    std::unique_ptr<gx::test::TestDatabase> m_db;
    QTemporaryDir m_files;
};

void Tst_server_tls::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
    m_certificateFile = QFINDTESTDATA("data/tls-cert.pem");
    m_keyFile = QFINDTESTDATA("data/tls-key.pem");
    QVERIFY(!m_certificateFile.isEmpty() && !m_keyFile.isEmpty());
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_certificateFile);
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.constFirst();
    QVERIFY(m_files.isValid());
}

void Tst_server_tls::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"insp"_s, Role::Inspector, kPassword, kRegion),
             QString());
}

void Tst_server_tls::cleanup()
{
    m_db.reset();
}

QString Tst_server_tls::startTls(ServerProcess &server, const QString &certificate,
                                 const QString &key)
{
    server.setExtraArguments({u"--tls-cert"_s, certificate, u"--tls-key"_s, key});
    return server.start();
}

QUrl Tst_server_tls::httpsUrl(const ServerProcess &server) const
{
    return QUrl(u"https://127.0.0.1:%1"_s.arg(server.port()));
}

void Tst_server_tls::httpsLoginPushPull()
{
    const QString uscc = gx::test::testUscc(kRegion, 7);
    QCOMPARE(gx::test::importEnterprises(m_db->db(), {{uscc, kRegion}}), QString());
    ServerProcess server(m_db->url());
    const QString started = startTls(server, m_certificateFile, m_keyFile);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(server.log().contains(
                 QRegularExpression(u"TLS on .*CN=localhost.*expires 2126-\\d\\d-\\d\\d"_s)),
             qPrintable(server.log()));

    HttpClient client(httpsUrl(server));
    client.setSslConfiguration(trusting(m_certificate));
    QVERIFY(!client.login(u"insp"_s, kPassword).isEmpty());
    const QString survey = gx::test::newUuid();
    const HttpResult pushed = client.postJson(
        u"/api/v1/sync/push"_s,
        gx::test::pushBody(
            u"dev-tls"_s,
            {gx::test::upsertJson(u"survey"_s, survey, gx::test::draftSurveyFields(uscc), 0,
                                  gx::test::hlcText(TestClock::kStart, u"dev-tls"_s))}));
    QVERIFY2(pushed.status == 200, pushed.describe().constData());
    QCOMPARE(gx::test::pushResults(pushed).at(0)["status"_L1].toString(), u"applied"_s);
    QString error;
    const QList<QJsonObject> changes = gx::test::pullEverything(client, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(gx::test::changeOf(changes, u"survey"_s, survey)["rev"_L1].toInteger(), 1);
    QVERIFY(server.stop());
}

void Tst_server_tls::ecCertificateServes()
{
    ServerProcess server(m_db->url());
    const QString started = startTls(server, QFINDTESTDATA("data/tls-ec-cert.pem"),
                                     QFINDTESTDATA("data/tls-ec-key.pem"));
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QList<QSslCertificate> ec =
        QSslCertificate::fromPath(QFINDTESTDATA("data/tls-ec-cert.pem"));
    QCOMPARE(ec.size(), 1);
    HttpClient client(httpsUrl(server));
    client.setSslConfiguration(trusting(ec.constFirst()));
    QVERIFY(!client.login(u"insp"_s, kPassword).isEmpty());
}

void Tst_server_tls::plainHttpGetsNoAnswer()
{
    ServerProcess server(m_db->url());
    const QString started = startTls(server, m_certificateFile, m_keyFile);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // Raw plain HTTP: no HTTP answer, and the server closes the connection at once.
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = gx::test::rawExchange(
        server.port(), "GET /api/v1/catalog HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 5000);
    QCOMPARE(gx::test::rawStatus(answer), 0);
    QVERIFY2(timer.elapsed() < 4000, "the server should close a connection that is not TLS");

    // A real client that speaks http:// gets no 200 either.
    HttpClient plain(server.baseUrl());
    const HttpResult result = plain.postJson(
        u"/api/v1/login"_s, {{u"username"_s, u"insp"_s}, {u"password"_s, kPassword}});
    QVERIFY2(result.status != 200, result.describe().constData());
    QVERIFY(plain.token().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("TLS handshake with 127.0.0.1 failed"_L1), 5000);
}

void Tst_server_tls::untrustingClientGetsSslError()
{
    ServerProcess server(m_db->url());
    const QString started = startTls(server, m_certificateFile, m_keyFile);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    HttpClient client(httpsUrl(server)); // the system's CAs only: the test certificate is not one
    const HttpResult result = client.postJson(
        u"/api/v1/login"_s, {{u"username"_s, u"insp"_s}, {u"password"_s, kPassword}});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.networkErrorCode, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(client.token().isEmpty());
}

void Tst_server_tls::oversizeBodyIs413OverTls()
{
    ServerProcess server(m_db->url());
    const QString started = startTls(server, m_certificateFile, m_keyFile);
    QVERIFY2(started.isEmpty(), qPrintable(started));

    // Only the head is sent: the guard judges the decrypted head before any body arrives.
    const QByteArray answer =
        tlsExchange(server.port(), trusting(m_certificate),
                    "POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n",
                    5000);
    QCOMPARE(gx::test::rawStatus(answer), 413);
    QCOMPARE(gx::test::rawJsonBody(answer)["error"_L1]["code"_L1].toString(),
             u"payload_too_large"_s);

    // A real client that sends a whole oversize body (above the default 16 MiB) reads the 413.
    HttpClient client(httpsUrl(server));
    client.setSslConfiguration(trusting(m_certificate));
    const HttpResult result = client.post(u"/api/v1/login"_s, QByteArray(17 << 20, 'x'));
    QVERIFY2(result.status == 413,
             qPrintable(QString::fromUtf8(result.describe()) + u' ' + result.networkError));
    QCOMPARE(result.errorCode(), u"payload_too_large"_s);
}

void Tst_server_tls::badTlsFlagsExit2_data()
{
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qUtf8Printable(path));
        return path;
    };
    const QString garbage = write(u"garbage.pem"_s, "this is not PEM\n");
    const QString missing = m_files.filePath(u"missing.pem"_s);
    const QString cert = QFINDTESTDATA("data/tls-cert.pem");
    const QString key = QFINDTESTDATA("data/tls-key.pem");
    const QString otherKey = QFINDTESTDATA("data/tls-ec-key.pem");
    const QString encryptedKey = QFINDTESTDATA("data/tls-key-encrypted.pem");

    QTest::addColumn<QStringList>("tlsArguments");
    QTest::addColumn<QStringList>("messageParts");
    QTest::newRow("only --tls-cert")
        << QStringList{u"--tls-cert"_s, cert} << QStringList{u"--tls-cert needs --tls-key"_s};
    QTest::newRow("only --tls-key")
        << QStringList{u"--tls-key"_s, key} << QStringList{u"--tls-key needs --tls-cert"_s};
    QTest::newRow("missing cert") << QStringList{u"--tls-cert"_s, missing, u"--tls-key"_s, key}
                                  << QStringList{u"--tls-cert: cannot read"_s, missing};
    QTest::newRow("missing key") << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, missing}
                                 << QStringList{u"--tls-key: cannot read"_s, missing};
    QTest::newRow("garbage cert") << QStringList{u"--tls-cert"_s, garbage, u"--tls-key"_s, key}
                                  << QStringList{u"--tls-cert: "_s, u"holds no PEM certificate"_s};
    QTest::newRow("garbage key") << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, garbage}
                                 << QStringList{u"--tls-key: "_s, u"no RSA or EC private key"_s};
    QTest::newRow("certificate as key")
        << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, cert}
        << QStringList{u"--tls-key: "_s, u"no RSA or EC private key"_s};
    QTest::newRow("encrypted key")
        << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, encryptedKey}
        << QStringList{u"--tls-key: "_s, u"is encrypted"_s};
    QTest::newRow("key of another certificate")
        << QStringList{u"--tls-cert"_s, cert, u"--tls-key"_s, otherKey}
        << QStringList{u"--tls-key: "_s, u"does not fit the certificate"_s};
}

void Tst_server_tls::badTlsFlagsExit2()
{
    QFETCH(QStringList, tlsArguments);
    QFETCH(QStringList, messageParts);
    // Within 20 s: a server still running has not refused its flags.
    const gx::test::CommandRun run = gx::test::runServerCommand(
        QStringList{u"serve"_s, u"--db"_s, m_db->url(), u"--listen"_s, u"127.0.0.1:0"_s} +
            tlsArguments,
        {}, 20'000);
    QCOMPARE(run.exitCode, 2);
    for (const QString &part : messageParts)
        QVERIFY2(run.err.contains(part), qPrintable(run.err));
    QVERIFY2(run.err.contains("usage:"_L1), qPrintable(run.err));
    QVERIFY(!run.out.contains("listening on"_L1));
}

QTEST_GUILESS_MAIN(Tst_server_tls)
#include "tst_server_tls.moc"
