// The gengxin-server executable itself (QProcess): serve, user and registry commands, exit
// statuses, signals, and what a person reads when something is wrong.

#include "testsupport.h"

#include "core/uscc.h"
#include "sync/records/recordstore.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::test::CommandRun;
using gx::test::HttpClient;
using gx::test::runServerCommand;

namespace {

QString uscc(const char *body)
{
    return gx::makeUscc(u'9', u'1', u"331102", QString::fromLatin1(body));
}

} // namespace

class Tst_server_cli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void userAddThenServeThenSigterm();
    void badCommandLineExits2_data();
    void badCommandLineExits2();
    void portInUse();
    void unreachableDatabase_data();
    void unreachableDatabase();
    void userCommands();
    void userAddRefusals_data();
    void userAddRefusals();
    void registryImportReportsEveryBadLine();
    void registryImportGoodFile();

private:
    [[nodiscard]] QString writeFile(const QString &name, const QByteArray &bytes);
    [[nodiscard]] qint64 count(const QString &sqlCount);

    std::unique_ptr<gx::test::TestDatabase> m_db;
    QTemporaryDir m_files;
};

void Tst_server_cli::init()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    QVERIFY(m_files.isValid());
}

void Tst_server_cli::cleanup()
{
    m_db.reset();
}

QString Tst_server_cli::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qUtf8Printable(path));
    return path;
}

qint64 Tst_server_cli::count(const QString &sqlCount)
{
    auto query = m_db->db().exec(sqlCount);
    if (!query || !query.value().next())
        return -1;
    return query.value().value(0).toLongLong();
}

void Tst_server_cli::userAddThenServeThenSigterm()
{
    // On SQLite the file does not exist yet: user add creates and migrates it.
    const CommandRun added =
        runServerCommand({u"user"_s, u"add"_s, u"alice"_s, u"--role"_s, u"office"_s,
                          u"--password-stdin"_s, u"--db"_s, m_db->url()},
                         "pass word 42\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QVERIFY2(added.out.contains("added user alice (office)"_L1), qPrintable(added.out));

    QProcess serve;
    serve.start(gx::test::serverBinary(),
                {u"serve"_s, u"--db"_s, m_db->url(), u"--listen"_s, u"127.0.0.1:0"_s});
    QVERIFY(serve.waitForStarted(10000));
    QString firstLine;
    for (int i = 0; i < 100 && !serve.canReadLine(); ++i)
        serve.waitForReadyRead(200);
    firstLine = QString::fromUtf8(serve.readLine()).trimmed();
    const auto match =
        QRegularExpression(u"^listening on 127\\.0\\.0\\.1:(\\d+)$"_s).match(firstLine);
    QVERIFY2(match.hasMatch(),
             qPrintable(firstLine + QString::fromUtf8(serve.readAllStandardError())));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0);

    HttpClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    // The password is the line without its newline.
    QCOMPARE(client
                 .postJson(u"/api/v1/login"_s,
                           {{u"username"_s, u"alice"_s}, {u"password"_s, u"pass word 42\n"_s}})
                 .status,
             401);
    QVERIFY(!client.login(u"alice"_s, u"pass word 42"_s).isEmpty());
    QCOMPARE(client.get(u"/api/v1/regions"_s).status, 200);

    serve.terminate(); // SIGTERM
    QVERIFY(serve.waitForFinished(10000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    const QString log = QString::fromUtf8(serve.readAllStandardError());
    QVERIFY2(log.contains(QRegularExpression(u"POST /api/v1/login 200 \\d+ ms"_s)),
             qPrintable(log));
    QVERIFY2(log.contains("stopped (signal 15)"_L1), qPrintable(log));
}

void Tst_server_cli::badCommandLineExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("no command") << QStringList() << u"no command"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command"_s;
    QTest::newRow("unknown flag") << QStringList{u"serve"_s, u"--bogus"_s, u"1"_s}
                                  << u"unknown option '--bogus'"_s;
    QTest::newRow("serve without listen")
        << QStringList{u"serve"_s, u"--db"_s, u"sqlite:x.db"_s} << u"needs --listen"_s;
    QTest::newRow("bad listen") << QStringList{u"serve"_s, u"--db"_s, u"sqlite:x.db"_s,
                                               u"--listen"_s, u"8080"_s}
                                << u"HOST:PORT"_s;
    QTest::newRow("port too big") << QStringList{u"serve"_s, u"--db"_s, u"sqlite:x.db"_s,
                                                 u"--listen"_s, u"127.0.0.1:70000"_s}
                                  << u"above 65535"_s;
    QTest::newRow("bad token days")
        << QStringList{u"serve"_s,    u"--db"_s,        u"sqlite:x.db"_s,
                       u"--listen"_s, u"127.0.0.1:0"_s, u"--token-days"_s,
                       u"0"_s}
        << u"--token-days"_s;
    QTest::newRow("flag without value")
        << QStringList{u"user"_s, u"list"_s, u"--db"_s} << u"needs a value"_s;
    QTest::newRow("user add without name")
        << QStringList{u"user"_s, u"add"_s,        u"--role"_s, u"office"_s, u"--password-stdin"_s,
                       u"--db"_s, u"sqlite:x.db"_s}
        << u"takes 1 argument"_s;
    QTest::newRow("user add without password-stdin")
        << QStringList{u"user"_s,   u"add"_s,  u"bob"_s,        u"--role"_s,
                       u"office"_s, u"--db"_s, u"sqlite:x.db"_s}
        << u"needs --password-stdin"_s;
    QTest::newRow("bad role") << QStringList{u"user"_s,   u"add"_s,        u"bob"_s,
                                             u"--role"_s, u"king"_s,       u"--password-stdin"_s,
                                             u"--db"_s,   u"sqlite:x.db"_s}
                              << u"--role takes"_s;
    QTest::newRow("registry without file")
        << QStringList{u"registry"_s, u"import"_s, u"--db"_s, u"sqlite:x.db"_s}
        << u"takes 1 argument"_s;
}

void Tst_server_cli::badCommandLineExits2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);
    const CommandRun run = runServerCommand(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QVERIFY2(run.err.contains("usage:"_L1), qPrintable(run.err));
    QVERIFY(!QFile::exists(u"x.db"_s));
}

