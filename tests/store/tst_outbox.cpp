#include "storefixture.h"

#include "store/devicestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::DeviceStore;
using gx::LocalState;
using gx::MutationResult;
using gx::OutboxStatus;
using gx::StoreError;
using gx::test::jsonObject;
using Status = gx::MutationResult::Status;

namespace {

/** "applied" results for every mutation of a batch, each with rev = base_rev + 1. */
QList<MutationResult> appliedResults(const gx::OutboxBatch &batch)
{
    QList<MutationResult> results;
    for (const gx::Mutation &m : batch.mutations)
        results.append({m.mutationId, Status::Applied, m.baseRev + 1, std::nullopt});
    return results;
}

} // namespace

class Tst_outbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void coalescing_data();
    void coalescing();
    void coalescedHlcIsTheLatest();
    void batchesTakeOldestFirst();
    void secondBatchRefusedWhileInFlight();
    void pushResults_data();
    void pushResults();
    void rejectedStaysVisibleUntilEdited();
    void unansweredResultsReleased();
    void crashInFlightReturnsToPending();
    void baseRevAfterResult_data();
    void baseRevAfterResult();
    void acknowledgedDeleteRemovesRecord();

private:
    /** A survey "rec" the server has acknowledged at rev 1. */
    void makeSyncedRecord();

    gx::test::StoreFixture m_store;
};

void Tst_outbox::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_outbox::cleanup()
{
    m_store.tearDown();
}

void Tst_outbox::makeSyncedRecord()
{
    GX_OK(m_store->createRecord(u"survey"_s, jsonObject(R"({"period":2024})"), u"rec"_s));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    GX_OK(m_store->outbox().applyPushResults(appliedResults(batch.value())));
    const auto record = m_store->record(u"survey"_s, u"rec"_s);
    GX_OK(record);
    QCOMPARE(record.value()->serverRev, 1);
    QCOMPARE(record.value()->state, LocalState::Synced);
}

void Tst_outbox::coalescing_data()
{
    // A script of steps on the synced survey "rec": "set FIELD JSON", "take" (a batch goes in
    // flight), "release" (the push failed), "ack" (the batch was applied). Expected: the
    // outbox's mutations after it, oldest first, as "STATUS FIELDS".
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qint64>("base"); // every mutation's base_rev: the server_rev it began on
    QTest::newRow("one edit") << QStringList{u"set a 1"_s} << QStringList{u"pending {\"a\":1}"_s}
                              << qint64(1);
    QTest::newRow("two fields, one mutation")
        << QStringList{u"set a 1"_s, u"set b \"x\""_s}
        << QStringList{u"pending {\"a\":1,\"b\":\"x\"}"_s} << qint64(1);
    QTest::newRow("same field: the later value wins")
        << QStringList{u"set a 1"_s, u"set b 2"_s, u"set a 3"_s}
        << QStringList{u"pending {\"a\":3,\"b\":2}"_s} << qint64(1);
    QTest::newRow("edit during flight starts a new mutation")
        << QStringList{u"set a 1"_s, u"take"_s, u"set a 2"_s, u"set b 2"_s}
        << QStringList{u"in_flight {\"a\":1}"_s, u"pending {\"a\":2,\"b\":2}"_s} << qint64(1);
    QTest::newRow("a released mutation is never merged into")
        << QStringList{u"set a 1"_s, u"take"_s, u"release"_s, u"set b 2"_s}
        << QStringList{u"pending {\"a\":1}"_s, u"pending {\"b\":2}"_s} << qint64(1);
    QTest::newRow("after the answer, a new mutation")
        << QStringList{u"set a 1"_s, u"take"_s, u"ack"_s, u"set a 2"_s}
        << QStringList{u"pending {\"a\":2}"_s} << qint64(2);
    QTest::newRow("edits after a failed push merge into the newest unsent one")
        << QStringList{u"set a 1"_s, u"take"_s, u"set b 2"_s, u"release"_s, u"set c 3"_s}
        << QStringList{u"pending {\"a\":1}"_s, u"pending {\"b\":2,\"c\":3}"_s} << qint64(1);
    QTest::newRow("null clears and is sent")
        << QStringList{u"set a 1"_s, u"take"_s, u"ack"_s, u"set a null"_s}
        << QStringList{u"pending {\"a\":null}"_s} << qint64(2);
}

