#include "storefixture.h"

#include "store/devicestore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::Change;
using gx::DeviceStore;
using gx::LocalState;
using gx::MutationResult;
using gx::PullPage;
using gx::StoreError;
using gx::test::jsonObject;
using Status = gx::MutationResult::Status;

namespace {

QString cursorAt(qint64 seq)
{
    return gx::PullCursor{seq}.encode();
}

PullPage page(QList<Change> changes, qint64 seq)
{
    return PullPage{std::move(changes), cursorAt(seq), false};
}

} // namespace

class Tst_pull : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void changesApplied_data();
    void changesApplied();
    void pulledChangesNeverEnterTheOutbox();
    void pendingFieldsNotOverwritten_data();
    void pendingFieldsNotOverwritten();
    void tombstones_data();
    void tombstones();
    void localEditsOfOtherEntities_data();
    void localEditsOfOtherEntities();
    void cursorSavedWithItsPage();
    void badPageLeavesNothing_data();
    void badPageLeavesNothing();
    void conflictResultSettledByPull();
    void conflictNotes();
    void reviewTasks();

private:
    void pull(const QList<Change> &changes, qint64 seq);

    gx::test::StoreFixture m_store;
};

void Tst_pull::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_pull::cleanup()
{
    m_store.tearDown();
}

void Tst_pull::pull(const QList<Change> &changes, qint64 seq)
{
    const auto r = m_store->pull().applyPullPage(page(changes, seq));
    GX_OK(r);
}

void Tst_pull::changesApplied_data()
{
    QTest::addColumn<QList<Change>>("changes");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<qint64>("rev");
    QTest::addColumn<int>("stale");
    const QJsonObject v1 = jsonObject(R"({"name":"丽水阀门","region":"331102"})");
    const QJsonObject v2 = jsonObject(R"({"name":"丽水阀门有限公司","region":"331102"})");
    const QString uscc = u"91331102710000371F"_s;
    QTest::newRow("new record") << QList<Change>{{u"enterprise"_s, uscc, 1, false, v1}} << v1
                                << qint64(1) << 0;
    QTest::newRow("newer rev replaces") << QList<Change>{{u"enterprise"_s, uscc, 1, false, v1},
                                                         {u"enterprise"_s, uscc, 2, false, v2}}
                                        << v2 << qint64(2) << 0;
    QTest::newRow("older rev ignored") << QList<Change>{{u"enterprise"_s, uscc, 2, false, v2},
                                                        {u"enterprise"_s, uscc, 1, false, v1}}
                                       << v2 << qint64(2) << 1;
    QTest::newRow("same rev again is harmless")
        << QList<Change>{{u"enterprise"_s, uscc, 2, false, v2},
                         {u"enterprise"_s, uscc, 2, false, v2}}
        << v2 << qint64(2) << 0;
}

void Tst_pull::changesApplied()
{
    QFETCH(QList<Change>, changes);
    QFETCH(QJsonObject, fields);
    QFETCH(qint64, rev);
    QFETCH(int, stale);
    const auto outcome = m_store->pull().applyPullPage(page(changes, 7));
    GX_OK(outcome);
    QCOMPARE(outcome.value().stale, stale);
    QCOMPARE(outcome.value().applied, changes.size() - stale);
    const auto record = m_store->record(u"enterprise"_s, changes.first().id);
    GX_OK(record);
    QCOMPARE(record.value()->fields, fields);
    QCOMPARE(record.value()->serverRev, rev);
    QCOMPARE(record.value()->state, LocalState::Synced);
}

void Tst_pull::pulledChangesNeverEnterTheOutbox()
{
    QList<Change> changes;
    for (int i = 0; i < 50; ++i) {
        changes.append({u"equipment"_s, u"e-%1"_s.arg(i), 1, false,
                        QJsonObject{{u"survey"_s, u"s-1"_s}, {u"quantity"_s, i}}});
    }
    pull(changes, 50);
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QVERIFY(entries.value().isEmpty());
    const auto batch = m_store->outbox().takeBatch(100);
    GX_OK(batch);
    QVERIFY(batch.value().isEmpty());
    const auto record = m_store->record(u"equipment"_s, u"e-49"_s);
    GX_OK(record);
    QCOMPARE(record.value()->parentId, u"s-1"_s);
}

void Tst_pull::pendingFieldsNotOverwritten_data()
{
    QTest::addColumn<QString>("mutationState");
    QTest::newRow("pending") << u"pending"_s;
    QTest::newRow("in flight") << u"in_flight"_s;
    QTest::newRow("rejected") << u"rejected"_s;
}

