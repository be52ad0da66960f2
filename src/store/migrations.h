#pragma once

#include "core/result.h"
#include "store/storeerror.h"

#include <QtGlobal>

namespace gx {

class StoreDatabase;

/**
 * The device store's schema as numbered migrations, each applied once in its own transaction
 * and recorded in the table schema_migrations (version, name, applied_at), so that a device
 * updated to a new build carries its outbox and drafts over. Internal to gengxin_store.
 */
class Migrations
{
public:
    /** The schema version this build writes. */
    [[nodiscard]] static int latestVersion();
    /**
     * Applies every migration the database lacks and returns the resulting version. Refuses a
     * database whose schema is newer than this build (it would be misread). nowMillis stamps
     * the applied_at column.
     */
    [[nodiscard]] static Result<int, StoreError> apply(StoreDatabase &db, qint64 nowMillis);
};

} // namespace gx
