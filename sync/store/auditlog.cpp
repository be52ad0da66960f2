#include "sync/store/auditlog.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

DbStatus AuditLog::record(Database &db, qint64 at, const QString &actor, QLatin1StringView action,
                          const QJsonObject &detail)
{
    return db.run(u"INSERT INTO audit_log (at, username, action, detail) VALUES (?, ?, ?, ?)"_s,
                  {at, actor, QString(action),
                   QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))});
}

Result<QList<AuditEntry>, DbError> AuditLog::recent(Database &db, int limit, const QString &action)
{
    const QString sql = action.isEmpty()
                            ? u"SELECT id, at, username, action, detail FROM audit_log "
                              "ORDER BY id DESC LIMIT ?"_s
                            : u"SELECT id, at, username, action, detail FROM audit_log "
                              "WHERE action = ? ORDER BY id DESC LIMIT ?"_s;
    auto query = action.isEmpty() ? db.exec(sql, {limit}) : db.exec(sql, {action, limit});
    if (!query)
        return query.error();
    QList<AuditEntry> out;
    QSqlQuery &q = query.value();
    while (q.next()) {
        out.append(AuditEntry{q.value(0).toLongLong(), q.value(1).toLongLong(),
                              q.value(2).toString(), q.value(3).toString(),
                              QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object()});
    }
    return out;
}

QString AuditLog::commandLineActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return u"cli:"_s + (user.isEmpty() ? u"unknown"_s : user);
}

} // namespace gx::server
