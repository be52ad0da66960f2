#pragma once

#include "core/result.h"

#include <QString>

#include <optional>

namespace gx {

/** Who logged in, as the server said at the last online login, kept for offline logins. */
struct StoredCredential
{
    QString username;
    QString server;
    QString role;
    QString region;
    QString enterprise;
};

/** Why a credential could not be written or did not match. Session words it for a person. */
struct CredentialError
{
    enum class Code
    {
        Missing,       ///< no online login of this user on this server yet
        Damaged,       ///< the file does not parse
        WrongPassword, ///< the password does not match the hash
        Io,            ///< the file or the hash library failed (message says how)
    };
    Code code = Code::Io;
    QString message; ///< technical detail, for logs
};

/**
 * The offline login of one user on one server: an Argon2id hash of the password (libsodium's
 * crypto_pwhash_str, interactive limits) and what the server said about the user, in a JSON
 * file readable by the owner only (0600). The password itself is never written; the app checks
 * a password typed while the server is out of reach against the hash.
 */
class CredentialStore
{
public:
    /** path: the file of this user and server (Session names it after the store). */
    explicit CredentialStore(QString path);

    [[nodiscard]] const QString &path() const { return m_path; }
    /** Hashes the password and writes the file whole (temporary file, then rename). */
    [[nodiscard]] Status<CredentialError> save(const StoredCredential &who,
                                               const QString &password) const;
    /**
     * The stored user when the password matches the hash; nothing when it does not or there
     * is no file (error says which, for a person).
     */
    [[nodiscard]] Result<StoredCredential, CredentialError> verify(const QString &password) const;
    [[nodiscard]] bool exists() const;

private:
    QString m_path;
};

} // namespace gx
