#include "storefixture.h"

#include "store/devicestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using gx::DeviceStore;
using gx::LocalState;
using gx::StoreError;

namespace {

const QString kHelper = QStringLiteral(GX_STORE_HELPER);

/** Runs SQL on the database file through a connection of its own (the store is closed). */
QList<QVariantList> rawRows(const QString &path, const QString &sql)
{
    QList<QVariantList> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql)) {
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row.append(q.value(i));
                    rows.append(row);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return rows;
}

} // namespace

class Tst_devicestore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void opensWithDurablePragmas();
    void migrationsRecordedOnce();
    void schema3UpgradesToVersions();
    void newerSchemaRefused();
    void otherDeviceRefused();
    void badArgumentsRefused_data();
    void badArgumentsRefused();
    void editSurvivesClose_data();
    void editSurvivesClose();
    void clockCarriedOverRestart_data();
    void clockCarriedOverRestart();
    void createRecordShape_data();
    void createRecordShape();
    void unchangedValueWritesNothing();
    void editErrors_data();
    void editErrors();
    void deleteOfUnsentRecordLeavesNothing();
    void deleteOfSyncedRecordIsAMutation();
    void duplicateRecordCopiesFields();
    void bulkCallsAreAllOrNothing();
    void secondProcessRefused();
    void lockOfDeadProcessTakenOver();

private:
    std::unique_ptr<DeviceStore> openStore(const QString &device = u"tablet-7"_s);

    gx::test::StoreFixture m_fixture; // the file; each test opens it itself
};

void Tst_devicestore::init()
{
    QCOMPARE(m_fixture.setUpClosed(), QString());
}

std::unique_ptr<DeviceStore> Tst_devicestore::openStore(const QString &device)
{
    auto opened = m_fixture.open(device);
    if (!opened) {
        qWarning("%s", gx::test::why(opened).constData());
        return nullptr;
    }
    return std::move(opened).value();
}

void Tst_devicestore::opensWithDurablePragmas()
{
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->pragma(u"journal_mode"_s), u"wal"_s);
    QCOMPARE(store->pragma(u"synchronous"_s), u"2"_s); // FULL
    QCOMPARE(store->pragma(u"foreign_keys"_s), u"1"_s);
    QVERIFY(QFile::exists(m_fixture.path() + u".lock"_s));
    store.reset();
    QVERIFY(!QFile::exists(m_fixture.path() + u".lock"_s));
}

void Tst_devicestore::migrationsRecordedOnce()
{
    QVERIFY(openStore());
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), 4);
    store.reset();
    const auto rows =
        rawRows(m_fixture.path(), u"SELECT version FROM schema_migrations ORDER BY 1"_s);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).at(0).toInt(), 1);
    QCOMPARE(rows.at(3).at(0).toInt(), 4);
}

void Tst_devicestore::schema3UpgradesToVersions()
{
    // A store of the build before survey versions: records of version 0, no form_versions.
    {
        auto store = openStore();
        QVERIFY(store);
        GX_OK(store->createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2024}}, u"s1"_s));
    }
    for (const QString &sql :
         {u"DELETE FROM schema_migrations WHERE version = 4"_s, u"DROP TABLE form_versions"_s,
          u"ALTER TABLE outbox DROP COLUMN form_version"_s,
          u"UPDATE records SET form_version = 0"_s})
        rawRows(m_fixture.path(), sql);
    QCOMPARE(rawRows(m_fixture.path(), u"SELECT count(*) FROM schema_migrations"_s)
                 .first()
                 .first()
                 .toInt(),
             3);

    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->schemaVersion(), 4);
    QCOMPARE(store->formVersion(), 1);
    const auto record = store->record(u"survey"_s, u"s1"_s);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 1);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.formVersion, 1);
    const auto versions = store->forms().versions();
    GX_OK(versions);
    QVERIFY(versions.value().isEmpty());
}

void Tst_devicestore::newerSchemaRefused()
{
    QVERIFY(openStore());
    rawRows(m_fixture.path(), u"INSERT INTO schema_migrations VALUES (99, 'future', 0)"_s);
    auto opened = m_fixture.open(u"tablet-7"_s);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::Migration);
    QVERIFY2(opened.error().message.contains(u"newer"_s), qPrintable(opened.error().message));
}

void Tst_devicestore::otherDeviceRefused()
{
    QVERIFY(openStore(u"tablet-7"_s));
    auto opened = m_fixture.open(u"tablet-8"_s);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, StoreError::Code::DeviceMismatch);
}

void Tst_devicestore::badArgumentsRefused_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("field");
    QTest::newRow("upper-case entity") << u"Survey"_s << u"s1"_s << u"notes"_s;
    QTest::newRow("id of 129 characters") << u"survey"_s << QString(129, u'x') << u"notes"_s;
    QTest::newRow("control character in id") << u"survey"_s << u"s\u00011"_s << u"notes"_s;
    QTest::newRow("field with a dash") << u"survey"_s << u"s1"_s << u"visit-date"_s;
    QTest::newRow("field starting with a digit") << u"survey"_s << u"s1"_s << u"1st"_s;
}

