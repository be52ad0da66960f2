#include "storefixture.h"

#include "store/devicestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::DeviceStore;
using gx::StoreError;

class Tst_attachments : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storedByHash_data();
    void storedByHash();
    void sameBytesKeptOnce();
    void uploadProgressResumes();
    void damagedFileRefused();
    void unknownPhoto();

private:
    gx::test::StoreFixture m_store;
};

void Tst_attachments::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_attachments::cleanup()
{
    m_store.tearDown();
}

void Tst_attachments::storedByHash_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("sha256");
    // FIPS 180-2 test vectors.
    QTest::newRow("abc") << QByteArray("abc")
                         << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    QTest::newRow("empty") << QByteArray()
                           << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("a million a")
        << QByteArray(1000000, 'a')
        << u"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_s;
}

void Tst_attachments::storedByHash()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, sha256);
    const auto added = m_store->attachments().add(bytes);
    GX_OK(added);
    QCOMPARE(added.value(), sha256);
    const QString path = m_store->attachments().filePath(sha256);
    QCOMPARE(path, m_store.filePath(u"device.db.blobs/"_s + sha256));
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".part"_s));
    QCOMPARE(m_store.reopen(), QString());
    const auto read = m_store->attachments().read(sha256);
    GX_OK(read);
    QCOMPARE(read.value(), bytes);
    const auto info = m_store->attachments().attachment(sha256);
    GX_OK(info);
    QCOMPARE(info.value()->size, bytes.size());
    QCOMPARE(info.value()->uploadedBytes, 0);
    QVERIFY(!info.value()->uploaded);
}

void Tst_attachments::sameBytesKeptOnce()
{
    GX_OK(m_store->attachments().add("nameplate"));
    GX_OK(m_store->attachments().add("nameplate"));
    GX_OK(m_store->attachments().add("another"));
    const auto pending = m_store->attachments().pendingUploads();
    GX_OK(pending);
    QCOMPARE(pending.value().size(), 2);
    QCOMPARE(QDir(m_store->attachments().directory()).entryList(QDir::Files).size(), 2);
}

void Tst_attachments::uploadProgressResumes()
{
    const auto sha = m_store->attachments().add(QByteArray(1000, 'x'));
    GX_OK(sha);
    auto moved = m_store->attachments().setUploadProgress(sha.value(), 400);
    GX_OK(moved);
    QVERIFY(moved.value());
    QCOMPARE(m_store.reopen(), QString()); // the upload was interrupted; the app restarts
    auto pending = m_store->attachments().pendingUploads();
    GX_OK(pending);
    QCOMPARE(pending.value().size(), 1);
    QCOMPARE(pending.value().first().uploadedBytes, 400);              // resume from here
    GX_OK(m_store->attachments().setUploadProgress(sha.value(), 100)); // a stale answer
    GX_OK(m_store->attachments().setUploadProgress(sha.value(), 5000));
    auto info = m_store->attachments().attachment(sha.value());
    GX_OK(info);
    QCOMPARE(info.value()->uploadedBytes, 1000); // never backwards, never beyond the size
    const auto done = m_store->attachments().markUploaded(sha.value());
    GX_OK(done);
    QVERIFY(done.value());
    pending = m_store->attachments().pendingUploads();
    GX_OK(pending);
    QVERIFY(pending.value().isEmpty());
}

void Tst_attachments::damagedFileRefused()
{
    const auto sha = m_store->attachments().add("original bytes");
    GX_OK(sha);
    QFile file(m_store->attachments().filePath(sha.value()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("0riginal bytes");
    file.close();
    const auto read = m_store->attachments().read(sha.value());
    QVERIFY(!read);
    QCOMPARE(read.error().code, StoreError::Code::Io);
    // Adding the photo again repairs the file.
    GX_OK(m_store->attachments().add("original bytes"));
    const auto again = m_store->attachments().read(sha.value());
    GX_OK(again);
    QCOMPARE(again.value(), QByteArray("original bytes"));
}

void Tst_attachments::unknownPhoto()
{
    const QString sha = u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    const auto read = m_store->attachments().read(sha);
    QVERIFY(!read);
    QCOMPARE(read.error().code, StoreError::Code::NotFound);
    const auto moved = m_store->attachments().setUploadProgress(sha, 10);
    GX_OK(moved);
    QVERIFY(!moved.value());
    const auto bad = m_store->attachments().read(u"../device.db"_s);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, StoreError::Code::InvalidArgument);
}

QTEST_GUILESS_MAIN(Tst_attachments)
#include "tst_attachments.moc"