void Tst_pull::pendingFieldsNotOverwritten()
{
    QFETCH(QString, mutationState);
    pull({{u"survey"_s, u"s"_s, 1, false, jsonObject(R"({"a":1,"b":1,"c":1})")}}, 1);
    GX_OK(m_store->setField(u"survey"_s, u"s"_s, u"a"_s, 2));
    if (mutationState != u"pending"_s) {
        const auto batch = m_store->outbox().takeBatch(10);
        GX_OK(batch);
        if (mutationState == u"rejected"_s) {
            GX_OK(m_store->outbox().applyPushResults(
                {{batch.value().mutations.first().mutationId, Status::Rejected, 0,
                  gx::SyncError{u"min"_s, u"too small"_s, u"a"_s, {}}}}));
        }
    }
    // Another device changed a and b on the server, and added d.
    const auto outcome = m_store->pull().applyPullPage(
        page({{u"survey"_s, u"s"_s, 3, false, jsonObject(R"({"a":9,"b":9,"c":1,"d":4})")}}, 2));
    GX_OK(outcome);
    QCOMPARE(outcome.value().keptLocal, 1);
    const auto record = m_store->record(u"survey"_s, u"s"_s);
    GX_OK(record);
    QCOMPARE(record.value()->fields, jsonObject(R"({"a":2,"b":9,"c":1,"d":4})"));
    QCOMPARE(record.value()->serverRev, 3);
    QVERIFY(record.value()->state != LocalState::Synced);
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.fields, jsonObject(R"({"a":2})"));
    QCOMPARE(entries.value().first().mutation.baseRev, 1); // the server's merge decides
}

void Tst_pull::tombstones_data()
{
    QTest::addColumn<bool>("hadRecord");
    QTest::addColumn<bool>("localEdit");
    QTest::addColumn<bool>("remains");
    QTest::addColumn<int>("deleted");
    QTest::newRow("synced record goes") << true << false << false << 1;
    QTest::newRow("record with a pending edit stays") << true << true << true << 0;
    QTest::newRow("unknown record: nothing to do") << false << false << false << 0;
}

void Tst_pull::tombstones()
{
    QFETCH(bool, hadRecord);
    QFETCH(bool, localEdit);
    QFETCH(bool, remains);
    QFETCH(int, deleted);
    if (hadRecord)
        pull({{u"equipment"_s, u"e"_s, 1, false, jsonObject(R"({"survey":"s","quantity":1})")}}, 1);
    if (localEdit)
        GX_OK(m_store->setField(u"equipment"_s, u"e"_s, u"quantity"_s, 2));
    const auto outcome =
        m_store->pull().applyPullPage(page({{u"equipment"_s, u"e"_s, 2, true, {}}}, 2));
    GX_OK(outcome);
    QCOMPARE(outcome.value().deleted, deleted);
    const auto record = m_store->record(u"equipment"_s, u"e"_s);
    GX_OK(record);
    QCOMPARE(record.value().has_value(), remains);
    if (remains) {
        QCOMPARE(record.value()->serverRev, 2);
        QCOMPARE(record.value()->fields.value(u"quantity"_s), QJsonValue(2));
    }
}

void Tst_pull::localEditsOfOtherEntities_data()
{
    // The apply asks once per page which entities the outbox holds and probes the outbox only
    // for those: a record with a local edit is still never overwritten or removed, and a
    // record of the same id in another entity is still written.
    QTest::addColumn<QString>("editedEntity");
    QTest::addColumn<QString>("pulledEntity");
    QTest::addColumn<bool>("tombstone");
    QTest::addColumn<bool>("taken");
    QTest::newRow("the edited record: kept") << u"survey"_s << u"survey"_s << false << false;
    QTest::newRow("same id, other entity: taken") << u"survey"_s << u"equipment"_s << false << true;
    QTest::newRow("tombstone of the edited record: kept")
        << u"equipment"_s << u"equipment"_s << true << false;
    QTest::newRow("tombstone, same id, other entity: removed")
        << u"equipment"_s << u"survey"_s << true << true;
}

