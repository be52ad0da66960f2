#pragma once

#include "sync/http/httpfrontend.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QHostAddress>
#include <QHttpServerRequest>

#include <functional>
#include <initializer_list>
#include <optional>

namespace gx::server {

/** Token lifetime and login throttling (docs/api.md "Authentication"). */
struct AuthConfig
{
    int tokenDays = 30;
    int maxFailuresPerUser = 5;     ///< failed logins of one user name within the window
    int maxFailuresPerAddress = 20; ///< failed logins from one address within the window
    qint64 failureWindowMillis = qint64(15) * 60 * 1000;
};

/** A successful login: the token for the client and who it belongs to. */
struct LoginResult
{
    QString token;
    User user;
    qint64 expiresAt = 0;
};

/**
 * Logins, tokens and the authentication of requests.
 *
 * A login is refused with 429 `too_many_attempts` (and Retry-After) once the user name has
 * maxFailuresPerUser failures, or the address maxFailuresPerAddress, within the window, even with
 * the right password. Only failures are recorded (unknown names, wrong passwords, disabled users);
 * a success clears the failures of its user name. Tokens are random, stored as SHA-256, expire
 * after tokenDays and are revoked by logout, by disabling the user and by a password reset.
 * Every login, successful or not, is written to the audit log.
 */
class AuthService
{
public:
    AuthService(Database &db, AuthConfig config, std::function<qint64()> clock);

    /** Checks the credentials and issues a token; the HttpError is the answer to send. */
    [[nodiscard]] Result<LoginResult, HttpError>
    login(const QString &username, const QString &password, const QHostAddress &peer);

    /** The caller of a request with a valid `Authorization: Bearer TOKEN`, or nothing. */
    [[nodiscard]] std::optional<AuthedUser> authenticate(const QHttpServerRequest &request);
    /** The caller, or the 401 `unauthorized` to answer (saying whether the token is missing,
     * unknown, expired or revoked). */
    [[nodiscard]] Result<AuthedUser, HttpError> requireUser(const QHttpServerRequest &request);
    /** The caller if their role is one of `roles`, else 401, or 403 `forbidden`. */
    [[nodiscard]] Result<AuthedUser, HttpError> requireRole(const QHttpServerRequest &request,
                                                            std::initializer_list<Role> roles);

    /** Revokes one token (logout). */
    [[nodiscard]] DbStatus revoke(const AuthedUser &user);

    [[nodiscard]] const AuthConfig &config() const { return m_config; }
    [[nodiscard]] qint64 now() const { return m_clock(); }

private:
    /** The Retry-After seconds if `key` is throttled now, else 0. */
    [[nodiscard]] Result<qint64, DbError> throttledFor(const QString &key, int maxFailures);
    [[nodiscard]] HttpError fail(const QString &username, const QHostAddress &peer,
                                 const QString &reason, const QString &message);

    Database &m_db;
    AuthConfig m_config;
    std::function<qint64()> m_clock;
};

/** The answer when storage fails under a request: logged in full, answered 500 in brief. */
[[nodiscard]] HttpError storageFailure(const DbError &error);

} // namespace gx::server
