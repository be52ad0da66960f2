#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * The targets per period (TargetStore), which the figures and GET /api/v1/regions judge against:
 * GET /api/v1/targets?period=YEAR (any logged-in user, as /regions) ->
 * {"period","regions":[{"region","targets":{INDICATOR: number}}]}, every region of the catalog;
 * GET /api/v1/targets without a period -> {"periods":[YEAR, ...]}, the periods with targets or
 * data (CoverageQuery::periods()), for the dashboard's choice of period;
 * PUT /api/v1/targets?period=YEAR {"regions":[{"region","targets":{INDICATOR: number or
 * null}}]} (office and admin) -> 200 and the period's targets after the change: the named
 * targets are set, null removes one, the rest are kept. A refused value is 422
 * `invalid_targets` with `field` (e.g. `regions[2].targets.key_process_cnc_rate`) and nothing
 * changes; a body of the wrong shape is 400. Every change has an audit row (`targets_set`).
 */
class TargetsApi : public Api
{
public:
    explicit TargetsApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    /** On the read pool. */
    [[nodiscard]] ReadAnswer get(const ReadRequest &request, Database &db);
    [[nodiscard]] QHttpServerResponse put(const QHttpServerRequest &request);
    [[nodiscard]] QHttpServerResponse periodTargets(Database &db, int period);

    ServerContext &m_ctx;
};

} // namespace gx::server
