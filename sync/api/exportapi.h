#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * GET /api/v1/export/coverage?period=YEAR&format=csv|xlsx (office and admin): the coverage report
 * as a file (CoverageExport), with Content-Type and `Content-Disposition: attachment;
 * filename="gengxin-coverage-YEAR.csv"`. 400 with field `period` or `format` when either is bad.
 * Each export is written to the audit log.
 */
class ExportApi : public Api
{
public:
    explicit ExportApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse coverage(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
