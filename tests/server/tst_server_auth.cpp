// Logins, tokens, throttling and the calls every logged-in user makes (forms/current, regions),
// over real loopback HTTP with a hand-moved clock.

#include "testsupport.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::TestClock;
using gx::test::TestServer;

namespace {

constexpr qint64 kDay = qint64(24) * 60 * 60 * 1000;
constexpr qint64 kSecond = 1000;
const QString kPassword = u"correct horse 9"_s;

QString enterpriseUscc()
{
    return gx::makeUscc(u'9', u'1', u"331102", u"MA2A1234");
}

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

} // namespace

class Tst_server_auth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loginSucceeds_data();
    void loginSucceeds();
    void loginFails_data();
    void loginFails();
    void tokenIsStoredOnlyAsHash();
    void passwordIsArgon2id();
    void throttlesPerUserName();
    void nobodyElseLocksAnAccount();
    void throttlesPerAddress();
    void successfulLoginsAreThrottledPerAddress();
    void liveTokensPerUserAreCapped();
    void hashingDoesNotHoldOtherRequests();
    void tooManyPendingChecksAre429();
    void successClearsFailuresAndIsNeverCounted();
    void tokenChecks_data();
    void tokenChecks();
    void tokenLifetimeFollowsConfig();
    void loginsAreAudited();
    void formsCurrent();
    void regions();
    void userRules_data();
    void userRules();

private:
    [[nodiscard]] HttpResult login(HttpClient &client, const QString &username,
                                   const QString &password);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    TestClock m_clock;
    std::unique_ptr<TestServer> m_server;
};

void Tst_server_auth::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    m_clock = TestClock();
    gx::server::Database &db = m_db->db();
    QCOMPARE(gx::test::addUser(db, u"insp"_s, Role::Inspector, kPassword, u"331102"_s), QString());
    QCOMPARE(gx::test::addUser(db, u"ent"_s, Role::Enterprise, kPassword, {}, enterpriseUscc()),
             QString());
    QCOMPARE(gx::test::addUser(db, u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"admin"_s, Role::Admin, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"gone"_s, Role::Office, kPassword), QString());
    gx::server::UserStore users(db, gx::test::testRegions());
    QVERIFY(users.setDisabled(u"gone"_s, true, u"test"_s, m_clock.now()).ok());

    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<TestServer>(db, config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
}

void Tst_server_auth::cleanup()
{
    m_server.reset();
    m_db.reset();
}

HttpResult Tst_server_auth::login(HttpClient &client, const QString &username,
                                  const QString &password)
{
    return client.postJson(u"/api/v1/login"_s, credentials(username, password));
}

void Tst_server_auth::loginSucceeds_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QJsonValue>("region");
    QTest::addColumn<QJsonValue>("enterprise");
    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("inspector") << u"insp"_s << u"inspector"_s << QJsonValue(u"331102"_s) << null;
    QTest::newRow("enterprise") << u"ent"_s << u"enterprise"_s << null
                                << QJsonValue(enterpriseUscc());
    QTest::newRow("office") << u"office"_s << u"office"_s << null << null;
    QTest::newRow("admin") << u"admin"_s << u"admin"_s << null << null;
}

void Tst_server_auth::loginSucceeds()
{
    QFETCH(QString, username);
    QFETCH(QString, role);
    QFETCH(QJsonValue, region);
    QFETCH(QJsonValue, enterprise);
    HttpClient client(m_server->baseUrl());
    const HttpResult result = login(client, username, kPassword);
    QCOMPARE(result.status, 200);
    const QJsonObject body = result.json();
    const QStringList keys = body.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{u"token"_s, u"role"_s, u"region"_s, u"enterprise"_s,
                            u"must_change_password"_s}));
    QCOMPARE(body.value("must_change_password"_L1), QJsonValue(false));
    QCOMPARE(body.value("role"_L1).toString(), role);
    QCOMPARE(body.value("region"_L1), region);
    QCOMPARE(body.value("enterprise"_L1), enterprise);
    // 32 random bytes in unpadded base64url: 43 characters.
    const QString token = body.value("token"_L1).toString();
    QVERIFY2(QRegularExpression(u"^[A-Za-z0-9_-]{43}$"_s).match(token).hasMatch(),
             qPrintable(token));
}

