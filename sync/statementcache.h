#pragma once

#include "sync/database.h"

#include <QHash>

#include <memory>

namespace gx::server {

/**
 * Prepared statements kept for reuse on one Database: a push of 1,000 mutations runs the same
 * handful of statements thousands of times, and preparing each anew (parsing the SQL, and on
 * PostgreSQL a round trip) costs as much as running it. Statements are prepared on first use
 * and bound anew on every run; the cache lives as long as its owner (a RecordStore, a push).
 * Not for utility statements (BEGIN, SAVEPOINT, DDL): PostgreSQL cannot prepare those.
 */
class StatementCache
{
public:
    explicit StatementCache(Database &db)
        : m_db(db)
    {}
    ~StatementCache();
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    /**
     * Runs `sql` with positional parameters; a SELECT's query is positioned before its first
     * row. Callers that read rows call finish() on the query when done, so that it holds no
     * read cursor open.
     */
    [[nodiscard]] Result<QSqlQuery *, DbError> exec(const QString &sql, const QVariantList &params);
    /** Runs a statement whose rows do not matter. */
    [[nodiscard]] DbStatus run(const QString &sql, const QVariantList &params);

    [[nodiscard]] Database &db() { return m_db; }

private:
    Database &m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
};

} // namespace gx::server
