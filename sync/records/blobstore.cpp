#include "sync/records/blobstore.h"

#include "core/blobname.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace gx::server {

bool BlobStore::isValidName(const QString &sha256)
{
    return isBlobName(sha256);
}

Result<BlobStatus, DbError> BlobStore::status(const QString &sha256, const QString &uploader)
{
    return statusInTransaction(sha256, uploader);
}

Result<BlobStatus, DbError> BlobStore::statusInTransaction(const QString &sha256,
                                                           const QString &uploader)
{
    BlobStatus status;
    status.sha256 = sha256;
    auto blob = m_db.exec(u"SELECT size FROM blobs WHERE sha256 = ? AND complete = 1"_s, {sha256});
    if (!blob)
        return blob.error();
    if (blob.value().next()) {
        status.size = blob.value().value(0).toLongLong();
        status.received = *status.size;
        status.complete = true;
        return status;
    }
    auto upload = m_db.exec(u"SELECT size FROM blob_uploads WHERE sha256 = ? AND uploader = ?"_s,
                            {sha256, uploader});
    if (!upload)
        return upload.error();
    if (!upload.value().next())
        return status;
    status.size = upload.value().value(0).toLongLong();
    auto chunks = m_db.exec(u"SELECT COALESCE(SUM(chunk_size), 0) FROM blob_chunks "
                            "WHERE sha256 = ? AND uploader = ?"_s,
                            {sha256, uploader});
    if (!chunks)
        return chunks.error();
    status.received = chunks.value().next() ? chunks.value().value(0).toLongLong() : 0;
    return status;
}

Result<BlobWrite, DbError> BlobStore::write(const QString &sha256, const QString &uploader,
                                            const BlobChunk &chunk)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto current = statusInTransaction(sha256, uploader);
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
            m_db.run(u"INSERT INTO blob_uploads (sha256, uploader, size) VALUES (?, ?, ?)"_s,
                     {sha256, uploader, chunk.total});
        if (!created)
            return created.error();
        status.size = chunk.total;
    }
    if (!chunk.bytes.isEmpty()) {
        auto stored =
            m_db.run(u"INSERT INTO blob_chunks (sha256, uploader, chunk_start, chunk_size, data) "
                     "VALUES (?, ?, ?, ?, ?)"_s,
                     {sha256, uploader, chunk.start, qint64(chunk.bytes.size()), chunk.bytes});
        if (!stored)
            return stored.error();
        status.received += chunk.bytes.size();
    }
    Result<BlobWrite, DbError> outcome = BlobWrite{BlobWrite::Outcome::Partial, status};
    if (status.received == *status.size)
        outcome = finish(sha256, uploader, status);
    if (!outcome)
        return outcome.error();
    if (auto committed = transaction.value().commit(); !committed)
        return committed.error();
    return outcome;
}

DbStatus BlobStore::discard(const QString &sha256, const QString &uploader)
{
    // No uploader: every partial upload of the blob (once it is complete, all are moot).
    const QString where =
        uploader.isEmpty() ? u"WHERE sha256 = ?"_s : u"WHERE sha256 = ? AND uploader = ?"_s;
    const QVariantList params =
        uploader.isEmpty() ? QVariantList{sha256} : QVariantList{sha256, uploader};
    if (auto removed = m_db.run(u"DELETE FROM blob_chunks "_s + where, params); !removed)
        return removed;
    return m_db.run(u"DELETE FROM blob_uploads "_s + where, params);
}

Result<BlobWrite, DbError> BlobStore::finish(const QString &sha256, const QString &uploader,
                                             BlobStatus status)
{
    auto chunks = m_db.exec(u"SELECT data FROM blob_chunks WHERE sha256 = ? AND uploader = ? "
                            "ORDER BY chunk_start"_s,
                            {sha256, uploader});
    if (!chunks)
        return chunks.error();
    QByteArray bytes;
    bytes.reserve(*status.size);
    while (chunks.value().next())
        bytes.append(chunks.value().value(0).toByteArray());
    chunks.value().finish();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (hash != sha256 || bytes.size() != *status.size) {
        // Only the sender's upload is thrown away: another's half-done upload is not theirs.
        if (auto removed = discard(sha256, uploader); !removed)
            return removed.error();
        return BlobWrite{BlobWrite::Outcome::HashMismatch, BlobStatus{sha256, 0, {}, false}};
    }
    if (auto removed = discard(sha256, {}); !removed)
        return removed.error();
    auto stored =
        m_db.run(u"INSERT INTO blobs (sha256, size, data, complete) VALUES (?, ?, ?, 1)"_s,
                 {sha256, *status.size, bytes});
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

Result<bool, DbError> BlobStore::mayRead(const QString &sha256, const AccessScope &scope)
{
    QString sql = u"SELECT 1 FROM blob_refs b JOIN records r ON r.entity = b.entity AND "
                  "r.id = b.id WHERE b.sha256 = ? AND r.deleted = 0"_s;
    QVariantList params{sha256};
    if (!scope.isEverything()) {
        if (scope.value().isEmpty())
            return false;
        // column() is "region" or "enterprise", never the caller's text.
        sql += u" AND r.%1 IN (?, ?)"_s.arg(scope.column());
        params.append(scope.value());
        params.append(QString(RecordScope::kCityWide)); // a catalogue record's photo: everyone
    }
    auto query = m_db.exec(sql + u" LIMIT 1"_s, params);
    if (!query)
        return query.error();
    return query.value().next();
}

} // namespace gx::server
