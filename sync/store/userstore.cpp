#include "sync/store/userstore.h"

#include "core/uscc.h"
#include "sync/store/auditlog.h"
#include "sync/store/secrets.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

UserError storage(const DbError &error)
{
    return UserError{UserError::Kind::Storage, error.message, QString()};
}

UserError invalid(const QString &message, const QString &field)
{
    return UserError{UserError::Kind::Invalid, message, field};
}

UserError notFound(const QString &username)
{
    return UserError{UserError::Kind::NotFound, u"there is no user '%1'"_s.arg(username),
                     u"username"_s};
}

UserError exists(const QString &username)
{
    return UserError{UserError::Kind::Exists, u"the user '%1' exists already"_s.arg(username),
                     u"username"_s};
}

/** Forbidden unless the acting role (if any) may manage accounts of `target`. */
std::optional<UserError> checkActor(std::optional<Role> actorRole, Role target)
{
    if (!actorRole || UserStore::mayManage(*actorRole, target))
        return std::nullopt;
    return UserError{UserError::Kind::Forbidden,
                     u"%1 users may not make or change %2 accounts; ask an administrator"_s.arg(
                         roleName(*actorRole), roleName(target)),
                     u"role"_s};
}

const QString kColumns = u"id, username, role, region, enterprise, disabled, created_at, "
                         "must_change_password, last_login_at"_s;

User readUser(const QSqlQuery &q)
{
    User user;
    user.id = q.value(0).toLongLong();
    user.username = q.value(1).toString();
    user.role = roleFromName(q.value(2).toString()).value_or(Role::Inspector);
    user.region = q.value(3).toString();
    user.enterprise = q.value(4).toString();
    user.disabled = q.value(5).toInt() != 0;
    user.createdAt = q.value(6).toLongLong();
    user.mustChangePassword = q.value(7).toInt() != 0;
    user.lastLoginAt = q.value(8).toLongLong();
    return user;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString roleName(Role role)
{
    switch (role) {
    case Role::Inspector:
        return u"inspector"_s;
    case Role::Enterprise:
        return u"enterprise"_s;
    case Role::Office:
        return u"office"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role role : {Role::Inspector, Role::Enterprise, Role::Office, Role::Admin}) {
        if (name == roleName(role))
            return role;
    }
    return std::nullopt;
}

UserStore::UserStore(Database &db, const RegionCatalog &regions)
    : m_db(db)
    , m_regions(regions)
{}

bool UserStore::mayManage(Role actor, Role target)
{
    switch (actor) {
    case Role::Admin:
        return true;
    case Role::Office:
        return target == Role::Inspector || target == Role::Enterprise;
    case Role::Inspector:
    case Role::Enterprise:
        return false;
    }
    return false;
}

std::optional<QString> UserStore::checkUsername(const QString &username)
{
    static const QRegularExpression pattern(u"^[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]*$"_s);
    if (username.isEmpty())
        return u"the user name is empty"_s;
    if (username.size() > kMaxUsernameLength)
        return u"the user name is longer than %1 characters"_s.arg(kMaxUsernameLength);
    if (!pattern.match(username).hasMatch())
        return u"the user name '%1' may hold only letters, digits and . _ @ - and must start "
               "with a letter or digit"_s.arg(username);
    return std::nullopt;
}

std::optional<QString> UserStore::checkPassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return u"the password must have at least %1 characters"_s.arg(kMinPasswordLength);
    if (password.size() > kMaxPasswordLength)
        return u"the password must have at most %1 characters"_s.arg(kMaxPasswordLength);
    for (QChar c : password) {
        if (c.category() == QChar::Other_Control)
            return u"the password contains a control character"_s;
    }
    return std::nullopt;
}

