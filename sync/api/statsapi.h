#pragma once

#include "sync/api/api.h"
#include "sync/http/httpfrontend.h"

#include <QUrlQuery>

namespace gx::server {

/**
 * The `period` query parameter of the figures' calls: a year from 2000 to 2100, required; else
 * the 400 to answer (field `period`).
 */
[[nodiscard]] Result<int, HttpError> periodParameter(const QUrlQuery &query);

/** Who asks for the figures of which year. */
struct FiguresRequest
{
    AuthedUser user;
    int period = 0;
};

/**
 * What every call on the figures of a year checks first: an office or admin caller (else 401 or
 * 403) and a valid `period` (periodParameter()).
 */
[[nodiscard]] Result<FiguresRequest, HttpError>
figuresRequest(const AuthService &auth, const ReadRequest &request, Database &db);

/**
 * GET /api/v1/stats/coverage?period=YEAR (office and admin; 403 `forbidden` for others): every
 * indicator per region and citywide, as core's engine (computeCoverage) would compute it over
 * the store, summed in SQL from the per-enterprise coverage rows (CoverageQuery::report()),
 * answered as CoverageReport::toJson(). Served by the read pool.
 */
class StatsApi : public Api
{
public:
    explicit StatsApi(ServerContext &context)
        : m_ctx(context)
    {}

    void registerRoutes(HttpFrontend &http) override;

private:
    /** On the read pool. */
    [[nodiscard]] ReadAnswer coverage(const ReadRequest &request, Database &db);

    ServerContext &m_ctx;
};

} // namespace gx::server
