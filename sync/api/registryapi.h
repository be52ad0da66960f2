#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The statistics bureau's registry from the office's app (RegistryImport, as `gengxin-server
 * registry import`): POST /api/v1/registry[?dry_run=1] (office and admin) with the file as the
 * body, `Content-Type: text/csv` or the XLSX type
 * (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; a body that is a zip is
 * read as a workbook either way) -> 200 {"dry_run","rows","added","updated","unchanged",
 * "enterprise_records","errors":[]}; a dry run writes nothing and is the preview. A file with
 * any bad row is 422 `invalid_registry` with "errors":[{"line","field","message"}] (the first
 * kMaxErrors, "error_count" all of them) and nothing of it is written; another Content-Type is
 * 415 `unsupported_media_type`. An import is one transaction with its audit row
 * (`registry_imported`, the caller as actor).
 */
class RegistryApi : public Api
{
public:
    /** The largest registry file (a city's list is ~1 MB as CSV). */
    static constexpr qint64 kMaxBodyBytes = qint64(16) << 20;
    static constexpr int kMaxErrors = 500;

    explicit RegistryApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse post(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
