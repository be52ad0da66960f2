#pragma once

#include "syncclient/syncstep.h"

#include <QString>

namespace gx {

class DeviceStore;
class SyncTransport;

/**
 * The push step: sends the outbox to POST /api/v1/sync/push in batches, oldest first, until no
 * mutation is pending, and settles each batch with the server's answers in one transaction
 * (Outbox::applyPushResults). applied, merged, conflict and duplicate leave the outbox; a
 * rejected mutation stays, with its reason, and is not sent again until its record is edited.
 *
 * When a push fails as a whole (no answer, a cut one, 5xx, 401) the batch goes back to pending
 * with the same mutation ids (Outbox::releaseInFlight): a resend of what the server had already
 * committed is answered `duplicate` with the first result, so nothing is applied twice. A batch
 * too large for the server (413) is halved and sent again.
 */
class OutboxPusher
{
public:
    OutboxPusher(DeviceStore &store, SyncTransport &transport, QString deviceId, int batchSize);

    /** Pushes until the outbox has nothing pending, then calls finished once. */
    void start(StepCallbacks callbacks);
    /** Counts of the pushes since the engine last read them. */
    [[nodiscard]] SyncReport &report() { return m_report; }

private:
    void next();
    void answered(const TransportReply &reply, int sent);
    void finish(const StepOutcome &outcome);
    /** Returns the batch to pending; a store error turns the outcome into a failure. */
    [[nodiscard]] StepOutcome release(StepOutcome outcome);

    DeviceStore &m_store;
    SyncTransport &m_transport;
    QString m_deviceId;
    int m_batchSize;
    int m_maxBatch;
    StepCallbacks m_callbacks;
    SyncReport m_report;
};

} // namespace gx