void Tst_server_auth::loginFails_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("wrong password") << credentials(u"insp"_s, u"wrong password"_s) << 401
                                    << u"unauthorized"_s << QString() << u"Wrong user name"_s;
    QTest::newRow("unknown user") << credentials(u"nobody"_s, kPassword) << 401 << u"unauthorized"_s
                                  << QString() << u"Wrong user name"_s;
    QTest::newRow("name in other case") << credentials(u"INSP"_s, kPassword) << 401
                                        << u"unauthorized"_s << QString() << u"Wrong user name"_s;
    QTest::newRow("empty password") << credentials(u"insp"_s, QString()) << 401 << u"unauthorized"_s
                                    << QString() << u"Wrong user name"_s;
    QTest::newRow("password with newline")
        << credentials(u"insp"_s, kPassword + u'\n') << 401 << u"unauthorized"_s << QString()
        << u"Wrong user name"_s;
    QTest::newRow("disabled user") << credentials(u"gone"_s, kPassword) << 401 << u"unauthorized"_s
                                   << QString() << u"disabled"_s;
    QTest::newRow("missing password") << QJsonObject{{u"username"_s, u"insp"_s}} << 400
                                      << u"bad_request"_s << u"password"_s << u"missing"_s;
    QTest::newRow("username not a string")
        << QJsonObject{{u"username"_s, 7}, {u"password"_s, kPassword}} << 400 << u"bad_request"_s
        << u"username"_s << u"must be a string"_s;
    QTest::newRow("null username")
        << QJsonObject{{u"username"_s, QJsonValue::Null}, {u"password"_s, kPassword}} << 400
        << u"bad_request"_s << u"username"_s << u"missing"_s;
}

void Tst_server_auth::loginFails()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    HttpClient client(m_server->baseUrl());
    const HttpResult result = client.postJson(u"/api/v1/login"_s, body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    const QJsonValue errorField = result.json().value("error"_L1).toObject().value("field"_L1);
    QCOMPARE(errorField.isNull() ? QString() : errorField.toString(), field);
    QVERIFY2(result.errorMessage().contains(messagePart), result.describe().constData());
    QVERIFY(!result.json().contains("token"_L1));
}

