#include "sync/api/usersapi.h"

#include "sync/store/secrets.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/** An optional string member: "" when absent or null, else the 400 naming it. */
Result<QString, HttpError> optionalString(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return HttpError::badRequest(u"'%1' must be a string."_s.arg(name), name);
    if (value.toString().size() > 256)
        return HttpError::badRequest(u"'%1' is longer than 256 characters."_s.arg(name), name);
    return value.toString();
}

/** The first letter in upper case and a full stop: the store's sentences as answers. */
QString sentence(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    out[0] = out[0].toUpper();
    return out.endsWith(u'.') ? out : out + u'.';
}

} // namespace

HttpError userFailure(const UserError &error)
{
    const QString message = sentence(error.message);
    switch (error.kind) {
    case UserError::Kind::Invalid:
        return HttpError::unprocessable(ErrorCode::InvalidUser, message, error.field);
    case UserError::Kind::Exists:
        return HttpError{
            StatusCode::Conflict, ApiError{QString(ErrorCode::Conflict), message, error.field}, {}};
    case UserError::Kind::NotFound:
        return HttpError::notFound(message);
    case UserError::Kind::Forbidden:
        return HttpError{StatusCode::Forbidden,
                         ApiError{QString(ErrorCode::Forbidden), message, error.field},
                         {}};
    case UserError::Kind::Storage:
        break;
    }
    return storageFailure(DbError{DbError::Kind::Query, error.message, false});
}

QJsonObject UsersApi::toJson(const User &user)
{
    return QJsonObject{
        {u"username"_s, user.username},
        {u"role"_s, roleName(user.role)},
        {u"region"_s, nullIfEmpty(user.region)},
        {u"enterprise"_s, nullIfEmpty(user.enterprise)},
        {u"disabled"_s, user.disabled},
        {u"created_at"_s, user.createdAt},
        {u"last_login_at"_s,
         user.lastLoginAt > 0 ? QJsonValue(user.lastLoginAt) : QJsonValue(QJsonValue::Null)},
        {u"must_change_password"_s, user.mustChangePassword},
    };
}

void UsersApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Get, u"/api/v1/users"_s,
               [this](const QHttpServerRequest &request) { return list(request); });
    http.route(Method::Post, u"/api/v1/users"_s,
               [this](const QHttpServerRequest &request) { return create(request); });
    http.route(Method::Post, u"/api/v1/users/<arg>/disable"_s,
               [this](const QString &name, const QHttpServerRequest &request) {
                   return setDisabled(name, request, true);
               });
    http.route(Method::Post, u"/api/v1/users/<arg>/enable"_s,
               [this](const QString &name, const QHttpServerRequest &request) {
                   return setDisabled(name, request, false);
               });
    http.route(Method::Post, u"/api/v1/users/<arg>/reset-password"_s,
               [this](const QString &name, const QHttpServerRequest &request) {
                   return resetPassword(name, request);
               });
}

QHttpServerResponse UsersApi::list(const QHttpServerRequest &request)
{
    auto caller = m_ctx.auth.requireOffice(request);
    if (!caller)
        return HttpFrontend::error(caller.error());
    auto users = UserStore(m_ctx.db, m_ctx.regions).list();
    if (!users)
        return HttpFrontend::error(userFailure(users.error()));
    QJsonArray out;
    for (const User &user : std::as_const(users.value()))
        out.append(toJson(user));
    return HttpFrontend::json(out);
}

QHttpServerResponse UsersApi::create(const QHttpServerRequest &request)
{
    auto caller = m_ctx.auth.requireOffice(request);
    if (!caller)
        return HttpFrontend::error(caller.error());
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return HttpFrontend::error(body.error());
    NewUser user;
    for (const auto &[name, target] :
         {std::pair{u"username"_s, &user.username}, std::pair{u"region"_s, &user.region},
          std::pair{u"enterprise"_s, &user.enterprise}}) {
        auto value = optionalString(body.value(), name);
        if (!value)
            return HttpFrontend::error(value.error());
        *target = value.value();
    }
    auto roleText = optionalString(body.value(), u"role"_s);
    if (!roleText)
        return HttpFrontend::error(roleText.error());
    const auto role = roleFromName(roleText.value());
    if (!role)
        return HttpFrontend::error(HttpError::unprocessable(
            ErrorCode::InvalidUser,
            u"'role' must be inspector, enterprise, office or admin, not '%1'."_s.arg(
                roleText.value()),
            u"role"_s));
    user.role = *role;
    user.password = Secrets::oneTimePassword();
    user.oneTime = true;
    user.requireRegistered = true;
    auto added = UserStore(m_ctx.db, m_ctx.regions)
                     .add(user, caller.value().username, m_ctx.now(), caller.value().role);
    if (!added)
        return HttpFrontend::error(userFailure(added.error()));
    const User &made = added.value();
    return HttpFrontend::json(QJsonObject{{u"username"_s, made.username},
                                          {u"role"_s, roleName(made.role)},
                                          {u"region"_s, nullIfEmpty(made.region)},
                                          {u"enterprise"_s, nullIfEmpty(made.enterprise)},
                                          {u"password"_s, user.password}},
                              StatusCode::Created);
}

QHttpServerResponse UsersApi::setDisabled(const QString &username,
                                          const QHttpServerRequest &request, bool disabled)
{
    auto caller = m_ctx.auth.requireOffice(request);
    if (!caller)
        return HttpFrontend::error(caller.error());
    if (disabled && username == caller.value().username)
        return HttpFrontend::error(HttpError::unprocessable(
            ErrorCode::InvalidUser, u"You cannot disable your own account."_s, u"username"_s));
    auto changed = UserStore(m_ctx.db, m_ctx.regions)
                       .setDisabled(username, disabled, caller.value().username, m_ctx.now(),
                                    caller.value().role);
    if (!changed)
        return HttpFrontend::error(userFailure(changed.error()));
    return HttpFrontend::json(toJson(changed.value()));
}

QHttpServerResponse UsersApi::resetPassword(const QString &username,
                                            const QHttpServerRequest &request)
{
    auto caller = m_ctx.auth.requireOffice(request);
    if (!caller)
        return HttpFrontend::error(caller.error());
    const QString password = Secrets::oneTimePassword();
    auto changed = UserStore(m_ctx.db, m_ctx.regions)
                       .resetPassword(username, password, caller.value().username, m_ctx.now(),
                                      true, caller.value().role);
    if (!changed)
        return HttpFrontend::error(userFailure(changed.error()));
    return HttpFrontend::json(QJsonObject{{u"password"_s, password}});
}

} // namespace gx::server
