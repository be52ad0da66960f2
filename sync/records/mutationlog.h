#pragma once

#include "core/syncprotocol.h"
#include "sync/store/database.h"
#include "sync/store/statementcache.h"

#include <QHash>

#include <optional>

namespace gx::server {

/**
 * The table `mutations`: the result of every mutation a device pushed, keyed by its mutation_id
 * and written in the same transaction as its effect, so that a mutation sent again, to this
 * server or to another on the same database, is answered `duplicate` with the first result's rev
 * and error and has no second effect. Rejections are recorded too: a mutation has one answer,
 * whenever it is asked.
 *
 * A push looks up all its ids at once (prefetch(), one `IN (...)` query per few hundred ids) and
 * queues its rows (record()), which flush() writes in multi-row INSERTs before the transaction
 * commits; find() answers from both, so an id repeated within one push is a duplicate too.
 */
class MutationLog
{
public:
    explicit MutationLog(Database &db)
        : m_statements(db.statements())
    {}

    /** Reads the stored results of these ids (once per push, before find()). */
    [[nodiscard]] DbStatus prefetch(const QStringList &mutationIds);
    /**
     * The first result of a mutation id, or nothing if it was never processed. Ids not covered by
     * prefetch() are read from the table.
     */
    [[nodiscard]] Result<std::optional<MutationResult>, DbError> find(const QString &mutationId);
    /** Queues a result for flush() (inside the transaction of its effect). */
    /** `text` is result.toCompactJsonText(), which the caller also answers with. */
    void record(const MutationResult &result, const QString &text, const QString &deviceId,
                qint64 userId, qint64 at);
    /** Writes the queued results; call before the transaction commits. */
    [[nodiscard]] DbStatus flush();

private:
    struct Row
    {
        QString mutationId;
        QString deviceId;
        qint64 userId = 0;
        QString result;
        qint64 at = 0;
    };

    StatementCache &m_statements;
    QHash<QString, std::optional<MutationResult>> m_known; ///< prefetched or recorded
    QList<Row> m_pending;
};

} // namespace gx::server