void Tst_devicestore::badArgumentsRefused()
{
    QFETCH(QString, entity);
    QFETCH(QString, id);
    QFETCH(QString, field);
    auto store = openStore();
    QVERIFY(store);
    const auto r = store->createRecord(entity, QJsonObject{{field, 1}}, id);
    QVERIFY(!r);
    QCOMPARE(r.error().code, StoreError::Code::InvalidArgument);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QVERIFY(entries.value().isEmpty());
}

void Tst_devicestore::editSurvivesClose_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("integer") << u"robots_total"_s << QJsonValue(12);
    QTest::newRow("decimal") << u"tech_invest_10k"_s << QJsonValue(1380.5);
    QTest::newRow("chinese text") << u"notes"_s << QJsonValue(u"车间二期改造进行中"_s);
    QTest::newRow("bool") << u"uses_5g"_s << QJsonValue(true);
    QTest::newRow("list") << u"design_tool_kinds"_s << QJsonValue(QJsonArray{u"cad2d"_s, u"cae"_s});
    QTest::newRow("location") << u"location"_s
                              << QJsonValue(QJsonObject{{u"lat"_s, 28.45}, {u"lon"_s, 119.92}});
    QTest::newRow("cleared to null") << u"period"_s << QJsonValue(QJsonValue::Null);
}

void Tst_devicestore::editSurvivesClose()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QString id;
    {
        auto store = openStore();
        QVERIFY(store);
        const auto created =
            store->createRecord(u"survey"_s, QJsonObject{{u"enterprise"_s, u"91331102710000371F"_s},
                                                         {u"period"_s, 2024}});
        GX_OK(created);
        id = created.value().id;
        const auto edit = store->setField(u"survey"_s, id, field, value);
        GX_OK(edit);
        QVERIFY(edit.value().changed);
        // The store goes without any other call: no flush, no sync.
    }
    auto store = openStore();
    QVERIFY(store);
    const auto record = store->record(u"survey"_s, id);
    GX_OK(record);
    QVERIFY(record.value().has_value());
    QCOMPARE(record.value()->fields.value(field), value);
    QCOMPARE(record.value()->state, LocalState::Pending);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1); // the create and the edit, coalesced
    const gx::Mutation &m = entries.value().first().mutation;
    QCOMPARE(m.id, id);
    QCOMPARE(m.baseRev, 0);
    QCOMPARE(m.fields.value(field), value);
    QCOMPARE(m.fields.value(u"enterprise"_s), QJsonValue(u"91331102710000371F"_s));
}

void Tst_devicestore::clockCarriedOverRestart_data()
{
    QTest::addColumn<QString>("then");
    // Where the last reading of the clock lives when the app closes.
    QTest::newRow("in a mutation of the outbox") << u"keep"_s;
    QTest::newRow("its mutation acknowledged") << u"push"_s;
    QTest::newRow("its record deleted before sending") << u"delete"_s;
}

void Tst_devicestore::clockCarriedOverRestart()
{
    QFETCH(QString, then);
    gx::Hlc before;
    {
        auto store = openStore();
        QVERIFY(store);
        GX_OK(store->createRecord(u"survey"_s, {{u"period"_s, 2024}}, u"a"_s));
        const auto r = store->createRecord(u"survey"_s, {{u"period"_s, 2024}}, u"b"_s);
        GX_OK(r);
        before = r.value().hlc;
        QCOMPARE(before.millis, m_fixture.clock().now());
        QCOMPARE(before.counter, 1u); // the second event of this millisecond
        QCOMPARE(before.device, u"tablet-7"_s);
        if (then == u"push"_s) {
            const auto batch = store->outbox().takeBatch(10);
            GX_OK(batch);
            QList<gx::MutationResult> results;
            for (const gx::Mutation &m : batch.value().mutations)
                results.append({m.mutationId, gx::MutationResult::Status::Applied, 1, {}});
            GX_OK(store->outbox().applyPushResults(results));
            const auto entries = store->outbox().entries();
            GX_OK(entries);
            QVERIFY(entries.value().isEmpty());
        } else if (then == u"delete"_s) {
            const auto d = store->deleteRecord(u"survey"_s, u"b"_s);
            GX_OK(d);
            before = d.value().hlc;
            QCOMPARE(before.counter, 2u);
        }
    }
    m_fixture.clock().advance(-3600 *
                              1000); // the wall clock stepped back an hour while the app was closed
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->lastHlc().millis, before.millis);
    QCOMPARE(store->lastHlc().counter, before.counter);
    const auto r = store->setField(u"survey"_s, u"a"_s, u"notes"_s, u"x"_s);
    GX_OK(r);
    QVERIFY(r.value().hlc > before);
    QCOMPARE(r.value().hlc.millis, before.millis);
    QCOMPARE(r.value().hlc.counter, before.counter + 1);
}

