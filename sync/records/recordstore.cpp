#include "sync/records/recordstore.h"

#include "core/compactjson.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QString compact(const QJsonObject &object)
{
    return toCompactJson(object);
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

/** Parameters of one records row. */
constexpr qsizetype kColumns = 10;
/** Rows per multi-row INSERT: 1,000 parameters, under both backends' limits. */
constexpr qsizetype kRowsPerInsert = 100;

/** The upsert of n records rows (kColumns parameters each, in the order of write()). */
QString insertSql(qsizetype n)
{
    QStringList rows(n, u"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    return u"INSERT INTO records (entity, id, rev, seq, deleted, fields, meta, region, "
           "enterprise, form_version) VALUES %1 ON CONFLICT (entity, id) DO UPDATE SET "
           "rev = excluded.rev, seq = excluded.seq, deleted = excluded.deleted, "
           "fields = excluded.fields, meta = excluded.meta, region = excluded.region, "
           "enterprise = excluded.enterprise, form_version = excluded.form_version"_s.arg(
               rows.join(u", "_s));
}

/**
 * The change-feed counter of an open write transaction, read once and written back once before
 * the commit, instead of an UPDATE per record. Safe because the transaction holds the writer
 * lock (WriteTransaction), so no other writer can hand out numbers meanwhile.
 */
class SeqCounter final : public TransactionHook
{
public:
    static inline const QString kKey = QStringLiteral("records.seq");

    explicit SeqCounter(qint64 last)
        : m_last(last)
        , m_stored(last)
    {}

    qint64 next() { return ++m_last; }
    [[nodiscard]] qint64 last() const { return m_last; }

    DbStatus beforeCommit(Database &db) override
    {
        if (m_last == m_stored)
            return Done{};
        auto written = db.run(u"UPDATE counters SET value = ? WHERE name = 'seq'"_s, {m_last});
        if (written)
            m_stored = m_last;
        return written;
    }

private:
    qint64 m_last;
    qint64 m_stored;
};

} // namespace

DbStatus RecordStore::prefetch(const QList<std::pair<QString, QString>> &keys)
{
    constexpr qsizetype kPerQuery = 256;
    QHash<QString, QStringList> byEntity; // one `entity = ? AND id IN (...)` on the primary key
    for (const auto &[entity, id] : keys) {
        const QString name = key(entity, id);
        if (m_known.contains(name))
            continue;
        m_known.insert(name, std::nullopt);
        byEntity[entity].append(id);
    }
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) {
        for (qsizetype at = 0; at < it->size(); at += kPerQuery) {
            const QStringList ids = it->mid(at, kPerQuery);
            QVariantList params{it.key()};
            params.reserve(ids.size() + 1);
            for (const QString &id : ids)
                params.append(id);
            const qsizetype length = StatementCache::inListLength(ids.size());
            while (params.size() < length + 1)
                params.append(ids.constLast());
            QStringList marks(length, u"?"_s);
            auto query = m_statements.exec(
                u"SELECT id, rev, seq, deleted, fields, meta, region, enterprise, form_version "
                "FROM records WHERE entity = ? AND id IN (%1)"_s.arg(marks.join(u", "_s)),
                params);
            if (!query)
                return query.error();
            QSqlQuery &q = *query.value();
            while (q.next()) {
                StoredRecord record;
                record.entity = it.key();
                record.id = q.value(0).toString();
                record.rev = q.value(1).toLongLong();
                record.seq = q.value(2).toLongLong();
                record.deleted = q.value(3).toInt() != 0;
                record.fields = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
                record.meta = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
                record.region = q.value(6).toString();
                record.enterprise = q.value(7).toString();
                record.formVersion = q.value(8).toInt();
                const QString name = key(record.entity, record.id); // before the move
                m_known.insert(name, std::move(record));
            }
            q.finish();
        }
    }
    return Done{};
}

Result<std::optional<StoredRecord>, DbError> RecordStore::get(const QString &entity,
                                                              const QString &id)
{
    if (const auto known = m_known.constFind(key(entity, id)); known != m_known.cend())
        return *known;
    auto query = m_statements.exec(u"SELECT rev, seq, deleted, fields, meta, region, enterprise, "
                                   "form_version FROM records WHERE entity = ? AND id = ?"_s,
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
    record.formVersion = q.value(7).toInt();
    q.finish();
    return std::optional<StoredRecord>(std::move(record));
}

Result<qint64, DbError> RecordStore::nextSeq()
{
    if (m_db.inTransaction()) {
        auto *counter = static_cast<SeqCounter *>(m_db.transactionHook(SeqCounter::kKey));
        if (!counter) {
            auto last = storedLastSeq();
            if (!last)
                return last.error();
            auto owned = std::make_unique<SeqCounter>(last.value());
            counter = owned.get();
            m_db.addTransactionHook(SeqCounter::kKey, std::move(owned));
        }
        return counter->next();
    }
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
    if (const auto *counter =
            static_cast<const SeqCounter *>(m_db.transactionHook(SeqCounter::kKey)))
        return counter->last();
    return storedLastSeq();
}

Result<qint64, DbError> RecordStore::storedLastSeq()
{
    auto query = m_statements.exec(u"SELECT value FROM counters WHERE name = 'seq'"_s, {});
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    if (!q.next()) {
        q.finish();
        return DbError{DbError::Kind::Query, u"the change-feed counter is missing"_s, false};
    }
    const qint64 seq = q.value(0).toLongLong();
    q.finish();
    return seq;
}

DbStatus RecordStore::write(StoredRecord &record)
{
    const bool deferred = m_defer && record.rev == 1 && !record.deleted &&
                          (record.entity == "equipment"_L1 || record.entity == "key_process"_L1);
    if (!deferred) {
        // A later write of a queued row must land after it, and may read its facts row.
        if (auto flushed = flushDeferred(); !flushed)
            return flushed;
    }
    auto seq = nextSeq();
    if (!seq)
        return seq.error();
    record.seq = seq.value();
    QVariantList row{record.entity,
                     record.id,
                     record.rev,
                     record.seq,
                     record.deleted ? 1 : 0,
                     compact(record.fields),
                     compact(record.meta),
                     nullIfEmpty(record.region),
                     nullIfEmpty(record.enterprise),
                     record.formVersion};
    if (deferred) {
        m_deferred.append(std::move(row));
        m_known.insert(key(record.entity, record.id), record);
        return m_facts.defer(record);
    }
    static const QString single = insertSql(1); // on every write: built once
    auto written = m_statements.run(single, row);
    if (!written)
        return written;
    if (const auto known = m_known.find(key(record.entity, record.id)); known != m_known.end())
        *known = record;
    return m_facts.write(record);
}

DbStatus RecordStore::flushDeferred()
{
    for (qsizetype at = 0; at < m_deferred.size(); at += kRowsPerInsert) {
        const qsizetype n = std::min(kRowsPerInsert, m_deferred.size() - at);
        QVariantList params;
        params.reserve(n * kColumns);
        for (qsizetype i = at; i < at + n; ++i)
            params.append(m_deferred.at(i));
        if (auto written = m_statements.run(insertSql(n), params); !written)
            return written;
    }
    m_deferred.clear();
    return m_facts.flushDeferred();
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
