#pragma once

#include "sync/http/httpfrontend.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QList>
#include <QObject>
#include <QThreadPool>

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>

namespace gx::server {

class ReadRequest;

/** Token lifetime and login throttling (docs/api.md "Authentication"). */
struct AuthConfig
{
    int tokenDays = 30;
    /** Failed logins of one user name within the window that lock it, for addresses that have
     * failures of their own (see AuthService). */
    int maxFailuresPerUser = 5;
    int maxFailuresPerAddress = 20; ///< failed logins from one address within the window
    qint64 failureWindowMillis = qint64(15) * 60 * 1000;
    /** Logins, successful or not, from one address per minute: each costs a password hash. */
    int maxLoginsPerAddressPerMinute = 60;
    /** Password checks running or queued at once (each holds 19 MiB); beyond, 429 at once. */
    int maxPendingHashes = 8;
    /** Threads that hash passwords, beside the event loop. */
    int hashThreads = 2;
    /** Live (unexpired, unrevoked) tokens per user: a new login revokes the oldest beyond. */
    int maxTokensPerUser = 20;
};

/** A successful login: the token for the client and who it belongs to. */
struct LoginResult
{
    QString token;
    User user;
    qint64 expiresAt = 0;
};

/** A login whose password is still to be checked (AuthService::startLogin()). */
struct PendingLogin
{
    QString username;
    QString password;
    QHostAddress peer;
    std::optional<User> user; ///< empty: no such user (the decoy hash is checked instead)
    QString hash;
};

/**
 * Logins, tokens and the authentication of requests.
 *
 * The throttle (docs/api.md "Authentication"): a login is refused with 429 `too_many_attempts`
 * (and Retry-After) when its address has maxFailuresPerAddress failures within the window, or
 * made maxLoginsPerAddressPerMinute logins in the last minute, or when maxPendingHashes checks
 * are under way. A user name with maxFailuresPerUser failures within the window is locked, but
 * only for addresses that have failures of their own in the window: the right password from an
 * address without failures still logs in, so nobody can lock another's account (admin
 * included) by guessing, while a guesser gets one try per fresh address. Failures are recorded
 * (unknown names, wrong passwords, disabled users); a success clears those of its user name.
 *
 * The Argon2id check runs on a pool of hashThreads threads, never on the event loop that serves
 * every other request: login() calls back on the calling thread (the database's). Tokens are
 * random, stored as SHA-256, expire after tokenDays and are revoked by logout, by disabling the
 * user, by a password reset, and beyond maxTokensPerUser live ones. Every login, successful or not,
 * is written to the audit log.
 */
class AuthService
{
public:
    AuthService(Database &db, AuthConfig config, std::function<qint64()> clock);

    ~AuthService();
    AuthService(const AuthService &) = delete;
    AuthService &operator=(const AuthService &) = delete;

    /**
     * Checks the credentials and issues a token; the HttpError is the answer to send. Call on
     * the database's thread: `done` is called there, now or once the hash, checked meanwhile
     * on the pool, is done (never after this service is gone).
     */
    void login(const QString &username, const QString &password, const QHostAddress &peer,
               std::function<void(Result<LoginResult, HttpError>)> done);
    /** The throttle and the user's lookup, before the hash; fails with the answer to send. */
    [[nodiscard]] Result<PendingLogin, HttpError>
    startLogin(const QString &username, const QString &password, const QHostAddress &peer);
    /** The hash check (any thread): whether the password matches (false for no such user). */
    [[nodiscard]] static bool checkPassword(const PendingLogin &login);
    /** Records the outcome of a checked login: a failure, or the new token. */
    [[nodiscard]] Result<LoginResult, HttpError> finishLogin(const PendingLogin &login,
                                                             bool matched);

