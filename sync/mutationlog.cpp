#include "sync/mutationlog.h"

#include "sync/serverlogging.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

Result<std::optional<MutationResult>, DbError> MutationLog::find(const QString &mutationId)
{
    auto query =
        m_statements.exec(u"SELECT result FROM mutations WHERE mutation_id = ?"_s, {mutationId});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    if (!q.next()) {
        q.finish();
        return std::optional<MutationResult>();
    }
    const QByteArray stored = q.value(0).toString().toUtf8();
    q.finish();
    auto decoded = decodeMutationResult(QJsonDocument::fromJson(stored).object());
    if (!decoded) {
        return DbError{DbError::Kind::Query,
                       u"the stored result of mutation %1 is unreadable: %2"_s.arg(
                           mutationId, decoded.error().message()),
                       false};
    }
    return std::optional<MutationResult>(decoded.value());
}

DbStatus MutationLog::record(const MutationResult &result, const QString &deviceId, qint64 userId,
                             qint64 at)
{
    const QString json =
        QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact));
    return m_statements.run(u"INSERT INTO mutations (mutation_id, device_id, user_id, result, at) "
                            "VALUES (?, ?, ?, ?, ?)"_s,
                            {result.mutationId, deviceId, userId, json, at});
}

} // namespace gx::server
