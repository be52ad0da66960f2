// Blobs over real loopback HTTP: whole and chunked uploads, resuming after a cut, hash checks,
// offsets, idempotent re-uploads and bad names; uploads that are their uploader's (others' chunks
// neither block nor discard them) and reads that need a record in scope naming the blob; on the
// backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using gx::server::Role;
using gx::test::HttpClient;
using gx::test::HttpResult;
using gx::test::TestServer;

namespace {

const QString kPassword = u"correct horse 9"_s;
using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString blobPath(const QString &name)
{
    return u"/api/v1/blobs/"_s + name;
}

Headers range(qint64 start, qint64 end, qint64 total)
{
    return {{"Content-Range", QByteArray("bytes ") + QByteArray::number(start) + '-' +
                                  QByteArray::number(end) + '/' + QByteArray::number(total)}};
}

} // namespace

class Tst_server_blobs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wholeUpload();
    void emptyBlob();
    void resumeAfterCut();
    void hashMismatchDiscards_data();
    void hashMismatchDiscards();
    void wrongOffset_data();
    void wrongOffset();
    void sizeMismatch();
    void idempotentReupload();
    void badName_data();
    void badName();
    void badRange_data();
    void badRange();
    void tooLarge();
    void needsLogin_data();
    void needsLogin();
    void othersCannotInterfere_data();
    void othersCannotInterfere();
    void completionEndsOthersUploads();
    void readNeedsNamingRecord_data();
    void readNeedsNamingRecord();
    void migrationFindsNamedBlobs();

private:
    [[nodiscard]] HttpResult put(const QByteArray &bytes, const QString &name,
                                 const Headers &headers = {});
    /**
     * Pushes, as `username`, a draft survey of the test enterprise with one equipment row whose
     * photo is `name` (or, given `rowId`, that row's photo set to `name`, null to clear it);
     * returns the row's id, or "" when the push was not applied.
     */
    [[nodiscard]] QString nameInRecord(const QString &name, const QString &username = u"insp"_s,
                                       const QString &rowId = {});
    [[nodiscard]] HttpClient &client(const QString &username);
    /** Sends the whole head of a PUT but only part of its body, then drops the connection. */
    void cutUpload(const QString &name, const QByteArray &chunk, qint64 start, qint64 total);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    std::map<QString, std::unique_ptr<HttpClient>> m_others;
    QString m_enterprise;
    QString m_survey;
    qint64 m_rowRev = 0;
    quint32 m_hlcCounter = 0;
};

void Tst_server_blobs::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QCOMPARE(gx::test::addUser(m_db->db(), u"insp"_s, Role::Inspector, kPassword, u"331102"_s),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"insp2"_s, Role::Inspector, kPassword, u"331102"_s),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"far"_s, Role::Inspector, kPassword, u"331121"_s),
             QString());
    QCOMPARE(gx::test::addUser(m_db->db(), u"office"_s, Role::Office, kPassword), QString());
    m_enterprise = gx::test::testUscc(u"331102"_s, 1);
    QCOMPARE(gx::test::importEnterprises(m_db->db(), {{m_enterprise, u"331102"_s}}), QString());
    m_survey.clear();
    m_rowRev = 0;
    m_server = std::make_unique<TestServer>(m_db->db());
    QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    m_client = std::make_unique<HttpClient>(m_server->baseUrl());
    QVERIFY(!m_client->login(u"insp"_s, kPassword).isEmpty());
}

void Tst_server_blobs::cleanup()
{
    m_others.clear();
    m_client.reset();
    m_server.reset();
    m_db.reset();
}

HttpResult Tst_server_blobs::put(const QByteArray &bytes, const QString &name,
                                 const Headers &headers)
{
    return m_client->put(blobPath(name), bytes, headers);
}

HttpClient &Tst_server_blobs::client(const QString &username)
{
    if (username == "insp"_L1)
        return *m_client;
    auto &slot = m_others[username];
    if (!slot) {
        slot = std::make_unique<HttpClient>(m_server->baseUrl());
        if (slot->login(username, kPassword).isEmpty())
            qFatal("cannot log in as %s", qUtf8Printable(username));
    }
    return *slot;
}

