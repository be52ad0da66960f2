#include "store/pullapplier.h"

#include "store/inbox.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kConflictEntity = u"conflict"_s;
const QString kReviewEntity = u"review"_s;

// A record with an outbox entry (any state) is never overwritten by these two statements; the
// probe is left out for the entities the outbox holds nothing of (asked once per page).
const QString kOutboxProbe = u" AND NOT EXISTS (SELECT 1 FROM outbox o"
                             u" WHERE o.entity = records.entity AND o.record_id = records.id)"_s;
const QString kDelete = u"DELETE FROM records WHERE entity = ? AND id = ? AND server_rev <= ?"_s;
const QString kUpsert =
    u"INSERT INTO records (entity, id, fields, server_rev, local_state, deleted,"
    u" parent_id, updated_at, form_version) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)"
    u" ON CONFLICT (entity, id) DO UPDATE SET fields = excluded.fields,"
    u" server_rev = excluded.server_rev, local_state = 0, reject_code = NULL,"
    u" reject_message = NULL, reject_field = NULL, reject_existing_id = NULL,"
    u" deleted = 0, parent_id = excluded.parent_id, updated_at = excluded.updated_at,"
    u" form_version = excluded.form_version WHERE excluded.server_rev >= records.server_rev"_s;

} // namespace

PullApplier::PullApplier(StoreDatabase &db, Inbox &inbox, std::function<qint64()> wallClockMillis)
    : m_db(db)
    , m_inbox(inbox)
    , m_wallClockMillis(std::move(wallClockMillis))
    , m_records(db)
    , m_outbox(db)
{}

Result<QString, StoreError> PullApplier::cursor()
{
    QSqlQuery &q = m_db.statement(u"SELECT value FROM meta WHERE key = 'pull_cursor'"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    const QString value = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}

Result<PullOutcome, StoreError> PullApplier::applyPullPage(const PullPage &page)
{
    if (page.cursor.isEmpty())
        return StoreError{StoreError::Code::BadChange, u"the page has no cursor"_s};
    Transaction tx(m_db);
    if (auto done = tx.begin(); !done)
        return done.error();
    const auto context = pageContext();
    if (!context)
        return context.error();
    PullOutcome outcome;
    for (qsizetype i = 0; i < page.changes.size(); ++i) {
        const Change &change = page.changes.at(i);
        std::optional<StoreError> refusal = detail::checkEntityName(change.entity);
        if (!refusal)
            refusal = detail::checkRecordId(change.id);
        if (!refusal && change.rev < 1)
            refusal = StoreError{StoreError::Code::BadChange, u"rev must be at least 1"_s};
        if (refusal) {
            return StoreError{StoreError::Code::BadChange,
                              u"change %1 (%2 %3): %4"_s.arg(QString::number(i), change.entity,
                                                             change.id.left(80), refusal->message)};
        }
        if (auto done = applyChange(change, context.value(), outcome); !done)
            return done.error();
    }
    QSqlQuery &q = m_db.statement(u"INSERT INTO meta (key, value) VALUES ('pull_cursor', ?)"
                                  u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    q.bindValue(0, page.cursor);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    if (auto done = tx.commit(); !done)
        return done.error();
    return outcome;
}

Result<PullApplier::PageContext, StoreError> PullApplier::pageContext()
{
    PageContext context;
    context.now = m_wallClockMillis();
    QSqlQuery &q = m_db.statement(u"SELECT DISTINCT entity FROM outbox"_s);
    if (auto done = m_db.exec(q); !done)
        return done.error();
    while (q.next())
        context.entitiesInOutbox.insert(q.value(0).toString());
    q.finish();
    // Looked up once per page rather than per change (the cache is keyed by the SQL text).
    context.upsert = &m_db.statement(kUpsert);
    context.upsertProbed = &m_db.statement(kUpsert + kOutboxProbe);
    context.remove = &m_db.statement(kDelete);
    context.removeProbed = &m_db.statement(kDelete + kOutboxProbe);
    return context;
}

Status<StoreError> PullApplier::applyChange(const Change &change, const PageContext &context,
                                            PullOutcome &outcome)
{
    const qint64 now = context.now;
    if (change.entity == kConflictEntity) {
        ++outcome.conflicts;
        return m_inbox.storeConflict(change, now);
    }
    if (change.entity == kReviewEntity) {
        ++outcome.reviews;
        return m_inbox.storeReview(change, now);
    }
    // The common case in one statement: a record without local edits takes the server's state
    // unless it is older than what the device has. Anything else takes the slow path.
    const bool probe = context.entitiesInOutbox.contains(change.entity);
    if (change.deleted) {
        QSqlQuery &q = probe ? *context.removeProbed : *context.remove;
        q.bindValue(0, change.entity);
        q.bindValue(1, change.id);
        q.bindValue(2, change.rev);
        if (auto done = m_db.exec(q); !done)
            return done.error();
        if (q.numRowsAffected() > 0) {
            ++outcome.deleted;
            return Done{};
        }
    } else {
        QSqlQuery &q = probe ? *context.upsertProbed : *context.upsert;
        const QString parent = detail::parentIdOf(change.entity, change.fields);
        q.bindValue(0, change.entity);
        q.bindValue(1, change.id);
        q.bindValue(2, detail::jsonText(change.fields));
        q.bindValue(3, change.rev);
        q.bindValue(4, parent.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : parent);
        q.bindValue(5, now);
        q.bindValue(6, change.formVersion);
        if (auto done = m_db.exec(q); !done)
            return done.error();
        if (q.numRowsAffected() > 0) {
            ++outcome.applied;
            return Done{};
        }
    }
    return applyOverPending(change, now, outcome);
}

Status<StoreError> PullApplier::applyOverPending(const Change &change, qint64 now,
                                                 PullOutcome &outcome)
{
    const auto read = m_records.read(change.entity, change.id);
    if (!read)
        return read.error();
    if (!read.value()) {
        ++outcome.stale; // a tombstone of a record the device never had
        return Done{};
    }
    StoredRecord record = *read.value();
    const auto entries = m_outbox.of(change.entity, change.id);
    if (!entries)
        return entries.error();
    if (entries.value().isEmpty() || change.rev < record.serverRev) {
        ++outcome.stale;
        return Done{};
    }
    record.serverRev = change.rev;
    record.updatedAt = now;
    if (!change.deleted) {
        // The server's whole record, except the fields the device still has mutations for.
        QSet<QString> pending;
        for (const OutboxEntry &e : entries.value()) {
            for (auto it = e.mutation.fields.begin(); it != e.mutation.fields.end(); ++it)
                pending.insert(it.key());
        }
        QJsonObject merged = change.fields;
        for (const QString &name : std::as_const(pending)) {
            if (record.fields.contains(name))
                merged.insert(name, record.fields.value(name));
            else
                merged.remove(name);
        }
        record.fields = merged;
        record.parentId = detail::parentIdOf(record.entity, record.fields);
        // The server's fields and the device's pending ones: the later version holds both.
        record.formVersion = std::max(record.formVersion, change.formVersion);
    }
    ++outcome.keptLocal;
    return m_records.update(record);
}

} // namespace gx