void Tst_server_cli::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    const CommandRun run = runServerCommand({u"serve"_s, u"--db"_s, m_db->url(), u"--listen"_s,
                                             u"127.0.0.1:%1"_s.arg(occupant.serverPort())});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"cannot listen on 127.0.0.1:%1"_s.arg(occupant.serverPort())),
             qPrintable(run.err));
    QVERIFY2(run.err.contains("in use"_L1), qPrintable(run.err));
    QVERIFY(!run.out.contains("listening on"_L1));
}

void Tst_server_cli::unreachableDatabase_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("postgres refused")
        << u"postgres://gx:gx@127.0.0.1:1/gx"_s
        << u"cannot open the database postgres://gx:***@127.0.0.1:1/gx"_s;
    QTest::newRow("sqlite missing dir")
        << u"sqlite:/nonexistent-gx/store.db"_s << u"does not exist"_s;
    QTest::newRow("not a url") << u"store.db"_s << u"is not a database URL"_s;
}

void Tst_server_cli::unreachableDatabase()
{
    QFETCH(QString, url);
    QFETCH(QString, messagePart);
    const CommandRun run =
        runServerCommand({u"serve"_s, u"--db"_s, url, u"--listen"_s, u"127.0.0.1:0"_s});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QVERIFY(!run.out.contains("listening on"_L1));
}

void Tst_server_cli::userCommands()
{
    const QStringList db{u"--db"_s, m_db->url()};
    QCOMPARE(
        runServerCommand(QStringList{u"user"_s, u"add"_s, u"wang"_s, u"--role"_s, u"inspector"_s,
                                     u"--region"_s, u"331121"_s, u"--password-stdin"_s} +
                             db,
                         "first secret\r\n")
            .exitCode,
        0);
    QCOMPARE(runServerCommand(QStringList{u"user"_s, u"add"_s, u"boss"_s, u"--role"_s, u"admin"_s,
                                          u"--password-stdin"_s} +
                                  db,
                              "admin secret\n")
                 .exitCode,
             0);

    CommandRun list = runServerCommand(QStringList{u"user"_s, u"list"_s} + db);
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QRegularExpression(u"wang\\s+inspector\\s+331121\\s+-\\s+active"_s)),
             qPrintable(list.out));
    QVERIFY2(list.out.contains(QRegularExpression(u"boss\\s+admin\\s+-\\s+-\\s+active"_s)),
             qPrintable(list.out));

    QCOMPARE(runServerCommand(QStringList{u"user"_s, u"disable"_s, u"wang"_s} + db).exitCode, 0);
    list = runServerCommand(QStringList{u"user"_s, u"list"_s} + db);
    QVERIFY2(
        list.out.contains(QRegularExpression(u"wang\\s+inspector\\s+331121\\s+-\\s+disabled"_s)),
        qPrintable(list.out));
    QCOMPARE(runServerCommand(QStringList{u"user"_s, u"enable"_s, u"wang"_s} + db).exitCode, 0);
    const CommandRun missing =
        runServerCommand(QStringList{u"user"_s, u"disable"_s, u"nobody"_s} + db);
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("there is no user 'nobody'"_L1), qPrintable(missing.err));

    const CommandRun reset = runServerCommand(
        QStringList{u"user"_s, u"reset-password"_s, u"wang"_s, u"--password-stdin"_s} + db,
        "second secret\n");
    QVERIFY2(reset.exitCode == 0, qPrintable(reset.err));

    // The CR of a CRLF line end was not part of the first password either.
    auto stored = gx::server::UserStore::findWithHash(m_db->db(), u"wang"_s);
    QVERIFY(stored.ok());
    QVERIFY(!stored.value().first.disabled);
    QVERIFY(gx::server::Secrets::verifyPassword(stored.value().second, u"second secret"_s));
    QVERIFY(!gx::server::Secrets::verifyPassword(stored.value().second, u"first secret"_s));

    auto audit = gx::server::AuditLog::recent(m_db->db(), 10);
    QVERIFY(audit.ok());
    QStringList actions;
    for (const auto &entry : audit.value()) {
        actions.prepend(entry.action);
        QVERIFY2(entry.actor.startsWith("cli:"_L1), qPrintable(entry.actor));
    }
    QCOMPARE(actions, (QStringList{u"user_added"_s, u"user_added"_s, u"user_disabled"_s,
                                   u"user_enabled"_s, u"password_reset"_s}));
}

