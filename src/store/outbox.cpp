#include "store/outbox.h"

#include "store/logging.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

Outbox::Outbox(StoreDatabase &db, std::function<qint64()> wallClockMillis)
    : m_db(db)
    , m_wallClockMillis(std::move(wallClockMillis))
    , m_records(db)
    , m_rows(db)
{}

Result<OutboxBatch, StoreError> Outbox::takeBatch(int max)
{
    if (max < 1)
        return StoreError{StoreError::Code::InvalidArgument, u"a batch holds at least one"_s};
    Transaction tx(m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    QSqlQuery &busy = m_db.statement(u"SELECT count(*) FROM outbox WHERE status = 1"_s);
    if (auto done = m_db.exec(busy); !done)
        return done.error();
    const int inFlight = busy.next() ? busy.value(0).toInt() : 0;
    busy.finish();
    if (inFlight > 0) {
        return StoreError{StoreError::Code::InFlight,
                          u"%1 mutations are in flight: apply their results or release them "
                          u"before taking another batch"_s.arg(inFlight)};
    }

    OutboxBatch batch;
    batch.batchId = detail::newUuid();
    QSqlQuery &mark = m_db.statement(
        u"UPDATE outbox SET status = 1, batch_id = ?, attempts = attempts + 1 WHERE seq IN"
        u" (SELECT seq FROM outbox WHERE status = 0 ORDER BY seq LIMIT ?)"_s);
    mark.bindValue(0, batch.batchId);
    mark.bindValue(1, max);
    if (auto done = m_db.exec(mark); !done)
        return done.error();
    QSqlQuery &read = m_db.statement(u"SELECT "_s + detail::OutboxRows::kColumns +
                                     u" FROM outbox WHERE batch_id = ? ORDER BY seq"_s);
    read.bindValue(0, batch.batchId);
    if (auto done = m_db.exec(read); !done)
        return done.error();
    while (read.next())
        batch.mutations.append(detail::entryFromRow(read).mutation);
    read.finish();
    if (batch.mutations.isEmpty())
        return OutboxBatch{};
    if (auto done = tx.commit(); !done)
        return done.error();
    return batch;
}

Result<PushOutcome, StoreError> Outbox::applyPushResults(const QList<MutationResult> &results)
{
    Transaction tx(m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    PushOutcome outcome;
    for (const MutationResult &result : results) {
        const auto found = m_rows.find(result.mutationId);
        if (!found)
            return found.error();
        if (!found.value() || found.value()->status == OutboxStatus::Rejected) {
            ++outcome.ignored;
            continue;
        }
        if (auto done = settle(*found.value(), result, outcome); !done)
            return done.error();
    }
    QSqlQuery &release =
        m_db.statement(u"UPDATE outbox SET status = 0, batch_id = NULL WHERE status = 1"_s);
    if (auto done = m_db.exec(release); !done)
        return done.error();
    outcome.released = release.numRowsAffected();
    if (auto done = tx.commit(); !done)
        return done.error();
    if (outcome.rejected > 0 || outcome.released > 0) {
        qCInfo(lcStore) << "push results:" << outcome.done << "done," << outcome.rejected
                        << "rejected," << outcome.released << "released unanswered";
    }
    return outcome;
}

Status<StoreError> Outbox::settle(const OutboxEntry &entry, const MutationResult &result,
                                  PushOutcome &outcome)
{
    const Mutation &m = entry.mutation;
    if (result.isRefusal()) {
        const SyncError error =
            result.error.value_or(SyncError{u"rejected"_s, u"the server refused it"_s, {}, {}});
        QSqlQuery &q = m_db.statement(
            u"UPDATE outbox SET status = 2, batch_id = NULL, error_code = ?, error_message = ?,"
            u" error_field = ?, error_existing_id = ?, updated_at = ? WHERE seq = ?"_s);
        q.bindValue(0, error.code);
        q.bindValue(1, error.message);
        q.bindValue(2, error.field);
        q.bindValue(3, error.existingId);
        q.bindValue(4, m_wallClockMillis());
        q.bindValue(5, entry.seq);
        if (auto done = m_db.exec(q); !done)
            return done.error();
        ++outcome.rejected;
        return refreshRecord(m.entity, m.id, false, false);
    }

    // The mutation carried the clock's reading; once it goes, meta keeps it for the next start.
    if (auto done = detail::persistClockAtLeast(m_db, m.hlc); !done)
        return done.error();
    if (auto done = m_rows.remove(entry.seq); !done)
        return done.error();
    QSqlQuery &rev = m_db.statement(u"UPDATE records SET server_rev = max(server_rev, ?)"
                                    u" WHERE entity = ? AND id = ?"_s);
    rev.bindValue(0, result.rev);
    rev.bindValue(1, m.entity);
    rev.bindValue(2, m.id);
    if (auto done = m_db.exec(rev); !done)
        return done.error();
    if (result.rev == m.baseRev + 1) {
        // Nobody else wrote the record between base_rev and rev: the device now knows the
        // server's version, so mutations made meanwhile build on it (a create's follow-up
        // edits no longer claim base_rev 0).
        QSqlQuery &bump = m_db.statement(
            u"UPDATE outbox SET base_rev = ? WHERE entity = ? AND record_id = ? AND status = 0"
            u" AND base_rev = ?"_s);
        bump.bindValue(0, result.rev);
        bump.bindValue(1, m.entity);
        bump.bindValue(2, m.id);
        bump.bindValue(3, m.baseRev);
        if (auto done = m_db.exec(bump); !done)
            return done.error();
    }
    ++outcome.done;
    const bool conflicted = result.isConflict();
    if (conflicted)
        ++outcome.conflicts;
    return refreshRecord(m.entity, m.id, conflicted, m.op == Mutation::Op::Delete);
}

Status<StoreError> Outbox::refreshRecord(const QString &entity, const QString &id, bool conflicted,
                                         bool acknowledgedDelete)
{
    const auto entries = m_rows.of(entity, id);
    if (!entries)
        return entries.error();
    const auto read = m_records.read(entity, id);
    if (!read)
        return read.error();
    if (!read.value())
        return Done{};
    StoredRecord record = *read.value();
    const QList<OutboxEntry> &list = entries.value();
    if (acknowledgedDelete && list.isEmpty())
        return m_records.remove(entity, id);

    const auto rejected = std::find_if(list.rbegin(), list.rend(), [](const OutboxEntry &e) {
        return e.status == OutboxStatus::Rejected;
    });
    if (rejected != list.rend()) {
        record.state = LocalState::Rejected;
        record.rejection = rejected->error;
    } else if (!list.isEmpty()) {
        record.state = LocalState::Pending;
        record.rejection.reset();
    } else {
        record.state = conflicted ? LocalState::Conflicted : LocalState::Synced;
        record.rejection.reset();
    }
    return m_records.update(record);
}

Result<int, StoreError> Outbox::releaseInFlight()
{
    QSqlQuery &q =
        m_db.statement(u"UPDATE outbox SET status = 0, batch_id = NULL WHERE status = 1"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return q.numRowsAffected();
}

Result<QList<OutboxEntry>, StoreError> Outbox::entries()
{
    QSqlQuery &q = m_db.statement(u"SELECT "_s + detail::OutboxRows::kColumns +
                                  u" FROM outbox ORDER BY seq"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<OutboxEntry> list;
    while (q.next())
        list.append(detail::entryFromRow(q));
    q.finish();
    return list;
}

Result<QList<OutboxEntry>, StoreError> Outbox::entriesOf(const QString &entity, const QString &id)
{
    return m_rows.of(entity, id);
}

} // namespace gx