void Tst_server_auth::tokenIsStoredOnlyAsHash()
{
    HttpClient client(m_server->baseUrl());
    const QString token = client.login(u"insp"_s, kPassword);
    QVERIFY(!token.isEmpty());
    auto rows = m_db->db().exec(u"SELECT token_hash, expires_at, created_at FROM tokens"_s);
    QVERIFY(rows.ok());
    QVERIFY(rows.value().next());
    const QString stored = rows.value().value(0).toString();
    QVERIFY(stored != token);
    QCOMPARE(stored,
             QString::fromLatin1(
                 QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(rows.value().value(1).toLongLong(), TestClock::kStart + 30 * kDay);
    QCOMPARE(rows.value().value(2).toLongLong(), TestClock::kStart);
    QVERIFY(!rows.value().next());
}

void Tst_server_auth::passwordIsArgon2id()
{
    auto rows = m_db->db().exec(u"SELECT password_hash FROM users WHERE username = 'insp'"_s);
    QVERIFY(rows.ok() && rows.value().next());
    const QString hash = rows.value().value(0).toString();
    // Argon2id, 19 MiB (19456 KiB), 2 passes, 1 lane: OWASP's minimum.
    QVERIFY2(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"_L1), qPrintable(hash));
    QVERIFY(!hash.contains(kPassword));
}

void Tst_server_auth::throttlesPerUserName()
{
    HttpClient client(m_server->baseUrl());
    for (int i = 0; i < 5; ++i)
        QCOMPARE(login(client, u"insp"_s, u"guess %1"_s.arg(i)).status, 401);
    // The sixth attempt from the guessing address is refused even with the right password.
    HttpResult refused = login(client, u"insp"_s, kPassword);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.errorCode(), u"too_many_attempts"_s);
    QCOMPARE(refused.header("Retry-After"), QByteArray("900")); // 15 min after the failures
    QVERIFY2(refused.errorMessage().contains("user name"_L1), refused.describe().constData());
    // Another address gets one guess: once it has failed, it is locked out of the name too.
    const QHostAddress second(u"127.0.0.2"_s);
    QCOMPARE(
        gx::test::rawStatus(gx::test::rawLogin(m_server->port(), second, u"insp"_s, u"guess 6"_s)),
        401);
    QCOMPARE(
        gx::test::rawStatus(gx::test::rawLogin(m_server->port(), second, u"insp"_s, kPassword)),
        429);
    // Another user from the same address is not affected (5 < 20 address failures).
    QCOMPARE(login(client, u"office"_s, kPassword).status, 200);

    m_clock.advance(899 * kSecond);
    refused = login(client, u"insp"_s, kPassword);
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
    m_clock.advance(1 * kSecond);
    QCOMPARE(login(client, u"insp"_s, kPassword).status, 200);
}

void Tst_server_auth::nobodyElseLocksAnAccount()
{
    // The probe locked the admin for 15 minutes with five wrong passwords from anywhere.
    HttpClient client(m_server->baseUrl());
    for (int i = 0; i < 8; ++i)
        QVERIFY(login(client, u"admin"_s, u"guess %1"_s.arg(i)).status >= 400);
    QCOMPARE(login(client, u"admin"_s, kPassword).status, 429);
    // The admin, from an address without failures, logs in; that clears the name's failures.
    const QByteArray answer =
        gx::test::rawLogin(m_server->port(), QHostAddress(u"127.0.0.3"_s), u"admin"_s, kPassword);
    QCOMPARE(gx::test::rawStatus(answer), 200);
    QVERIFY(!gx::test::rawJsonBody(answer).value("token"_L1).toString().isEmpty());
    auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM login_failures WHERE key = 'user:admin'"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), 0);
}

void Tst_server_auth::throttlesPerAddress()
{
    HttpClient client(m_server->baseUrl());
    for (int i = 0; i < 20; ++i) {
        m_clock.advance(kSecond);
        QCOMPARE(login(client, u"stranger%1"_s.arg(i), kPassword).status, 401);
    }
    const HttpResult refused = login(client, u"admin"_s, kPassword);
    QCOMPARE(refused.status, 429);
    QVERIFY2(refused.errorMessage().contains("address"_L1), refused.describe().constData());
    // The oldest of the 20 failures leaves the window 15 min after it was made.
    QCOMPARE(refused.header("Retry-After"), QByteArray::number(900 - 19));
    m_clock.advance((900 - 19) * kSecond);
    QCOMPARE(login(client, u"admin"_s, kPassword).status, 200);
}

void Tst_server_auth::successfulLoginsAreThrottledPerAddress()
{
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    config.auth.maxLoginsPerAddressPerMinute = 3;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    HttpClient client(server.baseUrl());
    for (int i = 0; i < 3; ++i) {
        m_clock.advance(kSecond);
        QCOMPARE(login(client, u"office"_s, kPassword).status, 200);
    }
    const HttpResult refused = login(client, u"office"_s, kPassword);
    QCOMPARE(refused.status, 429);
    QVERIFY2(refused.errorMessage().contains("Too many logins from this address"_L1),
             refused.describe().constData());
    QCOMPARE(refused.header("Retry-After"), QByteArray("58")); // the first login leaves then
    // Another address is not affected.
    QCOMPARE(gx::test::rawStatus(gx::test::rawLogin(server.port(), QHostAddress(u"127.0.0.2"_s),
                                                    u"office"_s, kPassword)),
             200);
    m_clock.advance(58 * kSecond);
    QCOMPARE(login(client, u"office"_s, kPassword).status, 200);
}

void Tst_server_auth::liveTokensPerUserAreCapped()
{
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    config.auth.maxTokensPerUser = 3;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    HttpClient client(server.baseUrl());
    QStringList tokens;
    for (int i = 0; i < 5; ++i) {
        m_clock.advance(kSecond);
        tokens.append(client.login(u"insp"_s, kPassword));
        QVERIFY(!tokens.last().isEmpty());
    }
    // The newest three work, the two oldest were revoked by the logins after them.
    for (int i = 0; i < tokens.size(); ++i) {
        client.setToken(tokens[i]);
        const HttpResult result = client.get(u"/api/v1/forms/current"_s);
        QCOMPARE(result.status, i < 2 ? 401 : 200);
        if (i < 2)
            QVERIFY2(result.errorMessage().contains("revoked"_L1), result.describe().constData());
    }
    auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM tokens t JOIN users u ON u.id = t.user_id "
                                "WHERE u.username = 'insp' AND t.revoked = 0"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), 3);
}

