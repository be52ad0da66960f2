#include "sync/records/mutationlog.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** Ids per lookup and rows per INSERT: well under both backends' parameter limits. */
constexpr qsizetype kIdsPerQuery = 256;
constexpr qsizetype kRowsPerInsert = 100;

QString placeholders(qsizetype n, const QString &one)
{
    QStringList list;
    list.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        list.append(one);
    return list.join(u", "_s);
}

Result<MutationResult, DbError> decodeStored(const QString &mutationId, const QString &stored)
{
    auto decoded = decodeMutationResult(QJsonDocument::fromJson(stored.toUtf8()).object());
    if (!decoded) {
        return DbError{DbError::Kind::Query,
                       u"the stored result of mutation %1 is unreadable: %2"_s.arg(
                           mutationId, decoded.error().message()),
                       false};
    }
    return decoded.value();
}

} // namespace

DbStatus MutationLog::prefetch(const QStringList &mutationIds)
{
    for (qsizetype at = 0; at < mutationIds.size(); at += kIdsPerQuery) {
        const QStringList chunk = mutationIds.mid(at, kIdsPerQuery);
        QVariantList params;
        params.reserve(chunk.size());
        for (const QString &id : chunk) {
            params.append(id);
            m_known.insert(id, std::nullopt);
        }
        const qsizetype length = StatementCache::inListLength(chunk.size());
        while (params.size() < length)
            params.append(chunk.constLast());
        auto query = m_statements.exec(
            u"SELECT mutation_id, result FROM mutations WHERE mutation_id IN (%1)"_s.arg(
                placeholders(length, u"?"_s)),
            params);
        if (!query)
            return query.error();
        QSqlQuery &q = *query.value();
        while (q.next()) {
            const QString id = q.value(0).toString();
            auto decoded = decodeStored(id, q.value(1).toString());
            if (!decoded) {
                q.finish();
                return decoded.error();
            }
            m_known.insert(id, decoded.value());
        }
        q.finish();
    }
    return Done{};
}

Result<std::optional<MutationResult>, DbError> MutationLog::find(const QString &mutationId)
{
    if (const auto known = m_known.constFind(mutationId); known != m_known.cend())
        return *known;
    auto query =
        m_statements.exec(u"SELECT result FROM mutations WHERE mutation_id = ?"_s, {mutationId});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    if (!q.next()) {
        q.finish();
        return std::optional<MutationResult>();
    }
    const QString stored = q.value(0).toString();
    q.finish();
    auto decoded = decodeStored(mutationId, stored);
    if (!decoded)
        return decoded.error();
    return std::optional<MutationResult>(decoded.value());
}

void MutationLog::record(const MutationResult &result, const QString &text, const QString &deviceId,
                         qint64 userId, qint64 at)
{
    m_known.insert(result.mutationId, result);
    m_pending.append(Row{result.mutationId, deviceId, userId, text, at});
}

DbStatus MutationLog::flush()
{
    for (qsizetype at = 0; at < m_pending.size(); at += kRowsPerInsert) {
        const qsizetype n = std::min(kRowsPerInsert, m_pending.size() - at);
        QVariantList params;
        params.reserve(n * 5);
        for (qsizetype i = at; i < at + n; ++i) {
            const Row &row = m_pending.at(i);
            params << row.mutationId << row.deviceId << row.userId << row.result << row.at;
        }
        auto written = m_statements.run(
            u"INSERT INTO mutations (mutation_id, device_id, user_id, result, at) VALUES %1"_s.arg(
                placeholders(n, u"(?, ?, ?, ?, ?)"_s)),
            params);
        if (!written)
            return written;
    }
    m_pending.clear();
    return Done{};
}

} // namespace gx::server
