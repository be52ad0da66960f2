#include "store/storequeries.h"

#include "store/recordrows.h"
#include "store/storedatabase.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx {

QJsonObject RowSummary::fields() const
{
    return detail::jsonObject(fieldsJson);
}

StoreQueries::StoreQueries(StoreDatabase &db)
    : m_db(db)
{}

Result<QList<EnterpriseRow>, StoreError> StoreQueries::enterprises(const EnterpriseQuery &query)
{
    // Two statements, so that the region's index serves the common case.
    const QString sql =
        u"SELECT e.id, e.q_name, e.q_region, s.id, s.q_state, s.local_state FROM records e"
        u" LEFT JOIN records s ON s.parent_id = e.id AND s.entity = 'survey' AND s.deleted = 0"
        u" AND s.q_period = ?"
        u" WHERE e.entity = 'enterprise' AND e.deleted = 0"_s +
        (query.region.isEmpty() ? u" AND coalesce(?, '') = ''"_s : u" AND e.q_region = ?"_s) +
        u" AND (coalesce(?, '') = '' OR substr(e.id, 1, length(?)) = ? OR instr(e.q_name, ?) > 0)"
        u" AND (? = 0 OR (? = 1 AND s.id IS NULL)"
        u" OR (? = 2 AND s.id IS NOT NULL AND coalesce(s.q_state, 'draft') <> 'submitted')"
        u" OR (? = 3 AND s.q_state = 'submitted'))"
        u" ORDER BY e.q_name, e.id, s.rowid"_s;
    QSqlQuery &q = m_db.statement(sql);
    const QString search = query.search.trimmed();
    const int filter = static_cast<int>(query.filter);
    q.bindValue(0, query.period);
    q.bindValue(1, query.region);
    q.bindValue(2, search);
    q.bindValue(3, search.toUpper());
    q.bindValue(4, search.toUpper());
    q.bindValue(5, search);
    for (int i = 6; i < 10; ++i)
        q.bindValue(i, filter);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<EnterpriseRow> rows;
    QString previous;
    while (q.next()) {
        const QString uscc = q.value(0).toString();
        if (uscc == previous)
            continue; // two surveys of one enterprise and period (before a fold): the first
        previous = uscc;
        rows.append({uscc, q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                     q.value(4).toString(), static_cast<LocalState>(q.value(5).toInt())});
    }
    q.finish();
    return rows;
}

Result<std::optional<SurveyView>, StoreError> StoreQueries::survey(const QString &surveyId)
{
    auto record = detail::RecordRows(m_db).read(u"survey"_s, surveyId);
    if (!record)
        return record.error();
    if (!record.value() || record.value()->deleted)
        return std::optional<SurveyView>();
    SurveyView view;
    view.survey = std::move(*record.value());

    QSqlQuery &q = m_db.statement(
        u"SELECT entity, id, q_name, json_extract(fields, '$.category'),"
        u" json_extract(fields, '$.status'), local_state, fields FROM records"
        u" WHERE parent_id = ? AND deleted = 0 AND entity IN ('equipment', 'key_process')"
        u" ORDER BY entity, rowid"_s);
    q.bindValue(0, surveyId);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    while (q.next()) {
        RowSummary row{q.value(0).toString(), q.value(1).toString(),
                       q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), static_cast<LocalState>(q.value(5).toInt()),
                       q.value(6).toString()};
        (row.entity == u"equipment"_s ? view.equipment : view.keyProcesses).append(std::move(row));
    }
    q.finish();
    return std::optional(std::move(view));
}

