#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The versions of the survey definition (docs/api.md "Survey versions"), over FormStore:
 * GET /api/v1/forms -> [{"version","published_at","published_by","changes"}], oldest first;
 * GET /api/v1/forms/current -> the current definition (its `version` member says which);
 * GET /api/v1/forms/{version} -> that version's definition, 404 not_found;
 * POST /api/v1/forms[?dry_run=1] (office and admin) -> 201 (200 for a dry run)
 * {"version","changes"}; 422 invalid_form / incompatible_form, 409 version_conflict, with the
 * field concerned. Every logged-in user may read. A publish updates the server's FormVersions,
 * so the next push is judged against the new version at once.
 */
class FormsApi : public Api
{
public:
    explicit FormsApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse current(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse version(const QString &which,
                                              const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse publish(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
