#pragma once

#include "core/hlc.h"
#include "sync/records/recordfacts.h"
#include "sync/store/database.h"
#include "sync/store/statementcache.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

namespace gx::server {

/** A row of `records`: one record of any entity, as the change feed carries it. */
struct StoredRecord
{
    QString entity;
    QString id;
    qint64 rev = 0; ///< 1 for a new record, +1 per change
    qint64 seq = 0; ///< its place in the change feed, assigned by RecordStore::write()
    bool deleted = false;
    QJsonObject fields;
    QJsonObject meta;    ///< {field: {"hlc": "...", "rev": N}}: when each field last changed
    QString region;      ///< scope column (docs/design.md "Scopes")
    QString enterprise;  ///< scope column
    int formVersion = 1; ///< the survey definition version of its last upsert
};

/**
 * The records table and its change feed (counters.seq): the one place that assigns sequence
 * numbers. Every write must run inside a WriteTransaction, so that on PostgreSQL the writer lock
 * orders sequence numbers by commit. Push/merge builds on get() and write(). Its statements are
 * the connection's (Database::statements()), prepared once.
 */
class RecordStore
{
public:
    /** The device id of changes the server makes itself (imports), in their HLC. */
    static inline const QString kServerDevice = QStringLiteral("server");

    explicit RecordStore(Database &db)
        : m_db(db)
        , m_statements(db.statements())
        , m_facts(m_statements)
    {}

    /** The record (a tombstone included), or nothing if it never existed. */
    [[nodiscard]] Result<std::optional<StoredRecord>, DbError> get(const QString &entity,
                                                                   const QString &id);
    /**
     * Reads these records (entity, id) at once, a few hundred per query, so that get() answers
     * them from memory, and write() keeps those answers current. For one write transaction (one
     * push): records written meanwhile by another RecordStore would not be seen.
     */
    [[nodiscard]] DbStatus prefetch(const QList<std::pair<QString, QString>> &keys);
    /**
     * The next change-feed sequence number. Inside a write transaction the counter is read once
     * and written back before the commit (a TransactionHook), not updated per record.
     */
    [[nodiscard]] Result<qint64, DbError> nextSeq();
    /**
     * Inserts or replaces the row with a new seq (stored in record.seq); rev as given. The
     * record's indicator facts (RecordFacts) are updated with it.
     */
    [[nodiscard]] DbStatus write(StoredRecord &record);
    /**
     * From now on, the first write of a repeat-group row (equipment, key_process: rev 1, a new
     * record) is queued instead of written, and the queue is written in multi-row INSERTs by
     * flushDeferred(), before any other write of this store and before the caller commits. A
     * push adds hundreds of new rows: one statement per hundred rows instead of two per row
     * (on PostgreSQL, a round trip each). get() answers queued rows from memory; the caller must
     * call flushDeferred() before reading the records or facts tables in SQL, and before commit.
     */
    void deferFirstRowWrites() { m_defer = true; }
    /** Writes what deferFirstRowWrites() queued. */
    [[nodiscard]] DbStatus flushDeferred();
    /** The latest sequence number handed out (0 for an empty store). */
    [[nodiscard]] Result<qint64, DbError> lastSeq();

    /**
     * Sets `changes` on the record as the server's own edit: fields whose value differs are
     * written and stamped in meta with hlc and the new rev. Returns whether anything changed
     * (a tombstone is revived); the caller then write()s it.
     */
    [[nodiscard]] static bool applyServerChanges(StoredRecord &record, const QJsonObject &changes,
                                                 const Hlc &hlc);

private:
    /** The counter as committed (or as written so far by this transaction without the cache). */
    [[nodiscard]] Result<qint64, DbError> storedLastSeq();

    [[nodiscard]] static QString key(const QString &entity, const QString &id)
    {
        return entity + u'/' + id;
    }

    Database &m_db;
    StatementCache &m_statements;
    RecordFacts m_facts; ///< kept in step with every write
    /** prefetch()ed records by key(); nothing for one that does not exist. */
    QHash<QString, std::optional<StoredRecord>> m_known;
    bool m_defer = false;
    QList<QVariantList> m_deferred; ///< the parameters of each queued records row
};

} // namespace gx::server
