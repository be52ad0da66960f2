#include "sync/records/blobstore.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gx::server {

bool BlobStore::isValidName(const QString &sha256)
{
    static const QRegularExpression shape(u"^[0-9a-f]{64}$"_s);
    return shape.match(sha256).hasMatch();
}

Result<BlobStatus, DbError> BlobStore::status(const QString &sha256)
{
    return statusInTransaction(sha256);
}

Result<BlobStatus, DbError> BlobStore::statusInTransaction(const QString &sha256)
{
    BlobStatus status;
    status.sha256 = sha256;
    auto blob = m_db.exec(u"SELECT size, complete FROM blobs WHERE sha256 = ?"_s, {sha256});
    if (!blob)
        return blob.error();
    if (!blob.value().next())
        return status;
    status.size = blob.value().value(0).toLongLong();
    status.complete = blob.value().value(1).toInt() != 0;
    if (status.complete) {
        status.received = *status.size;
        return status;
    }
    auto chunks = m_db.exec(
        u"SELECT COALESCE(SUM(chunk_size), 0) FROM blob_chunks WHERE sha256 = ?"_s, {sha256});
    if (!chunks)
        return chunks.error();
    status.received = chunks.value().next() ? chunks.value().value(0).toLongLong() : 0;
    return status;
}

Result<BlobWrite, DbError> BlobStore::write(const QString &sha256, const BlobChunk &chunk)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto current = statusInTransaction(sha256);
    if (!current)
        return current.error();
    BlobStatus status = current.value();
    if (status.complete)
        return BlobWrite{BlobWrite::Outcome::Complete, status};
    if (chunk.start != status.received)
        return BlobWrite{BlobWrite::Outcome::WrongOffset, status};
    if (status.size && *status.size != chunk.total)
        return BlobWrite{BlobWrite::Outcome::SizeMismatch, status};
    if (!status.size) {
        auto created =
            m_db.run(u"INSERT INTO blobs (sha256, size, data, complete) VALUES (?, ?, NULL, 0)"_s,
                     {sha256, chunk.total});
        if (!created)
            return created.error();
        status.size = chunk.total;
    }
    if (!chunk.bytes.isEmpty()) {
        auto stored = m_db.run(u"INSERT INTO blob_chunks (sha256, chunk_start, chunk_size, data) "
                               "VALUES (?, ?, ?, ?)"_s,
                               {sha256, chunk.start, qint64(chunk.bytes.size()), chunk.bytes});
        if (!stored)
            return stored.error();
        status.received += chunk.bytes.size();
    }
    Result<BlobWrite, DbError> outcome = BlobWrite{BlobWrite::Outcome::Partial, status};
    if (status.received == *status.size)
        outcome = finish(sha256, status);
    if (!outcome)
        return outcome.error();
    if (auto committed = transaction.value().commit(); !committed)
        return committed.error();
    return outcome;
}

Result<BlobWrite, DbError> BlobStore::finish(const QString &sha256, BlobStatus status)
{
    auto chunks = m_db.exec(u"SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY chunk_start"_s,
                            {sha256});
    if (!chunks)
        return chunks.error();
    QByteArray bytes;
    bytes.reserve(*status.size);
    while (chunks.value().next())
        bytes.append(chunks.value().value(0).toByteArray());
    chunks.value().finish();
    if (auto removed = m_db.run(u"DELETE FROM blob_chunks WHERE sha256 = ?"_s, {sha256}); !removed)
        return removed.error();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (hash != sha256 || bytes.size() != *status.size) {
        if (auto removed = m_db.run(u"DELETE FROM blobs WHERE sha256 = ?"_s, {sha256}); !removed)
            return removed.error();
        return BlobWrite{BlobWrite::Outcome::HashMismatch, BlobStatus{sha256, 0, {}, false}};
    }
    auto stored =
        m_db.run(u"UPDATE blobs SET data = ?, complete = 1 WHERE sha256 = ?"_s, {bytes, sha256});
    if (!stored)
        return stored.error();
    status.complete = true;
    return BlobWrite{BlobWrite::Outcome::Complete, status};
}

Result<std::optional<QByteArray>, DbError> BlobStore::read(const QString &sha256)
{
    auto query = m_db.exec(u"SELECT data FROM blobs WHERE sha256 = ? AND complete = 1"_s, {sha256});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(query.value().value(0).toByteArray());
}

} // namespace gx::server
