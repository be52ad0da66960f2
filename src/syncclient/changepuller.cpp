#include "syncclient/changepuller.h"

#include "store/devicestore.h"
#include "syncclient/logging.h"
#include "syncclient/synctransport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kPullPath = u"/api/v1/sync/pull"_s;

} // namespace

ChangePuller::ChangePuller(DeviceStore &store, SyncTransport &transport, int pageSize)
    : m_store(store)
    , m_transport(transport)
    , m_pageSize(std::clamp(pageSize, 1, ProtocolLimits{}.maxChanges))
{}

void ChangePuller::start(StepCallbacks callbacks)
{
    m_callbacks = std::move(callbacks);
    ++m_generation;
    const auto cursor = m_store.pull().cursor();
    if (!cursor) {
        finish({StepOutcome::Kind::Failed,
                u"the pull cursor could not be read: %1"_s.arg(cursor.error().toString())});
        return;
    }
    request(cursor.value());
}

void ChangePuller::request(const QString &since)
{
    QUrlQuery query;
    if (!since.isEmpty())
        query.addQueryItem(u"since"_s, since);
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    const int generation = m_generation;
    m_transport.get(kPullPath, query, [this, since, generation](const TransportReply &reply) {
        if (generation == m_generation) // else: a page asked for ahead of a step that ended
            answered(reply, since);
    });
}

void ChangePuller::answered(const TransportReply &reply, const QString &since)
{
    if (!reply.ok()) {
        finish(StepOutcome::fromReply(reply, u"Fetching changes"_s));
        return;
    }
    const auto page = decodePullPage(reply.json);
    if (!page) {
        finish({StepOutcome::Kind::Transient,
                u"a page of changes could not be read (%1)."_s.arg(page.error().message())});
        return;
    }
    // Ask for the next page before applying this one, so that the server and the network work
    // while the store writes. The stored cursor still moves only with an applied page: if this
    // one fails to apply, the step ends and the answer to the request ahead is ignored.
    const bool more = page.value().more && page.value().cursor != since;
    if (more)
        request(page.value().cursor);
    const auto applied = m_store.pull().applyPullPage(page.value());
    if (!applied) {
        finish({StepOutcome::Kind::Failed,
                u"a page of changes could not be stored: %1"_s.arg(applied.error().toString())});
        return;
    }
    const int count = int(page.value().changes.size());
    m_report.pulled += count;
    if (m_callbacks.answered)
        m_callbacks.answered();
    if (m_callbacks.progressed)
        m_callbacks.progressed(count, count);
    qCDebug(lcSync) << "pulled" << count << "changes; more:" << more;
    if (!more)
        finish(StepOutcome::done());
}

void ChangePuller::finish(const StepOutcome &outcome)
{
    ++m_generation;
    if (m_callbacks.finished)
        m_callbacks.finished(outcome);
}

} // namespace gx
