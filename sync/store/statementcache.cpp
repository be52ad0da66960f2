#include "sync/store/statementcache.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

DbError failure(const QSqlQuery &query, const QString &sql)
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    const QString code = error.nativeErrorCode();
    // SQLite's extended codes for UNIQUE/PRIMARY KEY (2067, 1555) and its base 19; PostgreSQL's
    // SQLSTATE 23505.
    const bool unique =
        code == "2067"_L1 || code == "1555"_L1 || code == "19"_L1 || code == "23505"_L1;
    return DbError{DbError::Kind::Query,
                   u"database error: %1 (in: %2)"_s.arg(text, sql.simplified().left(120)), unique};
}

} // namespace

StatementCache::~StatementCache() = default;

Result<QSqlQuery *, DbError> StatementCache::exec(const QString &sql, const QVariantList &params)
{
    if (m_queries.size() >= kMaxSize && !m_queries.contains(sql)) {
        // Start over, but keep the old statements alive until finishAll(): a caller may still be
        // reading one of them.
        for (const std::shared_ptr<QSqlQuery> &query : std::as_const(m_queries))
            m_retired.push_back(query);
        m_queries.clear();
    }
    std::shared_ptr<QSqlQuery> &slot = m_queries[sql];
    if (!slot) {
        auto query = std::make_shared<QSqlQuery>(m_db.connection());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            const DbError error = failure(*query, sql);
            m_queries.remove(sql);
            return error;
        }
        slot = query;
    }
    QSqlQuery *query = slot.get();
    for (int i = 0; i < params.size(); ++i)
        query->bindValue(i, params.at(i));
    if (!query->exec())
        return failure(*query, sql);
    return query;
}

void StatementCache::finishAll()
{
    for (const std::shared_ptr<QSqlQuery> &query : std::as_const(m_queries))
        query->finish();
    m_retired.clear();
}

DbStatus StatementCache::run(const QString &sql, const QVariantList &params)
{
    auto query = exec(sql, params);
    if (!query)
        return query.error();
    query.value()->finish();
    return Done{};
}

} // namespace gx::server
