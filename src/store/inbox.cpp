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

QString text(const QJsonObject &fields, const char16_t *name)
{
    const QJsonValue v = fields.value(QString::fromUtf16(name));
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
    if (auto error = m_db.exec(q))
        return *error;
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
    if (auto error = m_db.exec(q))
        return *error;
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
    if (auto error = m_db.exec(q))
        return *error;
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

std::optional<StoreError> Inbox::storeConflict(const Change &change, qint64 nowMillis)
{
    if (change.deleted) {
        QSqlQuery &q = m_db.statement(u"DELETE FROM conflicts WHERE id = ?"_s);
        q.bindValue(0, change.id);
        return m_db.exec(q);
    }
    QSqlQuery &q = m_db.statement(
        u"INSERT INTO conflicts (id, rev, entity, record_id, field, fields, received_at)"
        u" VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, ?) ON CONFLICT (id) "
        u"DO UPDATE SET rev = excluded.rev,"
        u" entity = excluded.entity, record_id = excluded.record_id, field = excluded.field,"
        u" fields = excluded.fields WHERE excluded.rev >= conflicts.rev"_s);
    q.bindValue(0, change.id);
    q.bindValue(1, change.rev);
    q.bindValue(2, text(change.fields, u"entity"));
    q.bindValue(3, text(change.fields, u"record_id"));
    q.bindValue(4, text(change.fields, u"field"));
    q.bindValue(5, detail::jsonText(change.fields));
    q.bindValue(6, nowMillis);
    return m_db.exec(q);
}

std::optional<StoreError> Inbox::storeReview(const Change &change, qint64 nowMillis)
{
    if (change.deleted) {
        QSqlQuery &q = m_db.statement(u"DELETE FROM reviews WHERE id = ?"_s);
        q.bindValue(0, change.id);
        return m_db.exec(q);
    }
    QSqlQuery &q = m_db.statement(
        u"INSERT INTO reviews (id, rev, entity, record_id, state, comment, field, reviewed_at,"
        u" fields, received_at) VALUES (?, ?, coalesce(?, ''), coalesce(?, ''), coalesce(?, ''),"
        u" coalesce(?, ''), coalesce(?, ''), coalesce(?, ''), ?, ?) ON CONFLICT (id) DO UPDATE"
        u" SET rev = excluded.rev, entity = excluded.entity, record_id = excluded.record_id,"
        u" state = excluded.state, comment = excluded.comment, field = excluded.field,"
        u" reviewed_at = excluded.reviewed_at, fields = excluded.fields"
        u" WHERE excluded.rev >= reviews.rev"_s);
    q.bindValue(0, change.id);
    q.bindValue(1, change.rev);
    q.bindValue(2, text(change.fields, u"entity"));
    q.bindValue(3, text(change.fields, u"record_id"));
    q.bindValue(4, text(change.fields, u"state"));
    q.bindValue(5, text(change.fields, u"comment"));
    q.bindValue(6, text(change.fields, u"field"));
    q.bindValue(7, text(change.fields, u"reviewed_at"));
    q.bindValue(8, detail::jsonText(change.fields));
    q.bindValue(9, nowMillis);
    return m_db.exec(q);
}

} // namespace gx
