// Accounts from the app (issue 10, item 3): GET/POST /api/v1/users, disable, enable,
// reset-password with one-time passwords, the forced change at first login (POST
// /api/v1/password, 403 password_change_required meanwhile), office's limits, the audit log.

#include "testsupport.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;

namespace {

const QString kPassword = u"correct horse battery"_s;
const QString kCounty = u"331102"_s;

QString registeredUscc()
{
    return gx::makeUscc(u'9', u'1', u"331102", u"MA2A1234");
}

QString unregisteredUscc()
{
    return gx::makeUscc(u'9', u'1', u"331121", u"MA2B5678");
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class Tst_server_users : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void create_data();
    void create();
    void listNeverShowsPasswords();
    void oneTimePasswordForcesAChange();
    void changePasswordRefusals_data();
    void changePasswordRefusals();
    void disableRevokesAndEnableRestores();
    void resetRevokesAndIsOneTime();
    void officeMayNotChangeOfficeOrAdmin_data();
    void officeMayNotChangeOfficeOrAdmin();
    void unknownUserAndOwnAccount();
    void chineseNameInThePath();
    void cliAccountsNeedNoChange();

private:
    /** A client logged in as `username` with `password` (the test fails if the login does). */
    [[nodiscard]] std::unique_ptr<HttpClient> loggedIn(const QString &username,
                                                       const QString &password = kPassword);
    [[nodiscard]] qsizetype userCount();
    [[nodiscard]] QList<gx::server::AuditEntry> audits(const QString &action);
    [[nodiscard]] QString passwordHash(const QString &username);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    gx::test::TestClock m_clock;
};

void Tst_server_users::init()
{
    m_clock.set(gx::test::TestClock::kStart);
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    gx::server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<gx::test::TestServer>(m_db->db(), config);
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    auto &db = m_db->db();
    QCOMPARE(gx::test::addUser(db, u"admin"_s, Role::Admin, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"office"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"office2"_s, Role::Office, kPassword), QString());
    QCOMPARE(gx::test::addUser(db, u"insp"_s, Role::Inspector, kPassword, kCounty), QString());
    QCOMPARE(gx::test::importEnterprises(db, {{registeredUscc(), kCounty}}), QString());
}

void Tst_server_users::cleanup()
{
    m_server.reset();
    m_db.reset();
}

std::unique_ptr<HttpClient> Tst_server_users::loggedIn(const QString &username,
                                                       const QString &password)
{
    auto client = std::make_unique<HttpClient>(m_server->baseUrl());
    if (client->login(username, password).isEmpty())
        qWarning("login of %s failed", qPrintable(username));
    return client;
}

qsizetype Tst_server_users::userCount()
{
    auto query = m_db->db().exec(u"SELECT COUNT(*) FROM users"_s);
    return query && query.value().next() ? query.value().value(0).toLongLong() : -1;
}

QList<gx::server::AuditEntry> Tst_server_users::audits(const QString &action)
{
    auto entries = gx::server::AuditLog::recent(m_db->db(), 1000, action);
    return entries ? entries.value() : QList<gx::server::AuditEntry>{};
}

QString Tst_server_users::passwordHash(const QString &username)
{
    auto query =
        m_db->db().exec(u"SELECT password_hash FROM users WHERE username = ?"_s, {username});
    return query && query.value().next() ? query.value().value(0).toString() : QString();
}

void Tst_server_users::create_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const auto body = [](const QString &name, const QString &role, const QString &region = {},
                         const QString &enterprise = {}) {
        QJsonObject out{{u"username"_s, name}, {u"role"_s, role}};
        if (!region.isEmpty())
            out.insert(u"region"_s, region);
        if (!enterprise.isEmpty())
            out.insert(u"enterprise"_s, enterprise);
        return compact(out);
    };
    QTest::newRow("office makes an inspector")
        << u"office"_s << body(u"wang.li"_s, u"inspector"_s, kCounty) << 201 << QString()
        << QString();
    QTest::newRow("office makes an enterprise user")
        << u"office"_s << body(u"qiye"_s, u"enterprise"_s, {}, registeredUscc()) << 201 << QString()
        << QString();
    QTest::newRow("admin makes an office user")
        << u"admin"_s << body(u"clerk"_s, u"office"_s) << 201 << QString() << QString();
    QTest::newRow("admin makes an admin")
        << u"admin"_s << body(u"boss2"_s, u"admin"_s) << 201 << QString() << QString();
    QTest::newRow("admin makes a chinese name")
        << u"admin"_s << body(u"张三"_s, u"inspector"_s, u"331100-EDZ"_s) << 201 << QString()
        << QString();
    QTest::newRow("office makes an office user")
        << u"office"_s << body(u"clerk"_s, u"office"_s) << 403 << u"forbidden"_s << u"role"_s;
    QTest::newRow("office makes an admin")
        << u"office"_s << body(u"boss2"_s, u"admin"_s) << 403 << u"forbidden"_s << u"role"_s;
    QTest::newRow("inspector may not") << u"insp"_s << body(u"x1"_s, u"inspector"_s, kCounty) << 403
                                       << u"forbidden"_s << QString();
    QTest::newRow("taken name") << u"office"_s << body(u"insp"_s, u"inspector"_s, kCounty) << 409
                                << u"conflict"_s << u"username"_s;
    QTest::newRow("inspector without region")
        << u"office"_s << body(u"x2"_s, u"inspector"_s) << 422 << u"invalid_user"_s << u"region"_s;
    QTest::newRow("inspector of the city")
        << u"office"_s << body(u"x3"_s, u"inspector"_s, u"331100"_s) << 422 << u"invalid_user"_s
        << u"region"_s;
    QTest::newRow("enterprise not in the registry")
        << u"office"_s << body(u"x4"_s, u"enterprise"_s, {}, unregisteredUscc()) << 422
        << u"invalid_user"_s << u"enterprise"_s;
    QString badCheck = registeredUscc();
    badCheck[17] = badCheck[17] == u'0' ? u'1' : u'0';
    QTest::newRow("enterprise bad check character")
        << u"office"_s << body(u"x5"_s, u"enterprise"_s, {}, badCheck) << 422 << u"invalid_user"_s
        << u"enterprise"_s;
    QTest::newRow("enterprise without uscc") << u"office"_s << body(u"x6"_s, u"enterprise"_s) << 422
                                             << u"invalid_user"_s << u"enterprise"_s;
    QTest::newRow("unknown role") << u"office"_s << body(u"x7"_s, u"boss"_s) << 422
                                  << u"invalid_user"_s << u"role"_s;
    QTest::newRow("space in name") << u"office"_s << body(u"li si"_s, u"inspector"_s, kCounty)
                                   << 422 << u"invalid_user"_s << u"username"_s;
    QTest::newRow("no name") << u"office"_s
                             << compact({{u"role"_s, u"inspector"_s}, {u"region"_s, kCounty}})
                             << 422 << u"invalid_user"_s << u"username"_s;
    QTest::newRow("region not a string")
        << u"office"_s
        << compact({{u"username"_s, u"x8"_s}, {u"role"_s, u"inspector"_s}, {u"region"_s, 331102}})
        << 400 << u"bad_request"_s << u"region"_s;
    QTest::newRow("not json") << u"office"_s << QByteArray("{") << 400 << u"bad_request"_s
                              << QString();
}

