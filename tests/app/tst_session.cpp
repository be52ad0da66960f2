#include "app/session.h"
#include "formversion.h"
#include "store/devicestore.h"
#include "sync/store/userstore.h"
#include "syncclient/networkwatcher.h"
#include "syncclient/syncclient.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;
using gx::test::TestDatabase;
using gx::test::TestServer;

namespace {
const QString kPassword = u"correct horse 9"_s;
const QString kRegion = u"331102"_s;

/** Logs in and waits for the answer; returns whether it succeeded. */
bool loginAndWait(Session &session, const QString &server, const QString &user,
                  const QString &password)
{
    QSignalSpy finished(&session, &Session::loginFinished);
    session.login(server, user, password);
    if (finished.isEmpty() && !finished.wait(30'000))
        return false;
    return finished.first().first().toBool();
}

QString loginFileOf(const QString &dataDir)
{
    const QStringList files = QDir(dataDir).entryList({u"*.login"_s}, QDir::Files);
    return files.isEmpty() ? QString() : QDir(dataDir).filePath(files.first());
}
} // namespace

class Tst_session : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void onlineLogin();
    void offlineLoginAfterOnline();
    void offlineRefusals_data();
    void offlineRefusals();
    void unauthorizedDoesNotFallBack();
    void serverBackAfterOfflineLogin();
    void waitsForTheNetwork();
    void settingsRemembered();
    void newestStoredFormVersion();
    void periodsFollowTheClock_data();
    void periodsFollowTheClock();

private:
    [[nodiscard]] std::unique_ptr<Session> newSession();

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QString m_url;
};

void Tst_session::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"insp"_s, server::Role::Inspector, kPassword, kRegion),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, server::Role::Office, kPassword),
             QString());
    m_server = std::make_unique<TestServer>(m_db->db());
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    m_url = m_server->baseUrl().toString();
}

void Tst_session::cleanup()
{
    m_server.reset();
    m_db.reset();
    m_dataDir.reset();
}

std::unique_ptr<Session> Tst_session::newSession()
{
    AppEnvironment env;
    env.dataDir = m_dataDir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    auto session = std::make_unique<Session>(env);
    session->setLanguage(u"en"_s);
    return session;
}

void Tst_session::onlineLogin()
{
    auto session = newSession();
    QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
    QVERIFY(session->isLoggedIn());
    QVERIFY(!session->isOffline());
    QCOMPARE(session->username(), u"insp"_s);
    QCOMPARE(session->role(), u"inspector"_s);
    QCOMPARE(session->region(), kRegion);
    QVERIFY(!session->token().isEmpty());
    QVERIFY(session->store());
    QVERIFY(session->syncClient());
    // The first sync starts by itself and ends with the list reloaded.
    QSignalSpy data(session.get(), &Session::dataChanged);
    QTRY_VERIFY_WITH_TIMEOUT(session->syncClient()->state() == SyncState::Idle &&
                                 session->syncClient()->lastSuccess().isValid(),
                             30'000);
    QTRY_VERIFY(!data.isEmpty());

    // The offline hash: the owner only, Argon2id, never the password.
    const QString file = loginFileOf(m_dataDir->path());
    QVERIFY(!file.isEmpty());
    QFile hashFile(file);
    QVERIFY(hashFile.open(QIODevice::ReadOnly));
    const QByteArray content = hashFile.readAll();
    QVERIFY(content.contains("$argon2id$"));
    QVERIFY(!content.contains(kPassword.toUtf8()));
    QCOMPARE(hashFile.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    auto office = newSession();
    QVERIFY(loginAndWait(*office, m_url, u"office"_s, kPassword));
    QCOMPARE(office->role(), u"office"_s);
    QVERIFY(office->region().isEmpty());
}

void Tst_session::offlineLoginAfterOnline()
{
    {
        auto session = newSession();
        QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
        QTRY_VERIFY_WITH_TIMEOUT(session->syncClient()->lastSuccess().isValid(), 30'000);
        // A local edit made online stays in the outbox across the offline login below.
        QVERIFY(session->store()->createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2024}}));
        session->logout();
    }
    m_server.reset(); // the server is gone: connection refused
    auto session = newSession();
    QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
    QVERIFY(session->isLoggedIn());
    QVERIFY(session->isOffline());
    QCOMPARE(session->role(), u"inspector"_s);
    QCOMPARE(session->region(), kRegion);
    QVERIFY(session->token().isEmpty());
    auto badges = session->store()->queries().badgeCounts();
    QVERIFY(badges);
    QCOMPARE(badges.value().pending, 1);
}

