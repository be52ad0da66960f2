#pragma once

#include "sync/records/recordscope.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gx::server {

/** Where an upload of a blob stands: bytes received of `size`, and whether it is complete. */
struct BlobStatus
{
    QString sha256;
    qint64 received = 0;
    std::optional<qint64> size; ///< the total announced by the first chunk; none before one
    bool complete = false;
};

/** One chunk of an upload: the bytes at `start` of a blob of `total` bytes. */
struct BlobChunk
{
    qint64 start = 0;
    qint64 total = 0;
    QByteArray bytes;
};

/** What became of a chunk. */
struct BlobWrite
{
    enum class Outcome
    {
        Partial,      ///< stored; more bytes are expected (202)
        Complete,     ///< the blob is whole and its hash matched, or was already complete (201)
        WrongOffset,  ///< the chunk does not start at the bytes received (409)
        SizeMismatch, ///< the chunk announces another total than the upload began with (409)
        HashMismatch, ///< whole, but the bytes do not hash to the name: upload discarded (400)
    };
    Outcome outcome = Outcome::Partial;
    BlobStatus status;
};

/**
 * Photos and other attachments, content-addressed by the lower-case hex SHA-256 of their bytes
 * and stored in the database (so that every server on one PostgreSQL serves them). An upload
 * arrives in chunks that must follow each other (`Content-Range` to resume after a cut). A
 * partial upload is its uploader's: its size waits in `blob_uploads` and its bytes in
 * `blob_chunks`, both keyed by (sha256, uploader), so that another user who knows the hash can
 * neither block it (a chunk of theirs is checked against their own upload) nor discard it (a
 * wrong last chunk discards only the sender's upload). The last chunk assembles the uploader's
 * chunks, checks the hash and moves the bytes into `blobs`; every other partial upload of that
 * blob is then finished too and dropped. A complete blob is immutable: uploading it again
 * changes nothing.
 *
 * Reading is separate from knowing the hash: mayRead() asks whether a record in the caller's
 * scope names the blob (BlobRefs).
 */
class BlobStore
{
public:
    static constexpr qint64 kMaxBlobBytes = qint64(32) << 20;

    explicit BlobStore(Database &db)
        : m_db(db)
    {}

    /** Whether a name is 64 lower-case hex digits (isBlobName()). */
    [[nodiscard]] static bool isValidName(const QString &sha256);

    /** Where `uploader`'s upload stands (complete when anyone completed the blob). */
    [[nodiscard]] Result<BlobStatus, DbError> status(const QString &sha256,
                                                     const QString &uploader);
    /** Stores one chunk of `uploader`'s upload in its own write transaction. */
    [[nodiscard]] Result<BlobWrite, DbError> write(const QString &sha256, const QString &uploader,
                                                   const BlobChunk &chunk);
    /** The bytes of a complete blob, or nothing. */
    [[nodiscard]] Result<std::optional<QByteArray>, DbError> read(const QString &sha256);
    /**
     * Whether a caller with this scope may read the blob: a live record in the scope names it in
     * one of its photo fields (BlobRefs keeps the names at every write).
     */
    [[nodiscard]] Result<bool, DbError> mayRead(const QString &sha256, const AccessScope &scope);

private:
    [[nodiscard]] Result<BlobStatus, DbError> statusInTransaction(const QString &sha256,
                                                                  const QString &uploader);
    [[nodiscard]] Result<BlobWrite, DbError> finish(const QString &sha256, const QString &uploader,
                                                    BlobStatus status);
    [[nodiscard]] DbStatus discard(const QString &sha256, const QString &uploader);

    Database &m_db;
};

} // namespace gx::server