void Tst_server_users::create()
{
    QFETCH(QString, caller);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    auto client = loggedIn(caller);
    const qsizetype before = userCount();
    const qsizetype auditsBefore = audits(u"user_added"_s).size();
    m_clock.advance(60000);
    const HttpResult result = client->post(u"/api/v1/users"_s, body);
    QVERIFY2(result.status == status, result.describe().constData());
    if (status != 201) {
        QCOMPARE(result.errorCode(), code);
        QCOMPARE(result.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
        QVERIFY(!result.errorMessage().isEmpty());
        QCOMPARE(userCount(), before); // nothing written
        QCOMPARE(audits(u"user_added"_s).size(), auditsBefore);
        return;
    }
    const QJsonObject made = result.json();
    const QJsonObject asked = QJsonDocument::fromJson(body).object();
    QCOMPARE(made.value("username"_L1), asked.value("username"_L1));
    QCOMPARE(made.value("role"_L1), asked.value("role"_L1));
    const QString password = made.value("password"_L1).toString();
    QVERIFY2(password.size() >= 12, qPrintable(password));
    QCOMPARE(userCount(), before + 1);
    const auto added = audits(u"user_added"_s);
    QCOMPARE(added.size(), auditsBefore + 1);
    QCOMPARE(added.constFirst().actor, caller);
    QCOMPARE(added.constFirst().at, m_clock.now());
    QCOMPARE(added.constFirst().detail.value("username"_L1), asked.value("username"_L1));
    QCOMPARE(added.constFirst().detail.value("one_time_password"_L1), QJsonValue(true));
    // The one-time password logs in, once, and asks for a change.
    HttpClient user(m_server->baseUrl());
    const HttpResult login =
        user.postJson(u"/api/v1/login"_s,
                      {{u"username"_s, asked.value("username"_L1)}, {u"password"_s, password}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("must_change_password"_L1), QJsonValue(true));
}

void Tst_server_users::listNeverShowsPasswords()
{
    auto office = loggedIn(u"office"_s);
    const HttpResult made = office->postJson(
        u"/api/v1/users"_s,
        {{u"username"_s, u"wang.li"_s}, {u"role"_s, u"inspector"_s}, {u"region"_s, kCounty}});
    QCOMPARE(made.status, 201);
    const QString password = made.json().value("password"_L1).toString();
    const HttpResult listed = office->get(u"/api/v1/users"_s);
    QCOMPARE(listed.status, 200);
    QVERIFY(!listed.body.contains(password.toUtf8()));
    QVERIFY(!listed.body.contains("argon2"));
    QVERIFY(!listed.body.contains("\"password\""));
    QJsonObject wang;
    QStringList names;
    for (const QJsonValue &value : listed.jsonArray()) {
        names.append(value.toObject().value("username"_L1).toString());
        if (names.constLast() == u"wang.li"_s)
            wang = value.toObject();
    }
    QCOMPARE(names, (QStringList{u"admin"_s, u"insp"_s, u"office"_s, u"office2"_s, u"wang.li"_s}));
    const QStringList keys = wang.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{u"username"_s, u"role"_s, u"region"_s, u"enterprise"_s, u"disabled"_s,
                            u"created_at"_s, u"last_login_at"_s, u"must_change_password"_s}));
    QCOMPARE(wang.value("role"_L1).toString(), u"inspector"_s);
    QCOMPARE(wang.value("region"_L1).toString(), kCounty);
    QCOMPARE(wang.value("enterprise"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(wang.value("disabled"_L1), QJsonValue(false));
    QCOMPARE(wang.value("created_at"_L1).toInteger(), m_clock.now());
    QCOMPARE(wang.value("last_login_at"_L1), QJsonValue(QJsonValue::Null));
    QCOMPARE(wang.value("must_change_password"_L1), QJsonValue(true));

    m_clock.advance(5000);
    auto wangClient = loggedIn(u"wang.li"_s, password);
    for (const QJsonValue &value : office->get(u"/api/v1/users"_s).jsonArray()) {
        if (value.toObject().value("username"_L1).toString() == u"wang.li"_s)
            QCOMPARE(value.toObject().value("last_login_at"_L1).toInteger(), m_clock.now());
    }
    auto inspector = loggedIn(u"insp"_s);
    QCOMPARE(inspector->get(u"/api/v1/users"_s).status, 403);
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(anonymous.get(u"/api/v1/users"_s).status, 401);
}

void Tst_server_users::oneTimePasswordForcesAChange()
{
    auto office = loggedIn(u"office"_s);
    const HttpResult made = office->postJson(
        u"/api/v1/users"_s,
        {{u"username"_s, u"wang.li"_s}, {u"role"_s, u"inspector"_s}, {u"region"_s, kCounty}});
    QCOMPARE(made.status, 201);
    const QString oneTime = made.json().value("password"_L1).toString();
    auto user = loggedIn(u"wang.li"_s, oneTime);
    QVERIFY(!user->token().isEmpty());
    // Every other call is refused until the user sets their own password.
    for (const QString &path : {u"/api/v1/forms/current"_s, u"/api/v1/regions"_s,
                                u"/api/v1/sync/pull"_s, u"/api/v1/targets?period=2024"_s}) {
        const HttpResult refused = user->get(path);
        QVERIFY2(refused.status == 403, qPrintable(path + u' ' + QString::fromUtf8(refused.body)));
        QCOMPARE(refused.errorCode(), u"password_change_required"_s);
    }
    const HttpResult push = user->postJson(
        u"/api/v1/sync/push"_s, {{u"device_id"_s, u"tab-1"_s}, {u"mutations"_s, QJsonArray()}});
    QCOMPARE(push.errorCode(), u"password_change_required"_s);

    m_clock.advance(1000);
    const QString own = u"my own secret 1"_s;
    const HttpResult changed =
        user->postJson(u"/api/v1/password"_s, {{u"old"_s, oneTime}, {u"new"_s, own}});
    QVERIFY2(changed.status == 200, changed.describe().constData());
    // The same token now works; the one-time password is gone; the own one logs in plainly.
    QCOMPARE(user->get(u"/api/v1/forms/current"_s).status, 200);
    HttpClient again(m_server->baseUrl());
    QCOMPARE(
        again
            .postJson(u"/api/v1/login"_s, {{u"username"_s, u"wang.li"_s}, {u"password"_s, oneTime}})
            .status,
        401);
    const HttpResult login =
        again.postJson(u"/api/v1/login"_s, {{u"username"_s, u"wang.li"_s}, {u"password"_s, own}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("must_change_password"_L1), QJsonValue(false));
    const auto entries = audits(u"password_changed"_s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().actor, u"wang.li"_s);
    QCOMPARE(entries.constFirst().at, gx::test::TestClock::kStart + 1000);
    QCOMPARE(entries.constFirst().detail.value("was_one_time"_L1), QJsonValue(true));
}

void Tst_server_users::changePasswordRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("wrong old") << compact(
                                      {{u"old"_s, u"not it at all"_s}, {u"new"_s, u"new one 12"_s}})
                               << 422 << u"wrong_password"_s << u"old"_s;
    QTest::newRow("new too short") << compact({{u"old"_s, kPassword}, {u"new"_s, u"short"_s}})
                                   << 422 << u"invalid_password"_s << u"new"_s;
    QTest::newRow("new same as old") << compact({{u"old"_s, kPassword}, {u"new"_s, kPassword}})
                                     << 422 << u"invalid_password"_s << u"new"_s;
    QTest::newRow("new with a control character")
        << compact({{u"old"_s, kPassword}, {u"new"_s, u"abc\u0007defghij"_s}}) << 422
        << u"invalid_password"_s << u"new"_s;
    QTest::newRow("no new") << compact({{u"old"_s, kPassword}}) << 400 << u"bad_request"_s
                            << u"new"_s;
    QTest::newRow("old not a string") << compact({{u"old"_s, 5}, {u"new"_s, u"new one 12"_s}})
                                      << 400 << u"bad_request"_s << u"old"_s;
}

void Tst_server_users::changePasswordRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    auto user = loggedIn(u"insp"_s);
    const QString hash = passwordHash(u"insp"_s);
    const HttpResult refused = user->post(u"/api/v1/password"_s, body);
    QVERIFY2(refused.status == status, refused.describe().constData());
    QCOMPARE(refused.errorCode(), code);
    QCOMPARE(refused.json().value("error"_L1).toObject().value("field"_L1).toString(), field);
    QCOMPARE(passwordHash(u"insp"_s), hash);
    QVERIFY(audits(u"password_changed"_s).isEmpty());
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(anonymous.post(u"/api/v1/password"_s, body).status, 401);
}

void Tst_server_users::disableRevokesAndEnableRestores()
{
    auto office = loggedIn(u"office"_s);
    auto inspector = loggedIn(u"insp"_s);
    auto second = loggedIn(u"insp"_s);
    QCOMPARE(inspector->get(u"/api/v1/regions"_s).status, 200);
    m_clock.advance(2000);
    const HttpResult disabled = office->post(u"/api/v1/users/insp/disable"_s, {});
    QVERIFY2(disabled.status == 200, disabled.describe().constData());
    QCOMPARE(disabled.json().value("disabled"_L1), QJsonValue(true));
    QCOMPARE(inspector->get(u"/api/v1/regions"_s).status, 401);
    QCOMPARE(second->get(u"/api/v1/regions"_s).status, 401);
    auto revoked = m_db->db().exec(
        u"SELECT COUNT(*) FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.username = "
        "'insp' AND t.revoked = 0"_s);
    QVERIFY(revoked && revoked.value().next());
    QCOMPARE(revoked.value().value(0).toInt(), 0);
    HttpClient again(m_server->baseUrl());
    QVERIFY(again.login(u"insp"_s, kPassword).isEmpty());
    const auto off = audits(u"user_disabled"_s);
    QCOMPARE(off.size(), 1);
    QCOMPARE(off.constFirst().actor, u"office"_s);
    QCOMPARE(off.constFirst().at, m_clock.now());

    m_clock.advance(2000);
    const HttpResult enabled = office->post(u"/api/v1/users/insp/enable"_s, {});
    QCOMPARE(enabled.status, 200);
    QCOMPARE(enabled.json().value("disabled"_L1), QJsonValue(false));
    QVERIFY(!again.login(u"insp"_s, kPassword).isEmpty());
    const auto on = audits(u"user_enabled"_s);
    QCOMPARE(on.size(), 1);
    QCOMPARE(on.constFirst().actor, u"office"_s);
    QCOMPARE(on.constFirst().at, m_clock.now());
}

void Tst_server_users::resetRevokesAndIsOneTime()
{
    auto admin = loggedIn(u"admin"_s);
    auto inspector = loggedIn(u"insp"_s);
    m_clock.advance(3000);
    const HttpResult reset = admin->post(u"/api/v1/users/insp/reset-password"_s, {});
    QVERIFY2(reset.status == 200, reset.describe().constData());
    const QStringList keys = reset.json().keys();
    QCOMPARE(keys, QStringList{u"password"_s});
    const QString oneTime = reset.json().value("password"_L1).toString();
    QVERIFY(oneTime.size() >= 12);
    QCOMPARE(inspector->get(u"/api/v1/regions"_s).status, 401);
    HttpClient again(m_server->baseUrl());
    QVERIFY(again.login(u"insp"_s, kPassword).isEmpty());
    const HttpResult login =
        again.postJson(u"/api/v1/login"_s, {{u"username"_s, u"insp"_s}, {u"password"_s, oneTime}});
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value("must_change_password"_L1), QJsonValue(true));
    const auto entries = audits(u"password_reset"_s);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().actor, u"admin"_s);
    QCOMPARE(entries.constFirst().at, m_clock.now());
    QCOMPARE(entries.constFirst().detail.value("one_time_password"_L1), QJsonValue(true));
    // A second reset makes another password; the first no longer logs in.
    const QString second = admin->post(u"/api/v1/users/insp/reset-password"_s, {})
                               .json()
                               .value("password"_L1)
                               .toString();
    QVERIFY(!second.isEmpty() && second != oneTime);
    HttpClient third(m_server->baseUrl());
    QVERIFY(third.login(u"insp"_s, oneTime).isEmpty());
}

