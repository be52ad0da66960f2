#pragma once

#include "core/result.h"
#include "store/storeerror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gx {

class StoreDatabase;

/** A photo held by the device, and how much of it the server has confirmed. */
struct Attachment
{
    QString sha256; ///< lower-case hex; the name a record's photo field holds
    qint64 size = 0;
    qint64 uploadedBytes = 0; ///< bytes the server confirmed (the offset to resume from)
    bool uploaded = false;
};

/**
 * Photos (nameplates), content-addressed by sha256 like the server's blobs. The bytes live as
 * files in a directory next to the database ("PATH.blobs/SHA256"), not in SQLite: they are large,
 * written once and streamed on upload. A file is written under a temporary name, synced and
 * renamed into place (and the directory synced) before its row is committed, so a row never
 * names a file that is not whole. Adding the same bytes twice keeps one copy.
 *
 * Store the photo first, then set the record's field to the sha256 it returns.
 */
class AttachmentStore
{
public:
    AttachmentStore(StoreDatabase &db, QString directory, std::function<qint64()> wallClockMillis);

    /** Stores the bytes durably and returns their sha256. */
    [[nodiscard]] Result<QString, StoreError> add(const QByteArray &bytes);
    /** The bytes of a photo, checked against their hash (a damaged file is an Io error). */
    [[nodiscard]] Result<QByteArray, StoreError> read(const QString &sha256);
    [[nodiscard]] Result<std::optional<Attachment>, StoreError> attachment(const QString &sha256);
    /** The file of a photo (for streaming an upload or showing it). */
    [[nodiscard]] QString filePath(const QString &sha256) const;
    /** Photos the server does not have in full yet, oldest first. */
    [[nodiscard]] Result<QList<Attachment>, StoreError> pendingUploads();
    /**
     * Records the bytes the server has confirmed, so that an interrupted upload resumes from
     * there. Never moves backwards; capped at the size. False: no such photo.
     */
    [[nodiscard]] Result<bool, StoreError> setUploadProgress(const QString &sha256,
                                                             qint64 confirmedBytes);
    /** The server has the whole photo. False: no such photo. */
    [[nodiscard]] Result<bool, StoreError> markUploaded(const QString &sha256);

    [[nodiscard]] const QString &directory() const { return m_directory; }

private:
    [[nodiscard]] Status<StoreError> writeFile(const QString &sha256, const QByteArray &bytes);

    StoreDatabase &m_db;
    QString m_directory;
    std::function<qint64()> m_wallClockMillis;
};

} // namespace gx
