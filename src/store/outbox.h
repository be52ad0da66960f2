#pragma once

#include "core/result.h"
#include "core/syncprotocol.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QList>
#include <QString>

#include <functional>

namespace gx {

class StoreDatabase;

/** The mutations taken for one push, in the order they must be sent. */
struct OutboxBatch
{
    QString batchId; ///< empty when there was nothing to send
    QList<Mutation> mutations;

    [[nodiscard]] bool isEmpty() const { return mutations.isEmpty(); }
};

/** What Outbox::applyPushResults() did. */
struct PushOutcome
{
    int done = 0;      ///< applied, merged, conflict or duplicate: gone from the outbox
    int conflicts = 0; ///< of done, those the server merged with a clash
    int rejected = 0;  ///< kept, visible, not retried until the record is edited again
    int ignored = 0;   ///< results naming no mutation of the outbox
    int released = 0;  ///< in-flight mutations the results did not answer, back to pending
};

/**
 * The device's outbox as the sync client sees it: mutations to push in batches, and the
 * server's answers applied to them. Edits arrive through DeviceStore.
 *
 * One batch is in flight at a time. takeBatch() marks its mutations in flight (edits made
 * meanwhile start new mutations, never merge into these); applyPushResults() settles them;
 * releaseInFlight() returns them to pending after a failed push, with the same mutation ids so
 * that the server recognises any it already applied. At open, a batch left in flight by a crash
 * returns to pending the same way.
 */
class Outbox
{
public:
    Outbox(StoreDatabase &db, std::function<qint64()> wallClockMillis);

    /**
     * Takes up to max pending mutations, oldest first, and marks them in flight under a new
     * batch id. Refused (InFlight) while another batch is in flight.
     */
    [[nodiscard]] Result<OutboxBatch, StoreError> takeBatch(int max);
    /**
     * Applies the server's answers, in one transaction. applied/merged/conflict/duplicate: the
     * mutation leaves the outbox and the record's server_rev becomes rev (a record whose delete
     * was acknowledged goes). rejected (or duplicate of a rejected one): the mutation stays,
     * marked rejected with the server's error, and so does its record. In-flight mutations the
     * results do not name go back to pending.
     */
    [[nodiscard]] Result<PushOutcome, StoreError>
    applyPushResults(const QList<MutationResult> &results);
    /** After a push that failed as a whole: every in-flight mutation back to pending. */
    [[nodiscard]] Result<int, StoreError> releaseInFlight();

    /** Every entry, oldest first (for the UI's list of what waits and what was refused). */
    [[nodiscard]] Result<QList<OutboxEntry>, StoreError> entries();
    /** The entries of one record, oldest first. */
    [[nodiscard]] Result<QList<OutboxEntry>, StoreError> entriesOf(const QString &entity,
                                                                   const QString &id);

private:
    [[nodiscard]] Status<StoreError> settle(const OutboxEntry &entry, const MutationResult &result,
                                            PushOutcome &outcome);
    [[nodiscard]] Status<StoreError> refreshRecord(const QString &entity, const QString &id,
                                                   bool conflicted, bool acknowledgedDelete);

    StoreDatabase &m_db;
    std::function<qint64()> m_wallClockMillis;
    detail::RecordRows m_records;
    detail::OutboxRows m_rows;
};

} // namespace gx
