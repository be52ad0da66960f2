#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/store/migrations.h"

namespace gx::server {

/**
 * The central store's schema with everything its migrations need: the store library's numbered
 * migrations, and the backfills of the tables this library owns (the indicator facts of
 * RecordFacts, the per-enterprise sums of CoverageFacts, the targets TargetStore seeds from the
 * region catalog, the blob references BlobRefs finds in the photo fields of the survey definition).
 * Every command and test that opens a server database migrates it through here.
 */
class ServerSchema
{
public:
    /**
     * Brings the database to Migrations::latestVersion(); returns how many migrations ran. The
     * migration that adds the targets table fills it with `catalog`'s targets (the server's
     * assets/regions), once: later starts read the table, whatever the file says. The one that
     * adds blob references reads the stored records' photo fields as `form` defines them.
     */
    [[nodiscard]] static Result<int, DbError>
    apply(Database &db, qint64 nowMillis, const RegionCatalog &catalog, const FormDefinition &form);
};

} // namespace gx::server
