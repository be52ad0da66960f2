#pragma once

#include "core/regioncatalog.h"
#include "sync/store/database.h"

#include <QList>
#include <QString>

#include <optional>

namespace gx::server {

/** What a user may see and write (docs/design.md "Scopes"). */
enum class Role
{
    Inspector,  ///< records of their region
    Enterprise, ///< records of their enterprise (USCC)
    Office,     ///< everything; reviews, figures, exports
    Admin,      ///< everything; users and the registry
};

/** "inspector", "enterprise", "office", "admin". */
[[nodiscard]] QString roleName(Role role);
[[nodiscard]] std::optional<Role> roleFromName(QStringView name);

/** A user account as stored (never with its password hash). */
struct User
{
    qint64 id = 0;
    QString username;
    Role role = Role::Inspector;
    QString region;     ///< inspectors only
    QString enterprise; ///< enterprise users only (a USCC)
    bool disabled = false;
    qint64 createdAt = 0;
    /** Holds a one-time password: every call but POST /api/v1/password is refused until set. */
    bool mustChangePassword = false;
    qint64 lastLoginAt = 0; ///< 0: never logged in
};

/** The caller of a request, as its token proves. Other features scope their answers by it. */
struct AuthedUser
{
    qint64 id = 0;
    QString username;
    Role role = Role::Inspector;
    QString region;                  ///< inspectors
    QString enterprise;              ///< enterprise users
    QString tokenHash;               ///< of the token used, e.g. to revoke it
    bool mustChangePassword = false; ///< logged in with a one-time password

    /** Office and admin see and write everything. */
    [[nodiscard]] bool seesEverything() const
    {
        return role == Role::Office || role == Role::Admin;
    }
};

/** What `user add` asks for. */
struct NewUser
{
    QString username;
    Role role = Role::Inspector;
    QString region;
    QString enterprise;
    QString password;
    /** The password is one-time (made by the office): the user must set their own first. */
    bool oneTime = false;
    /** The enterprise must be in the registry (accounts made in the app; the CLI may add an
     * enterprise's account before its registry import). */
    bool requireRegistered = false;
};

struct UserError
{
    enum class Kind
    {
        Invalid,   ///< the request breaks a rule (message says which); nothing changed
        Exists,    ///< the user name is taken
        NotFound,  ///< no such user
        Forbidden, ///< the acting role may not change this account (office and admin accounts)
        Storage,   ///< the database failed
    };
    Kind kind = Kind::Invalid;
    QString message;
    QString field; ///< the member concerned ("username", "role", "region", "enterprise", ...)
};

/**
 * The user accounts (table users) and the rules they follow:
 * - a user name is 1-64 letters, digits or . _ @ - and starts with a letter or digit;
 * - a password has 8-256 characters (any, but no control characters);
 * - an inspector has a region of the catalog (a county or the development zone), an enterprise
 *   user a valid USCC, and office and admin users neither.
 * Every change is written with its audit-log row in one transaction; disabling a user or
 * resetting a password revokes every token of that user. The acting role, when given (the
 * HTTP calls; the CLI acts as the operator of the server and gives none), must be allowed to
 * manage the account's role (mayManage()), else Forbidden and nothing changes.
 */
class UserStore
{
public:
    static constexpr int kMinPasswordLength = 8;
    static constexpr int kMaxPasswordLength = 256;
    static constexpr int kMaxUsernameLength = 64;

    UserStore(Database &db, const RegionCatalog &regions);

    [[nodiscard]] Result<User, UserError> add(const NewUser &user, const QString &actor, qint64 now,
                                              std::optional<Role> actorRole = std::nullopt);
    [[nodiscard]] Result<QList<User>, UserError> list();
    [[nodiscard]] Result<User, UserError> find(const QString &username);
    /** The user and the stored password hash, for login. */
    [[nodiscard]] static Result<std::pair<User, QString>, UserError>
    findWithHash(Database &db, const QString &username);
    [[nodiscard]] Result<User, UserError> setDisabled(const QString &username, bool disabled,
                                                      const QString &actor, qint64 now,
                                                      std::optional<Role> actorRole = std::nullopt);
    /** Sets a password chosen by someone else (oneTime: the user must change it at login). */
    [[nodiscard]] Result<User, UserError>
    resetPassword(const QString &username, const QString &password, const QString &actor,
                  qint64 now, bool oneTime = false, std::optional<Role> actorRole = std::nullopt);
    /**
     * The user's own new password (already hashed, off the event loop): clears
     * mustChangePassword and revokes the user's tokens but `keepTokenHash` (the caller's);
     * audited as `password_changed`.
     */
    [[nodiscard]] Result<User, UserError> setOwnPassword(const QString &username,
                                                         const QString &newHash,
                                                         const QString &keepTokenHash, qint64 now);

    /** Whether a user of role `actor` may make or change accounts of role `target`: admin any,
     * office inspectors and enterprise users only, the others none. */
    [[nodiscard]] static bool mayManage(Role actor, Role target);

    /** Why a user name is refused, or nothing. */
    [[nodiscard]] static std::optional<QString> checkUsername(const QString &username);
    /** Why a password is refused, or nothing. */
    [[nodiscard]] static std::optional<QString> checkPassword(const QString &password);

private:
    [[nodiscard]] std::optional<QString> checkScope(const NewUser &user) const;

    Database &m_db;
    const RegionCatalog &m_regions;
};

} // namespace gx::server
