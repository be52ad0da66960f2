// The connection's kept statements (Database::statements()) and, on SQLite, the background WAL
// checkpoints (Database::checkpointInBackground()), on the backend named by GX_TEST_BACKEND.

#include "sync/store/statementcache.h"
#include "sync/store/walcheckpointer.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx::server;

class Tst_server_statements : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void preparedOncePerConnection();
    void finishAllReleasesCursors();
    void cacheIsBounded();
    void inListLength_data();
    void inListLength();
    void backgroundCheckpoint();

private:
    /** Fills registry with n rows in one transaction. */
    void fillRegistry(Database &db, int n, int from = 0);
    /** On SQLite: whether another connection can checkpoint and truncate the whole WAL now. */
    [[nodiscard]] bool walTruncatable(Database &db) const;

    std::unique_ptr<gx::test::TestDatabase> m_db;
};

void Tst_server_statements::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void Tst_server_statements::cleanup()
{
    m_db.reset();
}

void Tst_server_statements::fillRegistry(Database &db, int n, int from)
{
    auto transaction = WriteTransaction::begin(db);
    QVERIFY(transaction.ok());
    for (int i = from; i < from + n; ++i) {
        QVERIFY(db.statements()
                    .run(u"INSERT INTO registry VALUES (?, ?, '331102', '3311', 1, 0)"_s,
                         {u"U%1"_s.arg(i, 8, 10, QChar(u'0')),
                          u"企业 %1 with a name long enough to fill pages"_s.arg(i)})
                    .ok());
    }
    QVERIFY(transaction.value().commit().ok());
}

bool Tst_server_statements::walTruncatable(Database &db) const
{
    const QString name = u"statements-probe"_s;
    bool busy = true;
    {
        QSqlDatabase probe = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        probe.setDatabaseName(db.connection().databaseName());
        if (probe.open()) {
            QSqlQuery q(probe);
            // (busy, log, checkpointed): busy = 1 when a reader still holds a snapshot.
            if (q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) && q.next())
                busy = q.value(0).toInt() != 0;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return !busy;
}

void Tst_server_statements::preparedOncePerConnection()
{
    Database &db = m_db->db();
    const QString sql = u"SELECT COUNT(*) FROM registry WHERE region = ?"_s;
    auto first = db.statements().exec(sql, {u"331102"_s});
    QVERIFY(first.ok());
    first.value()->finish();
    fillRegistry(db, 3);
    // Another unit of work on the same connection gets the same prepared statement back, and it
    // sees the rows written since.
    auto second = db.statements().exec(sql, {u"331102"_s});
    QVERIFY(second.ok());
    QCOMPARE(second.value(), first.value());
    QVERIFY(second.value()->next());
    QCOMPARE(second.value()->value(0).toInt(), 3);
    second.value()->finish();
    // Another connection has statements of its own.
    auto other = m_db->openAnother();
    QVERIFY(other.ok());
    auto elsewhere = other.value()->statements().exec(sql, {u"331102"_s});
    QVERIFY(elsewhere.ok());
    QVERIFY(elsewhere.value() != first.value());
    elsewhere.value()->finish();
}

void Tst_server_statements::finishAllReleasesCursors()
{
    Database &db = m_db->db();
    fillRegistry(db, 5);
    auto rows = db.statements().exec(u"SELECT uscc FROM registry ORDER BY uscc"_s, {});
    QVERIFY(rows.ok());
    QVERIFY(rows.value()->next()); // a cursor left open, as by a caller that stopped early
    QVERIFY(rows.value()->isActive());
    if (!gx::test::usingPostgres())
        QVERIFY(!walTruncatable(db)); // the open cursor holds its snapshot
    db.statements().finishAll();      // what the server does after every request
    QVERIFY(!rows.value()->isActive());
    if (!gx::test::usingPostgres())
        QVERIFY(walTruncatable(db));
    // The connection is free for the next statement (PostgreSQL refuses one while a forward-only
    // result is still being fetched).
    auto count = db.statements().exec(u"SELECT COUNT(*) FROM registry"_s, {});
    QVERIFY(count.ok() && count.value()->next());
    QCOMPARE(count.value()->value(0).toInt(), 5);
    db.statements().finishAll();
}

void Tst_server_statements::cacheIsBounded()
{
    Database &db = m_db->db();
    fillRegistry(db, 3);
    StatementCache &statements = db.statements();
    // A caller still reading a statement when the cache starts over keeps a valid one.
    auto reading = statements.exec(u"SELECT uscc FROM registry ORDER BY uscc"_s, {});
    QVERIFY(reading.ok() && reading.value()->next());
    for (int i = 0; i < StatementCache::kMaxSize + 20; ++i) {
        auto query = statements.exec(u"SELECT %1 FROM registry"_s.arg(i), {});
        QVERIFY(query.ok());
        QVERIFY(statements.size() <= StatementCache::kMaxSize);
    }
    // The statement object is alive (it was not freed when the cache started over) ...
    QVERIFY(reading.value()->lastQuery().startsWith("SELECT uscc"_L1));
    // ... and on SQLite its result can still be read (PostgreSQL ends a forward-only result when
    // the connection runs another statement, so nothing reads across statements there).
    if (!gx::test::usingPostgres()) {
        QVERIFY(reading.value()->next());
        QCOMPARE(reading.value()->value(0).toString(), u"U00000001"_s);
    }
    // Still answers after starting over.
    auto count = statements.exec(u"SELECT COUNT(*) FROM registry"_s, {});
    QVERIFY(count.ok() && count.value()->next());
    QCOMPARE(count.value()->value(0).toInt(), 3);
    statements.finishAll();
}

void Tst_server_statements::inListLength_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("length");
    QTest::newRow("1") << 1 << 8;
    QTest::newRow("8") << 8 << 8;
    QTest::newRow("9") << 9 << 32;
    QTest::newRow("100") << 100 << 128;
    QTest::newRow("129") << 129 << 256;
    QTest::newRow("256") << 256 << 256;
}

void Tst_server_statements::inListLength()
{
    QFETCH(int, n);
    QFETCH(int, length);
    QCOMPARE(StatementCache::inListLength(n), qsizetype(length));
}

void Tst_server_statements::backgroundCheckpoint()
{
    Database &db = m_db->db();
    QVERIFY(db.checkpointInBackground().ok()); // a no-op on PostgreSQL
    QVERIFY(db.checkpointInBackground().ok()); // and idempotent
    if (gx::test::usingPostgres()) {
        fillRegistry(db, 10);
        return;
    }
    const QString path = db.connection().databaseName();
    // Far fewer WAL pages than SQLite's own threshold (4,000; 16,000 once in the background):
    // only the background thread copies them into the database file.
    const qint64 before = QFileInfo(path).size();
    fillRegistry(db, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 100 * 1024,
                             int(WalCheckpointer::kIntervalMs) * 5);
    // A second commit within the interval is copied at its end, not lost.
    const qint64 after = QFileInfo(path).size();
    fillRegistry(db, 2000, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > after + 100 * 1024,
                             int(WalCheckpointer::kIntervalMs) * 5);
    auto count = db.exec(u"SELECT COUNT(*) FROM registry"_s);
    QVERIFY(count.ok() && count.value().next());
    QCOMPARE(count.value().value(0).toInt(), 4000);
}

QTEST_GUILESS_MAIN(Tst_server_statements)
#include "tst_server_statements.moc"
