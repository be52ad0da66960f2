#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gx {

/**
 * A file readable and writable by its owner only (0600), for secrets where no keychain takes
 * them (SecretStore's fallback, and where versions before the keychain kept them). It is written
 * whole or not at all: a temporary file is given the permissions before any byte is written and
 * then renamed over the old one, so a kill never leaves half a secret or one readable by others.
 * A file found readable by others is tightened to 0600 on read, with a warning.
 */
class PrivateFile
{
public:
    /** The largest file read back (a secret is a few hundred bytes; anything larger is damage). */
    static constexpr qint64 kMaxBytes = 64 * 1024;

    explicit PrivateFile(QString path);

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] bool exists() const;
    /** The bytes; nothing when there is no file; an error (message) when it cannot be read. */
    [[nodiscard]] Result<std::optional<QByteArray>, QString> read() const;
    [[nodiscard]] Status<QString> write(const QByteArray &bytes) const;
    /** Removes the file (no file is not an error). */
    [[nodiscard]] Status<QString> remove() const;

private:
    QString m_path;
};

} // namespace gx