void Tst_server_auth::hashingDoesNotHoldOtherRequests()
{
    // Four logins under way (two hash threads: at least two hashes' time), then a plain call:
    // it is answered while logins are still being checked, not after all of them.
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    config.auth.hashThreads = 1;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    HttpClient logins(server.baseUrl());
    const QByteArray body = QJsonDocument(credentials(u"office"_s, kPassword)).toJson();
    QList<QNetworkReply *> pending;
    for (int i = 0; i < 4; ++i)
        pending.append(logins.startPost(u"/api/v1/login"_s, body));
    gx::test::RawConnection plain(server.port());
    QVERIFY(plain.isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(pending.begin(), pending.end(),
                                         [](QNetworkReply *r) { return r->isRunning(); }),
                             5000);
    plain.send("GET /api/v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(plain.waitForAnswers(1, 30000));
    const auto unfinished = std::count_if(pending.begin(), pending.end(),
                                          [](QNetworkReply *r) { return !r->isFinished(); });
    QCOMPARE(gx::test::rawStatus(plain.answers().constFirst()), 404);
    for (QNetworkReply *reply : std::as_const(pending))
        QCOMPARE(logins.finish(reply).status, 200);
    QVERIFY2(unfinished > 0, "the plain call waited for every login");
}

void Tst_server_auth::tooManyPendingChecksAre429()
{
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    config.auth.maxPendingHashes = 1;
    config.auth.hashThreads = 1;
    TestServer server(m_db->db(), config);
    QVERIFY(server.ok());
    HttpClient logins(server.baseUrl());
    const QByteArray body = QJsonDocument(credentials(u"office"_s, kPassword)).toJson();
    QList<QNetworkReply *> pending;
    for (int i = 0; i < 5; ++i)
        pending.append(logins.startPost(u"/api/v1/login"_s, body));
    int ok = 0;
    int busy = 0;
    for (QNetworkReply *reply : std::as_const(pending)) {
        const HttpResult result = logins.finish(reply);
        if (result.status == 200)
            ++ok;
        else if (result.status == 429 &&
                 result.errorMessage().contains("checking too many logins"_L1))
            ++busy;
        else
            QFAIL(result.describe().constData());
    }
    QVERIFY2(ok >= 1 && busy >= 1, qPrintable(u"%1 ok, %2 busy"_s.arg(ok).arg(busy)));
}

void Tst_server_auth::successClearsFailuresAndIsNeverCounted()
{
    HttpClient client(m_server->baseUrl());
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(login(client, u"insp"_s, u"guess"_s).status, 401);
        QCOMPARE(login(client, u"insp"_s, kPassword).status, 200);
    }
    for (int i = 0; i < 8; ++i)
        QCOMPARE(login(client, u"office"_s, kPassword).status, 200);
    auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM login_failures WHERE key = 'user:insp'"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), 0);
}

void Tst_server_auth::tokenChecks_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("valid") << u"valid"_s << 200 << QString();
    QTest::newRow("no header") << u"none"_s << 401 << u"Log in first"_s;
    QTest::newRow("unknown token") << u"garbage"_s << 401 << u"not valid"_s;
    QTest::newRow("basic scheme") << u"basic"_s << 401 << u"Bearer"_s;
    QTest::newRow("lower-case scheme") << u"lowercase"_s << 200 << QString();
    QTest::newRow("one ms before expiry") << u"almost expired"_s << 200 << QString();
    QTest::newRow("expired") << u"expired"_s << 401 << u"expired"_s;
    QTest::newRow("revoked by logout") << u"logout"_s << 401 << u"revoked"_s;
    QTest::newRow("user disabled") << u"disabled"_s << 401 << u"disabled"_s;
    QTest::newRow("password reset") << u"reset"_s << 401 << u"revoked"_s;
}