std::optional<QString> UserStore::checkScope(const NewUser &user) const
{
    switch (user.role) {
    case Role::Inspector:
        if (user.region.isEmpty())
            return u"an inspector needs --region CODE (one of %1)"_s.arg(
                m_regions.regionCodes().join(u", "_s));
        if (!m_regions.regionCodes().contains(user.region))
            return u"unknown region '%1' (known: %2)"_s.arg(user.region,
                                                            m_regions.regionCodes().join(u", "_s));
        if (!user.enterprise.isEmpty())
            return u"an inspector has no --enterprise"_s;
        return std::nullopt;
    case Role::Enterprise:
        if (user.enterprise.isEmpty())
            return u"an enterprise user needs --enterprise USCC"_s;
        if (const auto problem = checkUscc(user.enterprise))
            return u"--enterprise %1: %2"_s.arg(user.enterprise, describe(*problem).en);
        if (!user.region.isEmpty())
            return u"an enterprise user has no --region (its enterprise decides)"_s;
        return std::nullopt;
    case Role::Office:
    case Role::Admin:
        if (!user.region.isEmpty() || !user.enterprise.isEmpty())
            return u"%1 users see everything and take no --region or --enterprise"_s.arg(
                roleName(user.role));
        return std::nullopt;
    }
    return std::nullopt;
}