void Tst_server_cli::userAddRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("existing name") << QStringList{u"first"_s, u"--role"_s, u"office"_s}
                                   << QByteArray("password 1\n") << u"exists already"_s;
    QTest::newRow("unknown region")
        << QStringList{u"x1"_s, u"--role"_s, u"inspector"_s, u"--region"_s, u"330102"_s}
        << QByteArray("password 1\n") << u"unknown region '330102'"_s;
    QTest::newRow("inspector without region") << QStringList{u"x2"_s, u"--role"_s, u"inspector"_s}
                                              << QByteArray("password 1\n") << u"needs --region"_s;
    QTest::newRow("bad uscc") << QStringList{u"x3"_s, u"--role"_s, u"enterprise"_s,
                                             u"--enterprise"_s, u"91331102MA2A1234"_s}
                              << QByteArray("password 1\n") << u"18 characters"_s;
    QTest::newRow("no password") << QStringList{u"x4"_s, u"--role"_s, u"office"_s} << QByteArray()
                                 << u"no password on standard input"_s;
    QTest::newRow("short password") << QStringList{u"x5"_s, u"--role"_s, u"office"_s}
                                    << QByteArray("short\n") << u"at least 8"_s;
}

void Tst_server_cli::userAddRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QString, messagePart);
    QCOMPARE(gx::test::addUser(m_db->db(), u"first"_s, gx::server::Role::Office, u"password 0"_s),
             QString());
    const CommandRun run =
        runServerCommand(QStringList{u"user"_s, u"add"_s} + arguments +
                             QStringList{u"--password-stdin"_s, u"--db"_s, m_db->url()},
                         input);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QCOMPARE(count(u"SELECT COUNT(*) FROM users"_s), 1);
}

void Tst_server_cli::registryImportReportsEveryBadLine()
{
    const QByteArray good1 = uscc("MA2A1234").toLatin1();
    QByteArray badCheck = uscc("MA2B2345").toLatin1();
    badCheck[17] = badCheck[17] == '0' ? '1' : '0';
    const QByteArray csv = "uscc,name,region,industry_code,above_size\n" // 1
                           + good1 + ",甲公司,331102,3311,true\n"        // 2 good
                           + badCheck + ",乙公司,331102,3311,1\n"        // 3 check character
                           + uscc("MA2C3456").toLatin1() + ",丙,999999,3311,0\n"     // 4 region
                           + uscc("MA2D4567").toLatin1() + ",丁,331121,3311,maybe\n" // 5 above
                           + good1 + ",甲公司again,331102,3311,true\n" // 6 duplicate of 2
                           + uscc("MA2E5678").toLatin1() + ",戊,331121,0011,是\n" // 7 industry
                           + uscc("MA2F6789").toLatin1() + ",己,331121\n"         // 8 cells
                           + uscc("MA2G7890").toLatin1() + ",,331121,3311,否\n";  // 9 empty name
    const QString path = writeFile(u"registry.csv"_s, csv);
    const CommandRun run =
        runServerCommand({u"registry"_s, u"import"_s, path, u"--db"_s, m_db->url()});
    QCOMPARE(run.exitCode, 1);
    for (int line : {3, 4, 5, 6, 7, 8, 9})
        QVERIFY2(run.err.contains(u"%1:%2: "_s.arg(path).arg(line)), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"%1:2: "_s.arg(path)), qPrintable(run.err));
    QVERIFY2(run.err.contains("check character"_L1), qPrintable(run.err));
    QVERIFY2(run.err.contains("unknown region '999999'"_L1), qPrintable(run.err));
    QVERIFY2(run.err.contains("already on line 2"_L1), qPrintable(run.err));
    QVERIFY2(run.err.contains("7 bad line(s)"_L1), qPrintable(run.err));
    QVERIFY2(run.err.contains("nothing was imported"_L1), qPrintable(run.err));
    QCOMPARE(count(u"SELECT COUNT(*) FROM registry"_s), 0);
    QCOMPARE(count(u"SELECT COUNT(*) FROM records"_s), 0);
}

