#include "store/attachmentstore.h"

#include "store/storedatabase.h"

#include "core/blobname.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

StoreError notSha(const QString &text)
{
    return StoreError{StoreError::Code::InvalidArgument,
                      u"'%1' is not a lower-case hex sha256"_s.arg(text.left(80))};
}

QString hashOf(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/** fsync of a directory, so that a rename inside it survives a power cut. */
bool syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

AttachmentStore::AttachmentStore(StoreDatabase &db, QString directory,
                                 std::function<qint64()> wallClockMillis)
    : m_db(db)
    , m_directory(std::move(directory))
    , m_wallClockMillis(std::move(wallClockMillis))
{}

QString AttachmentStore::filePath(const QString &sha256) const
{
    return m_directory + u'/' + sha256;
}

Status<StoreError> AttachmentStore::writeFile(const QString &sha256, const QByteArray &bytes)
{
    const QString path = filePath(sha256);
    if (QFile existing(path); existing.open(QIODevice::ReadOnly)) {
        if (hashOf(existing.readAll()) == sha256)
            return Done{}; // whole already
    }
    if (!QDir().mkpath(m_directory))
        return StoreError{StoreError::Code::Io, u"cannot create %1"_s.arg(m_directory)};
    // Write-then-rename: the name only ever points at whole, synced bytes.
    QFile file(path + u".part"_s);
    const bool written = file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                         file.write(bytes) == bytes.size() && file.flush() &&
                         ::fsync(file.handle()) == 0;
    file.close();
    if (!written ||
        ::rename(QFile::encodeName(file.fileName()).constData(),
                 QFile::encodeName(path).constData()) != 0 ||
        !syncDirectory(m_directory)) {
        file.remove();
        return StoreError{StoreError::Code::Io, u"cannot write the photo %1"_s.arg(path)};
    }
    return Done{};
}

Result<QString, StoreError> AttachmentStore::add(const QByteArray &bytes)
{
    const QString sha = hashOf(bytes);
    if (auto done = writeFile(sha, bytes); !done)
        return done.error();
    QSqlQuery &q = m_db.statement(u"INSERT INTO attachments (sha256, size, created_at)"
                                  u" VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING"_s);
    q.bindValue(0, sha);
    q.bindValue(1, qint64(bytes.size()));
    q.bindValue(2, m_wallClockMillis());
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return sha;
}

Result<QByteArray, StoreError> AttachmentStore::read(const QString &sha256)
{
    if (!isBlobName(sha256))
        return notSha(sha256);
    QFile file(filePath(sha256));
    if (!file.open(QIODevice::ReadOnly))
        return StoreError{StoreError::Code::NotFound, u"no photo %1 on this device"_s.arg(sha256)};
    const QByteArray bytes = file.readAll();
    if (hashOf(bytes) != sha256) {
        return StoreError{StoreError::Code::Io,
                          u"the photo file %1 is damaged (its bytes do not hash to its name)"_s.arg(
                              file.fileName())};
    }
    return bytes;
}

Result<std::optional<Attachment>, StoreError> AttachmentStore::attachment(const QString &sha256)
{
    QSqlQuery &q = m_db.statement(
        u"SELECT sha256, size, uploaded_bytes, uploaded FROM attachments WHERE sha256 = ?"_s);
    q.bindValue(0, sha256);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    std::optional<Attachment> a;
    if (q.next()) {
        a = Attachment{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                       q.value(3).toInt() != 0};
    }
    q.finish();
    return a;
}

Result<QList<Attachment>, StoreError> AttachmentStore::pendingUploads()
{
    QSqlQuery &q = m_db.statement(u"SELECT sha256, size, uploaded_bytes, uploaded FROM attachments"
                                  u" WHERE uploaded = 0 ORDER BY created_at, rowid"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<Attachment> list;
    while (q.next()) {
        list.append(
            {q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), false});
    }
    q.finish();
    return list;
}

Result<bool, StoreError> AttachmentStore::setUploadProgress(const QString &sha256,
                                                            qint64 confirmedBytes)
{
    QSqlQuery &q =
        m_db.statement(u"UPDATE attachments SET uploaded_bytes = min(size, max(uploaded_bytes, ?))"
                       u" WHERE sha256 = ?"_s);
    q.bindValue(0, confirmedBytes);
    q.bindValue(1, sha256);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return q.numRowsAffected() > 0;
}

Result<bool, StoreError> AttachmentStore::markUploaded(const QString &sha256)
{
    QSqlQuery &q = m_db.statement(
        u"UPDATE attachments SET uploaded = 1, uploaded_bytes = size WHERE sha256 = ?"_s);
    q.bindValue(0, sha256);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return q.numRowsAffected() > 0;
}

} // namespace gx