void Tst_server_auth::tokenChecks()
{
    QFETCH(QString, scenario);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    HttpClient client(m_server->baseUrl());
    const QString token = client.login(u"insp"_s, kPassword);
    QVERIFY(!token.isEmpty());
    gx::server::UserStore users(m_db->db(), gx::test::testRegions());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (scenario == "none"_L1) {
        client.setToken({});
    } else if (scenario == "garbage"_L1) {
        client.setToken(u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s);
    } else if (scenario == "basic"_L1) {
        client.setToken({});
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Basic aW5zcDpwdw==")));
    } else if (scenario == "lowercase"_L1) {
        client.setToken({});
        headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("bearer " + token.toLatin1())));
    } else if (scenario == "almost expired"_L1) {
        m_clock.advance(30 * kDay - 1);
    } else if (scenario == "expired"_L1) {
        m_clock.advance(30 * kDay);
    } else if (scenario == "logout"_L1) {
        QCOMPARE(client.post(u"/api/v1/logout"_s, "").status, 204);
    } else if (scenario == "disabled"_L1) {
        QVERIFY(users.setDisabled(u"insp"_s, true, u"test"_s, m_clock.now()).ok());
    } else if (scenario == "reset"_L1) {
        QVERIFY(users.resetPassword(u"insp"_s, u"another secret"_s, u"test"_s, m_clock.now()).ok());
    }
    const HttpResult result = client.send("GET", u"/api/v1/regions"_s, QByteArray(), headers);
    QCOMPARE(result.status, status);
    if (status == 401) {
        QCOMPARE(result.errorCode(), u"unauthorized"_s);
        QVERIFY2(result.errorMessage().contains(messagePart), result.describe().constData());
    }
}

void Tst_server_auth::tokenLifetimeFollowsConfig()
{
    m_server.reset();
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    config.auth.tokenDays = 2;
    m_server = std::make_unique<TestServer>(m_db->db(), config);
    QVERIFY(m_server->ok());
    HttpClient client(m_server->baseUrl());
    QVERIFY(!client.login(u"office"_s, kPassword).isEmpty());
    m_clock.advance(2 * kDay - 1);
    QCOMPARE(client.get(u"/api/v1/regions"_s).status, 200);
    m_clock.advance(1);
    QCOMPARE(client.get(u"/api/v1/regions"_s).status, 401);
}

void Tst_server_auth::loginsAreAudited()
{
    HttpClient client(m_server->baseUrl());
    QCOMPARE(login(client, u"insp"_s, u"nope nope"_s).status, 401);
    QCOMPARE(login(client, u"insp"_s, kPassword).status, 200);
    QCOMPARE(login(client, u"ghost"_s, kPassword).status, 401);
    auto entries = gx::server::AuditLog::recent(m_db->db(), 3);
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 3);
    // Newest first.
    QCOMPARE(entries.value()[0].action, u"login_failed"_s);
    QCOMPARE(entries.value()[0].actor, u"ghost"_s);
    QCOMPARE(entries.value()[0].detail.value("reason"_L1).toString(), u"unknown_user"_s);
    QCOMPARE(entries.value()[1].action, u"login"_s);
    QCOMPARE(entries.value()[1].actor, u"insp"_s);
    QCOMPARE(entries.value()[1].detail.value("address"_L1).toString(), u"127.0.0.1"_s);
    QCOMPARE(entries.value()[2].action, u"login_failed"_s);
    QCOMPARE(entries.value()[2].detail.value("reason"_L1).toString(), u"wrong_password"_s);
    QCOMPARE(entries.value()[2].at, TestClock::kStart);
}

void Tst_server_auth::formsCurrent()
{
    HttpClient client(m_server->baseUrl());
    QCOMPARE(client.get(u"/api/v1/forms/current"_s).status, 401);
    QVERIFY(!client.login(u"ent"_s, kPassword).isEmpty());
    const HttpResult result = client.get(u"/api/v1/forms/current"_s);
    QCOMPARE(result.status, 200);
    const QJsonObject form = result.json();
    QCOMPARE(form.value("form"_L1).toString(), u"lishui-equipment-renewal"_s);
    QCOMPARE(form.value("version"_L1).toInt(), 1);
    QCOMPARE(form, gx::test::testForm().json());
}