    /** The caller of a request with a valid `Authorization: Bearer TOKEN`, or nothing. */
    [[nodiscard]] std::optional<AuthedUser> authenticate(const QHttpServerRequest &request);
    /** The caller, or the 401 `unauthorized` to answer (saying whether the token is missing,
     * unknown, expired or revoked), or 403 `password_change_required` while the caller holds a
     * one-time password. */
    [[nodiscard]] Result<AuthedUser, HttpError> requireUser(const QHttpServerRequest &request);
    /** requireUser() that lets a one-time password through: for POST password and logout. */
    [[nodiscard]] Result<AuthedUser, HttpError>
    requireUserWithOneTimePassword(const QHttpServerRequest &request);
    /** The caller if their role is one of `roles`, else 401, or 403 `forbidden`. */
    [[nodiscard]] Result<AuthedUser, HttpError> requireRole(const QHttpServerRequest &request,
                                                            std::initializer_list<Role> roles);
    /** requireRole() for the office's calls: office and admin users only. */
    [[nodiscard]] Result<AuthedUser, HttpError> requireOffice(const QHttpServerRequest &request)
    {
        return requireRole(request, {Role::Office, Role::Admin});
    }

    /**
     * The same checks for a call served by the read pool (Readers), on any thread: the token is
     * looked up read-only on `db`, the reader's connection (nothing of this service's state is
     * touched but the clock).
     */
    [[nodiscard]] Result<AuthedUser, HttpError> requireUser(const ReadRequest &request,
                                                            Database &db) const;
    [[nodiscard]] Result<AuthedUser, HttpError>
    requireRole(const ReadRequest &request, Database &db, std::initializer_list<Role> roles) const;
    [[nodiscard]] Result<AuthedUser, HttpError> requireOffice(const ReadRequest &request,
                                                              Database &db) const
    {
        return requireRole(request, db, {Role::Office, Role::Admin});
    }

    /**
     * The caller's own new password (POST /api/v1/password): checks `oldPassword` and hashes the
     * new one on the pool, then stores it (clearing a one-time password, revoking the user's
     * other tokens); `done` is called on the database's thread with the user or the answer
     * (422 `invalid_password` naming `new`, 422 `wrong_password` naming `old`, 429).
     */
    void changePassword(const AuthedUser &user, const QString &oldPassword,
                        const QString &newPassword,
                        std::function<void(Result<User, HttpError>)> done);

    /** Revokes one token (logout). */
    [[nodiscard]] DbStatus revoke(const AuthedUser &user);

    [[nodiscard]] const AuthConfig &config() const { return m_config; }
    [[nodiscard]] qint64 now() const { return m_clock(); }

private:
    /** The token of an Authorization header looked up on `db` (any thread). */
    [[nodiscard]] Result<AuthedUser, HttpError> checkToken(const QByteArray &authorization,
                                                           Database &db) const;
    [[nodiscard]] static Result<AuthedUser, HttpError>
    refuseOneTime(Result<AuthedUser, HttpError> user);
    [[nodiscard]] static Result<AuthedUser, HttpError> checkRole(Result<AuthedUser, HttpError> user,
                                                                 std::initializer_list<Role> roles);
    /** The Retry-After seconds if `key` is throttled now, else 0. */
    [[nodiscard]] Result<qint64, DbError> throttledFor(const QString &key, int maxFailures);
    [[nodiscard]] Result<qint64, DbError> failureCount(const QString &key);
    [[nodiscard]] HttpError fail(const QString &username, const QHostAddress &peer,
                                 const QString &reason, const QString &message);
    [[nodiscard]] HttpError throttled(const QString &username, const QHostAddress &peer,
                                      const QString &why, qint64 seconds);
    /** Counts a login of the address; the Retry-After seconds if it made too many. */
    [[nodiscard]] qint64 countLogin(const QString &address);
    /** Revokes the user's oldest live tokens so that one more keeps within the cap. */
    [[nodiscard]] DbStatus capTokens(qint64 userId, qint64 now);

    Database &m_db;
    AuthConfig m_config;
    std::function<qint64()> m_clock;
    QThreadPool m_hashPool;
    /** Lives on the constructing (database) thread: where checked logins are finished. */
    std::unique_ptr<QObject> m_home;
    int m_pending = 0;
    QHash<QString, QList<qint64>> m_recentLogins; ///< per address, the last minute's logins
};

/** The answer when storage fails under a request: logged in full, answered 500 in brief. */
[[nodiscard]] HttpError storageFailure(const DbError &error);

} // namespace gx::server
