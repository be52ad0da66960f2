#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace gx {
class StoreDatabase;
}

namespace gx::detail {

/**
 * Internal to gengxin_store: rows of the outbox table, read and written with cached statements
 * inside the caller's transaction.
 */
class OutboxRows
{
public:
    /** The columns entryFromRow() expects, in order. */
    static const QString kColumns;

    explicit OutboxRows(StoreDatabase &db);

    /** Every entry of one record, oldest first. */
    [[nodiscard]] Result<QList<OutboxEntry>, StoreError> of(const QString &entity,
                                                            const QString &id);
    /** The entry with that mutation id, if any. */
    [[nodiscard]] Result<std::optional<OutboxEntry>, StoreError> find(const QString &mutationId);
    /** Appends a new entry; returns its seq. */
    [[nodiscard]] Result<qint64, StoreError> insert(const OutboxEntry &entry, qint64 nowMillis);
    /** Replaces the fields, hlc, base_rev and form version of an entry not yet sent
     * (coalescing). */
    [[nodiscard]] Status<StoreError> rewrite(const OutboxEntry &entry, qint64 nowMillis);
    [[nodiscard]] Status<StoreError> remove(qint64 seq);

private:
    StoreDatabase &m_db;
};

/** Stores hlc as the clock's last reading in meta unless a later one is stored already. */
[[nodiscard]] Status<StoreError> persistClockAtLeast(StoreDatabase &db, const Hlc &hlc);
/** The latest clock reading the database holds: meta's and every outbox mutation's. */
[[nodiscard]] Result<Hlc, StoreError> storedClock(StoreDatabase &db);

/** The entry whose OutboxRows::kColumns start at column 0 of the current row. */
[[nodiscard]] OutboxEntry entryFromRow(const QSqlQuery &query);

} // namespace gx::detail
