#pragma once

#include "sync/store/migrations.h"

namespace gx::server {

/**
 * The central store's schema with everything its migrations need: the store library's numbered
 * migrations, and the backfills of the tables this library owns (the indicator facts of
 * RecordFacts, the per-enterprise sums of CoverageFacts). Every command and test that opens a
 * server database migrates it through here.
 */
class ServerSchema
{
public:
    /** Brings the database to Migrations::latestVersion(); returns how many migrations ran. */
    [[nodiscard]] static Result<int, DbError> apply(Database &db, qint64 nowMillis);
};

} // namespace gx::server
