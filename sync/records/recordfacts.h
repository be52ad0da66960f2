#pragma once

#include "sync/store/database.h"
#include "sync/store/statementcache.h"

#include <optional>

namespace gx::server {

struct StoredRecord;

/**
 * The indicator facts of the records, kept in narrow typed tables (enterprise_facts,
 * survey_facts, equipment_facts, review_facts) so that the coverage query reads no JSON. Every
 * record write updates its facts row in the same transaction (RecordStore::write()); the values
 * are read by core's own fromFields() functions, so the tables say exactly what the engine would
 * read from the records (NULL for unreported). Enumerations are stored as their integer values.
 * A tombstone keeps its facts row with deleted = 1. Review rows keep every review of a survey,
 * so that the latest live one can be found even after a deletion. Every write also marks the
 * coverage rows it makes stale (CoverageFacts), recomputed once before the commit.
 */
class RecordFacts
{
public:
    explicit RecordFacts(StatementCache &statements)
        : m_statements(statements)
    {}

    /** Updates the facts row of a record just written (entities without facts are ignored). */
    [[nodiscard]] DbStatus write(const StoredRecord &record);
    /**
     * The same for the first write of a record (rev 1) whose row is queued: its coverage is
     * marked now, its facts row queued for flushDeferred() (multi-row INSERTs).
     */
    [[nodiscard]] DbStatus defer(const StoredRecord &record);
    [[nodiscard]] DbStatus flushDeferred();

    /** Fills the facts tables from every record already stored (the migration that adds them). */
    [[nodiscard]] static DbStatus backfill(Database &db);

private:
    /** Marks the coverage rows this write makes stale (CoverageFacts), before and after it. */
    [[nodiscard]] DbStatus markCoverage(const StoredRecord &record);
    /** A column of the record's facts row before this write (nothing when it has none). */
    [[nodiscard]] Result<std::optional<QString>, DbError>
    previous(const QString &table, const QString &column, const StoredRecord &record);

    StatementCache &m_statements;
    QList<QVariantList> m_deferredEquipment; ///< parameters of queued equipment_facts rows
    bool m_markCoverage = true; ///< off while migration 3 backfills (coverage_facts comes later)
};

} // namespace gx::server