void Tst_pull::localEditsOfOtherEntities()
{
    QFETCH(QString, editedEntity);
    QFETCH(QString, pulledEntity);
    QFETCH(bool, tombstone);
    QFETCH(bool, taken);
    pull({{u"survey"_s, u"s"_s, 1, false, jsonObject(R"({"a":1,"enterprise":"x"})")},
          {u"equipment"_s, u"s"_s, 1, false, jsonObject(R"({"a":1,"survey":"x"})")},
          {u"equipment"_s, u"t"_s, 1, false, jsonObject(R"({"a":1,"survey":"x"})")}},
         1);
    GX_OK(m_store->setField(editedEntity, u"s"_s, u"a"_s, 2));
    // One page: the change of the record under test among changes of both entities.
    const QJsonObject server = jsonObject(R"({"a":9,"survey":"x","enterprise":"x"})");
    const auto outcome = m_store->pull().applyPullPage(
        page({{u"equipment"_s, u"t"_s, 2, false, server},
              {pulledEntity, u"s"_s, 3, tombstone, tombstone ? QJsonObject() : server},
              {u"survey"_s, u"u"_s, 1, false, server}},
             2));
    GX_OK(outcome);
    const auto record = m_store->record(pulledEntity, u"s"_s);
    GX_OK(record);
    if (tombstone) {
        QCOMPARE(record.value().has_value(), !taken);
        QCOMPARE(outcome.value().deleted, taken ? 1 : 0);
    } else {
        QVERIFY(record.value().has_value());
        QCOMPARE(record.value()->fields.value(u"a"_s), QJsonValue(taken ? 9 : 2));
        QCOMPARE(record.value()->serverRev, 3);
    }
    if (!taken) {
        QCOMPARE(record.value()->fields.value(u"a"_s), QJsonValue(2));
        QVERIFY(record.value()->state != LocalState::Synced);
    }
    // The edit's own record stays as edited, whichever record was pulled.
    const auto edited = m_store->record(editedEntity, u"s"_s);
    GX_OK(edited);
    QCOMPARE(edited.value()->fields.value(u"a"_s), QJsonValue(2));
    const auto others = m_store->record(u"equipment"_s, u"t"_s);
    GX_OK(others);
    QCOMPARE(others.value()->fields.value(u"a"_s), QJsonValue(9));
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
}

void Tst_pull::cursorSavedWithItsPage()
{
    auto cursor = m_store->pull().cursor();
    GX_OK(cursor);
    QVERIFY(cursor.value().isEmpty()); // from the start
    pull({{u"survey"_s, u"s"_s, 1, false, jsonObject(R"({"a":1})")}}, 41);
    QCOMPARE(m_store.reopen(), QString());
    cursor = m_store->pull().cursor();
    GX_OK(cursor);
    QCOMPARE(cursor.value(), u"c1.NDE"_s); // base64url of "41"
    // An empty page still moves the cursor (the server skipped records out of scope).
    pull({}, 42);
    cursor = m_store->pull().cursor();
    GX_OK(cursor);
    QCOMPARE(cursor.value(), cursorAt(42));
}

void Tst_pull::badPageLeavesNothing_data()
{
    QTest::addColumn<Change>("bad");
    QTest::addColumn<QString>("cursor");
    QTest::newRow("rev 0") << Change{u"survey"_s, u"t"_s, 0, false, {}} << cursorAt(2);
    QTest::newRow("bad entity name") << Change{u"Survey!"_s, u"t"_s, 1, false, {}} << cursorAt(2);
    QTest::newRow("empty id") << Change{u"survey"_s, QString(), 1, false, {}} << cursorAt(2);
    QTest::newRow("no cursor") << Change{u"survey"_s, u"t"_s, 1, false, {}} << QString();
}

void Tst_pull::badPageLeavesNothing()
{
    QFETCH(Change, bad);
    QFETCH(QString, cursor);
    pull({{u"survey"_s, u"s"_s, 1, false, jsonObject(R"({"a":1})")}}, 1);
    const PullPage broken{{{u"survey"_s, u"s"_s, 2, false, jsonObject(R"({"a":2})")},
                           {u"survey"_s, u"new"_s, 1, false, jsonObject(R"({"a":3})")},
                           bad},
                          cursor,
                          true};
    const auto r = m_store->pull().applyPullPage(broken);
    QVERIFY(!r);
    QCOMPARE(r.error().code, StoreError::Code::BadChange);
    const auto saved = m_store->pull().cursor();
    GX_OK(saved);
    QCOMPARE(saved.value(), cursorAt(1));
    const auto s = m_store->record(u"survey"_s, u"s"_s);
    GX_OK(s);
    QCOMPARE(s.value()->fields, jsonObject(R"({"a":1})"));
    QCOMPARE(s.value()->serverRev, 1);
    const auto fresh = m_store->record(u"survey"_s, u"new"_s);
    GX_OK(fresh);
    QVERIFY(!fresh.value().has_value());
}

void Tst_pull::conflictResultSettledByPull()
{
    pull({{u"survey"_s, u"s"_s, 1, false, jsonObject(R"({"notes":"a"})")}}, 1);
    GX_OK(m_store->setField(u"survey"_s, u"s"_s, u"notes"_s, u"mine"_s));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    GX_OK(m_store->outbox().applyPushResults(
        {{batch.value().mutations.first().mutationId, Status::Conflict, 3, std::nullopt}}));
    auto record = m_store->record(u"survey"_s, u"s"_s);
    GX_OK(record);
    QCOMPARE(record.value()->state, LocalState::Conflicted);
    // The server kept the other device's later value; the next pull brings it.
    pull({{u"survey"_s, u"s"_s, 3, false, jsonObject(R"({"notes":"theirs"})")}}, 3);
    record = m_store->record(u"survey"_s, u"s"_s);
    GX_OK(record);
    QCOMPARE(record.value()->state, LocalState::Synced);
    QCOMPARE(record.value()->fields.value(u"notes"_s), QJsonValue(u"theirs"_s));
}

