#pragma once

#include "sync/store/database.h"

#include <QHash>
#include <QStringList>

#include <functional>

namespace gx::server {

/**
 * The numbered schema migrations of the central store. Every command opens the database and
 * calls apply() first, so `user add` works on a new file before any `serve`. Each migration runs
 * in its own write transaction (DDL is transactional on both backends) and is recorded in
 * `schema_migrations(version, applied_at)`; two servers starting together on one PostgreSQL
 * serialize on the writer lock, and the second finds nothing left to do.
 *
 * To change the schema, append a migration to the list in migrations.cpp; never edit one that
 * has shipped. A migration that must fill its new tables from rows stored before it says so
 * (needsBackfill); the code that fills them belongs to the library that owns those tables and is
 * handed to apply() (the records library's ServerSchema::apply() hands every one), so that this
 * library never calls up into the layers above it.
 */
class Migrations
{
public:
    /**
     * One step: its version (1, 2, ...), a name for logs, its statements for a dialect, and
     * whether code must run after them in the same transaction (to fill new tables from old rows).
     */
    struct Migration
    {
        int version = 0;
        QString name;
        std::function<QStringList(const Database &)> statements;
        bool needsBackfill = false;
    };
    /** The code that fills a migration's new tables, by the migration's version. */
    using Backfills = QHash<int, std::function<DbStatus(Database &)>>;

    [[nodiscard]] static const QList<Migration> &all();
    /** The schema version this program writes. */
    [[nodiscard]] static int latestVersion();
    /** The version recorded in the database (0 for a new one). */
    [[nodiscard]] static Result<int, DbError> currentVersion(Database &db);
    /**
     * Brings the schema to latestVersion(); returns how many migrations ran. A database whose
     * schema is newer than this program is refused (Kind::Schema) and left untouched, and so is
     * one that needs a migration whose backfill is not in `backfills`.
     */
    [[nodiscard]] static Result<int, DbError> apply(Database &db, qint64 nowMillis,
                                                    const Backfills &backfills);
};

} // namespace gx::server