void Tst_outbox::coalescing()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);
    QFETCH(qint64, base);
    makeSyncedRecord();
    gx::OutboxBatch inFlight;
    for (const QString &step : steps) {
        const QStringList words = step.split(u' ');
        if (words.first() == u"set"_s) {
            const QJsonValue value =
                QJsonDocument::fromJson((u"[" + words.at(2) + u"]").toUtf8()).array().first();
            GX_OK(m_store->setField(u"survey"_s, u"rec"_s, words.at(1), value));
        } else if (words.first() == u"take"_s) {
            auto batch = m_store->outbox().takeBatch(100);
            GX_OK(batch);
            inFlight = batch.value();
        } else if (words.first() == u"release"_s) {
            GX_OK(m_store->outbox().releaseInFlight());
        } else if (words.first() == u"ack"_s) {
            GX_OK(m_store->outbox().applyPushResults(appliedResults(inFlight)));
        }
    }
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QStringList actual;
    for (const gx::OutboxEntry &e : entries.value()) {
        const QString status = e.status == OutboxStatus::InFlight  ? u"in_flight"_s
                               : e.status == OutboxStatus::Pending ? u"pending"_s
                                                                   : u"rejected"_s;
        actual.append(
            status + u' ' +
            QString::fromUtf8(QJsonDocument(e.mutation.fields).toJson(QJsonDocument::Compact)));
    }
    QCOMPARE(actual, expected);
    for (const gx::OutboxEntry &e : entries.value())
        QCOMPARE(e.mutation.baseRev, base);
}

void Tst_outbox::coalescedHlcIsTheLatest()
{
    makeSyncedRecord();
    const auto first = m_store->setField(u"survey"_s, u"rec"_s, u"a"_s, 1);
    GX_OK(first);
    m_store.clock().advance(5000);
    const auto second = m_store->setField(u"survey"_s, u"rec"_s, u"b"_s, 2);
    GX_OK(second);
    QVERIFY(second.value().coalesced);
    QCOMPARE(second.value().mutationId, first.value().mutationId);
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.hlc, second.value().hlc);
    QCOMPARE(entries.value().first().mutation.hlc.millis, m_store.clock().now());
}

void Tst_outbox::batchesTakeOldestFirst()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        const auto r = m_store->createRecord(u"survey"_s, QJsonObject{{u"n"_s, i}});
        GX_OK(r);
        ids.append(r.value().id);
    }
    // An edit of the first record merges into its create: the order stays that of creation.
    GX_OK(m_store->setField(u"survey"_s, ids.first(), u"notes"_s, u"x"_s));
    const auto batch = m_store->outbox().takeBatch(3);
    GX_OK(batch);
    QVERIFY(!batch.value().batchId.isEmpty());
    QCOMPARE(batch.value().mutations.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(batch.value().mutations.at(i).id, ids.at(i));
    QCOMPARE(batch.value().mutations.first().fields.value(u"notes"_s), QJsonValue(u"x"_s));
    GX_OK(m_store->outbox().applyPushResults(appliedResults(batch.value())));
    const auto rest = m_store->outbox().takeBatch(10);
    GX_OK(rest);
    QCOMPARE(rest.value().mutations.size(), 2);
    QCOMPARE(rest.value().mutations.at(0).id, ids.at(3));
    GX_OK(m_store->outbox().applyPushResults(appliedResults(rest.value())));
    const auto none = m_store->outbox().takeBatch(10);
    GX_OK(none);
    QVERIFY(none.value().isEmpty());
}

void Tst_outbox::secondBatchRefusedWhileInFlight()
{
    GX_OK(m_store->createRecord(u"survey"_s, jsonObject(R"({"n":1})")));
    GX_OK(m_store->outbox().takeBatch(10));
    GX_OK(m_store->createRecord(u"survey"_s, jsonObject(R"({"n":2})")));
    const auto second = m_store->outbox().takeBatch(10);
    QVERIFY(!second);
    QCOMPARE(second.error().code, StoreError::Code::InFlight);
}