void Tst_session::offlineRefusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password")
        << u"insp"_s << u"wrong password 1"_s << u"Wrong user name or password."_s;
    QTest::newRow("never online on this device")
        << u"office"_s << kPassword << u"has not logged in on this device before"_s;
}

void Tst_session::offlineRefusals()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, expected);
    {
        auto session = newSession();
        QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
    }
    m_server.reset();
    auto session = newSession();
    QVERIFY(!loginAndWait(*session, m_url, user, password));
    QVERIFY(!session->isLoggedIn());
    QVERIFY2(session->error().contains(expected), qPrintable(session->error()));
    // The same refusal reads in Chinese by default.
    session->setLanguage(u"zh_CN"_s);
    QVERIFY(!loginAndWait(*session, m_url, user, password));
    QVERIFY2(!session->error().contains(u"Wrong"_s) && !session->error().contains(u"logged"_s),
             qPrintable(session->error()));
}

void Tst_session::unauthorizedDoesNotFallBack()
{
    {
        auto session = newSession();
        QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
    }
    // The office changed the password: the old one matches the device's hash, but the server
    // answers 401 and that is final.
    server::UserStore users(m_db->db(), gx::test::testRegions());
    QVERIFY(users.resetPassword(u"insp"_s, u"a new password 2"_s, u"test"_s, 0));
    auto session = newSession();
    QVERIFY(!loginAndWait(*session, m_url, u"insp"_s, kPassword));
    QVERIFY(!session->isLoggedIn());
    QCOMPARE(session->error(), u"Wrong user name or password."_s);
    QVERIFY(loginAndWait(*session, m_url, u"insp"_s, u"a new password 2"_s));
    QVERIFY(!session->isOffline());
}

