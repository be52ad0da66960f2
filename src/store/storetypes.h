#pragma once

#include "core/hlc.h"
#include "core/syncprotocol.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

/**
 * The plain values the device store hands out and takes in: records as stored, receipts of
 * edits, and the edits of the bulk calls.
 */
namespace gx {

/**
 * Where a record stands between the device and the server. A survey's own `state` field
 * (draft/submitted) is one of its fields, not this.
 */
enum class LocalState
{
    Synced,     ///< what the device holds is what the server last said
    Pending,    ///< local edits wait in the outbox (or are being pushed)
    Conflicted, ///< the server merged a clash on it; its version is awaited from the next pull
    Rejected,   ///< the server refused the last push of it; see StoredRecord::rejection
};

/** "synced", "pending", "conflicted" or "rejected". */
[[nodiscard]] QString localStateName(LocalState state);

/** One record as the device holds it. */
struct StoredRecord
{
    QString entity;
    QString id;
    QJsonObject fields;
    qint64 serverRev = 0; ///< the last server revision seen (0: the server has not acknowledged it)
    LocalState state = LocalState::Synced;
    bool deleted = false; ///< deleted on the device, the delete not yet acknowledged
    QString parentId;     ///< the parent's id for a child record (e.g. an equipment row's survey)
    qint64 updatedAt = 0; ///< wall-clock ms of the last local or pulled change
    /** The survey definition version of its last upsert: the pulled change's, or the one a
     * local edit was made on (DeviceStore::formVersion()); at least 1. */
    int formVersion = 1;
    std::optional<SyncError> rejection; ///< why the server refused it, while state is Rejected
};

/**
 * What a saving call returns once its transaction has committed: the record, and the outbox
 * mutation that now carries the edit (a new one, or one not yet sent that it was merged into).
 */
struct EditReceipt
{
    QString entity;
    QString id;
    QString mutationId; ///< empty when nothing changed (or nothing needs to reach the server)
    Hlc hlc;            ///< the edit's clock reading (invalid when nothing changed)
    bool changed = false;
    bool coalesced = false; ///< merged into an outbox mutation that already waited
};

/** Where an outbox mutation stands. */
enum class OutboxStatus
{
    Pending,  ///< waits for the next push
    InFlight, ///< taken by Outbox::takeBatch(), its answer not yet applied
    Rejected, ///< refused by the server; kept, with its error, until the record is edited again
};

/** One mutation of the outbox with its bookkeeping. */
struct OutboxEntry
{
    qint64 seq = 0; ///< order of creation; pushes go in this order
    Mutation mutation;
    OutboxStatus status = OutboxStatus::Pending;
    QString batchId;  ///< the batch it is in flight with
    int attempts = 0; ///< how many times it was taken for a push (> 0: never merged into again)
    std::optional<SyncError> error; ///< the server's reason, when rejected
};

/** One field edit of the bulk call DeviceStore::applyEdits(). */
struct FieldEdit
{
    QString entity;
    QString id;
    QString field;
    QJsonValue value;
};

} // namespace gx
