#pragma once

#include "sync/api/api.h"
#include "sync/http/httpfrontend.h"

namespace gx::server {

/**
 * POST /api/v1/login {"username","password"} -> {"token","role","region","enterprise"}
 * (401 wrong credentials or disabled user, 429 throttled, 400 malformed body), answered when
 * the password hash, checked off the event loop, is done;
 * POST /api/v1/logout revokes the caller's token (204);
 * POST /api/v1/password {"old","new"} sets the caller's own password (also with a one-time
 * password, which it clears), checked and hashed off the event loop.
 */
class AuthApi : public Api
{
public:
    explicit AuthApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    void login(const QHttpServerRequest &request, const HttpFrontend::Answer &answer);
    void changePassword(const QHttpServerRequest &request, const HttpFrontend::Answer &answer);
    [[nodiscard]] QHttpServerResponse logout(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
