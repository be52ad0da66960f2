#include "store/outboxrows.h"

#include "store/recordrows.h"
#include "store/storedatabase.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx::detail {

const QString OutboxRows::kColumns =
    u"seq, mutation_id, entity, record_id, op, base_rev, fields, hlc, status, batch_id,"
    u" attempts, error_code, error_message, error_field, error_existing_id, form_version"_s;

OutboxEntry entryFromRow(const QSqlQuery &q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.mutation.mutationId = q.value(1).toString();
    e.mutation.entity = q.value(2).toString();
    e.mutation.id = q.value(3).toString();
    e.mutation.op = q.value(4).toInt() == 1 ? Mutation::Op::Delete : Mutation::Op::Upsert;
    e.mutation.baseRev = q.value(5).toLongLong();
    e.mutation.fields = jsonObject(q.value(6).toString());
    if (auto hlc = Hlc::parse(q.value(7).toString()))
        e.mutation.hlc = hlc.value();
    e.status = static_cast<OutboxStatus>(q.value(8).toInt());
    e.batchId = q.value(9).toString();
    e.attempts = q.value(10).toInt();
    if (e.status == OutboxStatus::Rejected) {
        e.error = SyncError{q.value(11).toString(), q.value(12).toString(), q.value(13).toString(),
                            q.value(14).toString()};
    }
    e.mutation.formVersion = q.value(15).toInt();
    return e;
}

Status<StoreError> persistClockAtLeast(StoreDatabase &db, const Hlc &hlc)
{
    QSqlQuery &read = db.statement(u"SELECT value FROM meta WHERE key = 'hlc'"_s);
    if (auto done = db.exec(read); !done)
        return done.error();
    const auto stored = read.next() ? Hlc::parse(read.value(0).toString())
                                    : Result<Hlc, HlcParseError>(HlcParseError{});
    read.finish();
    if (stored && !(stored.value() < hlc))
        return Done{};
    QSqlQuery &q = db.statement(u"INSERT INTO meta (key, value) VALUES ('hlc', ?)"
                                u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bindValue(0, hlc.toString());
    return db.exec(q);
}

Result<Hlc, StoreError> storedClock(StoreDatabase &db)
{
    QSqlQuery &q = db.statement(u"SELECT value FROM meta WHERE key = 'hlc'"
                                u" UNION ALL SELECT hlc FROM outbox"_s);
    if (auto done = db.exec(q); !done)
        return done.error();
    Hlc latest;
    while (q.next()) {
        const auto hlc = Hlc::parse(q.value(0).toString());
        if (hlc && latest < hlc.value())
            latest = hlc.value();
    }
    q.finish();
    return latest;
}

OutboxRows::OutboxRows(StoreDatabase &db)
    : m_db(db)
{}

Result<QList<OutboxEntry>, StoreError> OutboxRows::of(const QString &entity, const QString &id)
{
    QSqlQuery &q =
        m_db.statement(u"SELECT "_s + kColumns +
                       u" FROM outbox WHERE entity = ? AND record_id = ? ORDER BY seq"_s);
    q.bindValue(0, entity);
    q.bindValue(1, id);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    QList<OutboxEntry> entries;
    while (q.next())
        entries.append(entryFromRow(q));
    q.finish();
    return entries;
}

Result<std::optional<OutboxEntry>, StoreError> OutboxRows::find(const QString &mutationId)
{
    QSqlQuery &q =
        m_db.statement(u"SELECT "_s + kColumns + u" FROM outbox WHERE mutation_id = ?"_s);
    q.bindValue(0, mutationId);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    std::optional<OutboxEntry> entry;
    if (q.next())
        entry = entryFromRow(q);
    q.finish();
    return entry;
}

Result<qint64, StoreError> OutboxRows::insert(const OutboxEntry &e, qint64 nowMillis)
{
    QSqlQuery &q = m_db.statement(
        u"INSERT INTO outbox (mutation_id, entity, record_id, op, base_rev, fields, hlc, status,"
        u" attempts, created_at, updated_at, form_version)"
        u" VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)"_s);
    q.bindValue(0, e.mutation.mutationId);
    q.bindValue(1, e.mutation.entity);
    q.bindValue(2, e.mutation.id);
    q.bindValue(3, e.mutation.op == Mutation::Op::Delete ? 1 : 0);
    q.bindValue(4, e.mutation.baseRev);
    q.bindValue(5, jsonText(e.mutation.fields));
    q.bindValue(6, e.mutation.hlc.toString());
    q.bindValue(7, nowMillis);
    q.bindValue(8, nowMillis);
    q.bindValue(9, e.mutation.formVersion);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    return q.lastInsertId().toLongLong();
}

Status<StoreError> OutboxRows::rewrite(const OutboxEntry &e, qint64 nowMillis)
{
    QSqlQuery &q = m_db.statement(u"UPDATE outbox SET fields = ?, hlc = ?, base_rev = ?,"
                                  u" updated_at = ?, form_version = ? WHERE seq = ?"_s);
    q.bindValue(0, jsonText(e.mutation.fields));
    q.bindValue(1, e.mutation.hlc.toString());
    q.bindValue(2, e.mutation.baseRev);
    q.bindValue(3, nowMillis);
    q.bindValue(4, e.mutation.formVersion);
    q.bindValue(5, e.seq);
    return m_db.exec(q);
}

Status<StoreError> OutboxRows::remove(qint64 seq)
{
    QSqlQuery &q = m_db.statement(u"DELETE FROM outbox WHERE seq = ?"_s);
    q.bindValue(0, seq);
    return m_db.exec(q);
}

} // namespace gx::detail
