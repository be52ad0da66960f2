#pragma once

#include "sync/api/api.h"
#include "sync/records/blobstore.h"

namespace gx::server {

/**
 * Blobs (photos), content-addressed by SHA-256 (BlobStore), for any logged-in user:
 * PUT /api/v1/blobs/{sha256} with the bytes, or a chunk of them with
 * `Content-Range: bytes START-END/TOTAL` -> 202 {"sha256","received","size","complete"} while
 * partial, 201 when complete (at once if it already was), 400 `hash_mismatch` when the bytes do
 * not hash to the name (the sender's partial upload is discarded), 409 `wrong_offset` with
 * "received" when a chunk does not continue the sender's upload, 413 for a blob over 32 MiB.
 * A partial upload is its uploader's: others' chunks neither block nor discard it.
 * GET /api/v1/blobs/{sha256}/status -> the caller's {"sha256","received","size","complete"} to
 * resume; GET /api/v1/blobs/{sha256} -> the bytes (application/octet-stream) of a complete blob
 * that a live record in the caller's scope names in a photo field (BlobRefs), else 404, as for
 * a blob that is not there.
 */
class BlobApi : public Api
{
public:
    /** The largest body of one PUT (a chunk, or a whole blob sent at once). */
    static constexpr qint64 kMaxChunkBytes = qint64(16) << 20;

    explicit BlobApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse put(const QString &name, const QHttpServerRequest &request);
    /** On the read pool. */
    [[nodiscard]] ReadAnswer status(const QString &name, const ReadRequest &request, Database &db);
    /** On the read pool. */
    [[nodiscard]] ReadAnswer get(const QString &name, const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
