#pragma once

#include "sync/store/database.h"

#include <QString>

namespace gx::server {

/**
 * The table `coverage_facts`: what each enterprise's counted survey of a period adds to the
 * coverage figures, one row per (enterprise, period) that has one, so that
 * GET /api/v1/stats/coverage sums a few thousand narrow rows per region in SQL
 * (CoverageQuery::report()) instead of reading every survey and equipment row.
 *
 * A row holds the enterprise's region (the registry's, else its enterprise record's), whether
 * the registry lists it above size, and its survey's part of every numerator and denominator
 * (each already zero where core's engine would skip the survey or row), with the equipment sums
 * of that survey. It is worked out in SQL from the typed facts tables (RecordFacts) by the rules
 * of core's engine (src/core/indicators.h): the counted survey is the live `submitted` one whose
 * latest live review is not `rejected`, the greatest id winning; equipment rows are the live ones
 * of that survey. tst_server_coveragefacts checks it against the engine on generated stores.
 *
 * Kept in step without a per-row cost: writers mark what changed (RecordFacts for every record
 * write, registry writers with markEnterprise()), and the enterprises concerned are recomputed
 * once, before the transaction commits (a TransactionHook), whatever the number of rows written.
 * Outside a transaction the mark recomputes at once.
 */
class CoverageFacts
{
public:
    /** The enterprise (USCC) of a survey, its registry entry or its record changed. */
    [[nodiscard]] static DbStatus markEnterprise(Database &db, const QString &uscc);
    /** A survey's equipment or reviews changed (its enterprise is looked up at the commit). */
    [[nodiscard]] static DbStatus markSurvey(Database &db, const QString &surveyId);
    /** Recomputes every row (the migration that adds the table; bulk writes). */
    [[nodiscard]] static DbStatus rebuild(Database &db);
    /** Recomputes the rows of these enterprises (every period). */
    [[nodiscard]] static DbStatus recompute(Database &db, const QStringList &usccs);
};

} // namespace gx::server
