#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * 供需对接 (SupplyDemandQuery): GET /api/v1/stats/supply-demand?period=YEAR (office and admin)
 * -> the demand of the period's counted surveys per county and equipment category beside the
 * local products and providers, with the figure local_supply_coverage per county and for the
 * city; `&region=CODE&category=CODE` -> the drill-down (the enterprises and their planned rows,
 * the local products and providers); `&format=xlsx` -> the report as a workbook (audit
 * `supply_demand_exported`).
 */
class SupplyDemandApi : public Api
{
public:
    explicit SupplyDemandApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    /** On the read pool; the xlsx's audit row is written by the writer before it is sent. */
    [[nodiscard]] ReadAnswer get(const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
