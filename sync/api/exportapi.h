#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * GET /api/v1/export/coverage?period=YEAR&format=csv|xlsx (office and admin): the coverage report
 * as a file (CoverageExport), with Content-Type and `Content-Disposition: attachment;
 * filename="gengxin-coverage-YEAR.csv"`. 400 with field `period` or `format` when either is bad.
 * GET /api/v1/export/records?entity=enterprise|survey|equipment|key_process&period=YEAR&format=
 * csv|xlsx (office and admin): the records of one entity with every field of every version of the
 * survey definition (RecordExport), 400 with field `entity` for another entity.
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
    [[nodiscard]] QHttpServerResponse records(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
