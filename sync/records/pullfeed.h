#pragma once

#include "core/syncprotocol.h"
#include "sync/records/recordscope.h"
#include "sync/store/database.h"

namespace gx::server {

/**
 * The change feed as one caller sees it (GET /api/v1/sync/pull): the records of their scope whose
 * seq is above the cursor, in seq order, a page at a time. Each change carries the record's whole
 * current fields; a tombstone carries `deleted: true` and no fields.
 *
 * One indexed range scan per page whatever the size of the store: office and admin read
 * `seq > ?` on the seq index, inspectors `region = ? AND seq > ?` on (region, seq), enterprise
 * users `enterprise = ? AND seq > ?` on (enterprise, seq), each with ORDER BY seq LIMIT n + 1
 * (the extra row says whether there is more). A pull with nothing new anywhere (the change-feed
 * counter at or below the cursor) is answered from one primary-key probe of the counter, so a
 * no-op sync costs the same however large the store.
 */
class PullFeed
{
public:
    static constexpr int kDefaultLimit = 500;

    explicit PullFeed(Database &db)
        : m_db(db)
    {}

    /** The page after `since` (a seq; 0 = from the start) of at most `limit` changes. */
    [[nodiscard]] Result<PullPage, DbError> page(const AccessScope &scope, qint64 since, int limit);

    /** The seq of the latest change the server made (0 before any): no cursor it handed out
     * is past it. */
    [[nodiscard]] Result<qint64, DbError> latestSeq();

    /** The statement page() runs and its parameters (for EXPLAIN in tests). */
    [[nodiscard]] static QString sql(const AccessScope &scope);
    [[nodiscard]] static QVariantList params(const AccessScope &scope, qint64 since, int limit);

private:
    Database &m_db;
};

} // namespace gx::server
