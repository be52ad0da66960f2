#pragma once

#include "core/indicators.h"
#include "core/regioncatalog.h"
#include "sync/store/database.h"
#include "sync/store/statementcache.h"

namespace gx::server {

/**
 * Reads what core's indicator engine needs for one period out of the store, in six queries
 * whatever the number of surveys: the registry; the enterprises; the surveys of the period, each
 * with its latest review state (the live `review` about it with the highest seq); the equipment
 * of those surveys; and the official figures of the period. Deleted records (tombstones) are
 * left out. The catalog gives the regions; the targets are the period's in table `targets`
 * (TargetStore), which replace the catalog's own.
 *
 * It reads the typed facts tables that RecordFacts keeps in step with every record write (read
 * there by core's own fromFields()), never the records' JSON, so that the engine reads the store
 * exactly as it reads a fixture. QtSql's cost per value now dominates (about 2 s for 50,000
 * enterprises and 370,000 equipment rows on SQLite, against 4 s or more parsing the JSON).
 *
 * computeCoverage(load(period)) is what the exports compute; GET /api/v1/stats/coverage answers
 * report(period), the same figures from stored per-enterprise sums.
 */
class CoverageQuery
{
public:
    CoverageQuery(Database &db, const RegionCatalog &catalog);

    [[nodiscard]] Result<IndicatorInput, DbError> load(int period);

    /**
     * The coverage report of a period from the per-enterprise rows of `coverage_facts`
     * (CoverageFacts), summed per region in SQL: a handful of narrow rows per region instead of
     * every survey and equipment row, so its cost follows the number of counted surveys, not of
     * the equipment. Equal to computeCoverage(load(period)) in every figure, numerator,
     * denominator, target and count (sums of fractions up to the rounding of their order of
     * addition); tst_server_coveragefacts compares the two.
     */
    [[nodiscard]] Result<CoverageReport, DbError> report(int period);

    /**
     * The periods the office may look at: those with a target, a live survey or an official
     * figure, ascending (GET /api/v1/targets without a period).
     */
    [[nodiscard]] Result<QList<int>, DbError> periods();

private:
    [[nodiscard]] DbStatus loadRegistry(IndicatorInput &input);
    [[nodiscard]] DbStatus loadEnterprises(IndicatorInput &input);
    [[nodiscard]] Result<QHash<QString, ReviewState>, DbError> loadReviewStates(int period);
    [[nodiscard]] DbStatus loadSurveys(IndicatorInput &input);
    [[nodiscard]] DbStatus loadEquipment(IndicatorInput &input);
    [[nodiscard]] DbStatus loadOfficial(IndicatorInput &input);

    Database &m_db;
    StatementCache &m_statements;
    const RegionCatalog &m_catalog;
};

} // namespace gx::server