void Tst_pull::conflictNotes()
{
    const QJsonObject note = jsonObject(
        R"({"entity":"survey","record_id":"s","field":"notes","kept_value":"theirs",
            "lost_value":"mine","kept_hlc":"1732089600500:0:tablet-8",
            "lost_hlc":"1732089600000:0:tablet-7","lost_device":"tablet-7","lost_by":"li",
            "reason":"hlc"})");
    pull({{u"conflict"_s, u"c-1"_s, 1, false, note}}, 1);
    auto conflicts = m_store->inbox().conflicts();
    GX_OK(conflicts);
    QCOMPARE(conflicts.value().size(), 1);
    const gx::ConflictNote &c = conflicts.value().first();
    QCOMPARE(c.recordId, u"s"_s);
    QCOMPARE(c.field, u"notes"_s);
    QCOMPARE(c.keptValue, QJsonValue(u"theirs"_s));
    QCOMPARE(c.lostValue, QJsonValue(u"mine"_s));
    QCOMPARE(c.lostBy, u"li"_s);
    QCOMPARE(c.reason, u"hlc"_s);
    const auto record = m_store->record(u"conflict"_s, u"c-1"_s);
    GX_OK(record);
    QVERIFY(!record.value().has_value()); // not a record of the survey

    const auto dismissed = m_store->inbox().dismissConflict(u"c-1"_s);
    GX_OK(dismissed);
    QVERIFY(dismissed.value());
    conflicts = m_store->inbox().conflicts();
    GX_OK(conflicts);
    QVERIFY(conflicts.value().isEmpty());
    const auto ofRecord = m_store->inbox().conflictsOf(u"survey"_s, u"s"_s);
    GX_OK(ofRecord);
    QCOMPARE(ofRecord.value().size(), 1);

    pull({{u"conflict"_s, u"c-1"_s, 2, true, {}}}, 2);
    const auto all = m_store->inbox().conflicts(true);
    GX_OK(all);
    QVERIFY(all.value().isEmpty());
}

void Tst_pull::reviewTasks()
{
    const auto review = [](const char *state, const char *at, const char *recordId) {
        QJsonObject f = jsonObject(R"({"entity":"survey","comment":"请核实数控工序数",
                                    "field":"key_processes_cnc","reviewer":"office-1"})");
        f.insert(u"state"_s, QString::fromLatin1(state));
        f.insert(u"reviewed_at"_s, QString::fromLatin1(at));
        f.insert(u"record_id"_s, QString::fromLatin1(recordId));
        return f;
    };
    pull({{u"review"_s, u"r-1"_s, 1, false, review("has_issues", "2024-11-21T09:00:00Z", "s1")},
          {u"review"_s, u"r-2"_s, 1, false, review("rejected", "2024-11-21T10:00:00Z", "s2")}},
         1);
    auto tasks = m_store->inbox().reviewTasks();
    GX_OK(tasks);
    QCOMPARE(tasks.value().size(), 2);
    QCOMPARE(tasks.value().at(0).id, u"r-2"_s); // newest first
    QCOMPARE(tasks.value().at(1).field, u"key_processes_cnc"_s);
    QCOMPARE(tasks.value().at(1).comment, u"请核实数控工序数"_s);
    QCOMPARE(tasks.value().at(1).reviewer, u"office-1"_s);

    // s1 is approved after a fix: its earlier task closes.
    pull({{u"review"_s, u"r-3"_s, 1, false, review("approved", "2024-11-22T09:00:00Z", "s1")}}, 2);
    tasks = m_store->inbox().reviewTasks();
    GX_OK(tasks);
    QCOMPARE(tasks.value().size(), 1);
    QCOMPARE(tasks.value().first().id, u"r-2"_s);
    const auto latest = m_store->inbox().latestReview(u"survey"_s, u"s1"_s);
    GX_OK(latest);
    QCOMPARE(latest.value()->state, u"approved"_s);

    const auto done = m_store->inbox().markReviewDone(u"r-2"_s);
    GX_OK(done);
    QVERIFY(done.value());
    tasks = m_store->inbox().reviewTasks();
    GX_OK(tasks);
    QVERIFY(tasks.value().isEmpty());
}

QTEST_GUILESS_MAIN(Tst_pull)
#include "tst_pull.moc"
