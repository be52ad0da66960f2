#pragma once

#include "store/attachmentstore.h"
#include "syncclient/syncstep.h"

#include <QList>
#include <QString>

namespace gx {

class DeviceStore;
class SyncTransport;

/**
 * The upload step: sends every photo the server does not have whole yet, in chunks of
 * PUT /api/v1/blobs/{sha256} with Content-Range, each chunk continuing where the server says it
 * stands. Before a photo's first chunk the step asks GET /api/v1/blobs/{sha256}/status, so an
 * upload cut by a kill, a dropped connection or a server restart resumes from the bytes the
 * server holds rather than from the start (or is found complete already). The store records
 * what the server confirmed (AttachmentStore::setUploadProgress) for the UI.
 *
 * A photo whose file on the device is missing or damaged is skipped and reported (the step
 * ends Failed after the others, so the reason stays visible); a hash mismatch the server reports
 * for a sound file (bytes damaged on the way) restarts that photo from byte 0 a few times.
 */
class BlobUploader
{
public:
    static constexpr int kMaxRestarts = 3;

    BlobUploader(DeviceStore &store, SyncTransport &transport, qint64 chunkBytes);

    void start(StepCallbacks callbacks);
    [[nodiscard]] SyncReport &report() { return m_report; }

private:
    void nextBlob();
    void askStatus();
    void statusAnswered(const TransportReply &reply);
    void sendChunk(qint64 offset);
    void chunkAnswered(const TransportReply &reply);
    void completed();
    /** Gives up on the current photo (its file is unusable) and goes on with the next. */
    void skip(const QString &reason);
    void finish(const StepOutcome &outcome);
    [[nodiscard]] QString path() const;

    DeviceStore &m_store;
    SyncTransport &m_transport;
    qint64 m_chunkBytes;
    StepCallbacks m_callbacks;
    SyncReport m_report;
    QList<Attachment> m_queue;
    Attachment m_current;
    int m_restarts = 0;
    int m_wrongOffsets = 0;
    QStringList m_skipped;
};

} // namespace gx