void Tst_server_users::officeMayNotChangeOfficeOrAdmin_data()
{
    QTest::addColumn<QString>("caller");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("status");
    for (const QString &action : {u"disable"_s, u"enable"_s, u"reset-password"_s}) {
        QTest::addRow("office %s office", qPrintable(action))
            << u"office"_s << u"office2"_s << action << 403;
        QTest::addRow("office %s admin", qPrintable(action))
            << u"office"_s << u"admin"_s << action << 403;
        QTest::addRow("inspector %s inspector", qPrintable(action))
            << u"insp"_s << u"insp"_s << action << 403;
        QTest::addRow("admin %s office", qPrintable(action))
            << u"admin"_s << u"office2"_s << action << 200;
        QTest::addRow("office %s inspector", qPrintable(action))
            << u"office"_s << u"insp"_s << action << 200;
    }
}

void Tst_server_users::officeMayNotChangeOfficeOrAdmin()
{
    QFETCH(QString, caller);
    QFETCH(QString, target);
    QFETCH(QString, action);
    QFETCH(int, status);
    auto client = loggedIn(caller);
    auto targetClient = loggedIn(target);
    const QString hash = passwordHash(target);
    const qsizetype auditRows = audits({}).size();
    const HttpResult result = client->post(u"/api/v1/users/%1/%2"_s.arg(target, action), {});
    QVERIFY2(result.status == status, result.describe().constData());
    if (status == 200)
        return;
    QCOMPARE(result.errorCode(), u"forbidden"_s);
    // Nothing changed: the password, the tokens, the audit log.
    QCOMPARE(passwordHash(target), hash);
    QCOMPARE(audits({}).size(), auditRows);
    if (caller != target)
        QCOMPARE(targetClient->get(u"/api/v1/regions"_s).status, 200);
}

