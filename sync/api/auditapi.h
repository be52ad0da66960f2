#pragma once

#include "sync/api/api.h"
#include "sync/store/auditlog.h"

namespace gx::server {

/**
 * GET /api/v1/audit?limit=N&action=NAME (office and admin): the newest entries of the audit log
 * first, as {"entries":[{"id","at","actor","action","detail"}]}; limit 1-1000 (default 100);
 * action one of the AuditAction names, optional. 400 with field `limit` or `action` otherwise.
 */
class AuditApi : public Api
{
public:
    explicit AuditApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

    /** The JSON of one entry, shared with `gengxin-server audit list`. */
    [[nodiscard]] static QJsonObject entryJson(const AuditEntry &entry);

private:
    [[nodiscard]] QHttpServerResponse list(const QHttpServerRequest &request);

    ServerContext &m_ctx;
};

} // namespace gx::server