QString Tst_server_blobs::nameInRecord(const QString &name, const QString &username,
                                       const QString &rowId)
{
    const QString device = u"dev-"_s + username;
    const QString hlc =
        gx::test::hlcText(QDateTime::currentMSecsSinceEpoch(), device, ++m_hlcCounter);
    QJsonArray batch;
    if (m_survey.isEmpty()) {
        m_survey = gx::test::newUuid();
        batch.append(gx::test::upsertJson(u"survey"_s, m_survey,
                                          gx::test::draftSurveyFields(m_enterprise), 0, hlc));
    }
    const QString id = rowId.isEmpty() ? gx::test::newUuid() : rowId;
    QJsonObject fields = rowId.isEmpty() ? gx::test::equipmentFields(m_survey) : QJsonObject();
    fields.insert(u"photo"_s, name.isEmpty() ? QJsonValue() : QJsonValue(name));
    batch.append(
        gx::test::upsertJson(u"equipment"_s, id, fields, rowId.isEmpty() ? 0 : m_rowRev, hlc));
    const HttpResult pushed =
        client(username).postJson(u"/api/v1/sync/push"_s, gx::test::pushBody(device, batch));
    const QJsonArray results = pushed.json().value("results"_L1).toArray();
    for (const QJsonValue &result : results) {
        if (result["status"_L1].toString() != "applied"_L1) {
            qWarning("push not applied: %s", pushed.describe().constData());
            return {};
        }
    }
    m_rowRev = results.last()["rev"_L1].toInteger();
    return results.isEmpty() ? QString() : id;
}

void Tst_server_blobs::cutUpload(const QString &name, const QByteArray &chunk, qint64 start,
                                 qint64 total)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray head =
        "PUT " + blobPath(name).toLatin1() +
        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_client->token().toLatin1() +
        "\r\nContent-Range: " + range(start, start + chunk.size() - 1, total).constFirst().second +
        "\r\nContent-Length: " + QByteArray::number(chunk.size()) + "\r\n\r\n";
    socket.write(head + chunk.left(chunk.size() / 2));
    QVERIFY(socket.waitForBytesWritten(5000));
    // Let the server read what arrived, then cut the connection mid-body.
    QEventLoop loop;
    QTimer::singleShot(200, &loop, &QEventLoop::quit);
    loop.exec();
    socket.abort();
    QTimer::singleShot(200, &loop, &QEventLoop::quit);
    loop.exec();
}

void Tst_server_blobs::wholeUpload()
{
    const QByteArray bytes = randomBytes(70000, 1);
    const QString name = sha256(bytes);
    const HttpResult created = put(bytes, name);
    QVERIFY2(created.status == 201, created.describe().constData());
    const QJsonObject expected{
        {u"sha256"_s, name}, {u"received"_s, 70000}, {u"size"_s, 70000}, {u"complete"_s, true}};
    QCOMPARE(created.json(), expected);
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json(), expected);
    QVERIFY(!nameInRecord(name).isEmpty());
    const HttpResult fetched = m_client->get(blobPath(name));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("application/octet-stream"));
    QCOMPARE(fetched.body, bytes);
    // Nothing of the upload is left behind.
    auto chunks = m_db->db().exec(u"SELECT COUNT(*) FROM blob_chunks"_s);
    QVERIFY(chunks.ok() && chunks.value().next());
    QCOMPARE(chunks.value().value(0).toInt(), 0);
}

void Tst_server_blobs::emptyBlob()
{
    const QString name = sha256(QByteArray());
    QCOMPARE(name, u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
    const HttpResult created = put(QByteArray(""), name);
    QVERIFY2(created.status == 201, created.describe().constData());
    QCOMPARE(created.json().value("size"_L1).toInteger(), 0);
    QVERIFY(!nameInRecord(name).isEmpty());
    const HttpResult fetched = m_client->get(blobPath(name));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body.size(), 0);
}

