#pragma once

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
 * arrives in chunks that must follow each other (`Content-Range` to resume after a cut); partial
 * bytes wait in `blob_chunks`, and the last chunk assembles them, checks the hash and moves the
 * bytes into `blobs` (complete = 1), or discards the upload when the hash does not match.
 * A complete blob is immutable: uploading it again changes nothing.
 */
class BlobStore
{
public:
    static constexpr qint64 kMaxBlobBytes = qint64(32) << 20;

    explicit BlobStore(Database &db)
        : m_db(db)
    {}

    /** Whether a name is 64 lower-case hex digits. */
    [[nodiscard]] static bool isValidName(const QString &sha256);

    [[nodiscard]] Result<BlobStatus, DbError> status(const QString &sha256);
    /** Stores one chunk in its own write transaction. */
    [[nodiscard]] Result<BlobWrite, DbError> write(const QString &sha256, const BlobChunk &chunk);
    /** The bytes of a complete blob, or nothing. */
    [[nodiscard]] Result<std::optional<QByteArray>, DbError> read(const QString &sha256);

private:
    [[nodiscard]] Result<BlobStatus, DbError> statusInTransaction(const QString &sha256);
    [[nodiscard]] Result<BlobWrite, DbError> finish(const QString &sha256, BlobStatus status);

    Database &m_db;
};

} // namespace gx::server
