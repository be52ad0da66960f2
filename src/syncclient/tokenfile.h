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
 * The login token's file next to the device store ("PATH.token"), readable and writable by the
 * user only (0600, a PrivateFile: written whole or not at all, tightened on read), and the JSON
 * the token is kept as, in that file or in the keychain. The file is where TokenStore keeps the
 * token when the keychain refuses or no keychain service runs, and where versions before the
 * keychain kept it (TokenStore moves it into the keychain on first read).
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

    /** The token as kept (compact JSON, never the password). */
    [[nodiscard]] static QByteArray encode(const SessionToken &token);
    /** The token back; nothing (error says why) when the bytes hold none. */
    [[nodiscard]] static std::optional<SessionToken>
    decode(const QByteArray &bytes, const QString &where, TokenFileError *error = nullptr);

private:
    QString m_path;
};

} // namespace gx