void Tst_server_blobs::resumeAfterCut()
{
    const QByteArray bytes = randomBytes(300000, 2);
    const QString name = sha256(bytes);
    const HttpResult first = put(bytes.mid(0, 100000), name, range(0, 99999, 300000));
    QVERIFY2(first.status == 202, first.describe().constData());
    QCOMPARE(first.json(), (QJsonObject{{u"sha256"_s, name},
                                        {u"received"_s, 100000},
                                        {u"size"_s, 300000},
                                        {u"complete"_s, false}}));
    QVERIFY(!nameInRecord(name).isEmpty());
    QCOMPARE(m_client->get(blobPath(name)).status, 404); // not complete yet

    // The connection drops in the middle of the second chunk: none of it counts.
    cutUpload(name, bytes.mid(100000, 100000), 100000, 300000);
    const HttpResult status = m_client->get(blobPath(name) + u"/status"_s);
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value("received"_L1).toInteger(), 100000);
    QCOMPARE(status.json().value("complete"_L1).toBool(), false);

    // The device resumes from what the server has.
    const qint64 from = status.json().value("received"_L1).toInteger();
    const HttpResult second =
        put(bytes.mid(from, 150000), name, range(from, from + 149999, 300000));
    QCOMPARE(second.status, 202);
    QCOMPARE(second.json().value("received"_L1).toInteger(), 250000);
    const HttpResult last = put(bytes.mid(250000), name, range(250000, 299999, 300000));
    QVERIFY2(last.status == 201, last.describe().constData());
    QCOMPARE(last.json().value("complete"_L1).toBool(), true);
    QCOMPARE(m_client->get(blobPath(name)).body, bytes);
}

void Tst_server_blobs::hashMismatchDiscards_data()
{
    QTest::addColumn<int>("chunks");
    QTest::newRow("whole") << 1;
    QTest::newRow("in three chunks") << 3;
}

void Tst_server_blobs::hashMismatchDiscards()
{
    QFETCH(int, chunks);
    const QByteArray bytes = randomBytes(3000, 3);
    QByteArray corrupted = bytes;
    corrupted[1500] = char(corrupted[1500] ^ 0x01);
    const QString name = sha256(bytes);
    HttpResult last;
    for (int i = 0; i < chunks; ++i) {
        const int size = 3000 / chunks;
        last = put(corrupted.mid(i * size, size), name,
                   chunks == 1 ? Headers() : range(i * size, (i + 1) * size - 1, 3000));
        if (i + 1 < chunks)
            QCOMPARE(last.status, 202);
    }
    QCOMPARE(last.status, 400);
    QCOMPARE(last.errorCode(), u"hash_mismatch"_s);
    QVERIFY(last.errorMessage().contains("discarded"_L1));
    const QJsonObject nothing{{u"sha256"_s, name},
                              {u"received"_s, 0},
                              {u"size"_s, QJsonValue::Null},
                              {u"complete"_s, false}};
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json(), nothing);
    QCOMPARE(m_client->get(blobPath(name)).status, 404);
    // The right bytes are then accepted.
    QCOMPARE(put(bytes, name).status, 201);
}

void Tst_server_blobs::wrongOffset_data()
{
    QTest::addColumn<int>("sentFirst"); // bytes 0..sentFirst-1 already uploaded (0: none)
    QTest::addColumn<int>("start");
    QTest::newRow("nothing yet, starts later") << 0 << 100;
    QTest::newRow("skips ahead") << 100 << 200;
    QTest::newRow("overlaps") << 100 << 50;
    QTest::newRow("starts again at 0") << 100 << 0;
}

void Tst_server_blobs::wrongOffset()
{
    QFETCH(int, sentFirst);
    QFETCH(int, start);
    const QByteArray bytes = randomBytes(300, 4);
    const QString name = sha256(bytes);
    if (sentFirst > 0)
        QCOMPARE(put(bytes.left(sentFirst), name, range(0, sentFirst - 1, 300)).status, 202);
    const HttpResult answer = put(bytes.mid(start, 50), name, range(start, start + 49, 300));
    QCOMPARE(answer.status, 409);
    QCOMPARE(answer.errorCode(), u"wrong_offset"_s);
    QCOMPARE(answer.json().value("received"_L1).toInteger(), sentFirst);
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json()["received"_L1].toInteger(),
             sentFirst);
}

void Tst_server_blobs::sizeMismatch()
{
    const QByteArray bytes = randomBytes(300, 5);
    const QString name = sha256(bytes);
    QCOMPARE(put(bytes.left(100), name, range(0, 99, 300)).status, 202);
    const HttpResult answer = put(bytes.mid(100, 100), name, range(100, 199, 400));
    QCOMPARE(answer.status, 409);
    QCOMPARE(answer.errorCode(), u"size_mismatch"_s);
    QCOMPARE(answer.json().value("received"_L1).toInteger(), 100);
}