void Tst_server_cli::registryImportGoodFile()
{
    const QString a = uscc("MA2A1234"), b = uscc("MA2B2345"), c = uscc("MA2C3456");
    const QByteArray csv = "\xEF\xBB\xBF" // a byte-order mark, as Excel writes
                           "name,uscc,region,industry_code,above_size\r\n"
                           "\"丽水阀门, 有限公司\"," +
                           a.toLatin1() +
                           ",331102,3311,是\r\n"
                           "青田鞋业," +
                           b.toLatin1() +
                           ",331121,1952,否\r\n"
                           "经开区电子," +
                           c.toLatin1() + ",331100-EDZ,3971,TRUE\r\n";
    const QString path = writeFile(u"good.csv"_s, csv);
    const QStringList args{u"registry"_s, u"import"_s, path, u"--db"_s, m_db->url()};
    CommandRun run = runServerCommand(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("3 rows"_L1) &&
                 run.out.contains("3 new, 0 updated, 0 unchanged"_L1) &&
                 run.out.contains("3 enterprise records written"_L1),
             qPrintable(run.out));

    auto rows = m_db->db().exec(u"SELECT uscc, name, region, industry_code, above_size "
                                "FROM registry ORDER BY region"_s);
    QVERIFY(rows.ok());
    QStringList seen;
    while (rows.value().next()) {
        QStringList cells;
        for (int i = 0; i < 5; ++i)
            cells.append(rows.value().value(i).toString());
        seen.append(cells.join(u'|'));
    }
    QCOMPARE(seen, (QStringList{c + u"|经开区电子|331100-EDZ|3971|1"_s,
                                a + u"|丽水阀门, 有限公司|331102|3311|1"_s,
                                b + u"|青田鞋业|331121|1952|0"_s}));

    gx::server::RecordStore records(m_db->db());
    auto record = records.get(u"enterprise"_s, b);
    QVERIFY(record.ok() && record.value().has_value());
    QCOMPARE(record.value()->rev, 1);
    QCOMPARE(record.value()->region, u"331121"_s);
    QCOMPARE(record.value()->enterprise, b);
    QCOMPARE(record.value()->fields, (QJsonObject{{u"uscc"_s, b},
                                                  {u"name"_s, u"青田鞋业"_s},
                                                  {u"region"_s, u"331121"_s},
                                                  {u"industry_code"_s, u"1952"_s},
                                                  {u"above_size"_s, false}}));
    QVERIFY(record.value()->meta.value("name"_L1).toObject().value("hlc"_L1).toString().endsWith(
        ":0:server"_L1));

    // The same file again changes nothing and adds nothing to the change feed.
    run = runServerCommand(args);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("0 new, 0 updated, 3 unchanged; 0 enterprise records"_L1),
             qPrintable(run.out));
    QCOMPARE(count(u"SELECT value FROM counters WHERE name = 'seq'"_s), 3);

    // A renamed enterprise: one registry update, one new revision of its record.
    QByteArray renamed = csv;
    renamed.replace("青田鞋业", "青田鞋业集团");
    const QString renamedPath = writeFile(u"renamed.csv"_s, renamed);
    run = runServerCommand({u"registry"_s, u"import"_s, renamedPath, u"--db"_s, m_db->url()});
    QVERIFY2(run.out.contains("0 new, 1 updated, 2 unchanged; 1 enterprise records"_L1),
             qPrintable(run.out));
    record = records.get(u"enterprise"_s, b);
    QVERIFY(record.ok() && record.value().has_value());
    QCOMPARE(record.value()->rev, 2);
    QCOMPARE(record.value()->seq, 4);
    QCOMPARE(record.value()->fields.value("name"_L1).toString(), u"青田鞋业集团"_s);
    QCOMPARE(record.value()->meta.value("name"_L1).toObject().value("rev"_L1).toInt(), 2);
    QCOMPARE(record.value()->meta.value("uscc"_L1).toObject().value("rev"_L1).toInt(), 1);

    auto audit = gx::server::AuditLog::recent(m_db->db(), 1, u"registry_imported"_s);
    QVERIFY(audit.ok() && audit.value().size() == 1);
    QCOMPARE(audit.value()[0].detail.value("updated"_L1).toInt(), 1);
    QCOMPARE(audit.value()[0].detail.value("file"_L1).toString(), u"renamed.csv"_s);
}

QTEST_GUILESS_MAIN(Tst_server_cli)
#include "tst_server_cli.moc"
