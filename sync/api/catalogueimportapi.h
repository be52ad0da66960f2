#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The catalogue of 供需对接 from the office's files (CatalogueImport):
 * POST /api/v1/catalogue?entity=provider|product|case[&dry_run=1] (office and admin), the file
 * as the body, CSV (`Content-Type: text/csv`) or an Excel workbook, as POST /api/v1/registry ->
 * 200 {"entity","dry_run","rows","added","updated","unchanged","errors":[]}; a dry run writes
 * nothing and is the preview. A file with any bad row is 422 `invalid_catalogue` with
 * "errors":[{"line","field","message"}] (the first kMaxErrors; "error_count" all of them) and
 * nothing is written; a missing or unknown entity is 400 (`field` "entity"); another
 * Content-Type 415. An import is one transaction with its audit row (`catalogue_imported`).
 */
class CatalogueImportApi : public Api
{
public:
    static constexpr qint64 kMaxBodyBytes = qint64(16) << 20;
    static constexpr int kMaxErrors = 500;

    explicit CatalogueImportApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse post(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