void Tst_server_blobs::idempotentReupload()
{
    const QByteArray bytes = randomBytes(1000, 6);
    const QString name = sha256(bytes);
    QCOMPARE(put(bytes, name).status, 201);
    // Again whole, again as a chunk, even with other bytes: 201 at once, the blob unchanged.
    QCOMPARE(put(bytes, name).status, 201);
    QCOMPARE(put(bytes.left(10), name, range(0, 9, 1000)).status, 201);
    QCOMPARE(put(randomBytes(1000, 7), name).status, 201);
    QVERIFY(!nameInRecord(name).isEmpty());
    QCOMPARE(m_client->get(blobPath(name)).body, bytes);
    auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM blobs"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), 1);
}

void Tst_server_blobs::badName_data()
{
    QTest::addColumn<QString>("name");
    const QString good = sha256("x");
    QTest::newRow("upper case") << good.toUpper();
    QTest::newRow("63 digits") << good.left(63);
    QTest::newRow("65 digits") << good + u'0';
    QTest::newRow("not hex") << u'g' + good.mid(1);
    QTest::newRow("escaped space") << u"abc%20def"_s;
}

void Tst_server_blobs::badName()
{
    QFETCH(QString, name);
    for (const HttpResult &answer : {put("x", name), m_client->get(blobPath(name)),
                                     m_client->get(blobPath(name) + u"/status"_s)}) {
        QVERIFY2(answer.status == 400, answer.describe().constData());
        QCOMPARE(answer.errorCode(), u"bad_request"_s);
        QCOMPARE(answer.json()["error"_L1]["field"_L1].toString(), u"sha256"_s);
    }
}

void Tst_server_blobs::badRange_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("bodySize");
    QTest::newRow("end beyond total") << QByteArray("bytes 0-9/5") << 10;
    QTest::newRow("end before start") << QByteArray("bytes 5-2/10") << 4;
    QTest::newRow("length differs from body") << QByteArray("bytes 0-9/20") << 5;
    QTest::newRow("other unit") << QByteArray("bits 0-9/20") << 10;
    QTest::newRow("unknown total") << QByteArray("bytes 0-9/*") << 10;
    QTest::newRow("negative") << QByteArray("bytes -1-9/20") << 10;
}

void Tst_server_blobs::badRange()
{
    QFETCH(QByteArray, header);
    QFETCH(int, bodySize);
    const QString name = sha256("y");
    const HttpResult answer = put(QByteArray(bodySize, 'y'), name, {{"Content-Range", header}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json()["error"_L1]["field"_L1].toString(), u"Content-Range"_s);
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json()["received"_L1].toInteger(), 0);
}

void Tst_server_blobs::tooLarge()
{
    const QString name = sha256("z");
    // A blob announced above 32 MiB is refused at its first chunk.
    const qint64 total = (qint64(32) << 20) + 1;
    const HttpResult answer = put(QByteArray(10, 'z'), name, range(0, 9, total));
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.errorCode(), u"payload_too_large"_s);
    // A chunk above the 16 MiB body limit is refused before its bytes are read.
    const QByteArray head =
        "PUT " + blobPath(name).toLatin1() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
        m_client->token().toLatin1() +
        "\r\nContent-Length: " + QByteArray::number((qint64(16) << 20) + 1) + "\r\n\r\n";
    const QByteArray raw = gx::test::rawExchange(m_server->port(), head);
    QCOMPARE(gx::test::rawStatus(raw), 413);
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json()["received"_L1].toInteger(), 0);
}

void Tst_server_blobs::needsLogin_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("put") << QByteArray("PUT") << QString();
    QTest::newRow("get") << QByteArray("GET") << QString();
    QTest::newRow("status") << QByteArray("GET") << u"/status"_s;
}

void Tst_server_blobs::needsLogin()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, suffix);
    HttpClient anonymous(m_server->baseUrl());
    const QByteArray bytes("secret");
    const HttpResult answer = anonymous.send(verb, blobPath(sha256(bytes)) + suffix,
                                             verb == "PUT" ? bytes : QByteArray());
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.errorCode(), u"unauthorized"_s);
}

void Tst_server_blobs::othersCannotInterfere_data()
{
    // What another user who knows the hash sends before the real upload goes on.
    QTest::addColumn<QString>("interference");
    QTest::newRow("a first byte announcing another total") << u"first byte"_s;
    QTest::newRow("a chunk at another offset") << u"offset"_s;
    QTest::newRow("a wrong whole upload") << u"wrong whole"_s;
    QTest::newRow("a wrong last chunk") << u"wrong last"_s;
}

