#include "app/session.h"
#include "keychainkind.h"
#include "sync/store/userstore.h"
#include "syncclient/syncclient.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using gx::test::KeychainKind;

namespace {

const QString kPassword = u"correct horse 9"_s;

int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

bool loginAndWait(gx::Session &session, const QString &server, const QString &password)
{
    QSignalSpy finished(&session, &gx::Session::loginFinished);
    session.login(server, u"insp"_s, password);
    if (finished.isEmpty() && !finished.wait(60'000))
        return false;
    return finished.first().first().toBool();
}

/** The files in the data directory that end so (the token beside the store, the verifier). */
QStringList filesOf(const QString &dir, const QString &pattern)
{
    return QDir(dir).entryList({pattern}, QDir::Files);
}

} // namespace

/**
 * The notice the user sees when the OS keychain will not keep the login (issue 11, Secrets):
 * a real Session logs in at a real server (in this process, on loopback) with the keychain that
 * with-keychain.sh set up. Present: nothing to say, nothing in files. Refusing (locked) and
 * absent (no session bus): the token and the verifier are in 0600 files, the session works,
 * and Session::keychainNotice says so in Chinese, once per device.
 */
class Tst_keychainnotice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loginTellsOfTheFallback();

private:
    [[nodiscard]] std::unique_ptr<gx::Session> newSession() const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::TestServer> m_server;
    QString m_url;
};

void Tst_keychainnotice::initTestCase()
{
    const QString mismatch = gx::test::keychainMismatch();
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void Tst_keychainnotice::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"insp"_s, gx::server::Role::Inspector, kPassword,
                               u"331102"_s),
             QString());
    m_server = std::make_unique<gx::test::TestServer>(m_db->db());
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    m_url = m_server->baseUrl().toString();
}

void Tst_keychainnotice::cleanup()
{
    m_server.reset();
    m_db.reset();
    m_dataDir.reset();
}

std::unique_ptr<gx::Session> Tst_keychainnotice::newSession() const
{
    gx::AppEnvironment env;
    env.dataDir = m_dataDir->path();
    env.assetsDir = qEnvironmentVariable("GX_ASSETS_DIR");
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::Keychain, u"gengxin"_s, 10'000);
    return std::make_unique<gx::Session>(env);
}

void Tst_keychainnotice::loginTellsOfTheFallback()
{
    const KeychainKind kind = gx::test::keychainKind();
    auto session = newSession();
    QSignalSpy noticed(session.get(), &gx::Session::keychainNoticeChanged);
    QVERIFY2(loginAndWait(*session, m_url, kPassword), qPrintable(session->error()));
    QVERIFY(!session->isOffline());
    // The token and the verifier are written during the login (the verifier perhaps after).
    QTRY_VERIFY_WITH_TIMEOUT(kind == KeychainKind::Present ||
                                 filesOf(m_dataDir->path(), u"*.login"_s).size() == 1,
                             30'000);
    QTest::qWait(200);

    if (kind == KeychainKind::Present) {
        QCOMPARE(session->keychainNotice(), QString());
        QCOMPARE(noticed.count(), 0);
        QVERIFY(filesOf(m_dataDir->path(), u"*.login"_s).isEmpty());
        QVERIFY(filesOf(m_dataDir->path(), u"*.token"_s).isEmpty());
        return;
    }
    const QString notice = session->keychainNotice();
    QVERIFY2(notice.contains(u"系统钥匙串"_s) && notice.contains(u"受保护的文件"_s),
             qPrintable(notice));
    QVERIFY2(notice.contains(kind == KeychainKind::Refusing ? u"已锁定或拒绝"_s : u"没有"_s),
             qPrintable(notice));
    QVERIFY(noticed.count() >= 1);
    // Nothing lost: both secrets are in files only the user can read, and the session works.
    const QStringList verifiers = filesOf(m_dataDir->path(), u"*.login"_s);
    const QStringList tokens = filesOf(m_dataDir->path(), u"*.token"_s);
    QCOMPARE(verifiers.size(), 1);
    QCOMPARE(tokens.size(), 1);
    QCOMPARE(modeOf(QDir(m_dataDir->path()).filePath(verifiers.first())), 0600);
    QCOMPARE(modeOf(QDir(m_dataDir->path()).filePath(tokens.first())), 0600);
    QVERIFY(session->syncClient() && session->syncClient()->isLoggedIn());

    // Read: not again on this device, not even after a restart and an offline login.
    session->dismissKeychainNotice();
    QCOMPARE(session->keychainNotice(), QString());
    session->logout();
    session.reset();
    m_server.reset();
    auto again = newSession();
    QSignalSpy noticedAgain(again.get(), &gx::Session::keychainNoticeChanged);
    QVERIFY2(loginAndWait(*again, m_url, kPassword), qPrintable(again->error()));
    QVERIFY(again->isOffline()); // against the verifier the file kept
    QTest::qWait(200);
    QCOMPARE(again->keychainNotice(), QString());
    QCOMPARE(noticedAgain.count(), 0);
}

QTEST_MAIN(Tst_keychainnotice)
#include "tst_keychainnotice.moc"
