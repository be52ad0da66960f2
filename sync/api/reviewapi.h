#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * POST /api/v1/reviews {"entity","id","state","comment","field"} (office and admin): writes a
 * `review` record through ReviewStore, with its audit row, in one transaction, and answers 201
 * with the review's fields plus "id" and "rev". 400 (with `field`) for a bad request, 404 when the
 * record does not exist or is deleted.
 */
class ReviewApi : public Api
{
public:
    explicit ReviewApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse create(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