void Tst_server_blobs::othersCannotInterfere()
{
    QFETCH(QString, interference);
    const QByteArray bytes = randomBytes(3000, 8);
    const QString name = sha256(bytes);
    HttpClient &other = client(u"insp2"_s);
    // The real uploader has sent the first half.
    QCOMPARE(put(bytes.left(1500), name, range(0, 1499, 3000)).status, 202);
    if (interference == "first byte"_L1) {
        QCOMPARE(other.put(blobPath(name), "x", range(0, 0, 5)).status, 202);
    } else if (interference == "offset"_L1) {
        const HttpResult answer =
            other.put(blobPath(name), bytes.mid(2000, 10), range(2000, 2009, 3000));
        QCOMPARE(answer.errorCode(), u"wrong_offset"_s);
        QCOMPARE(answer.json().value("received"_L1).toInteger(), 0); // the sender's own upload
    } else if (interference == "wrong whole"_L1) {
        QCOMPARE(other.put(blobPath(name), randomBytes(3000, 9)).errorCode(), u"hash_mismatch"_s);
    } else {
        QCOMPARE(other.put(blobPath(name), bytes.left(1500), range(0, 1499, 3000)).status, 202);
        const HttpResult wrong =
            other.put(blobPath(name), randomBytes(1500, 10), range(1500, 2999, 3000));
        QCOMPARE(wrong.errorCode(), u"hash_mismatch"_s);
    }
    // The real upload is untouched and completes.
    QCOMPARE(m_client->get(blobPath(name) + u"/status"_s).json().value("received"_L1).toInteger(),
             1500);
    const HttpResult last = put(bytes.mid(1500), name, range(1500, 2999, 3000));
    QVERIFY2(last.status == 201, last.describe().constData());
    QVERIFY(!nameInRecord(name).isEmpty());
    QCOMPARE(m_client->get(blobPath(name)).body, bytes);
}

void Tst_server_blobs::completionEndsOthersUploads()
{
    const QByteArray bytes = randomBytes(2000, 11);
    const QString name = sha256(bytes);
    HttpClient &other = client(u"insp2"_s);
    QCOMPARE(other.put(blobPath(name), bytes.left(500), range(0, 499, 2000)).status, 202);
    QCOMPARE(other.get(blobPath(name) + u"/status"_s).json().value("received"_L1).toInteger(), 500);
    QCOMPARE(put(bytes, name).status, 201);
    // The other upload is moot: its status says complete, its next chunk is answered 201, and
    // none of its bytes are left behind.
    QCOMPARE(other.get(blobPath(name) + u"/status"_s).json().value("complete"_L1).toBool(), true);
    QCOMPARE(other.put(blobPath(name), bytes.mid(500, 500), range(500, 999, 2000)).status, 201);
    for (const QString &table : {u"blob_chunks"_s, u"blob_uploads"_s}) {
        auto rows = m_db->db().exec(u"SELECT COUNT(*) FROM "_s + table);
        QVERIFY(rows.ok() && rows.value().next());
        QCOMPARE(rows.value().value(0).toInt(), 0);
    }
}

void Tst_server_blobs::readNeedsNamingRecord_data()
{
    // step: what happens to the record before the read; reader: who reads; expected: status.
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("reader");
    QTest::addColumn<int>("expected");
    QTest::newRow("no record names it: the uploader") << u"none"_s << u"insp"_s << 404;
    QTest::newRow("no record names it: the office") << u"none"_s << u"office"_s << 404;
    QTest::newRow("named: the uploader") << u"named"_s << u"insp"_s << 200;
    QTest::newRow("named: an inspector of the county") << u"named"_s << u"insp2"_s << 200;
    QTest::newRow("named: an inspector of another county") << u"named"_s << u"far"_s << 404;
    QTest::newRow("named: the office") << u"named"_s << u"office"_s << 200;
    QTest::newRow("photo replaced: the uploader") << u"replaced"_s << u"insp"_s << 404;
    QTest::newRow("photo cleared: the office") << u"cleared"_s << u"office"_s << 404;
    QTest::newRow("row deleted: the uploader") << u"deleted"_s << u"insp"_s << 404;
    QTest::newRow("named in a text field: the uploader") << u"text"_s << u"insp"_s << 404;
}

