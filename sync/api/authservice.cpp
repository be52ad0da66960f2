#include "sync/api/authservice.h"

#include "sync/api/logging.h"
#include "sync/api/readers.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"
#include "sync/store/statementcache.h"

#include <QScopeGuard>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

constexpr qint64 kDayMillis = qint64(24) * 60 * 60 * 1000;
constexpr qint64 kMinuteMillis = qint64(60) * 1000;
constexpr qsizetype kMaxTokenLength = 512;

/** The address as text, IPv4-mapped IPv6 addresses written as IPv4. */
QString addressText(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : peer.toString();
}

} // namespace

HttpError storageFailure(const DbError &error)
{
    qCCritical(lcApi, "storage failure: %s", qUtf8Printable(error.message));
    return HttpError::internal(u"The server's database failed; see the server log."_s);
}

AuthService::AuthService(Database &db, AuthConfig config, std::function<qint64()> clock)
    : m_db(db)
    , m_config(config)
    , m_clock(std::move(clock))
    , m_home(std::make_unique<QObject>())
{
    m_hashPool.setMaxThreadCount(std::max(1, m_config.hashThreads));
}

AuthService::~AuthService()
{
    // The checks under way end first (each posts its finish to m_home); destroying m_home then
    // drops those finishes: no login is finished from here on.
    m_hashPool.waitForDone();
    m_home.reset();
}

Result<qint64, DbError> AuthService::throttledFor(const QString &key, int maxFailures)
{
    const qint64 now = m_clock();
    // The maxFailures-th newest failure inside the window: once it leaves, attempts may resume.
    auto query = m_db.exec(u"SELECT at FROM login_failures WHERE key = ? AND at > ? "
                           "ORDER BY at DESC LIMIT 1 OFFSET ?"_s,
                           {key, now - m_config.failureWindowMillis, maxFailures - 1});
    if (!query)
        return query.error();
    if (!query.value().next())
        return qint64(0);
    const qint64 until = query.value().value(0).toLongLong() + m_config.failureWindowMillis;
    return std::max<qint64>(1, (until - now + 999) / 1000);
}

Result<qint64, DbError> AuthService::failureCount(const QString &key)
{
    auto query = m_db.exec(u"SELECT COUNT(*) FROM login_failures WHERE key = ? AND at > ?"_s,
                           {key, m_clock() - m_config.failureWindowMillis});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : qint64(0);
}