void Tst_server_users::unknownUserAndOwnAccount()
{
    auto admin = loggedIn(u"admin"_s);
    for (const QString &action : {u"disable"_s, u"enable"_s, u"reset-password"_s}) {
        const HttpResult missing = admin->post(u"/api/v1/users/nobody/%1"_s.arg(action), {});
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), u"not_found"_s);
    }
    const HttpResult self = admin->post(u"/api/v1/users/admin/disable"_s, {});
    QCOMPARE(self.status, 422);
    QCOMPARE(self.errorCode(), u"invalid_user"_s);
    QCOMPARE(admin->get(u"/api/v1/users"_s).status, 200);
}

void Tst_server_users::chineseNameInThePath()
{
    QCOMPARE(gx::test::addUser(m_db->db(), u"张三"_s, Role::Inspector, kPassword, kCounty),
             QString());
    auto office = loggedIn(u"office"_s);
    const QString path = u"/api/v1/users/"_s +
                         QString::fromLatin1(QUrl::toPercentEncoding(u"张三"_s)) + u"/disable"_s;
    const HttpResult disabled = office->post(path, {});
    QVERIFY2(disabled.status == 200, disabled.describe().constData());
    QCOMPARE(disabled.json().value("username"_L1).toString(), u"张三"_s);
}

void Tst_server_users::cliAccountsNeedNoChange()
{
    // Accounts of `user add` carry the operator's password: no forced change.
    auto inspector = loggedIn(u"insp"_s);
    QCOMPARE(inspector->get(u"/api/v1/regions"_s).status, 200);
    const auto added = audits(u"user_added"_s);
    QVERIFY(!added.isEmpty());
    QCOMPARE(added.constFirst().detail.value("one_time_password"_L1), QJsonValue(false));
}

QTEST_GUILESS_MAIN(Tst_server_users)
#include "tst_server_users.moc"
