#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QString>

namespace gx::server {

/** Why a password could not be hashed (libsodium could not get its memory). */
struct HashError
{
    QString message;
};

/**
 * Password hashes and login tokens (libsodium). Passwords are hashed with Argon2id at OWASP's
 * minimum cost (2 passes over 19 MiB) into libsodium's self-describing string, so that a later,
 * costlier setting can verify old hashes. A token is 32 random bytes (256 bits) in unpadded
 * base64url; the database keeps only its SHA-256 in hex, so a stolen database yields no token.
 */
class Secrets
{
public:
    static constexpr unsigned long long kOpsLimit = 2;
    static constexpr size_t kMemLimitBytes = size_t(19) << 20;
    static constexpr int kTokenBytes = 32;

    /** The Argon2id hash string of a password, or why hashing failed (out of memory). */
    [[nodiscard]] static Result<QString, HashError> hashPassword(const QString &password);
    /** Whether the password matches a hash made by hashPassword(); false for a malformed hash. */
    [[nodiscard]] static bool verifyPassword(const QString &hash, const QString &password);
    /** A hash that matches no password, verified against unknown user names so that a login
     * takes as long whether the name exists or not. */
    [[nodiscard]] static const QString &decoyHash();
    /** Characters of a one-time password: no 0/O, 1/l/I that a person reading it could confuse. */
    static constexpr int kOneTimePasswordLength = 16;
    /** A new random one-time password (kOneTimePasswordLength letters and digits, 92 bits). */
    [[nodiscard]] static QString oneTimePassword();
    /** A new random token for a client to hold. */
    [[nodiscard]] static QString newToken();
    /** The lower-case hex SHA-256 of a token: what the tokens table stores. */
    [[nodiscard]] static QString tokenHash(const QString &token);
    /** Lower-case hex SHA-256 of bytes. */
    [[nodiscard]] static QString sha256Hex(QByteArrayView bytes);
};

} // namespace gx::server
