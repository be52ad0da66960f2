#include "sync/api/authapi.h"

#include "sync/http/httpfrontend.h"

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/** A required string member of a body, or the 400 naming it. */
Result<QString, HttpError> requiredString(const QJsonObject &body, const QString &name,
                                          qsizetype maxLength)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return HttpError::badRequest(u"'%1' is missing."_s.arg(name), name);
    if (!value.isString())
        return HttpError::badRequest(u"'%1' must be a string."_s.arg(name), name);
    if (value.toString().size() > maxLength)
        return HttpError::badRequest(
            u"'%1' is longer than %2 characters."_s.arg(name).arg(maxLength), name);
    return value.toString();
}

} // namespace

void AuthApi::registerRoutes(HttpFrontend &http)
{
    http.routeDeferred(Method::Post, u"/api/v1/login"_s,
                       [this](const QHttpServerRequest &request,
                              const HttpFrontend::Answer &answer) { login(request, answer); });
    http.route(Method::Post, u"/api/v1/logout"_s,
               [this](const QHttpServerRequest &request) { return logout(request); });
    http.routeDeferred(
        Method::Post, u"/api/v1/password"_s,
        [this](const QHttpServerRequest &request, const HttpFrontend::Answer &answer) {
            changePassword(request, answer);
        });
}

void AuthApi::login(const QHttpServerRequest &request, const HttpFrontend::Answer &answer)
{
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return answer(HttpFrontend::error(body.error()));
    auto username = requiredString(body.value(), u"username"_s, UserStore::kMaxUsernameLength);
    if (!username)
        return answer(HttpFrontend::error(username.error()));
    // Longer than any password can be: refused before the costly hash.
    auto password = requiredString(body.value(), u"password"_s, 4 * UserStore::kMaxPasswordLength);
    if (!password)
        return answer(HttpFrontend::error(password.error()));

    // The hash runs off the event loop; the answer is made back on it.
    m_ctx.auth.login(username.value(), password.value(), request.remoteAddress(),
                     [answer](Result<LoginResult, HttpError> result) {
                         if (!result)
                             return answer(HttpFrontend::error(result.error()));
                         const LoginResult &login = result.value();
                         answer(HttpFrontend::json(QJsonObject{
                             {u"token"_s, login.token},
                             {u"role"_s, roleName(login.user.role)},
                             {u"region"_s, nullIfEmpty(login.user.region)},
                             {u"enterprise"_s, nullIfEmpty(login.user.enterprise)},
                             {u"must_change_password"_s, login.user.mustChangePassword}}));
                     });
}

void AuthApi::changePassword(const QHttpServerRequest &request, const HttpFrontend::Answer &answer)
{
    auto user = m_ctx.auth.requireUserWithOneTimePassword(request);
    if (!user)
        return answer(HttpFrontend::error(user.error()));
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return answer(HttpFrontend::error(body.error()));
    auto oldPassword = requiredString(body.value(), u"old"_s, 4 * UserStore::kMaxPasswordLength);
    if (!oldPassword)
        return answer(HttpFrontend::error(oldPassword.error()));
    auto newPassword = requiredString(body.value(), u"new"_s, 4 * UserStore::kMaxPasswordLength);
    if (!newPassword)
        return answer(HttpFrontend::error(newPassword.error()));
    m_ctx.auth.changePassword(
        user.value(), oldPassword.value(), newPassword.value(),
        [answer](Result<User, HttpError> result) {
            if (!result)
                return answer(HttpFrontend::error(result.error()));
            answer(HttpFrontend::json(QJsonObject{{u"username"_s, result.value().username},
                                                  {u"must_change_password"_s, false}}));
        });
}

QHttpServerResponse AuthApi::logout(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireUserWithOneTimePassword(request);
    if (!user)
        return HttpFrontend::error(user.error());
    if (auto revoked = m_ctx.auth.revoke(user.value()); !revoked)
        return HttpFrontend::error(storageFailure(revoked.error()));
    return QHttpServerResponse(StatusCode::NoContent);
}

} // namespace gx::server