HttpError AuthService::fail(const QString &username, const QHostAddress &peer,
                            const QString &reason, const QString &message)
{
    const qint64 now = m_clock();
    const QString userKey = u"user:"_s + username;
    const QString addrKey = u"addr:"_s + addressText(peer);
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storageFailure(transaction.error());
    for (const QString &key : {userKey, addrKey}) {
        auto pruned = m_db.run(u"DELETE FROM login_failures WHERE key = ? AND at <= ?"_s,
                               {key, now - m_config.failureWindowMillis});
        auto recorded =
            m_db.run(u"INSERT INTO login_failures (key, at) VALUES (?, ?)"_s, {key, now});
        if (!pruned || !recorded)
            return storageFailure(!pruned ? pruned.error() : recorded.error());
    }
    auto audited = AuditLog::record(m_db, now, username, AuditAction::LoginFailed,
                                    {{u"address"_s, addressText(peer)}, {u"reason"_s, reason}});
    if (!audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storageFailure(committed.error());
    return HttpError::unauthorized(message);
}

HttpError AuthService::throttled(const QString &username, const QHostAddress &peer,
                                 const QString &why, qint64 seconds)
{
    auto audited =
        AuditLog::record(m_db, m_clock(), username, AuditAction::LoginFailed,
                         {{u"address"_s, addressText(peer)}, {u"reason"_s, u"throttled"_s}});
    if (!audited)
        return storageFailure(audited.error());
    return HttpError{StatusCode::TooManyRequests,
                     ApiError{QString(ErrorCode::TooManyAttempts),
                              u"%1; try again in %2 s."_s.arg(why, QString::number(seconds)),
                              QString()},
                     {{"Retry-After", QByteArray::number(seconds)}}};
}

qint64 AuthService::countLogin(const QString &address)
{
    const qint64 now = m_clock();
    // Forget the addresses that went quiet, so that the table stays as small as the traffic.
    if (m_recentLogins.size() > 10000) {
        for (auto it = m_recentLogins.begin(); it != m_recentLogins.end();) {
            if (it->isEmpty() || it->constLast() <= now - kMinuteMillis)
                it = m_recentLogins.erase(it);
            else
                ++it;
        }
    }
    QList<qint64> &times = m_recentLogins[address];
    while (!times.isEmpty() && times.constFirst() <= now - kMinuteMillis)
        times.removeFirst();
    if (times.size() >= m_config.maxLoginsPerAddressPerMinute)
        return std::max<qint64>(1, (times.constFirst() + kMinuteMillis - now + 999) / 1000);
    times.append(now);
    return 0;
}

Result<PendingLogin, HttpError>
AuthService::startLogin(const QString &username, const QString &password, const QHostAddress &peer)
{
    const QString address = addressText(peer);
    auto byAddress = throttledFor(u"addr:"_s + address, m_config.maxFailuresPerAddress);
    if (!byAddress)
        return storageFailure(byAddress.error());
    if (byAddress.value() > 0)
        return throttled(username, peer, u"Too many failed logins from this address"_s,
                         byAddress.value());
    auto byUser = throttledFor(u"user:"_s + username, m_config.maxFailuresPerUser);
    if (!byUser)
        return storageFailure(byUser.error());
    if (byUser.value() > 0) {
        // Locked, but not for an address without failures: the owner elsewhere still logs in.
        auto own = failureCount(u"addr:"_s + address);
        if (!own)
            return storageFailure(own.error());
        if (own.value() > 0)
            return throttled(username, peer, u"Too many failed logins for this user name"_s,
                             byUser.value());
    }
    if (m_pending >= m_config.maxPendingHashes)
        return throttled(username, peer, u"The server is checking too many logins"_s, 1);
    if (const qint64 wait = countLogin(address); wait > 0)
        return throttled(username, peer, u"Too many logins from this address"_s, wait);

    PendingLogin pending{username, password, peer, std::nullopt, Secrets::decoyHash()};
    auto found = UserStore::findWithHash(m_db, username);
    if (found) {
        pending.user = found.value().first;
        pending.hash = found.value().second;
    } else if (found.error().kind == UserError::Kind::Storage) {
        return storageFailure(DbError{DbError::Kind::Query, found.error().message, false});
    }
    return pending;
}

bool AuthService::checkPassword(const PendingLogin &login)
{
    // An unknown name checks the decoy hash: the same time as a real check.
    return Secrets::verifyPassword(login.hash, login.password) && login.user.has_value();
}

void AuthService::login(const QString &username, const QString &password, const QHostAddress &peer,
                        std::function<void(Result<LoginResult, HttpError>)> done)
{
    auto started = startLogin(username, password, peer);
    if (!started) {
        done(started.error());
        return;
    }
    ++m_pending;
    auto pending = std::make_shared<const PendingLogin>(std::move(started).value());
    QObject *home = m_home.get(); // alive until the pool is done (see ~AuthService)
    // Plain callbacks, not QFuture continuations: Qt 6.4 runs a chain of continuations with
    // context objects twice (and crashes) when the last one is destroyed.
    m_hashPool.start([this, home, pending, done = std::move(done)] {
        const bool matched = checkPassword(*pending);
        QMetaObject::invokeMethod(
            home,
            [this, pending, matched, done] {
                --m_pending;
                done(finishLogin(*pending, matched));
            },
            Qt::QueuedConnection);
    });
}

Result<LoginResult, HttpError> AuthService::finishLogin(const PendingLogin &login, bool matched)
{
    const QString wrong = u"Wrong user name or password."_s;
    if (!login.user)
        return fail(login.username, login.peer, u"unknown_user"_s, wrong);
    if (!matched)
        return fail(login.username, login.peer, u"wrong_password"_s, wrong);
    const User &user = *login.user;
    if (user.disabled)
        return fail(login.username, login.peer, u"disabled"_s,
                    u"This account is disabled; ask an administrator."_s);

    const qint64 now = m_clock();
    LoginResult result{Secrets::newToken(), user, now + qint64(m_config.tokenDays) * kDayMillis};
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storageFailure(transaction.error());
    auto cleared = m_db.run(u"DELETE FROM login_failures WHERE key = ?"_s,
                            {QString(u"user:"_s + login.username)});
    if (!cleared)
        return storageFailure(cleared.error());
    if (auto capped = capTokens(user.id, now); !capped)
        return storageFailure(capped.error());
    auto stored = m_db.run(u"INSERT INTO tokens (token_hash, user_id, created_at, expires_at, "
                           "revoked) VALUES (?, ?, ?, ?, 0)"_s,
                           {Secrets::tokenHash(result.token), user.id, now, result.expiresAt});
    if (!stored)
        return storageFailure(stored.error());
    auto seen = m_db.run(u"UPDATE users SET last_login_at = ? WHERE id = ?"_s, {now, user.id});
    if (!seen)
        return storageFailure(seen.error());
    auto audited = AuditLog::record(m_db, now, login.username, AuditAction::Login,
                                    {{u"address"_s, addressText(login.peer)}});
    if (!audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storageFailure(committed.error());
    return result;
}

DbStatus AuthService::capTokens(qint64 userId, qint64 now)
{
    // Keep the newest maxTokensPerUser - 1 live tokens; the one being issued makes the cap.
    auto live = m_db.exec(u"SELECT token_hash FROM tokens WHERE user_id = ? AND revoked = 0 "
                          "AND expires_at > ? ORDER BY created_at DESC, token_hash"_s,
                          {userId, now});
    if (!live)
        return live.error();
    QStringList old;
    for (int kept = 0; live.value().next();) {
        if (++kept >= m_config.maxTokensPerUser)
            old.append(live.value().value(0).toString());
    }
    for (const QString &hash : std::as_const(old)) {
        auto revoked = m_db.run(u"UPDATE tokens SET revoked = 1 WHERE token_hash = ?"_s, {hash});
        if (!revoked)
            return revoked.error();
    }
    return Done{};
}

Result<AuthedUser, HttpError> AuthService::refuseOneTime(Result<AuthedUser, HttpError> user)
{
    if (user && user.value().mustChangePassword)
        return HttpError{StatusCode::Forbidden,
                         ApiError{QString(ErrorCode::PasswordChangeRequired),
                                  u"Set your own password first (POST /api/v1/password): this "
                                  "account holds a one-time password."_s,
                                  QString()},
                         {}};
    return user;
}

Result<AuthedUser, HttpError> AuthService::requireUser(const QHttpServerRequest &request)
{
    return refuseOneTime(requireUserWithOneTimePassword(request));
}

Result<AuthedUser, HttpError> AuthService::requireUser(const ReadRequest &request,
                                                       Database &db) const
{
    return refuseOneTime(checkToken(request.value("Authorization"), db));
}

Result<AuthedUser, HttpError>
AuthService::requireUserWithOneTimePassword(const QHttpServerRequest &request)
{
    return checkToken(request.value("Authorization"), m_db);
}

Result<AuthedUser, HttpError> AuthService::checkToken(const QByteArray &authorization,
                                                      Database &db) const
{
    const QByteArray header = authorization.trimmed();
    if (header.isEmpty())
        return HttpError::unauthorized(
            u"Log in first: send the token as 'Authorization: Bearer TOKEN'."_s);
    if (!header.toLower().startsWith("bearer "))
        return HttpError::unauthorized(u"The Authorization header must be 'Bearer TOKEN'."_s);
    const QByteArray token = header.mid(7).trimmed();
    if (token.isEmpty() || token.size() > kMaxTokenLength)
        return HttpError::unauthorized(u"The token is not valid; log in again."_s);

    const QString hash = Secrets::sha256Hex(token);
    // Every call asks this: a statement kept prepared (on PostgreSQL, one round trip, not three).
    auto query =
        db.statements().exec(u"SELECT t.expires_at, t.revoked, u.id, u.username, u.role, u.region, "
                             "u.enterprise, u.disabled, u.must_change_password FROM tokens t "
                             "JOIN users u ON u.id = t.user_id "
                             "WHERE t.token_hash = ?"_s,
                             {hash});
    if (!query)
        return storageFailure(query.error());
    QSqlQuery &q = *query.value();
    const auto finished = qScopeGuard([&q] { q.finish(); });
    if (!q.next())
        return HttpError::unauthorized(u"The token is not valid; log in again."_s);
    if (q.value(7).toInt() != 0)
        return HttpError::unauthorized(u"This account is disabled; ask an administrator."_s);
    if (q.value(1).toInt() != 0)
        return HttpError::unauthorized(u"The token was revoked; log in again."_s);
    if (q.value(0).toLongLong() <= m_clock())
        return HttpError::unauthorized(u"The token has expired; log in again."_s);
    AuthedUser user;
    user.id = q.value(2).toLongLong();
    user.username = q.value(3).toString();
    user.role = roleFromName(q.value(4).toString()).value_or(Role::Inspector);
    user.region = q.value(5).toString();
    user.enterprise = q.value(6).toString();
    user.tokenHash = hash;
    user.mustChangePassword = q.value(8).toInt() != 0;
    return user;
}

std::optional<AuthedUser> AuthService::authenticate(const QHttpServerRequest &request)
{
    auto user = requireUser(request);
    if (!user)
        return std::nullopt;
    return std::move(user).value();
}

Result<AuthedUser, HttpError> AuthService::checkRole(Result<AuthedUser, HttpError> user,
                                                     std::initializer_list<Role> roles)
{
    if (!user)
        return user;
    for (Role role : roles) {
        if (user.value().role == role)
            return user;
    }
    QStringList names;
    for (Role role : roles)
        names.append(roleName(role));
    return HttpError::forbidden(u"This call is for %1 users only."_s.arg(names.join(u", "_s)));
}

Result<AuthedUser, HttpError> AuthService::requireRole(const QHttpServerRequest &request,
                                                       std::initializer_list<Role> roles)
{
    return checkRole(requireUser(request), roles);
}

Result<AuthedUser, HttpError> AuthService::requireRole(const ReadRequest &request, Database &db,
                                                       std::initializer_list<Role> roles) const
{
    return checkRole(requireUser(request, db), roles);
}

void AuthService::changePassword(const AuthedUser &user, const QString &oldPassword,
                                 const QString &newPassword,
                                 std::function<void(Result<User, HttpError>)> done)
{
    if (auto why = UserStore::checkPassword(newPassword)) {
        done(HttpError::unprocessable(ErrorCode::InvalidPassword, *why + u'.', u"new"_s));
        return;
    }
    if (newPassword == oldPassword) {
        done(HttpError::unprocessable(ErrorCode::InvalidPassword,
                                      u"The new password must differ from the old one."_s,
                                      u"new"_s));
        return;
    }
    auto found = UserStore::findWithHash(m_db, user.username);
    if (!found) {
        done(storageFailure(DbError{DbError::Kind::Query, found.error().message, false}));
        return;
    }
    if (m_pending >= m_config.maxPendingHashes) {
        done(HttpError{StatusCode::TooManyRequests,
                       ApiError{QString(ErrorCode::TooManyAttempts),
                                u"The server is checking too many passwords; try again in 1 s."_s,
                                QString()},
                       {{"Retry-After", "1"}}});
        return;
    }
    ++m_pending;
    const QString stored = found.value().second;
    QObject *home = m_home.get(); // alive until the pool is done (see ~AuthService)
    m_hashPool.start([this, home, user, stored, oldPassword, newPassword, done] {
        const bool matched = Secrets::verifyPassword(stored, oldPassword);
        auto hash =
            matched ? Secrets::hashPassword(newPassword) : Result<QString, HashError>(HashError{});
        QMetaObject::invokeMethod(
            home,
            [this, user, matched, hash, done] {
                --m_pending;
                if (!matched)
                    return done(HttpError::unprocessable(
                        ErrorCode::WrongPassword, u"The old password is not right."_s, u"old"_s));
                if (!hash)
                    return done(HttpError::internal(hash.error().message));
                auto changed =
                    UserStore(m_db, RegionCatalog())
                        .setOwnPassword(user.username, hash.value(), user.tokenHash, m_clock());
                if (!changed)
                    return done(storageFailure(
                        DbError{DbError::Kind::Query, changed.error().message, false}));
                done(changed.value());
            },
            Qt::QueuedConnection);
    });
}

DbStatus AuthService::revoke(const AuthedUser &user)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    auto revoked =
        m_db.run(u"UPDATE tokens SET revoked = 1 WHERE token_hash = ?"_s, {user.tokenHash});
    if (!revoked)
        return revoked.error();
    auto audited = AuditLog::record(m_db, m_clock(), user.username, AuditAction::Logout);
    if (!audited)
        return audited.error();
    return transaction.value().commit();
}

} // namespace gx::server
