#include "sync/records/serverschema.h"

#include "sync/records/coveragefacts.h"
#include "sync/records/recordfacts.h"

namespace gx::server {

Result<int, DbError> ServerSchema::apply(Database &db, qint64 nowMillis)
{
    static const Migrations::Backfills backfills{
        {3, RecordFacts::backfill},
        {4, CoverageFacts::rebuild},
    };
    return Migrations::apply(db, nowMillis, backfills);
}

} // namespace gx::server