void Tst_outbox::pushResults_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("rev");
    QTest::addColumn<bool>("withError");
    QTest::addColumn<bool>("stays");
    QTest::addColumn<qint64>("serverRev");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("errorCode");
    // The record "rec" is at server rev 1; its edit (base_rev 1) is pushed and answered so.
    QTest::newRow("applied") << int(Status::Applied) << qint64(2) << false << false << qint64(2)
                             << int(LocalState::Synced) << u"cnc_le_key"_s;
    QTest::newRow("merged") << int(Status::Merged) << qint64(5) << false << false << qint64(5)
                            << int(LocalState::Synced) << u"cnc_le_key"_s;
    QTest::newRow("conflict") << int(Status::Conflict) << qint64(5) << false << false << qint64(5)
                              << int(LocalState::Conflicted) << u"cnc_le_key"_s;
    QTest::newRow("duplicate") << int(Status::Duplicate) << qint64(2) << false << false << qint64(2)
                               << int(LocalState::Synced) << u"cnc_le_key"_s;
    QTest::newRow("rejected") << int(Status::Rejected) << qint64(0) << true << true << qint64(1)
                              << int(LocalState::Rejected) << u"cnc_le_key"_s;
    QTest::newRow("duplicate of a rejected one")
        << int(Status::Duplicate) << qint64(0) << true << true << qint64(1)
        << int(LocalState::Rejected) << u"cnc_le_key"_s;
    // A resend answered `duplicate` repeats the first result: a conflict's note is no refusal.
    QTest::newRow("duplicate of a conflict")
        << int(Status::Duplicate) << qint64(5) << true << false << qint64(5)
        << int(LocalState::Conflicted) << u"conflict"_s;
}

void Tst_outbox::pushResults()
{
    QFETCH(int, status);
    QFETCH(qint64, rev);
    QFETCH(bool, withError);
    QFETCH(bool, stays);
    QFETCH(qint64, serverRev);
    QFETCH(int, state);
    QFETCH(QString, errorCode);
    makeSyncedRecord();
    GX_OK(m_store->setField(u"survey"_s, u"rec"_s, u"key_processes_cnc"_s, 9));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    const gx::SyncError error{errorCode, u"数控工序数不能超过关键工序数"_s, u"key_processes_cnc"_s,
                              QString()};
    MutationResult result{batch.value().mutations.first().mutationId, Status(status), rev,
                          withError ? std::optional(error) : std::nullopt};
    const auto outcome = m_store->outbox().applyPushResults({result});
    GX_OK(outcome);
    QCOMPARE(outcome.value().rejected, stays ? 1 : 0);
    QCOMPARE(outcome.value().done, stays ? 0 : 1);

    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), stays ? 1 : 0);
    const auto record = m_store->record(u"survey"_s, u"rec"_s);
    GX_OK(record);
    QCOMPARE(record.value()->serverRev, serverRev);
    QCOMPARE(int(record.value()->state), state);
    if (stays) {
        QCOMPARE(entries.value().first().status, OutboxStatus::Rejected);
        QCOMPARE(entries.value().first().error, std::optional(error));
        QCOMPARE(record.value()->rejection, std::optional(error));
        // The local value stays visible, with the reason beside it.
        QCOMPARE(record.value()->fields.value(u"key_processes_cnc"_s), QJsonValue(9));
    }
}

void Tst_outbox::rejectedStaysVisibleUntilEdited()
{
    makeSyncedRecord();
    GX_OK(m_store->setFields(u"survey"_s, u"rec"_s,
                             jsonObject(R"({"key_processes":8,"key_processes_cnc":9})")));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    const QString refusedId = batch.value().mutations.first().mutationId;
    GX_OK(m_store->outbox().applyPushResults(
        {{refusedId, Status::Rejected, 0,
          gx::SyncError{u"cnc_le_key"_s, u"too many"_s, u"key_processes_cnc"_s, {}}}}));

    // Not retried: the next batch is empty, and stays so across a restart.
    const auto next = m_store->outbox().takeBatch(10);
    GX_OK(next);
    QVERIFY(next.value().isEmpty());

    // The user corrects one field: one new mutation carries it and what was refused with it.
    const auto fix = m_store->setField(u"survey"_s, u"rec"_s, u"key_processes_cnc"_s, 7);
    GX_OK(fix);
    QVERIFY(fix.value().mutationId != refusedId);
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, OutboxStatus::Pending);
    QCOMPARE(entries.value().first().mutation.fields,
             jsonObject(R"({"key_processes":8,"key_processes_cnc":7})"));
    QCOMPARE(entries.value().first().mutation.baseRev, 1);
    const auto record = m_store->record(u"survey"_s, u"rec"_s);
    GX_OK(record);
    QCOMPARE(record.value()->state, LocalState::Pending);
    QVERIFY(!record.value()->rejection);
}

