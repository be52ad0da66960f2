#pragma once

#include "core/syncprotocol.h"
#include "sync/database.h"
#include "sync/statementcache.h"

#include <optional>

namespace gx::server {

/**
 * The table `mutations`: the result of every mutation a device pushed, keyed by its mutation_id
 * and written in the same transaction (savepoint) as its effect, so that a mutation sent again,
 * to this server or to another on the same database, is answered `duplicate` with the first
 * result's rev and error and has no second effect. Rejections are recorded too: a mutation has
 * one answer, whenever it is asked.
 */
class MutationLog
{
public:
    explicit MutationLog(Database &db)
        : m_statements(db)
    {}

    /** The first result of a mutation id, or nothing if it was never processed. */
    [[nodiscard]] Result<std::optional<MutationResult>, DbError> find(const QString &mutationId);
    /** Records a result (inside the transaction of its effect). */
    [[nodiscard]] DbStatus record(const MutationResult &result, const QString &deviceId,
                                  qint64 userId, qint64 at);

private:
    StatementCache m_statements;
};

} // namespace gx::server