void Tst_server_auth::regions()
{
    HttpClient client(m_server->baseUrl());
    QCOMPARE(client.get(u"/api/v1/regions"_s).status, 401);
    QVERIFY(!client.login(u"insp"_s, kPassword).isEmpty());
    const HttpResult result = client.get(u"/api/v1/regions"_s);
    QCOMPARE(result.status, 200);
    const QJsonArray regions = result.jsonArray();
    // The city, nine counties and the development zone.
    QCOMPARE(regions.size(), 11);
    const QJsonObject city = regions.at(0).toObject();
    QCOMPARE(city.value("code"_L1).toString(), u"331100"_s);
    QCOMPARE(city.value("name"_L1).toString(), u"丽水市"_s);
    QStringList codes;
    QHash<QString, QJsonObject> byCode;
    for (const QJsonValue &value : regions) {
        codes.append(value.toObject().value("code"_L1).toString());
        byCode.insert(codes.constLast(), value.toObject());
    }
    for (const char *code : {"331102", "331121", "331122", "331123", "331124", "331125", "331126",
                             "331127", "331181", "331100-EDZ"})
        QVERIFY2(codes.contains(QLatin1StringView(code)), code);
    // Targets of the policy's annex (2024), as fractions: 莲都区 technical-renovation investment
    // growth 15 %, 青田县 digital renovation coverage 95 %, the city's coverage 90 %.
    auto target = [&](const QString &code, const char *indicator) {
        return byCode.value(code)
            .value("targets"_L1)
            .toObject()
            .value("2024"_L1)
            .toObject()
            .value(QLatin1StringView(indicator));
    };
    QCOMPARE(target(u"331102"_s, "tech_invest_growth").toDouble(), 0.15);
    QCOMPARE(target(u"331121"_s, "digital_renovation_coverage").toDouble(), 0.95);
    QCOMPARE(target(u"331100"_s, "digital_renovation_coverage").toDouble(), 0.9);
    QCOMPARE(byCode.value(u"331127"_s).value("name"_L1).toString(), u"景宁畲族自治县"_s);
}

void Tst_server_auth::userRules_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("enterprise");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("messagePart"); // "" = accepted
    const int inspector = int(Role::Inspector);
    const int office = int(Role::Office);
    const int enterprise = int(Role::Enterprise);
    QTest::newRow("ok inspector") << u"li.si"_s << inspector << u"331181"_s << QString()
                                  << kPassword << QString();
    QTest::newRow("ok chinese name")
        << u"张三"_s << office << QString() << QString() << kPassword << QString();
    QTest::newRow("ok development zone")
        << u"edz"_s << inspector << u"331100-EDZ"_s << QString() << kPassword << QString();
    QTest::newRow("taken") << u"insp"_s << office << QString() << QString() << kPassword
                           << u"exists already"_s;
    QTest::newRow("space in name")
        << u"li si"_s << office << QString() << QString() << kPassword << u"may hold only"_s;
    QTest::newRow("empty name") << QString() << office << QString() << QString() << kPassword
                                << u"empty"_s;
    QTest::newRow("short password")
        << u"a1"_s << office << QString() << QString() << u"1234567"_s << u"at least 8"_s;
    QTest::newRow("inspector without region")
        << u"a2"_s << inspector << QString() << QString() << kPassword << u"needs --region"_s;
    QTest::newRow("inspector of the city")
        << u"a3"_s << inspector << u"331100"_s << QString() << kPassword << u"unknown region"_s;
    QString badCheck = enterpriseUscc();
    badCheck[17] = badCheck[17] == u'0' ? u'1' : u'0';
    QTest::newRow("enterprise bad check")
        << u"a4"_s << enterprise << QString() << badCheck << kPassword << u"--enterprise"_s;
    QTest::newRow("office with region")
        << u"a5"_s << office << u"331102"_s << QString() << kPassword << u"take no --region"_s;
}

void Tst_server_auth::userRules()
{
    QFETCH(QString, username);
    QFETCH(int, role);
    QFETCH(QString, region);
    QFETCH(QString, enterprise);
    QFETCH(QString, password);
    QFETCH(QString, messagePart);
    const QString error =
        gx::test::addUser(m_db->db(), username, Role(role), password, region, enterprise);
    if (messagePart.isEmpty()) {
        QCOMPARE(error, QString());
        auto found = gx::server::UserStore(m_db->db(), gx::test::testRegions()).find(username);
        QVERIFY(found.ok());
        QCOMPARE(int(found.value().role), role);
        QCOMPARE(found.value().region, region);
    } else {
        QVERIFY2(error.contains(messagePart), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(Tst_server_auth)
#include "tst_server_auth.moc"