void Tst_outbox::unansweredResultsReleased()
{
    QStringList mutationIds;
    for (int i = 0; i < 3; ++i) {
        const auto r = m_store->createRecord(u"survey"_s, QJsonObject{{u"n"_s, i}});
        GX_OK(r);
        mutationIds.append(r.value().mutationId);
    }
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    const auto outcome = m_store->outbox().applyPushResults(
        {{mutationIds.at(0), Status::Applied, 1, std::nullopt},
         {u"00000000-0000-4000-8000-000000000000"_s, Status::Applied, 1, std::nullopt}});
    GX_OK(outcome);
    QCOMPARE(outcome.value().done, 1);
    QCOMPARE(outcome.value().ignored, 1);
    QCOMPARE(outcome.value().released, 2);
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(entries.value().at(i).status, OutboxStatus::Pending);
        QCOMPARE(entries.value().at(i).mutation.mutationId, mutationIds.at(i + 1));
        QCOMPARE(entries.value().at(i).attempts, 1);
    }
}

void Tst_outbox::crashInFlightReturnsToPending()
{
    const auto created = m_store->createRecord(u"survey"_s, jsonObject(R"({"n":1})"));
    GX_OK(created);
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    QCOMPARE(m_store.reopen(), QString()); // the process dies with the batch in flight
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().status, OutboxStatus::Pending);
    QCOMPARE(entries.value().first().mutation.mutationId, created.value().mutationId);
    // It may have reached the server: a later edit does not merge into it.
    const auto edit = m_store->setField(u"survey"_s, created.value().id, u"n"_s, 2);
    GX_OK(edit);
    QVERIFY(!edit.value().coalesced);
    const auto again = m_store->outbox().takeBatch(10);
    GX_OK(again);
    QCOMPARE(again.value().mutations.size(), 2);
    QCOMPARE(again.value().mutations.first(), batch.value().mutations.first());
}

void Tst_outbox::baseRevAfterResult_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("rev");
    QTest::addColumn<qint64>("expectedBase");
    // The record is at rev 1; mutation A (base 1) is in flight, B (base 1) made meanwhile.
    QTest::newRow("applied as the next rev: B builds on it")
        << int(Status::Applied) << qint64(2) << qint64(2);
    QTest::newRow("merged over others' changes: B keeps what the device saw")
        << int(Status::Merged) << qint64(4) << qint64(1);
    QTest::newRow("conflict: B keeps what the device saw")
        << int(Status::Conflict) << qint64(4) << qint64(1);
}

void Tst_outbox::baseRevAfterResult()
{
    QFETCH(int, status);
    QFETCH(qint64, rev);
    QFETCH(qint64, expectedBase);
    makeSyncedRecord();
    GX_OK(m_store->setField(u"survey"_s, u"rec"_s, u"a"_s, 1));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    GX_OK(m_store->setField(u"survey"_s, u"rec"_s, u"b"_s, 2));
    GX_OK(m_store->outbox().applyPushResults(
        {{batch.value().mutations.first().mutationId, Status(status), rev, std::nullopt}}));
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.baseRev, expectedBase);
    const auto record = m_store->record(u"survey"_s, u"rec"_s);
    GX_OK(record);
    QCOMPARE(record.value()->state, LocalState::Pending);
    QCOMPARE(record.value()->serverRev, rev);
}

void Tst_outbox::acknowledgedDeleteRemovesRecord()
{
    makeSyncedRecord();
    GX_OK(m_store->deleteRecord(u"survey"_s, u"rec"_s));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    QCOMPARE(batch.value().mutations.first().op, gx::Mutation::Op::Delete);
    GX_OK(m_store->outbox().applyPushResults(appliedResults(batch.value())));
    const auto record = m_store->record(u"survey"_s, u"rec"_s);
    GX_OK(record);
    QVERIFY(!record.value().has_value());
}

QTEST_GUILESS_MAIN(Tst_outbox)
#include "tst_outbox.moc"