void Tst_server_blobs::readNeedsNamingRecord()
{
    QFETCH(QString, step);
    QFETCH(QString, reader);
    QFETCH(int, expected);
    const QByteArray bytes = randomBytes(500, 12);
    const QString name = sha256(bytes);
    QCOMPARE(put(bytes, name).status, 201);
    QString row;
    if (step != "none"_L1 && step != "text"_L1) {
        row = nameInRecord(name);
        QVERIFY(!row.isEmpty());
    }
    if (step == "replaced"_L1) {
        const QByteArray other = randomBytes(500, 13);
        QCOMPARE(put(other, sha256(other)).status, 201);
        QCOMPARE(nameInRecord(sha256(other), u"insp"_s, row), row);
        QCOMPARE(client(reader).get(blobPath(sha256(other))).status, 200);
    } else if (step == "cleared"_L1) {
        QCOMPARE(nameInRecord(QString(), u"insp"_s, row), row);
    } else if (step == "deleted"_L1) {
        const QString hlc =
            gx::test::hlcText(QDateTime::currentMSecsSinceEpoch(), u"dev-insp"_s, ++m_hlcCounter);
        const HttpResult pushed = m_client->postJson(
            u"/api/v1/sync/push"_s,
            gx::test::pushBody(u"dev-insp"_s,
                               {gx::test::deleteJson(u"equipment"_s, row, m_rowRev, hlc)}));
        QCOMPARE(pushed.json()["results"_L1][0]["status"_L1].toString(), u"applied"_s);
    } else if (step == "text"_L1) {
        // A hash typed into a text field names nothing: only photo fields do.
        const QString hlc =
            gx::test::hlcText(QDateTime::currentMSecsSinceEpoch(), u"dev-insp"_s, ++m_hlcCounter);
        const QString survey = gx::test::newUuid();
        QJsonObject fields = gx::test::draftSurveyFields(m_enterprise);
        fields.insert(u"notes"_s, name);
        const HttpResult pushed = m_client->postJson(
            u"/api/v1/sync/push"_s,
            gx::test::pushBody(u"dev-insp"_s,
                               {gx::test::upsertJson(u"survey"_s, survey, fields, 0, hlc)}));
        QCOMPARE(pushed.json()["results"_L1][0]["status"_L1].toString(), u"applied"_s);
    }
    const HttpResult answer = client(reader).get(blobPath(name));
    QVERIFY2(answer.status == expected, answer.describe().constData());
    if (expected == 200)
        QCOMPARE(answer.body, bytes);
    else
        QCOMPARE(answer.errorCode(), u"not_found"_s);
}

void Tst_server_blobs::migrationFindsNamedBlobs()
{
    // A store from before blob references: the migration finds what stored records name.
    const QByteArray bytes = randomBytes(400, 14);
    const QString name = sha256(bytes);
    QCOMPARE(put(bytes, name).status, 201);
    QVERIFY(!nameInRecord(name).isEmpty());
    gx::server::Database &db = m_db->db();
    QVERIFY(db.run(u"DELETE FROM blob_refs"_s).ok());
    QCOMPARE(m_client->get(blobPath(name)).status, 404);
    QVERIFY(db.run(u"DELETE FROM schema_migrations WHERE version >= 6"_s).ok());
    for (const char *sql :
         {"ALTER TABLE users DROP COLUMN must_change_password",
          "ALTER TABLE users DROP COLUMN last_login_at", "DROP TABLE form_versions",
          "ALTER TABLE records DROP COLUMN form_version", "DROP TABLE blob_refs",
          "DROP TABLE blob_uploads", "DROP TABLE blob_chunks",
          "CREATE TABLE blob_chunks (sha256 TEXT NOT NULL, chunk_start BIGINT "
          "NOT NULL, chunk_size BIGINT NOT NULL, data %1 NOT NULL, PRIMARY "
          "KEY (sha256, chunk_start))"}) {
        QVERIFY2(db.run(QString::fromLatin1(sql).arg(db.blobType())).ok(), sql);
    }
    auto again = m_db->openAnother();
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
    QCOMPARE(m_client->get(blobPath(name)).body, bytes);
}

QTEST_GUILESS_MAIN(Tst_server_blobs)
#include "tst_server_blobs.moc"