Result<User, UserError> UserStore::add(const NewUser &user, const QString &actor, qint64 now,
                                       std::optional<Role> actorRole)
{
    if (auto refused = checkActor(actorRole, user.role))
        return *refused;
    if (auto why = checkUsername(user.username))
        return invalid(*why, u"username"_s);
    if (auto why = checkPassword(user.password))
        return invalid(*why, u"password"_s);
    if (auto why = checkScope(user))
        return invalid(*why, user.role == Role::Enterprise ? u"enterprise"_s : u"region"_s);
    auto hash = Secrets::hashPassword(user.password); // slow: before taking the writer lock
    if (!hash)
        return invalid(hash.error().message, u"password"_s);

    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    auto existing = m_db.exec(u"SELECT 1 FROM users WHERE username = ?"_s, {user.username});
    if (!existing)
        return storage(existing.error());
    if (existing.value().next())
        return exists(user.username);
    existing.value().finish();
    if (user.role == Role::Enterprise && user.requireRegistered) {
        auto registered = m_db.exec(u"SELECT 1 FROM registry WHERE uscc = ?"_s, {user.enterprise});
        if (!registered)
            return storage(registered.error());
        if (!registered.value().next())
            return invalid(
                u"the enterprise %1 is not in the registry; import it first"_s.arg(user.enterprise),
                u"enterprise"_s);
    }
    auto inserted =
        m_db.exec(u"INSERT INTO users (username, role, region, enterprise, "
                  "password_hash, disabled, created_at, must_change_password) "
                  "VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id"_s,
                  {user.username, roleName(user.role), nullIfEmpty(user.region),
                   nullIfEmpty(user.enterprise), hash.value(), now, user.oneTime ? 1 : 0});
    if (!inserted) {
        if (inserted.error().uniqueViolation)
            return exists(user.username);
        return storage(inserted.error());
    }
    User out{0,   user.username, user.role, user.region, user.enterprise, false,
             now, user.oneTime,  0};
    if (inserted.value().next())
        out.id = inserted.value().value(0).toLongLong();
    inserted.value().finish();
    auto audited = AuditLog::record(m_db, now, actor, AuditAction::UserAdded,
                                    {{u"username"_s, user.username},
                                     {u"role"_s, roleName(user.role)},
                                     {u"region"_s, user.region},
                                     {u"enterprise"_s, user.enterprise},
                                     {u"one_time_password"_s, user.oneTime}});
    if (!audited)
        return storage(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    return out;
}

Result<QList<User>, UserError> UserStore::list()
{
    auto query = m_db.exec(u"SELECT %1 FROM users ORDER BY username"_s.arg(kColumns));
    if (!query)
        return storage(query.error());
    QList<User> users;
    while (query.value().next())
        users.append(readUser(query.value()));
    return users;
}

Result<User, UserError> UserStore::find(const QString &username)
{
    auto found = findWithHash(m_db, username);
    if (!found)
        return found.error();
    return found.value().first;
}

Result<std::pair<User, QString>, UserError> UserStore::findWithHash(Database &db,
                                                                    const QString &username)
{
    auto query = db.exec(u"SELECT %1, password_hash FROM users WHERE username = ?"_s.arg(kColumns),
                         {username});
    if (!query)
        return storage(query.error());
    if (!query.value().next())
        return notFound(username);
    return std::pair{readUser(query.value()), query.value().value(9).toString()};
}

Result<User, UserError> UserStore::setDisabled(const QString &username, bool disabled,
                                               const QString &actor, qint64 now,
                                               std::optional<Role> actorRole)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    auto user = find(username);
    if (!user)
        return user.error();
    if (auto refused = checkActor(actorRole, user.value().role))
        return *refused;
    auto updated = m_db.run(u"UPDATE users SET disabled = ? WHERE id = ?"_s,
                            {disabled ? 1 : 0, user.value().id});
    if (!updated)
        return storage(updated.error());
    if (disabled) {
        auto revoked =
            m_db.run(u"UPDATE tokens SET revoked = 1 WHERE user_id = ?"_s, {user.value().id});
        if (!revoked)
            return storage(revoked.error());
    }
    auto audited = AuditLog::record(m_db, now, actor,
                                    disabled ? AuditAction::UserDisabled : AuditAction::UserEnabled,
                                    {{u"username"_s, username}});
    if (!audited)
        return storage(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    user.value().disabled = disabled;
    return user;
}

Result<User, UserError> UserStore::resetPassword(const QString &username, const QString &password,
                                                 const QString &actor, qint64 now, bool oneTime,
                                                 std::optional<Role> actorRole)
{
    if (actorRole) { // refused before the costly hash
        auto target = find(username);
        if (!target)
            return target.error();
        if (auto refused = checkActor(actorRole, target.value().role))
            return *refused;
    }
    if (auto why = checkPassword(password))
        return invalid(*why, u"password"_s);
    auto hash = Secrets::hashPassword(password);
    if (!hash)
        return invalid(hash.error().message, u"password"_s);
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    auto user = find(username);
    if (!user)
        return user.error();
    if (auto refused = checkActor(actorRole, user.value().role))
        return *refused;
    auto updated =
        m_db.run(u"UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?"_s,
                 {hash.value(), oneTime ? 1 : 0, user.value().id});
    if (!updated)
        return storage(updated.error());
    auto revoked =
        m_db.run(u"UPDATE tokens SET revoked = 1 WHERE user_id = ?"_s, {user.value().id});
    if (!revoked)
        return storage(revoked.error());
    auto audited = AuditLog::record(m_db, now, actor, AuditAction::PasswordReset,
                                    {{u"username"_s, username}, {u"one_time_password"_s, oneTime}});
    if (!audited)
        return storage(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    user.value().mustChangePassword = oneTime;
    return user;
}

Result<User, UserError> UserStore::setOwnPassword(const QString &username, const QString &newHash,
                                                  const QString &keepTokenHash, qint64 now)
{
    auto transaction = WriteTransaction::begin(m_db);
    if (!transaction)
        return storage(transaction.error());
    auto user = find(username);
    if (!user)
        return user.error();
    auto updated =
        m_db.run(u"UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?"_s,
                 {newHash, user.value().id});
    if (!updated)
        return storage(updated.error());
    auto revoked =
        m_db.run(u"UPDATE tokens SET revoked = 1 WHERE user_id = ? AND token_hash <> ?"_s,
                 {user.value().id, keepTokenHash});
    if (!revoked)
        return storage(revoked.error());
    auto audited = AuditLog::record(
        m_db, now, username, AuditAction::PasswordChanged,
        {{u"username"_s, username}, {u"was_one_time"_s, user.value().mustChangePassword}});
    if (!audited)
        return storage(audited.error());
    if (auto committed = transaction.value().commit(); !committed)
        return storage(committed.error());
    user.value().mustChangePassword = false;
    return user;
}

} // namespace gx::server