Result<BadgeCounts, StoreError> StoreQueries::badgeCounts()
{
    QSqlQuery &q = m_db.statement(
        u"SELECT (SELECT count(*) FROM records WHERE local_state = 1),"
        u" (SELECT count(*) FROM records WHERE local_state = 3),"
        u" (SELECT count(*) FROM conflicts WHERE dismissed = 0),"
        u" (SELECT count(*) FROM reviews r WHERE done = 0 AND state IN ('has_issues', 'rejected')"
        u" AND NOT EXISTS (SELECT 1 FROM reviews l WHERE l.entity = r.entity"
        u" AND l.record_id = r.record_id AND (l.reviewed_at > r.reviewed_at"
        u" OR (l.reviewed_at = r.reviewed_at AND l.id > r.id))))"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    BadgeCounts counts;
    if (q.next()) {
        counts = BadgeCounts{q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(),
                             q.value(3).toInt()};
    }
    q.finish();
    return counts;
}

Result<QHash<QString, EnterpriseBadges>, StoreError> StoreQueries::enterpriseBadges(int period)
{
    // Open tasks and live conflicts, each attributed to its enterprise through the record it
    // concerns: the enterprise itself, a survey, or a row of a survey.
    QSqlQuery &q = m_db.statement(
        u"WITH notes AS ("
        u" SELECT r.entity, r.record_id, 1 AS task, 0 AS conflict FROM reviews r"
        u" WHERE r.done = 0 AND r.state IN ('has_issues', 'rejected')"
        u" AND NOT EXISTS (SELECT 1 FROM reviews l WHERE l.entity = r.entity"
        u" AND l.record_id = r.record_id AND (l.reviewed_at > r.reviewed_at"
        u" OR (l.reviewed_at = r.reviewed_at AND l.id > r.id)))"
        u" UNION ALL SELECT entity, record_id, 0, 1 FROM conflicts WHERE dismissed = 0)"
        u" SELECT CASE WHEN n.entity = 'enterprise' THEN n.record_id ELSE s.parent_id END AS uscc,"
        u" sum(n.task), sum(n.conflict) FROM notes n"
        u" LEFT JOIN records x ON x.entity = n.entity AND x.id = n.record_id"
        u" LEFT JOIN records s ON s.entity = 'survey'"
        u" AND s.id = CASE WHEN n.entity = 'survey' THEN n.record_id ELSE x.parent_id END"
        u" WHERE n.entity = 'enterprise' OR (s.q_period = ? AND s.deleted = 0)"
        u" GROUP BY uscc"_s);
    q.bindValue(0, period);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QHash<QString, EnterpriseBadges> badges;
    while (q.next()) {
        if (!q.value(0).isNull())
            badges.insert(q.value(0).toString(), {q.value(1).toInt(), q.value(2).toInt()});
    }
    q.finish();
    return badges;
}

Result<QList<SurveySummary>, StoreError> StoreQueries::surveysOf(const QString &uscc)
{
    QSqlQuery &q = m_db.statement(u"SELECT id, q_period, q_state, local_state FROM records"
                                  u" WHERE parent_id = ? AND entity = 'survey' AND deleted = 0"
                                  u" ORDER BY q_period DESC, rowid"_s);
    q.bindValue(0, uscc);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<SurveySummary> surveys;
    while (q.next()) {
        surveys.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(),
                        static_cast<LocalState>(q.value(3).toInt())});
    }
    q.finish();
    return surveys;
}

Result<QString, StoreError> StoreQueries::surveyWithEquipment()
{
    QSqlQuery &q = m_db.statement(
        u"SELECT s.id FROM records e JOIN records s ON s.entity = 'survey' AND s.id = e.parent_id"
        u" AND s.deleted = 0 WHERE e.entity = 'equipment' AND e.deleted = 0"
        u" ORDER BY e.rowid LIMIT 1"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    const QString id = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return id;
}

Result<QStringList, StoreError> StoreQueries::surveysWithPlannedRenewal(int limit)
{
    QSqlQuery &q = m_db.statement(
        u"SELECT s.id FROM records e JOIN records s ON s.entity = 'survey' AND s.id = e.parent_id"
        u" AND s.deleted = 0 WHERE e.entity = 'equipment' AND e.deleted = 0"
        u" AND json_extract(e.fields, '$.status') = 'planned_renewal'"
        u" GROUP BY s.id ORDER BY min(e.rowid) LIMIT ?"_s);
    q.bindValue(0, limit);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    return ids;
}

Result<QList<RejectedRecord>, StoreError> StoreQueries::rejectedRecords()
{
    QSqlQuery &q = m_db.statement(
        u"SELECT entity, id, coalesce(q_name, ''), coalesce(parent_id, ''), reject_code,"
        u" reject_message, reject_field, reject_existing_id, updated_at FROM records"
        u" WHERE local_state = 3 ORDER BY updated_at DESC, entity, id"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<RejectedRecord> rows;
    while (q.next()) {
        rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(),
                     SyncError{q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
                               q.value(7).toString()},
                     q.value(8).toLongLong()});
    }
    q.finish();
    return rows;
}

Result<QList<StoredRecord>, StoreError> StoreQueries::recordsOf(const QString &entity)
{
    QSqlQuery &q =
        m_db.statement(u"SELECT id, fields, server_rev, form_version, local_state FROM records"
                       u" WHERE entity = ? AND deleted = 0 ORDER BY q_name, id"_s);
    q.bindValue(0, entity);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<StoredRecord> records;
    while (q.next()) {
        StoredRecord record;
        record.entity = entity;
        record.id = q.value(0).toString();
        record.fields = detail::jsonObject(q.value(1).toString());
        record.serverRev = q.value(2).toLongLong();
        record.formVersion = q.value(3).toInt();
        record.state = static_cast<LocalState>(q.value(4).toInt());
        records.append(std::move(record));
    }
    q.finish();
    return records;
}

} // namespace gx
