// The storage layer of gengxin-server: database URLs, opening, migrations, transactions and the
// change-feed counter, on the backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include "sync/records/recordstore.h"
#include "sync/records/serverschema.h"
#include "sync/store/csvreader.h"
#include "sync/store/migrations.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::server::Database;
using gx::server::DatabaseUrl;
using gx::server::DbError;
using gx::server::Migrations;
using gx::server::ServerSchema;
using gx::server::WriteTransaction;

class Tst_server_storage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void parseUrl_data();
    void parseUrl();
    void redactsPassword();
    void unreachableDatabase_data();
    void unreachableDatabase();

    void migrationCreatesEveryTable_data();
    void migrationCreatesEveryTable();
    void migrationIsRecordedOnce();
    void newerSchemaIsRefused();
    void rollbackDiscards();
    void uniqueViolationIsRecognised();
    void sequenceCountsUp();

    void csv_data();
    void csv();

private:
    std::unique_ptr<gx::test::TestDatabase> m_db;
};

void Tst_server_storage::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void Tst_server_storage::cleanup()
{
    m_db.reset();
}

void Tst_server_storage::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("pathOrHost");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("name");

    QTest::newRow("sqlite relative") << u"sqlite:store.db"_s << true << false << u"store.db"_s << 0
                                     << QString() << QString() << QString();
    QTest::newRow("sqlite absolute")
        << u"sqlite:/var/lib/gx/store.db"_s << true << false << u"/var/lib/gx/store.db"_s << 0
        << QString() << QString() << QString();
    QTest::newRow("sqlite triple slash")
        << u"sqlite:///tmp/a.db"_s << true << false << u"/tmp/a.db"_s << 0 << QString() << QString()
        << QString();
    QTest::newRow("postgres full")
        << u"postgres://gx:secret@db.example:6543/gengxin"_s << true << true << u"db.example"_s
        << 6543 << u"gx"_s << u"secret"_s << u"gengxin"_s;
    QTest::newRow("postgresql default port")
        << u"postgresql://gx:pw@10.0.0.5/gx"_s << true << true << u"10.0.0.5"_s << 5432 << u"gx"_s
        << u"pw"_s << u"gx"_s;
    QTest::newRow("percent-encoded password") << u"postgres://gx:p%40ss%3Aw@h:1/d"_s << true << true
                                              << u"h"_s << 1 << u"gx"_s << u"p@ss:w"_s << u"d"_s;
    QTest::newRow("sqlite without path")
        << u"sqlite:"_s << false << false << QString() << 0 << QString() << QString() << QString();
    QTest::newRow("mysql") << u"mysql://a:b@h/d"_s << false << false << QString() << 0 << QString()
                           << QString() << QString();
    QTest::newRow("bare path") << u"/tmp/store.db"_s << false << false << QString() << 0
                               << QString() << QString() << QString();
    QTest::newRow("postgres without user") << u"postgres://h:5432/d"_s << false << true << QString()
                                           << 0 << QString() << QString() << QString();
    QTest::newRow("postgres without database")
        << u"postgres://a:b@h:5432/"_s << false << true << QString() << 0 << QString() << QString()
        << QString();
    QTest::newRow("postgres bad option")
        << u"postgres://a:b@h/d?sslmode=re%20quire"_s << false << true << QString() << 0
        << QString() << QString() << QString();
}

void Tst_server_storage::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(bool, postgres);
    QFETCH(QString, pathOrHost);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, name);

    const auto parsed = DatabaseUrl::parse(url);
    QCOMPARE(parsed.ok(), ok);
    if (!ok) {
        QCOMPARE(parsed.error().kind, DbError::Kind::BadUrl);
        QVERIFY2(parsed.error().message.contains("sqlite:PATH"_L1),
                 qPrintable(parsed.error().message));
        return;
    }
    const DatabaseUrl &u = parsed.value();
    QCOMPARE(u.backend == DatabaseUrl::Backend::Postgres, postgres);
    if (postgres) {
        QCOMPARE(u.host, pathOrHost);
        QCOMPARE(u.port, port);
        QCOMPARE(u.user, user);
        QCOMPARE(u.password, password);
        QCOMPARE(u.name, name);
    } else {
        QCOMPARE(u.path, pathOrHost);
    }
}

