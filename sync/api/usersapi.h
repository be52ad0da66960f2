#pragma once

#include "sync/api/api.h"
#include "sync/http/httpfrontend.h"

namespace gx::server {

/**
 * The accounts, from the app (office and admin; docs/api.md "Accounts"):
 * GET /api/v1/users -> [{"username","role","region","enterprise","disabled","created_at",
 * "last_login_at","must_change_password"}] by user name, never a password or a hash;
 * POST /api/v1/users {"username","role","region"?,"enterprise"?} -> 201 with a one-time
 * "password" (Secrets::oneTimePassword(), shown once: the user sets their own at first login);
 * POST /api/v1/users/{username}/disable, /enable -> 200 the account (disabling revokes its
 * tokens); POST /api/v1/users/{username}/reset-password -> 200 {"password"}, one-time, tokens
 * revoked. Office may make and change inspector and enterprise accounts only (403 `forbidden`
 * otherwise); a taken name is 409 `conflict`; a bad name, role, region or enterprise (an
 * enterprise must be in the registry) 422 `invalid_user` with `field`; nothing is written then.
 * Every change has its audit row with the caller as actor (UserStore).
 */
class UsersApi : public Api
{
public:
    explicit UsersApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

    /** An account as the list shows it. */
    [[nodiscard]] static QJsonObject toJson(const User &user);

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse create(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse setDisabled(const QString &username,
                                                  const QHttpServerRequest &request, bool disabled);
    [[nodiscard]] QHttpServerResponse resetPassword(const QString &username,
                                                    const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

/** The answer for a refused account change: 422, 409, 404, 403 or 500. */
[[nodiscard]] HttpError userFailure(const UserError &error);

} // namespace gx::server