void Tst_session::serverBackAfterOfflineLogin()
{
    const quint16 port = m_server->port();
    {
        auto session = newSession();
        QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
        session->logout(); // forgets the token
    }
    m_server.reset();
    auto session = newSession();
    QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
    QVERIFY(session->isOffline());
    QVERIFY(session->token().isEmpty());
    QVERIFY(session->store()->createRecord(u"enterprise"_s,
                                           QJsonObject{{u"uscc"_s, gx::test::testUscc(kRegion, 9)},
                                                       {u"name"_s, u"丽水新建机械厂"_s},
                                                       {u"region"_s, kRegion}},
                                           gx::test::testUscc(kRegion, 9)));

    // The server is back at the same address: "sync now" logs in with the password typed at
    // the offline login, then sends the edit made meanwhile.
    server::Server again(m_db->db(), gx::test::formVersions(m_db->db()), gx::test::testRegions());
    auto listening = again.listen(QHostAddress::LocalHost, port);
    if (!listening)
        QSKIP(qPrintable(u"port %1 is not free again: %2"_s.arg(port).arg(listening.error())));
    session->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(session->syncClient()->lastSuccess().isValid(), 30'000);
    QVERIFY(!session->isOffline());
    QVERIFY(!session->token().isEmpty());
    auto badges = session->store()->queries().badgeCounts();
    QVERIFY(badges);
    QCOMPARE(badges.value().pending, 0);
}

void Tst_session::waitsForTheNetwork()
{
    NetworkWatcher network(false); // moved by hand
    AppEnvironment env;
    env.dataDir = m_dataDir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    env.networkWatcher = &network;
    Session session(env);
    QVERIFY(loginAndWait(session, m_url, u"insp"_s, kPassword));
    SyncClient *sync = session.syncClient();
    QTRY_VERIFY_WITH_TIMEOUT(sync->state() == SyncState::Idle && sync->lastSuccess().isValid(),
                             30'000);
    const QDateTime first = sync->lastSuccess();

    // Offline: asking for a sync waits for the network instead of failing against it.
    network.setOnline(false);
    session.syncNow();
    QTRY_COMPARE(sync->state(), SyncState::WaitingForNetwork);
    QTest::qWait(200);
    QCOMPARE(sync->state(), SyncState::WaitingForNetwork);
    QCOMPARE(sync->lastSuccess(), first);

    // The network is back: the sync runs by itself.
    network.setOnline(true);
    QTRY_VERIFY_WITH_TIMEOUT(sync->state() == SyncState::Idle && sync->lastSuccess() > first,
                             30'000);
}

void Tst_session::settingsRemembered()
{
    {
        auto session = newSession();
        QVERIFY(loginAndWait(*session, m_url, u"insp"_s, kPassword));
        session->setLanguage(u"zh_CN"_s);
    }
    QVERIFY(QFile::exists(m_dataDir->filePath(u"settings.ini"_s)));
    AppEnvironment env;
    env.dataDir = m_dataDir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    Session again(env);
    QCOMPARE(again.serverUrl(), m_url);
    QCOMPARE(again.lastUsername(), u"insp"_s);
    QCOMPARE(again.language(), u"zh_CN"_s);
    QVERIFY(!again.isLoggedIn());
}

void Tst_session::newestStoredFormVersion()
{
    auto session = newSession();
    QCOMPARE(session->form().version(), 1); // the bundled one, before any login
    const auto opened = session->openLocal(u"insp"_s, u"inspector"_s, kRegion, {});
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error()));
    QCOMPARE(session->formVersion(), 1);
    // The store keeps the bundled version: the records it names read with it.
    auto versions = session->store()->forms().versions();
    QVERIFY(versions.ok());
    QCOMPARE(versions.value(), QList<int>{1});

    StoredFormVersion v2;
    v2.version = 2;
    v2.definition = gx::test::withNewSurveyField(session->form().json());
    QVERIFY(session->store()->forms().add(v2).ok());
    session->logout();
    QCOMPARE(session->formVersion(), 1);

    QSignalSpy changed(session.get(), &Session::formChanged);
    QVERIFY(session->openLocal(u"insp"_s, u"inspector"_s, kRegion, {}).ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(session->formVersion(), 2);
    QVERIFY(session->form().entity(u"survey"_s)->field(gx::test::kNewSurveyField));
    QCOMPARE(session->store()->formVersion(), 2);
    versions = session->store()->forms().versions();
    QVERIFY(versions.ok());
    QCOMPARE(versions.value(), (QList<int>{1, 2}));
}

void Tst_session::periodsFollowTheClock_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<int>("period");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("the policy's first year") << QDate(2024, 3, 1) << 2024 << QList<int>{2024};
    QTest::newRow("two years on") << QDate(2026, 12, 31) << 2024 << QList<int>{2024, 2025, 2026};
    QTest::newRow("a year after the policy")
        << QDate(2028, 1, 1) << 2025 << QList<int>{2024, 2025, 2026, 2027, 2028};
    QTest::newRow("a later period chosen")
        << QDate(2025, 6, 1) << 2027 << QList<int>{2024, 2025, 2026, 2027};
    // The survey's period field stops at 2035: the list never offers what it would refuse.
    QTest::newRow("past the field's maximum") << QDate(2037, 1, 1) << 2024 << [] {
        QList<int> years;
        for (int y = 2024; y <= 2035; ++y)
            years.append(y);
        return years;
    }();
}

void Tst_session::periodsFollowTheClock()
{
    QFETCH(QDate, today);
    QFETCH(int, period);
    QFETCH(QList<int>, expected);
    AppEnvironment env;
    env.dataDir = m_dataDir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    const qint64 ms = QDateTime(today, QTime(12, 0)).toMSecsSinceEpoch();
    env.clock = [ms] {
        return ms;
    };
    Session session(env);
    QSignalSpy changed(&session, &Session::periodsChanged);
    session.setPeriod(period);
    QCOMPARE(changed.size(), period == Session::kDefaultPeriod ? 0 : 1);
    QList<int> years;
    for (const QVariant &year : session.periods())
        years.append(year.toInt());
    QCOMPARE(years, expected);
}

QTEST_MAIN(Tst_session)
#include "tst_session.moc"
