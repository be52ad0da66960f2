#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The statistics bureau's figures, entered by the office (office and admin only):
 * POST /api/v1/official-figures {"region","period","indicator","value","current","base"} upserts
 * one (200 with the figure; 400 with `field` when a member is wrong), and
 * GET /api/v1/official-figures?period=YEAR lists a period's, as {"period","figures":[...]}.
 */
class OfficialFiguresApi : public Api
{
public:
    explicit OfficialFiguresApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse set(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
