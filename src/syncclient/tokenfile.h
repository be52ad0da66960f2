#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace gx {

/** What a login handed out, as kept between runs of the app. */
struct SessionToken
{
    QString token;
    QString username;
    QString role;       ///< inspector | enterprise | office | admin
    QString region;     ///< set for inspectors
    QString enterprise; ///< set for enterprise users (a USCC)
    QString server;     ///< the base URL it was issued by
    qint64 savedAtMillis = 0;

    friend bool operator==(const SessionToken &, const SessionToken &) = default;
};

/** Why the token file could not be read or written. */
struct TokenFileError
{
    QString message;
};

/**
 * The login token kept in a file next to the device store ("PATH.token"), readable and writable
 * by the user only (0600), because QtKeychain is not packaged on the target system (Debian 12).
 * The file is written whole or not at all (a temporary file given the permissions before any
 * byte of the token is written, then renamed over the old one), so a kill never leaves half a
 * token or a token readable by others. A file found readable by others is tightened to 0600
 * on read, with a warning.
 */
class TokenFile
{
public:
    explicit TokenFile(QString path);

    /** The token file of the store at storePath. */
    [[nodiscard]] static QString pathFor(const QString &storePath);

    [[nodiscard]] const QString &path() const { return m_path; }
    /** The saved token; nothing when there is no file. A damaged file is an error. */
    [[nodiscard]] std::optional<SessionToken> read(TokenFileError *error = nullptr) const;
    [[nodiscard]] Status<TokenFileError> write(const SessionToken &token) const;
    /** Forgets the token (no file is not an error). */
    [[nodiscard]] Status<TokenFileError> remove() const;

private:
    QString m_path;
};

} // namespace gx
