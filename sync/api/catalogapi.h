#pragma once

#include "sync/api/api.h"

namespace gx::server {

/**
 * What every logged-in user reads to judge surveys against their regions (the survey definition
 * is FormsApi's):
 * GET /api/v1/regions -> [{"code","name","name_en","targets":{"YEAR":{INDICATOR: number}}}],
 * the city first, then the counties and the development zone in the catalog's order, with the
 * targets of every period from the targets table (TargetStore), the same the figures use.
 */
class CatalogApi : public Api
{
public:
    explicit CatalogApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

    /** The body of GET /api/v1/regions. */
    [[nodiscard]] static QJsonArray regionsJson(const RegionCatalog &catalog);

private:
    /** On the read pool. */
    [[nodiscard]] ReadAnswer regions(const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
