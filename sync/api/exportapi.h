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
    /** On the read pool; the audit row is written by the writer before the file is sent. */
    [[nodiscard]] ReadAnswer coverage(const ReadRequest &request, Database &db);
    [[nodiscard]] ReadAnswer records(const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
