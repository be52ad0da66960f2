#include "syncclient/formfetcher.h"

#include "store/devicestore.h"
#include "syncclient/logging.h"
#include "syncclient/synctransport.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kFormsPath = u"/api/v1/forms"_s;

/** One entry of the list, or why it cannot be read. */
Result<StoredFormVersion, QString> listEntry(const QJsonValue &value, qsizetype index)
{
    const QJsonObject entry = value.toObject();
    const QJsonValue version = entry.value("version"_L1);
    const double number = version.toDouble();
    if (!version.isDouble() || number < 1 || number > kMaxFormVersion || number != int(number))
        return u"entry %1 has no version from 1 to %2"_s.arg(index).arg(kMaxFormVersion);
    StoredFormVersion info;
    info.version = int(number);
    info.publishedAt = entry.value("published_at"_L1).toString();
    info.publishedBy = entry.value("published_by"_L1).toString();
    info.changes = entry.value("changes"_L1).toArray();
    return info;
}

} // namespace

FormFetcher::FormFetcher(DeviceStore &store, SyncTransport &transport)
    : m_store(store)
    , m_transport(transport)
{}

void FormFetcher::start(StepCallbacks callbacks)
{
    m_callbacks = std::move(callbacks);
    ++m_generation;
    m_wanted.clear();
    m_fetched = 0;
    const int generation = m_generation;
    m_transport.get(
        kFormsPath, {},
        [this, generation](const TransportReply &reply) {
            if (generation == m_generation)
                listed(reply);
        },
        ReplyShape::Array);
}

void FormFetcher::listed(const TransportReply &reply)
{
    if (reply.kind == TransportReply::Kind::Refused && reply.status == 404) {
        qCInfo(lcSync) << "the server lists no survey versions: the device keeps its own";
        finish(StepOutcome::done());
        return;
    }
    if (!reply.ok()) {
        finish(StepOutcome::fromReply(reply, u"Listing survey versions"_s));
        return;
    }
    if (reply.array.isEmpty() || reply.array.size() > kMaxVersions) {
        finish({StepOutcome::Kind::Failed,
                u"the server's list of survey versions is not a list of 1 to %1 versions."_s.arg(
                    kMaxVersions)});
        return;
    }
    const auto held = m_store.forms().versions();
    if (!held) {
        finish({StepOutcome::Kind::Failed, u"the survey versions on the device could not be "
                                           u"read: %1"_s.arg(held.error().toString())});
        return;
    }
    const QSet<int> have(held.value().begin(), held.value().end());
    for (qsizetype i = 0; i < reply.array.size(); ++i) {
        auto entry = listEntry(reply.array.at(i), i);
        if (!entry) {
            finish({StepOutcome::Kind::Failed,
                    u"the server's list of survey versions: %1."_s.arg(entry.error())});
            return;
        }
        if (!have.contains(entry.value().version))
            m_wanted.append(std::move(entry).value());
    }
    std::sort(m_wanted.begin(), m_wanted.end(),
              [](const auto &a, const auto &b) { return a.version < b.version; });
    if (m_callbacks.answered)
        m_callbacks.answered();
    if (m_callbacks.progressed && !m_wanted.isEmpty())
        m_callbacks.progressed(0, int(m_wanted.size()));
    fetchNext();
}

void FormFetcher::fetchNext()
{
    if (m_wanted.isEmpty()) {
        finish(StepOutcome::done());
        return;
    }
    const StoredFormVersion info = m_wanted.takeFirst();
    const int generation = m_generation;
    m_transport.get(kFormsPath + u'/' + QString::number(info.version), {},
                    [this, info, generation](const TransportReply &reply) {
                        if (generation == m_generation)
                            fetched(info, reply);
                    });
}

void FormFetcher::fetched(const StoredFormVersion &info, const TransportReply &reply)
{
    if (!reply.ok()) {
        finish(StepOutcome::fromReply(reply, u"Fetching survey version %1"_s.arg(info.version)));
        return;
    }
    StoredFormVersion version = info;
    version.definition = reply.json;
    const auto added = m_store.forms().add(version);
    if (!added) {
        finish({StepOutcome::Kind::Failed,
                u"survey version %1 could not be stored: %2"_s.arg(QString::number(info.version),
                                                                   added.error().message)});
        return;
    }
    ++m_fetched;
    qCInfo(lcSync) << "survey definition version" << info.version << "fetched and stored";
    if (m_callbacks.answered)
        m_callbacks.answered();
    if (m_callbacks.progressed)
        m_callbacks.progressed(1, 0);
    fetchNext();
}

void FormFetcher::finish(const StepOutcome &outcome)
{
    ++m_generation;
    if (m_callbacks.finished)
        m_callbacks.finished(outcome);
}

} // namespace gx