void Tst_devicestore::createRecordShape_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("givenId");
    QTest::addColumn<QString>("parentId");
    QTest::newRow("survey under its enterprise")
        << u"survey"_s << QJsonObject{{u"enterprise"_s, u"91331102710000371F"_s}} << QString()
        << u"91331102710000371F"_s;
    QTest::newRow("equipment row under its survey")
        << u"equipment"_s << QJsonObject{{u"survey"_s, u"s-1"_s}, {u"name"_s, u"车床"_s}}
        << QString() << u"s-1"_s;
    QTest::newRow("enterprise by its USCC")
        << u"enterprise"_s << QJsonObject{{u"name"_s, u"丽水阀门"_s}} << u"91331102710000371F"_s
        << QString();
}

void Tst_devicestore::createRecordShape()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, givenId);
    QFETCH(QString, parentId);
    auto store = openStore();
    QVERIFY(store);
    const auto r = store->createRecord(entity, fields, givenId);
    GX_OK(r);
    if (givenId.isEmpty()) {
        static const QRegularExpression uuid(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_s);
        QVERIFY2(uuid.match(r.value().id).hasMatch(), qPrintable(r.value().id));
    } else {
        QCOMPARE(r.value().id, givenId);
    }
    const auto record = store->record(entity, r.value().id);
    GX_OK(record);
    QCOMPARE(record.value()->parentId, parentId);
    QCOMPARE(record.value()->serverRev, 0);
    QCOMPARE(record.value()->fields, fields);
    const auto again = store->createRecord(entity, fields, r.value().id);
    QVERIFY(!again);
    QCOMPARE(again.error().code, StoreError::Code::AlreadyExists);
}

void Tst_devicestore::unchangedValueWritesNothing()
{
    auto store = openStore();
    QVERIFY(store);
    const auto r = store->createRecord(u"survey"_s, {{u"robots_total"_s, 3}});
    GX_OK(r);
    const auto same = store->setField(u"survey"_s, r.value().id, u"robots_total"_s, 3);
    GX_OK(same);
    QVERIFY(!same.value().changed);
    // An absent field and null are both "no answer".
    const auto nothing =
        store->setField(u"survey"_s, r.value().id, u"notes"_s, QJsonValue(QJsonValue::Null));
    GX_OK(nothing);
    QVERIFY(!nothing.value().changed);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.fields, QJsonObject({{u"robots_total"_s, 3}}));
}

void Tst_devicestore::editErrors_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("deleteFirst");
    QTest::addColumn<int>("code");
    QTest::newRow("no such record") << u"nope"_s << false << int(StoreError::Code::NotFound);
    QTest::newRow("deleted record") << u"rec"_s << true << int(StoreError::Code::Deleted);
}

void Tst_devicestore::editErrors()
{
    QFETCH(QString, id);
    QFETCH(bool, deleteFirst);
    QFETCH(int, code);
    auto store = openStore();
    QVERIFY(store);
    GX_OK(store->createRecord(u"survey"_s, {{u"period"_s, 2024}}, u"rec"_s));
    if (deleteFirst) {
        // Pretend the server has it, so that the delete is kept as a mutation.
        const auto batch = store->outbox().takeBatch(10);
        GX_OK(batch);
        GX_OK(store->outbox().applyPushResults(
            {gx::MutationResult{batch.value().mutations.first().mutationId,
                                gx::MutationResult::Status::Applied, 1, std::nullopt}}));
        GX_OK(store->deleteRecord(u"survey"_s, u"rec"_s));
    }
    const auto r = store->setField(u"survey"_s, id, u"notes"_s, u"x"_s);
    QVERIFY(!r);
    QCOMPARE(int(r.error().code), code);
}

void Tst_devicestore::deleteOfUnsentRecordLeavesNothing()
{
    auto store = openStore();
    QVERIFY(store);
    const auto r = store->createRecord(u"equipment"_s, {{u"survey"_s, u"s-1"_s}});
    GX_OK(r);
    GX_OK(store->setField(u"equipment"_s, r.value().id, u"name"_s, u"锅炉"_s));
    const auto d = store->deleteRecord(u"equipment"_s, r.value().id);
    GX_OK(d);
    QVERIFY(d.value().mutationId.isEmpty());
    const auto record = store->record(u"equipment"_s, r.value().id);
    GX_OK(record);
    QVERIFY(!record.value().has_value());
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QVERIFY(entries.value().isEmpty());
}

