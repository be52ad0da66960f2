#include "syncclient/outboxpusher.h"

#include "store/devicestore.h"
#include "syncclient/logging.h"
#include "syncclient/synctransport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kPushPath = u"/api/v1/sync/push"_s;

} // namespace

OutboxPusher::OutboxPusher(DeviceStore &store, SyncTransport &transport, QString deviceId,
                           int batchSize)
    : m_store(store)
    , m_transport(transport)
    , m_deviceId(std::move(deviceId))
    , m_batchSize(std::clamp(batchSize, 1, ProtocolLimits{}.maxMutations))
    , m_maxBatch(m_batchSize)
{}

void OutboxPusher::start(StepCallbacks callbacks)
{
    m_callbacks = std::move(callbacks);
    // What a previous attempt left in flight (a failure handled elsewhere, or a crash) goes
    // back to pending first: one batch at a time, with the same mutation ids.
    const auto released = m_store.outbox().releaseInFlight();
    if (!released) {
        finish({StepOutcome::Kind::Failed,
                u"the outbox could not be read: %1"_s.arg(released.error().toString())});
        return;
    }
    const auto entries = m_store.outbox().entries();
    if (!entries) {
        finish({StepOutcome::Kind::Failed,
                u"the outbox could not be read: %1"_s.arg(entries.error().toString())});
        return;
    }
    const auto pending =
        std::count_if(entries.value().cbegin(), entries.value().cend(),
                      [](const OutboxEntry &e) { return e.status != OutboxStatus::Rejected; });
    if (m_callbacks.progressed)
        m_callbacks.progressed(0, int(pending));
    next();
}

void OutboxPusher::next()
{
    auto batch = m_store.outbox().takeBatch(m_batchSize);
    if (!batch) {
        finish(release({StepOutcome::Kind::Failed,
                        u"the outbox could not be read: %1"_s.arg(batch.error().toString())}));
        return;
    }
    if (batch.value().isEmpty()) {
        finish(StepOutcome::done());
        return;
    }
    const PushRequest request{m_deviceId, batch.value().mutations};
    const int sent = int(request.mutations.size());
    qCDebug(lcSync) << "pushing" << sent << "mutations";
    m_transport.postJson(kPushPath, request.toJson(),
                         [this, sent](const TransportReply &reply) { answered(reply, sent); });
}

void OutboxPusher::answered(const TransportReply &reply, int sent)
{
    if (reply.status == 413 && m_batchSize > 1) {
        m_batchSize = std::max(1, m_batchSize / 2);
        qCInfo(lcSync) << "the push was too large; sending" << m_batchSize << "at a time";
        const StepOutcome released = release(StepOutcome::done());
        if (released.kind != StepOutcome::Kind::Complete) {
            finish(released);
            return;
        }
        next();
        return;
    }
    if (!reply.ok()) {
        finish(release(StepOutcome::fromReply(reply, u"Sending %1 changes"_s.arg(sent))));
        return;
    }
    const auto decoded = decodePushResponse(reply.json);
    if (!decoded) {
        finish(release({StepOutcome::Kind::Transient,
                        u"the server's answer to a push could not be read (%1)."_s.arg(
                            decoded.error().message())}));
        return;
    }
    const auto outcome = m_store.outbox().applyPushResults(decoded.value().results);
    if (!outcome) {
        finish(release({StepOutcome::Kind::Failed, u"the push results could not be saved: %1"_s.arg(
                                                       outcome.error().toString())}));
        return;
    }
    const PushOutcome &o = outcome.value();
    m_report.pushed += o.done;
    m_report.conflicts += o.conflicts;
    m_report.rejected += o.rejected;
    if (m_callbacks.answered)
        m_callbacks.answered();
    if (m_callbacks.progressed)
        m_callbacks.progressed(o.done + o.rejected, 0);
    if (o.released > 0 && o.done == 0 && o.rejected == 0) {
        // The server answered none of what was sent: sending it again would loop.
        finish({StepOutcome::Kind::Failed,
                u"the server answered none of the %1 changes sent."_s.arg(sent)});
        return;
    }
    if (m_batchSize < m_maxBatch)
        m_batchSize = std::min(m_maxBatch, m_batchSize * 2);
    next();
}

StepOutcome OutboxPusher::release(StepOutcome outcome)
{
    const auto released = m_store.outbox().releaseInFlight();
    if (!released) {
        return {StepOutcome::Kind::Failed, u"%1 The outbox could not be reset: %2"_s.arg(
                                               outcome.reason, released.error().toString())};
    }
    return outcome;
}

void OutboxPusher::finish(const StepOutcome &outcome)
{
    if (m_callbacks.finished)
        m_callbacks.finished(outcome);
}

} // namespace gx
