#include "sync/records/serverschema.h"

#include "sync/records/blobrefs.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/formstore.h"
#include "sync/records/recordfacts.h"
#include "sync/records/targetstore.h"

namespace gx::server {

Result<int, DbError> ServerSchema::apply(Database &db, qint64 nowMillis,
                                         const RegionCatalog &catalog, const FormDefinition &form)
{
    const Migrations::Backfills backfills{
        {3, RecordFacts::backfill},
        {4, CoverageFacts::rebuild},
        {5,
         [&catalog](Database &database) {
             return TargetStore::seed(database, catalog);
         }},
        {6,
         [&form](Database &database) {
             return BlobRefs::backfill(database, form);
         }},
        {7,
         [&form, nowMillis](Database &database) {
             return FormStore::seed(database, form, nowMillis);
         }},
    };
    return Migrations::apply(db, nowMillis, backfills);
}

} // namespace gx::server
