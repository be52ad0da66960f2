#include "sync/api/authservice.h"

#include "sync/api/logging.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"
#include "sync/store/statementcache.h"

#include <QScopeGuard>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

constexpr qint64 kDayMillis = qint64(24) * 60 * 60 * 1000;
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
{}

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

Result<LoginResult, HttpError> AuthService::login(const QString &username, const QString &password,
                                                  const QHostAddress &peer)
{
    const QString wrong = u"Wrong user name or password."_s;
    const qint64 now = m_clock();
    auto byUser = throttledFor(u"user:"_s + username, m_config.maxFailuresPerUser);
    if (!byUser)
        return storageFailure(byUser.error());
    auto byAddress = throttledFor(u"addr:"_s + addressText(peer), m_config.maxFailuresPerAddress);
    if (!byAddress)
        return storageFailure(byAddress.error());
    if (const qint64 wait = std::max(byUser.value(), byAddress.value()); wait > 0) {
        auto audited =
            AuditLog::record(m_db, now, username, AuditAction::LoginFailed,
                             {{u"address"_s, addressText(peer)}, {u"reason"_s, u"throttled"_s}});
        if (!audited)
            return storageFailure(audited.error());
        HttpError error{
            StatusCode::TooManyRequests,
            ApiError{QString(ErrorCode::TooManyAttempts),
                     u"Too many failed logins %1; try again in %2 s."_s.arg(
                         byUser.value() > 0 ? u"for this user name"_s : u"from this address"_s,
                         QString::number(wait)),
                     QString()},
            {{"Retry-After", QByteArray::number(wait)}}};
        return error;
    }

    auto found = UserStore::findWithHash(m_db, username);
    if (!found) {
        if (found.error().kind == UserError::Kind::Storage)
            return storageFailure(DbError{DbError::Kind::Query, found.error().message, false});
        (void)Secrets::verifyPassword(Secrets::decoyHash(), password); // same time as a real check
        return fail(username, peer, u"unknown_user"_s, wrong);
    }
    const auto &[user, hash] = found.value();
    if (!Secrets::verifyPassword(hash, password))
        return fail(username, peer, u"wrong_password"_s, wrong);
    if (user.disabled)
        return fail(username, peer, u"disabled"_s,
                    u"This account is disabled; ask an administrator."_s);

    LoginResult result{Secrets::newToken(), user, now + qint64(m_config.tokenDays) * kDayMillis};
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storageFailure(transaction.error());
    auto cleared =
        m_db.run(u"DELETE FROM login_failures WHERE key = ?"_s, {QString(u"user:"_s + username)});
    if (!cleared)
        return storageFailure(cleared.error());
    auto stored = m_db.run(u"INSERT INTO tokens (token_hash, user_id, created_at, expires_at, "
                           "revoked) VALUES (?, ?, ?, ?, 0)"_s,
                           {Secrets::tokenHash(result.token), user.id, now, result.expiresAt});
    if (!stored)
        return storageFailure(stored.error());
    auto audited = AuditLog::record(m_db, now, username, AuditAction::Login,
                                    {{u"address"_s, addressText(peer)}});
    if (!audited)
        return storageFailure(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storageFailure(committed.error());
    return result;
}

Result<AuthedUser, HttpError> AuthService::requireUser(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
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
    auto query = m_db.statements().exec(
        u"SELECT t.expires_at, t.revoked, u.id, u.username, u.role, u.region, "
        "u.enterprise, u.disabled FROM tokens t JOIN users u ON u.id = t.user_id "
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
    return user;
}

std::optional<AuthedUser> AuthService::authenticate(const QHttpServerRequest &request)
{
    auto user = requireUser(request);
    if (!user)
        return std::nullopt;
    return std::move(user).value();
}

Result<AuthedUser, HttpError> AuthService::requireRole(const QHttpServerRequest &request,
                                                       std::initializer_list<Role> roles)
{
    auto user = requireUser(request);
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