void Tst_server_storage::redactsPassword()
{
    const auto parsed = DatabaseUrl::parse(u"postgres://gx:topsecret@h:5432/gx"_s);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value().redacted(), u"postgres://gx:***@h:5432/gx"_s);
}

void Tst_server_storage::unreachableDatabase_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sqlite missing directory")
        << u"sqlite:/nonexistent-gx-dir/store.db"_s << u"does not exist"_s;
    // Port 1 on loopback: nothing listens there.
    QTest::newRow("postgres refused")
        << u"postgres://gx:gx@127.0.0.1:1/gx"_s << u"cannot open the database postgres://gx:***@"_s;
}

void Tst_server_storage::unreachableDatabase()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const auto opened = Database::open(url);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, DbError::Kind::Unavailable);
    QVERIFY2(opened.error().message.contains(expected), qPrintable(opened.error().message));
    QVERIFY(!opened.error().message.contains("gx:gx@"_L1)); // no password in messages
}

void Tst_server_storage::migrationCreatesEveryTable_data()
{
    QTest::addColumn<QString>("table");
    for (const char *table :
         {"schema_migrations", "users", "tokens", "login_failures", "records", "counters",
          "mutations", "registry", "official_figures", "blobs", "audit_log", "targets"})
        QTest::newRow(table) << QString::fromLatin1(table);
}

void Tst_server_storage::migrationCreatesEveryTable()
{
    QFETCH(QString, table);
    auto query = m_db->db().exec(u"SELECT COUNT(*) FROM "_s + table);
    QVERIFY2(query.ok(), query.ok() ? "" : qPrintable(query.error().message));
}

void Tst_server_storage::migrationIsRecordedOnce()
{
    Database &db = m_db->db(); // migrated once by TestDatabase
    auto version = Migrations::currentVersion(db);
    QVERIFY(version.ok());
    QCOMPARE(version.value(), Migrations::latestVersion());
    auto again = ServerSchema::apply(db, 1, gx::test::testRegions(), gx::test::testForm());
    QVERIFY(again.ok());
    QCOMPARE(again.value(), 0);
    auto rows = db.exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
    QVERIFY(rows.ok() && rows.value().next());
    QCOMPARE(rows.value().value(0).toInt(), Migrations::latestVersion());
    // A second connection (a second server) finds nothing to do either.
    auto other = m_db->openAnother();
    QVERIFY(other.ok());
}

void Tst_server_storage::newerSchemaIsRefused()
{
    Database &db = m_db->db();
    QVERIFY(db.run(u"INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)"_s).ok());
    auto applied = ServerSchema::apply(db, 1, gx::test::testRegions(), gx::test::testForm());
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().kind, DbError::Kind::Schema);
    QVERIFY2(applied.error().message.contains("version 999"_L1),
             qPrintable(applied.error().message));
}

void Tst_server_storage::rollbackDiscards()
{
    Database &db = m_db->db();
    {
        auto transaction = WriteTransaction::begin(db);
        QVERIFY(transaction.ok());
        QVERIFY(db.inTransaction());
        QVERIFY(db.run(u"INSERT INTO registry VALUES ('X', 'n', 'r', '1311', 1, 0)"_s).ok());
        // A second transaction on the same connection is refused, not nested.
        QVERIFY(!WriteTransaction::begin(db).ok());
    } // destroyed without commit
    QVERIFY(!db.inTransaction());
    auto count = db.exec(u"SELECT COUNT(*) FROM registry"_s);
    QVERIFY(count.ok() && count.value().next());
    QCOMPARE(count.value().value(0).toInt(), 0);

    auto transaction = WriteTransaction::begin(db);
    QVERIFY(transaction.ok());
    QVERIFY(db.run(u"INSERT INTO registry VALUES ('X', 'n', 'r', '1311', 1, 0)"_s).ok());
    QVERIFY(transaction.value().commit().ok());
    auto after = db.exec(u"SELECT COUNT(*) FROM registry"_s);
    QVERIFY(after.ok() && after.value().next());
    QCOMPARE(after.value().value(0).toInt(), 1);
}

