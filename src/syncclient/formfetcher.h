#pragma once

#include "store/formversionstore.h"
#include "syncclient/syncstep.h"

#include <QJsonArray>
#include <QList>

namespace gx {

class DeviceStore;
class SyncTransport;

/**
 * The forms step (after the pull): asks GET /api/v1/forms which versions of the survey
 * definition the server holds and fetches each one the device lacks (GET /api/v1/forms/{version}),
 * oldest first, storing each in the device store (FormVersionStore::add: checked, committed)
 * before the next is asked for, so that what the app switches to is always durable and a
 * failure resumes with what is still missing. The pull ran first, so every version a pulled
 * record names is on the list. A server from before versions (404 on the list) leaves the
 * device on the definition it has.
 */
class FormFetcher
{
public:
    /** The most versions one list may name. */
    static constexpr qsizetype kMaxVersions = 10000;

    FormFetcher(DeviceStore &store, SyncTransport &transport);

    void start(StepCallbacks callbacks);
    /** The versions stored by the last run. */
    [[nodiscard]] int fetched() const { return m_fetched; }

private:
    void listed(const TransportReply &reply);
    void fetchNext();
    void fetched(const StoredFormVersion &info, const TransportReply &reply);
    void finish(const StepOutcome &outcome);

    DeviceStore &m_store;
    SyncTransport &m_transport;
    StepCallbacks m_callbacks;
    QList<StoredFormVersion> m_wanted;
    int m_fetched = 0;
    int m_generation = 0;
};

} // namespace gx
