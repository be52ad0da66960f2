#include "syncclient/blobuploader.h"

#include "store/devicestore.h"
#include "syncclient/logging.h"
#include "syncclient/synctransport.h"

#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

BlobUploader::BlobUploader(DeviceStore &store, SyncTransport &transport, qint64 chunkBytes)
    : m_store(store)
    , m_transport(transport)
    , m_chunkBytes(std::max<qint64>(1, chunkBytes))
{}

QString BlobUploader::path() const
{
    return u"/api/v1/blobs/"_s + m_current.sha256;
}

void BlobUploader::start(StepCallbacks callbacks)
{
    m_callbacks = std::move(callbacks);
    m_skipped.clear();
    const auto pending = m_store.attachments().pendingUploads();
    if (!pending) {
        finish({StepOutcome::Kind::Failed,
                u"the photos to upload could not be listed: %1"_s.arg(pending.error().toString())});
        return;
    }
    m_queue = pending.value();
    if (m_callbacks.progressed)
        m_callbacks.progressed(0, int(m_queue.size()));
    nextBlob();
}

void BlobUploader::nextBlob()
{
    if (m_queue.isEmpty()) {
        if (m_skipped.isEmpty())
            finish(StepOutcome::done());
        else
            finish({StepOutcome::Kind::Failed, m_skipped.join(u' ')});
        return;
    }
    m_current = m_queue.takeFirst();
    m_restarts = 0;
    m_wrongOffsets = 0;
    askStatus();
}

void BlobUploader::askStatus()
{
    m_transport.get(path() + u"/status"_s, {},
                    [this](const TransportReply &reply) { statusAnswered(reply); });
}

void BlobUploader::statusAnswered(const TransportReply &reply)
{
    if (!reply.ok()) {
        finish(StepOutcome::fromReply(reply, u"Asking how much of a photo the server has"_s));
        return;
    }
    if (m_callbacks.answered)
        m_callbacks.answered();
    if (reply.json.value("complete"_L1).toBool()) {
        completed();
        return;
    }
    const qint64 received = qint64(reply.json.value("received"_L1).toDouble());
    sendChunk(std::clamp<qint64>(received, 0, m_current.size));
}

void BlobUploader::sendChunk(qint64 offset)
{
    QFile file(m_store.attachments().filePath(m_current.sha256));
    if (!file.open(QIODevice::ReadOnly) || file.size() != m_current.size) {
        skip(u"The photo %1 cannot be read on this device (%2)."_s.arg(m_current.sha256.left(12),
                                                                       file.errorString()));
        return;
    }
    QByteArray range;
    QByteArray bytes;
    if (m_current.size > 0) {
        if (!file.seek(offset)) {
            skip(u"The photo %1 cannot be read on this device (%2)."_s.arg(
                m_current.sha256.left(12), file.errorString()));
            return;
        }
        bytes = file.read(std::min(m_chunkBytes, m_current.size - offset));
        const qint64 end = offset + bytes.size() - 1;
        range = "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(end) + '/' +
                QByteArray::number(m_current.size);
    }
    m_transport.put(path(), bytes, range,
                    [this](const TransportReply &reply) { chunkAnswered(reply); });
}

void BlobUploader::chunkAnswered(const TransportReply &reply)
{
    const qint64 received = qint64(reply.json.value("received"_L1).toDouble());
    if (reply.status == 201) {
        if (m_callbacks.answered)
            m_callbacks.answered();
        completed();
        return;
    }
    if (reply.status == 202 && reply.ok()) {
        if (m_callbacks.answered)
            m_callbacks.answered();
        m_wrongOffsets = 0;
        const auto saved = m_store.attachments().setUploadProgress(m_current.sha256, received);
        if (!saved) {
            finish({StepOutcome::Kind::Failed,
                    u"upload progress could not be saved: %1"_s.arg(saved.error().toString())});
            return;
        }
        sendChunk(std::clamp<qint64>(received, 0, m_current.size));
        return;
    }
    if (reply.status == 409 && reply.error.code == "wrong_offset"_L1 && ++m_wrongOffsets <= 3) {
        sendChunk(std::clamp<qint64>(received, 0, m_current.size));
        return;
    }
    if (reply.status == 400 && reply.error.code == "hash_mismatch"_L1) {
        const auto bytes = m_store.attachments().read(m_current.sha256);
        if (!bytes) {
            skip(u"The photo %1 is damaged on this device: %2"_s.arg(m_current.sha256.left(12),
                                                                     bytes.error().message));
            return;
        }
        if (++m_restarts <= kMaxRestarts) {
            qCInfo(lcSync) << "the server discarded photo" << m_current.sha256
                           << "as damaged on the way; sending it again";
            sendChunk(0);
            return;
        }
    }
    finish(StepOutcome::fromReply(reply, u"Uploading a photo"_s));
}

void BlobUploader::completed()
{
    const auto marked = m_store.attachments().markUploaded(m_current.sha256);
    if (!marked) {
        finish({StepOutcome::Kind::Failed,
                u"an upload could not be recorded: %1"_s.arg(marked.error().toString())});
        return;
    }
    ++m_report.uploaded;
    if (m_callbacks.progressed)
        m_callbacks.progressed(1, 0);
    nextBlob();
}

void BlobUploader::skip(const QString &reason)
{
    qCWarning(lcSync) << reason;
    m_skipped.append(reason);
    nextBlob();
}

void BlobUploader::finish(const StepOutcome &outcome)
{
    if (m_callbacks.finished)
        m_callbacks.finished(outcome);
}

} // namespace gx
