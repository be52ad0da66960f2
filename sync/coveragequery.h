#pragma once

#include "core/indicators.h"
#include "core/regioncatalog.h"
#include "sync/database.h"

namespace gx::server {

/**
 * Reads what core's indicator engine needs for one period out of the store, in six queries
 * whatever the number of surveys: the registry; the enterprise records; the survey records of
 * the period, each with its latest review state (the `review` record about it with the highest
 * seq); the equipment records of those surveys; and the official figures of the period. Deleted
 * records (tombstones) are left out. The catalog is the server's.
 *
 * Each record's whole fields are read by core's own fromFields() functions, so that the engine
 * reads the store exactly as it reads a fixture. Reading dominates the cost (about 10 us per
 * record: 4 s for 50,000 enterprises and 370,000 equipment rows on SQLite).
 *
 * computeCoverage(load(period)) is GET /api/v1/stats/coverage; the exports read the same input.
 */
class CoverageQuery
{
public:
    CoverageQuery(Database &db, const RegionCatalog &catalog);

    [[nodiscard]] Result<IndicatorInput, DbError> load(int period);

private:
    /** id and the JSON text of each member of the live records of an entity. */
    [[nodiscard]] Result<QSqlQuery, DbError>
    selectMembers(const QString &entity, const QStringList &members, const QString &order);
    [[nodiscard]] DbStatus loadRegistry(IndicatorInput &input);
    [[nodiscard]] DbStatus loadEnterprises(IndicatorInput &input);
    [[nodiscard]] Result<QHash<QString, ReviewState>, DbError> loadReviewStates();
    [[nodiscard]] DbStatus loadSurveys(IndicatorInput &input);
    [[nodiscard]] DbStatus loadEquipment(IndicatorInput &input);
    [[nodiscard]] DbStatus loadOfficial(IndicatorInput &input);

    Database &m_db;
    const RegionCatalog &m_catalog;
};

} // namespace gx::server