void Tst_devicestore::deleteOfSyncedRecordIsAMutation()
{
    auto store = openStore();
    QVERIFY(store);
    GX_OK(store->createRecord(u"equipment"_s, {{u"survey"_s, u"s-1"_s}}, u"e-1"_s));
    const auto batch = store->outbox().takeBatch(10);
    GX_OK(batch);
    GX_OK(store->outbox().applyPushResults(
        {gx::MutationResult{batch.value().mutations.first().mutationId,
                            gx::MutationResult::Status::Applied, 1, std::nullopt}}));
    GX_OK(store->setField(u"equipment"_s, u"e-1"_s, u"name"_s, u"锅炉"_s));
    const auto d = store->deleteRecord(u"equipment"_s, u"e-1"_s);
    GX_OK(d);
    const auto record = store->record(u"equipment"_s, u"e-1"_s);
    GX_OK(record);
    QVERIFY(record.value()->deleted);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1); // the unsent edit gave way to the delete
    QCOMPARE(entries.value().first().mutation.op, gx::Mutation::Op::Delete);
    QCOMPARE(entries.value().first().mutation.baseRev, 1);
    QCOMPARE(entries.value().first().mutation.mutationId, d.value().mutationId);
}

void Tst_devicestore::duplicateRecordCopiesFields()
{
    auto store = openStore();
    QVERIFY(store);
    const QJsonObject fields{{u"survey"_s, u"s-1"_s},
                             {u"name"_s, u"数控车床"_s},
                             {u"quantity"_s, 4},
                             {u"photo"_s, u"ab12"_s}};
    const auto r = store->createRecord(u"equipment"_s, fields);
    GX_OK(r);
    const auto copy = store->duplicateRecord(u"equipment"_s, r.value().id, {u"photo"_s});
    GX_OK(copy);
    QVERIFY(copy.value().id != r.value().id);
    const auto record = store->record(u"equipment"_s, copy.value().id);
    GX_OK(record);
    QJsonObject expected = fields;
    expected.remove(u"photo"_s);
    QCOMPARE(record.value()->fields, expected);
    QCOMPARE(record.value()->parentId, u"s-1"_s);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 2);
    QCOMPARE(entries.value().last().mutation.fields, expected);
}

void Tst_devicestore::bulkCallsAreAllOrNothing()
{
    auto store = openStore();
    QVERIFY(store);
    QList<QJsonObject> rows;
    for (int i = 0; i < 3; ++i)
        rows.append(QJsonObject{{u"survey"_s, u"s-1"_s}, {u"quantity"_s, i}});
    const auto created = store->createRecords(u"equipment"_s, rows);
    GX_OK(created);
    QCOMPARE(created.value().size(), 3);

    const QList<gx::FieldEdit> edits{
        {u"equipment"_s, created.value().at(0).id, u"name"_s, u"泵"_s},
        {u"equipment"_s, u"missing"_s, u"name"_s, u"风机"_s},
    };
    const auto failed = store->applyEdits(edits);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, StoreError::Code::NotFound);
    const auto untouched = store->record(u"equipment"_s, created.value().at(0).id);
    GX_OK(untouched);
    QVERIFY(!untouched.value()->fields.contains(u"name"_s));

    const auto applied = store->applyEdits({edits.first()});
    GX_OK(applied);
    const auto deleted =
        store->deleteRecords(u"equipment"_s, {created.value().at(1).id, created.value().at(2).id});
    GX_OK(deleted);
    const auto entries = store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.fields.value(u"name"_s), QJsonValue(u"泵"_s));
}

void Tst_devicestore::secondProcessRefused()
{
    auto store = openStore();
    QVERIFY(store);
    QProcess child;
    child.start(kHelper, {u"open"_s, m_fixture.path(), u"tablet-7"_s});
    QVERIFY(child.waitForFinished(30000));
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    QCOMPARE(child.exitCode(), 2);
    QVERIFY2(out.contains(u"already open in another process"_s), qPrintable(out));
    QVERIFY2(out.contains(u"pid %1"_s.arg(QCoreApplication::applicationPid())), qPrintable(out));
}

void Tst_devicestore::lockOfDeadProcessTakenOver()
{
    QProcess child;
    child.start(kHelper, {u"hold"_s, m_fixture.path(), u"tablet-7"_s});
    QVERIFY(child.waitForReadyRead(30000));
    QCOMPARE(child.readLine().trimmed(), QByteArray("opened"));

    auto refused = m_fixture.open(u"tablet-7"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::Locked);
    QVERIFY2(refused.error().message.contains(u"pid %1"_s.arg(child.processId())),
             qPrintable(refused.error().message));

    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(30000));
    QVERIFY(QFile::exists(m_fixture.path() + u".lock"_s)); // left behind by the killed process
    auto store = openStore();
    QVERIFY(store);
}

QTEST_GUILESS_MAIN(Tst_devicestore)
#include "tst_devicestore.moc"
