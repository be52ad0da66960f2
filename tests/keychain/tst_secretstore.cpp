#include "keychainkind.h"
#include "store/devicestore.h"
#include "syncclient/privatefile.h"
#include "syncclient/secretstore.h"
#include "syncclient/syncclient.h"
#include "syncclient/tokenstore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using gx::SecretPlace;
using gx::SecretStore;
using gx::test::KeychainKind;

namespace {

const QString kServer = u"http://127.0.0.1:8470"_s;
const gx::SessionToken kToken{u"tok-7f3a"_s, u"wang.li"_s, u"inspector"_s, u"331102"_s,
                              QString(),     kServer,      1732800000000};

int modeOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

/** Where a write lands under this run's keychain. */
SecretPlace expectedPlace()
{
    return gx::test::keychainKind() == KeychainKind::Present ? SecretPlace::Keychain
                                                             : SecretPlace::File;
}

/** Runs one asynchronous call of the store to its answer (30 s at most). */
template <typename Answer, typename Call>
std::optional<Answer> await(Call call)
{
    std::optional<Answer> answer;
    QObject context;
    call(&context, [&answer](const Answer &a) { answer.emplace(a); });
    for (int waited = 0; !answer && waited < 30'000; waited += 10)
        QTest::qWait(10);
    return answer;
}

/** The error's message of a failed answer, for QVERIFY2 (which builds it before it looks). */
template <typename Answer>
QByteArray whyNot(const Answer &answer)
{
    if (answer.ok())
        return {};
    if constexpr (requires { answer.error().message(); })
        return answer.error().message().toUtf8();
    else
        return answer.error().message.toUtf8();
}

using ReadAnswer = gx::Result<gx::SecretRead, gx::SecretError>;
using WriteAnswer = gx::Result<SecretPlace, gx::SecretError>;
using RemoveAnswer = gx::Status<gx::SecretError>;
using TokenAnswer = gx::Result<std::optional<gx::SessionToken>, gx::TokenFileError>;
using TokenDone = gx::Status<gx::TokenFileError>;

} // namespace

class Tst_secretstore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeThenRead_data();
    void writeThenRead();
    void overwriteThenForget();
    void oldTokenFileMovesIntoTheKeychain();
    void tooLargeIsRefused();
    void fileOnlyNeverAsksTheKeychain();
    void fallbackIsObserved();
    void syncClientReadsItsToken();
    void syncClientNeedsLoginOnceTheReadFoundNone();

private:
    SecretStore m_secrets{SecretStore::Mode::Keychain, u"gengxin"_s, 10'000};
};

void Tst_secretstore::initTestCase()
{
    const QString mismatch = gx::test::keychainMismatch();
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void Tst_secretstore::writeThenRead_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("token") << gx::TokenFile::encode(kToken);
    QTest::newRow("verifier") << QByteArray(
        R"({"username":"李四","hash":"$argon2id$v=19$m=65536"})");
    QTest::newRow("binary") << QByteArray("\x00\x01\xff\n tail", 9);
}

void Tst_secretstore::writeThenRead()
{
    QFETCH(QByteArray, secret);
    QTemporaryDir dir;
    const gx::SecretSlot slot{
        gx::SecretSlot::keyFor(u"test"_s, kServer, QString::fromLatin1(QTest::currentDataTag())),
        dir.filePath(u"secret"_s)};
    const auto written =
        await<WriteAnswer>([&](QObject *c, auto done) { m_secrets.write(slot, secret, c, done); });
    QVERIFY(written);
    QVERIFY2(written->ok(), whyNot(*written).constData());
    QCOMPARE(written->value(), expectedPlace());
    // In the keychain: no copy in a file. In the file: the user's alone.
    QCOMPARE(QFile::exists(slot.file), expectedPlace() == SecretPlace::File);
    if (expectedPlace() == SecretPlace::File)
        QCOMPARE(modeOf(slot.file), 0600);

    const auto read =
        await<ReadAnswer>([&](QObject *c, auto done) { m_secrets.read(slot, c, done); });
    QVERIFY(read);
    QVERIFY2(read->ok(), whyNot(*read).constData());
    QCOMPARE(read->value().secret, std::optional<QByteArray>(secret));
    QCOMPARE(read->value().place, expectedPlace());
}

void Tst_secretstore::overwriteThenForget()
{
    QTemporaryDir dir;
    const gx::SecretSlot slot{gx::SecretSlot::keyFor(u"test"_s, kServer, u"overwrite"_s),
                              dir.filePath(u"secret"_s)};
    for (const QByteArray &value : {QByteArray("first"), QByteArray("second")}) {
        const auto written = await<WriteAnswer>(
            [&](QObject *c, auto done) { m_secrets.write(slot, value, c, done); });
        QVERIFY(written && written->ok());
    }
    auto read = await<ReadAnswer>([&](QObject *c, auto done) { m_secrets.read(slot, c, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value().secret, std::optional<QByteArray>("second"));

    const auto removed =
        await<RemoveAnswer>([&](QObject *c, auto done) { m_secrets.remove(slot, c, done); });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), whyNot(*removed).constData());
    QVERIFY(!QFile::exists(slot.file));
    read = await<ReadAnswer>([&](QObject *c, auto done) { m_secrets.read(slot, c, done); });
    QVERIFY(read && read->ok());
    QVERIFY(!read->value().secret.has_value());
    QCOMPARE(read->value().place, SecretPlace::Nowhere);
}

void Tst_secretstore::oldTokenFileMovesIntoTheKeychain()
{
    // A token file as the versions before the keychain left it beside the store.
    QTemporaryDir dir;
    const QString store = dir.filePath(u"127.0.0.1_8470-wang.li.sqlite"_s);
    const QString file = gx::TokenFile::pathFor(store);
    QVERIFY(gx::TokenFile(file).write(kToken).ok());
    const QByteArray before = [&] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    const gx::TokenStore tokens(m_secrets,
                                gx::TokenStore::slotFor(store, kServer, kToken.username));
    QCOMPARE(tokens.slot().key, u"token|http://127.0.0.1:8470|wang.li"_s);
    for (int i = 0; i < 2; ++i) { // the first read moves it, the second finds it moved
        const auto read = await<TokenAnswer>([&](QObject *c, auto done) { tokens.read(c, done); });
        QVERIFY(read);
        QVERIFY2(read->ok(), whyNot(*read).constData());
        QCOMPARE(read->value(), std::optional<gx::SessionToken>(kToken));
        if (gx::test::keychainKind() == KeychainKind::Present) {
            QVERIFY(!QFile::exists(file)); // moved: the keychain holds it now
        } else {
            // The keychain would not take it: the file stays as it was, nothing lost.
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
            QCOMPARE(modeOf(file), 0600);
        }
    }
}

void Tst_secretstore::tooLargeIsRefused()
{
    QTemporaryDir dir;
    const gx::SecretSlot slot{u"test|large"_s, dir.filePath(u"secret"_s)};
    const QByteArray huge(gx::PrivateFile::kMaxBytes + 1, 'x');
    const auto written =
        await<WriteAnswer>([&](QObject *c, auto done) { m_secrets.write(slot, huge, c, done); });
    QVERIFY(written);
    QVERIFY(!written->ok());
    const QString why = written->error().message();
    QVERIFY2(why.contains(u"65537 bytes"_s), qPrintable(why));
    QVERIFY(!QFile::exists(slot.file));
}

void Tst_secretstore::fileOnlyNeverAsksTheKeychain()
{
    // Tests and tools: the file alone, answered before the call returns.
    QTemporaryDir dir;
    const gx::TokenStore tokens = gx::TokenStore::fileOnly(dir.filePath(u"d.db"_s));
    QObject context;
    bool answered = false;
    tokens.write(kToken, &context, [&](const TokenDone &done) { answered = done.ok(); });
    QVERIFY(answered);
    QCOMPARE(modeOf(tokens.slot().file), 0600);
    std::optional<gx::SessionToken> back;
    tokens.read(&context,
                [&](const TokenAnswer &read) { back = read ? read.value() : std::nullopt; });
    QCOMPARE(back, std::optional<gx::SessionToken>(kToken));
}

void Tst_secretstore::fallbackIsObserved()
{
    // What the app's notice hears of: each secret the file keeps because the keychain would not.
    QTemporaryDir dir;
    const gx::SecretSlot slot{gx::SecretSlot::keyFor(u"test"_s, kServer, u"observed"_s),
                              dir.filePath(u"secret"_s)};
    SecretStore secrets = m_secrets;
    QList<gx::KeychainFallback> heard;
    secrets.setFallbackObserver([&heard](gx::KeychainFallback why) { heard.append(why); });
    const SecretStore copy = secrets; // a TokenStore's copy tells the same observer
    const auto written =
        await<WriteAnswer>([&](QObject *c, auto done) { copy.write(slot, "s3cret", c, done); });
    QVERIFY(written && written->ok());
    const auto read = await<ReadAnswer>([&](QObject *c, auto done) { copy.read(slot, c, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value().secret, std::optional<QByteArray>("s3cret"));
    switch (gx::test::keychainKind()) {
    case KeychainKind::Present:
        QVERIFY(heard.isEmpty());
        break;
    case KeychainKind::Refusing: // the write went to the file, and the read left it there
        QCOMPARE(heard, (QList{gx::KeychainFallback::Refused, gx::KeychainFallback::Refused}));
        break;
    case KeychainKind::Absent:
        QCOMPARE(heard, (QList{gx::KeychainFallback::Absent, gx::KeychainFallback::Absent}));
        break;
    case KeychainKind::Unknown:
        QFAIL("no keychain kind");
    }
    // Files only: the file is no fallback, nothing to tell.
    SecretStore files(SecretStore::Mode::FileOnly);
    files.setFallbackObserver([&heard](gx::KeychainFallback why) { heard.append(why); });
    heard.clear();
    QObject context;
    files.write(slot, "other", &context, [](const WriteAnswer &) {});
    QVERIFY(heard.isEmpty());
}

void Tst_secretstore::syncClientReadsItsToken()
{
    QTemporaryDir dir;
    const QString storePath = dir.filePath(u"d.db"_s);
    const gx::TokenStore tokens(m_secrets,
                                gx::TokenStore::slotFor(storePath, kServer, kToken.username));
    const auto written =
        await<TokenDone>([&](QObject *c, auto done) { tokens.write(kToken, c, done); });
    QVERIFY(written && written->ok());
    QCOMPARE(QFile::exists(tokens.slot().file), expectedPlace() == SecretPlace::File);

    auto store = gx::DeviceStore::open(storePath, u"tab-k"_s, [] { return qint64(1); });
    QVERIFY(store.ok());
    QNetworkAccessManager nam;
    gx::SyncClient client(*store.value(), tokens, &nam, QUrl(kServer), [] { return qint64(1); });
    // The keychain answers later: until then the client waits, neither logged in nor out.
    QCOMPARE(client.isLoadingToken(), true);
    QVERIFY(!client.isLoggedIn());
    QTRY_VERIFY_WITH_TIMEOUT(!client.isLoadingToken(), 30'000);
    QVERIFY(client.isLoggedIn());
    QCOMPARE(client.session(), std::optional<gx::SessionToken>(kToken));
    QCOMPARE(client.stateName(), u"idle"_s);

    // Logging out forgets it in both places.
    client.forgetLogin();
    QVERIFY(!client.isLoggedIn());
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(tokens.slot().file), 30'000);
    std::optional<TokenAnswer> read;
    for (int i = 0; i < 100; ++i) { // the keychain's delete runs in the event loop
        read = await<TokenAnswer>([&](QObject *c, auto done) { tokens.read(c, done); });
        if (!read || !read->ok() || !read->value())
            break;
        QTest::qWait(20);
    }
    QVERIFY(read && read->ok());
    QVERIFY(!read->value().has_value());
}

void Tst_secretstore::syncClientNeedsLoginOnceTheReadFoundNone()
{
    QTemporaryDir dir;
    const QString storePath = dir.filePath(u"d.db"_s);
    const gx::TokenStore tokens(m_secrets,
                                gx::TokenStore::slotFor(storePath, kServer, u"nobody"_s));
    auto store = gx::DeviceStore::open(storePath, u"tab-k"_s, [] { return qint64(1); });
    QVERIFY(store.ok());
    QNetworkAccessManager nam;
    gx::SyncClient client(*store.value(), tokens, &nam, QUrl(kServer), [] { return qint64(1); });
    QSignalSpy finished(&client, &gx::SyncClient::syncFinished);
    // Until the keychain has answered nobody knows: not logged in, and not "log in again" yet.
    QVERIFY(client.isLoadingToken());
    QVERIFY(!client.isLoggedIn());
    QCOMPARE(client.stateName(), u"idle"_s);
    client.sync(); // waits for the read
    QCOMPARE(finished.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!client.isLoadingToken(), 30'000);
    QCOMPARE(client.stateName(), u"needs_login"_s);
    QVERIFY(!client.isLoggedIn());
    QTRY_COMPARE(finished.count(), 1); // the sync asked for meanwhile ran, and ended for a login
    QCOMPARE(finished.first().first().toBool(), false);
}

QTEST_GUILESS_MAIN(Tst_secretstore)
#include "tst_secretstore.moc"
