#pragma once

#include "sync/store/database.h"

#include <QHash>

#include <memory>
#include <vector>

namespace gx::server {

/**
 * Prepared statements kept for reuse on one Database: a push of 1,000 mutations runs the same
 * handful of statements thousands of times, and preparing each anew (parsing the SQL, and on
 * PostgreSQL a round trip) costs as much as running it. Statements are prepared on first use
 * and bound anew on every run. The Database keeps one for its whole life (Database::statements()),
 * so a statement is prepared once per connection, not once per request; finishAll() releases
 * every result at the end of a request, so that no cursor outlives it (on PostgreSQL a
 * forward-only result still being fetched blocks the connection; on SQLite an active statement
 * holds a read snapshot and keeps the WAL from being reset). The cache holds at most kMaxSize
 * statements and starts over when full. Not for utility statements (BEGIN, SAVEPOINT, DDL):
 * PostgreSQL cannot prepare those.
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

    /** Finishes every statement's result (their preparation is kept) and frees the statements
     * dropped when the cache was full. */
    void finishAll();
    /** How many statements are kept. */
    [[nodiscard]] qsizetype size() const { return m_queries.size(); }

    static constexpr qsizetype kMaxSize = 200;

    /**
     * The length to give an `IN (?, ...)` list of n values (n <= 256): one of a few lengths, so
     * that lists of any length share a few prepared statements. Pad the values by repeating one.
     */
    [[nodiscard]] static qsizetype inListLength(qsizetype n)
    {
        for (const qsizetype length : {8, 32, 128})
            if (n <= length)
                return length;
        return 256;
    }

private:
    Database &m_db;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_queries;
    std::vector<std::shared_ptr<QSqlQuery>> m_retired; ///< dropped when full, freed by finishAll()
};

} // namespace gx::server
