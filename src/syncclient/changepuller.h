#pragma once

#include "syncclient/syncstep.h"

#include <QString>

namespace gx {

class DeviceStore;
class SyncTransport;

/**
 * The pull step: reads GET /api/v1/sync/pull page by page from the stored cursor and applies
 * each page with its cursor in one transaction (PullApplier::applyPullPage), until the server
 * says there is no more. A page lost on the way is simply asked for again: the cursor moves only
 * with a page that was applied, so a kill or a failure resumes exactly after the last page held.
 * Pulled changes never enter the outbox, and a field with a local edit still waiting keeps the
 * local value (the store's rules). The next page is asked for while the current one is applied
 * (the page carries the cursor to ask from), so the network and the store work at once.
 */
class ChangePuller
{
public:
    ChangePuller(DeviceStore &store, SyncTransport &transport, int pageSize);

    void start(StepCallbacks callbacks);
    [[nodiscard]] SyncReport &report() { return m_report; }

private:
    void request(const QString &since);
    void answered(const TransportReply &reply, const QString &since);
    void finish(const StepOutcome &outcome);

    DeviceStore &m_store;
    SyncTransport &m_transport;
    int m_pageSize;
    StepCallbacks m_callbacks;
    SyncReport m_report;
    int m_generation = 0;
};

} // namespace gx