void Tst_server_storage::uniqueViolationIsRecognised()
{
    Database &db = m_db->db();
    const QString insert = u"INSERT INTO counters (name, value) VALUES ('twice', 1)"_s;
    QVERIFY(db.run(insert).ok());
    auto again = db.run(insert);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().uniqueViolation, qPrintable(again.error().message));
    auto other = db.run(u"INSERT INTO no_such_table VALUES (1)"_s);
    QVERIFY(!other.ok());
    QVERIFY(!other.error().uniqueViolation);
}

void Tst_server_storage::sequenceCountsUp()
{
    Database &db = m_db->db();
    gx::server::RecordStore records(db);
    auto transaction = WriteTransaction::begin(db);
    QVERIFY(transaction.ok());
    gx::server::StoredRecord a{u"enterprise"_s,        u"A"_s, 1,           0,     false,
                               {{u"name"_s, u"甲"_s}}, {},     u"331102"_s, u"A"_s};
    gx::server::StoredRecord b{u"enterprise"_s, u"B"_s, 1, 0, false, {}, {}, {}, {}};
    QVERIFY(records.write(a).ok());
    QVERIFY(records.write(b).ok());
    a.rev = 2;
    QVERIFY(records.write(a).ok());
    QVERIFY(transaction.value().commit().ok());
    QCOMPARE(b.seq, 2);
    QCOMPARE(a.seq, 3);
    auto stored = records.get(u"enterprise"_s, u"A"_s);
    QVERIFY(stored.ok() && stored.value().has_value());
    QCOMPARE(stored.value()->rev, 2);
    QCOMPARE(stored.value()->seq, 3);
    QCOMPARE(stored.value()->fields.value("name"_L1).toString(), u"甲"_s);
    QCOMPARE(stored.value()->region, u"331102"_s);
    auto last = records.lastSeq();
    QVERIFY(last.ok());
    QCOMPARE(last.value(), 3);
    auto missing = records.get(u"enterprise"_s, u"C"_s);
    QVERIFY(missing.ok() && !missing.value().has_value());
}

void Tst_server_storage::csv_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("flattened"); // "LINE:cell|cell|..." per record
    QTest::addColumn<int>("errorLine");         // 0: parses

    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << QStringList{u"1:a|b"_s, u"2:1|2"_s} << 0;
    QTest::newRow("crlf and bom") << QByteArray("\xEF\xBB\xBFx,y\r\n3,4\r\n")
                                  << QStringList{u"1:x|y"_s, u"2:3|4"_s} << 0;
    QTest::newRow("quotes and commas")
        << QByteArray("\"a,1\",\"say \"\"hi\"\"\"\n") << QStringList{u"1:a,1|say \"hi\""_s} << 0;
    QTest::newRow("multi-line cell keeps line numbers")
        << QByteArray("h\n\"two\nlines\"\nnext\n")
        << QStringList{u"1:h"_s, u"2:two\nlines"_s, u"4:next"_s} << 0;
    QTest::newRow("blank lines skipped")
        << QByteArray("a\n\n  \nb") << QStringList{u"1:a"_s, u"4:b"_s} << 0;
    QTest::newRow("empty cells") << QByteArray(",,\n") << QStringList{u"1:||"_s} << 0;
    QTest::newRow("chinese") << QByteArray("名称,是\n") << QStringList{u"1:名称|是"_s} << 0;
    QTest::newRow("unterminated quote") << QByteArray("a\nb\n\"open\n") << QStringList() << 3;
    QTest::newRow("quote inside cell") << QByteArray("a\nx\"y\n") << QStringList() << 2;
    QTest::newRow("bad utf-8") << QByteArray("ok\nfine\nbad \xff\xfe\n") << QStringList() << 3;
}

void Tst_server_storage::csv()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, flattened);
    QFETCH(int, errorLine);
    const auto parsed = gx::server::CsvReader::parse(input);
    if (errorLine > 0) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().line, errorLine);
        return;
    }
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QStringList actual;
    for (const auto &record : parsed.value())
        actual.append(QString::number(record.line) + u':' + record.cells.join(u'|'));
    QCOMPARE(actual, flattened);
}

QTEST_GUILESS_MAIN(Tst_server_storage)
#include "tst_server_storage.moc"
