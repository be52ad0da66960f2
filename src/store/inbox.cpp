#include "store/inbox.h"

#include "store/recordrows.h"
#include "store/storedatabase.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kConflictColumns = u"id, rev, entity, record_id, field, fields, dismissed"_s;
const QString kReviewColumns = u"id, rev, entity, record_id, state, comment, field, reviewed_at,"
                               u" fields, done"_s;

QString text(const QJsonObject &fields, QStringView name)
{
    const QJsonValue v = fields.value(name);
    return v.isString() ? v.toString() : QString();
}

ConflictNote conflictFromRow(const QSqlQuery &q)
{
    ConflictNote c;
    c.id = q.value(0).toString();
    c.rev = q.value(1).toLongLong();
    c.entity = q.value(2).toString();
    c.recordId = q.value(3).toString();
    c.field = q.value(4).toString();
    const QJsonObject f = detail::jsonObject(q.value(5).toString());
    c.keptValue = f.value(u"kept_value"_s);
    c.lostValue = f.value(u"lost_value"_s);
    c.keptHlc = text(f, u"kept_hlc");
    c.lostHlc = text(f, u"lost_hlc");
    c.lostDevice = text(f, u"lost_device");
    c.lostBy = text(f, u"lost_by");
    c.reason = text(f, u"reason");
    c.dismissed = q.value(6).toInt() != 0;
    return c;
}

ReviewTask reviewFromRow(const QSqlQuery &q)
{
    ReviewTask r;
    r.id = q.value(0).toString();
    r.rev = q.value(1).toLongLong();
    r.entity = q.value(2).toString();
    r.recordId = q.value(3).toString();
    r.state = q.value(4).toString();
    r.comment = q.value(5).toString();
    r.field = q.value(6).toString();
    r.reviewedAt = q.value(7).toString();
    r.reviewer = text(detail::jsonObject(q.value(8).toString()), u"reviewer");
    r.done = q.value(9).toInt() != 0;
    return r;
}

} // namespace

Inbox::Inbox(StoreDatabase &db)
    : m_db(db)
{}

Result<QList<ConflictNote>, StoreError> Inbox::readConflicts(const QString &sql,
                                                             const QStringList &binds)
{
    QSqlQuery &q = m_db.statement(sql);
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), binds.at(i));
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<ConflictNote> list;
    while (q.next())
        list.append(conflictFromRow(q));
    q.finish();
    return list;
}

Result<QList<ReviewTask>, StoreError> Inbox::readReviews(const QString &sql,
                                                         const QStringList &binds)
{
    QSqlQuery &q = m_db.statement(sql);
    for (qsizetype i = 0; i < binds.size(); ++i)
        q.bindValue(int(i), binds.at(i));
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<ReviewTask> list;
    while (q.next())
        list.append(reviewFromRow(q));
    q.finish();
    return list;
}

Result<bool, StoreError> Inbox::mark(const QString &sql, const QString &id)
{
    QSqlQuery &q = m_db.statement(sql);
    q.bindValue(0, id);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return q.numRowsAffected() > 0;
}

Result<QList<ConflictNote>, StoreError> Inbox::conflicts(bool includeDismissed)
{
    return readConflicts(u"SELECT "_s + kConflictColumns + u" FROM conflicts"_s +
                             (includeDismissed ? QString() : u" WHERE dismissed = 0"_s) +
                             u" ORDER BY received_at DESC, rowid DESC"_s,
                         {});
}

Result<QList<ConflictNote>, StoreError> Inbox::conflictsOf(const QString &entity,
                                                           const QString &recordId)
{
    return readConflicts(u"SELECT "_s + kConflictColumns +
                             u" FROM conflicts WHERE entity = ? AND record_id = ?"
                             u" ORDER BY received_at DESC, rowid DESC"_s,
                         {entity, recordId});
}

Result<bool, StoreError> Inbox::dismissConflict(const QString &id)
{
    return mark(u"UPDATE conflicts SET dismissed = 1 WHERE id = ?"_s, id);
}

Result<QList<ReviewTask>, StoreError> Inbox::reviewTasks()
{
    return readReviews(u"SELECT "_s + kReviewColumns +
                           u" FROM reviews r WHERE done = 0 AND state IN ('has_issues', 'rejected')"
                           u" AND NOT EXISTS (SELECT 1 FROM reviews l WHERE l.entity = r.entity"
                           u" AND l.record_id = r.record_id AND (l.reviewed_at > r.reviewed_at"
                           u" OR (l.reviewed_at = r.reviewed_at AND l.id > r.id)))"
                           u" ORDER BY reviewed_at DESC, id DESC"_s,
                       {});
}

Result<std::optional<ReviewTask>, StoreError> Inbox::latestReview(const QString &entity,
                                                                  const QString &recordId)
{
    auto list = readReviews(u"SELECT "_s + kReviewColumns +
                                u" FROM reviews WHERE entity = ? AND record_id = ?"
                                u" ORDER BY reviewed_at DESC, id DESC LIMIT 1"_s,
                            {entity, recordId});
    if (!list)
        return list.error();
    if (list.value().isEmpty())
        return std::optional<ReviewTask>();
    return std::optional(list.value().first());
}

Result<bool, StoreError> Inbox::markReviewDone(const QString &id)
{
    return mark(u"UPDATE reviews SET done = 1 WHERE id = ?"_s, id);
}

Status<StoreError> Inbox::storeConflict(const Change &change, qint64 nowMillis)
{
    static const QStringList columns{u"entity"_s, u"record_id"_s, u"field"_s};
    return upsert(u"conflicts"_s, columns, change, nowMillis);
}

Status<StoreError> Inbox::storeReview(const Change &change, qint64 nowMillis)
{
    static const QStringList columns{u"entity"_s,  u"record_id"_s, u"state"_s,
                                     u"comment"_s, u"field"_s,     u"reviewed_at"_s};
    return upsert(u"reviews"_s, columns, change, nowMillis);
}

Status<StoreError> Inbox::upsert(const QString &table, const QStringList &columns,
                                 const Change &change, qint64 nowMillis)
{
    if (change.deleted) {
        QSqlQuery &q = m_db.statement(u"DELETE FROM "_s + table + u" WHERE id = ?"_s);
        q.bindValue(0, change.id);
        return m_db.exec(q);
    }
    // An older revision arriving late (a resent pull page) never overwrites a newer one.
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders << u"coalesce(?, '')"_s;
        updates << column + u" = excluded."_s + column;
    }
    QSqlQuery &q = m_db.statement(
        u"INSERT INTO "_s + table + u" (id, rev, "_s + columns.join(u", "_s) +
        u", fields, received_at) VALUES (?, ?, "_s + placeholders.join(u", "_s) +
        u", ?, ?) ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, "_s + updates.join(u", "_s) +
        u", fields = excluded.fields WHERE excluded.rev >= "_s + table + u".rev"_s);
    int at = 0;
    q.bindValue(at++, change.id);
    q.bindValue(at++, change.rev);
    for (const QString &column : columns)
        q.bindValue(at++, text(change.fields, column));
    q.bindValue(at++, detail::jsonText(change.fields));
    q.bindValue(at, nowMillis);
    return m_db.exec(q);
}

} // namespace gx
