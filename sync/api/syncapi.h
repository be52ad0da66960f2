#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The sync calls (docs/design.md "Sync", docs/api.md):
 * POST /api/v1/sync/push {"device_id","mutations":[...]} -> {"results":[...]} in the same order,
 * answered only after the batch is committed (PushProcessor); a request the codec refuses is
 * answered 400 with the offending member's path as `field` and nothing is applied;
 * GET /api/v1/sync/pull?since=CURSOR&limit=N -> {"changes","cursor","more"} (PullFeed),
 * limit 500 by default and capped at the protocol's maxChanges (1,000), served by the read pool
 * from one snapshot of committed data (a push still open is not seen, nor its sequence numbers).
 * Any logged-in user; each sees and writes only their scope.
 */
class SyncApi : public Api
{
public:
    /**
     * The largest push body: a push is one write transaction that holds every other writer
     * while it runs, so one push may not be large enough to stall the server for long (a
     * device halves its batch on 413; 200 typical mutations are ~100 KB).
     */
    static constexpr qint64 kMaxPushBytes = qint64(4) << 20;

    explicit SyncApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    [[nodiscard]] QHttpServerResponse push(const QHttpServerRequest &request);
    /** On the read pool. */
    [[nodiscard]] ReadAnswer pull(const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
