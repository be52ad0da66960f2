#include "sync/recordstore.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

Result<std::optional<StoredRecord>, DbError> RecordStore::get(const QString &entity,
                                                              const QString &id)
{
    auto query = m_statements.exec(u"SELECT rev, seq, deleted, fields, meta, region, enterprise "
                                   "FROM records WHERE entity = ? AND id = ?"_s,
                                   {entity, id});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    if (!q.next()) {
        q.finish();
        return std::optional<StoredRecord>();
    }
    StoredRecord record;
    record.entity = entity;
    record.id = id;
    record.rev = q.value(0).toLongLong();
    record.seq = q.value(1).toLongLong();
    record.deleted = q.value(2).toInt() != 0;
    record.fields = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
    record.meta = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    record.region = q.value(5).toString();
    record.enterprise = q.value(6).toString();
    q.finish();
    return std::optional<StoredRecord>(std::move(record));
}

Result<qint64, DbError> RecordStore::nextSeq()
{
    auto query = m_statements.exec(
        u"UPDATE counters SET value = value + 1 WHERE name = 'seq' RETURNING value"_s, {});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    if (!q.next())
        return DbError{DbError::Kind::Query, u"the change-feed counter is missing"_s, false};
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

Result<qint64, DbError> RecordStore::lastSeq()
{
    auto query = m_db.exec(u"SELECT value FROM counters WHERE name = 'seq'"_s);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : qint64(0);
}

DbStatus RecordStore::write(StoredRecord &record)
{
    auto seq = nextSeq();
    if (!seq)
        return seq.error();
    record.seq = seq.value();
    auto written = m_statements.run(
        u"INSERT INTO records (entity, id, rev, seq, deleted, fields, meta, region, enterprise) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET "
        "rev = excluded.rev, seq = excluded.seq, deleted = excluded.deleted, "
        "fields = excluded.fields, meta = excluded.meta, region = excluded.region, "
        "enterprise = excluded.enterprise"_s,
        {record.entity, record.id, record.rev, record.seq, record.deleted ? 1 : 0,
         compact(record.fields), compact(record.meta), nullIfEmpty(record.region),
         nullIfEmpty(record.enterprise)});
    if (!written)
        return written;
    return m_facts.write(record);
}

bool RecordStore::applyServerChanges(StoredRecord &record, const QJsonObject &changes,
                                     const Hlc &hlc)
{
    QStringList changed;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        if (record.deleted || record.fields.value(it.key()) != it.value())
            changed.append(it.key());
    }
    if (changed.isEmpty() && !record.deleted && record.rev > 0)
        return false;
    record.rev += 1;
    record.deleted = false;
    for (const QString &name : std::as_const(changed)) {
        record.fields.insert(name, changes.value(name));
        record.meta.insert(name, QJsonObject{{u"hlc"_s, hlc.toString()}, {u"rev"_s, record.rev}});
    }
    return true;
}

} // namespace gx::server
