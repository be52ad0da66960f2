#include "store/migrations.h"

#include "store/logging.h"
#include "store/storedatabase.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

struct Migration
{
    int version;
    QString name;
    QStringList statements;
};

QList<Migration> allMigrations()
{
    return {
        {1,
         u"records, outbox and meta"_s,
         {
             u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
             // fields: the record's JSON object. local_state: 0 synced, 1 pending,
             // 2 conflicted, 3 rejected (with reject_*). deleted: deleted here, not yet
             // acknowledged by the server.
             u"CREATE TABLE records ("
             u" entity TEXT NOT NULL, id TEXT NOT NULL, fields TEXT NOT NULL DEFAULT '{}',"
             u" server_rev INTEGER NOT NULL DEFAULT 0, local_state INTEGER NOT NULL DEFAULT 0,"
             u" reject_code TEXT, reject_message TEXT, reject_field TEXT,"
             u" reject_existing_id TEXT, deleted INTEGER NOT NULL DEFAULT 0, parent_id TEXT,"
             u" updated_at INTEGER NOT NULL, form_version INTEGER NOT NULL DEFAULT 0,"
             u" PRIMARY KEY (entity, id))"_s,
             u"CREATE INDEX records_parent ON records (parent_id, entity)"_s,
             // op: 0 upsert, 1 delete. status: 0 pending, 1 in flight (batch_id), 2 rejected.
             // attempts > 0: the mutation may have reached the server, so it is never merged
             // into again (the server would answer "duplicate" and drop the merged edits).
             u"CREATE TABLE outbox ("
             u" seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE,"
             u" entity TEXT NOT NULL, record_id TEXT NOT NULL, op INTEGER NOT NULL,"
             u" base_rev INTEGER NOT NULL, fields TEXT NOT NULL, hlc TEXT NOT NULL,"
             u" status INTEGER NOT NULL DEFAULT 0, batch_id TEXT,"
             u" attempts INTEGER NOT NULL DEFAULT 0, error_code TEXT, error_message TEXT,"
             u" error_field TEXT, error_existing_id TEXT, created_at INTEGER NOT NULL,"
             u" updated_at INTEGER NOT NULL,"
             u" FOREIGN KEY (entity, record_id) REFERENCES records (entity, id)"
             u" ON DELETE CASCADE)"_s,
             u"CREATE INDEX outbox_record ON outbox (entity, record_id, status)"_s,
             u"CREATE INDEX outbox_status ON outbox (status, seq)"_s,
         }},
        {2,
         u"columns and indexes of the lists the UI shows"_s,
         {
             u"ALTER TABLE records ADD COLUMN q_name TEXT"
             u" GENERATED ALWAYS AS (json_extract(fields, '$.name')) VIRTUAL"_s,
             u"ALTER TABLE records ADD COLUMN q_region TEXT"
             u" GENERATED ALWAYS AS (json_extract(fields, '$.region')) VIRTUAL"_s,
             u"ALTER TABLE records ADD COLUMN q_period INTEGER"
             u" GENERATED ALWAYS AS (json_extract(fields, '$.period')) VIRTUAL"_s,
             u"ALTER TABLE records ADD COLUMN q_state TEXT"
             u" GENERATED ALWAYS AS (json_extract(fields, '$.state')) VIRTUAL"_s,
             u"CREATE INDEX records_region ON records (entity, q_region, q_name)"
             u" WHERE entity = 'enterprise'"_s,
             u"CREATE INDEX records_state ON records (local_state) WHERE local_state <> 0"_s,
         }},
        {3,
         u"conflicts, review tasks and attachments"_s,
         {
             u"CREATE TABLE conflicts ("
             u" id TEXT PRIMARY KEY, rev INTEGER NOT NULL, entity TEXT NOT NULL,"
             u" record_id TEXT NOT NULL, field TEXT NOT NULL, fields TEXT NOT NULL,"
             u" dismissed INTEGER NOT NULL DEFAULT 0, received_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX conflicts_record ON conflicts (entity, record_id)"_s,
             u"CREATE TABLE reviews ("
             u" id TEXT PRIMARY KEY, rev INTEGER NOT NULL, entity TEXT NOT NULL,"
             u" record_id TEXT NOT NULL, state TEXT NOT NULL, comment TEXT NOT NULL,"
             u" field TEXT NOT NULL, reviewed_at TEXT NOT NULL, fields TEXT NOT NULL,"
             u" done INTEGER NOT NULL DEFAULT 0, received_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX reviews_record ON reviews (entity, record_id, reviewed_at)"_s,
             u"CREATE TABLE attachments ("
             u" sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL,"
             u" uploaded_bytes INTEGER NOT NULL DEFAULT 0, uploaded INTEGER NOT NULL DEFAULT 0,"
             u" created_at INTEGER NOT NULL)"_s,
         }},
        {4,
         u"survey definition versions; the version of each mutation"_s,
         {
             // Every version of the definition the device fetched (or was bundled with), as
             // served; changes: [{"kind","entity","field"}] against the version before.
             u"CREATE TABLE form_versions ("
             u" version INTEGER PRIMARY KEY, definition TEXT NOT NULL,"
             u" published_at TEXT NOT NULL DEFAULT '', published_by TEXT NOT NULL DEFAULT '',"
             u" changes TEXT NOT NULL DEFAULT '[]', stored_at INTEGER NOT NULL)"_s,
             // The version a mutation was written under (absent on the wire means 1).
             u"ALTER TABLE outbox ADD COLUMN form_version INTEGER NOT NULL DEFAULT 1"_s,
             // Before versions every record was of version 1.
             u"UPDATE records SET form_version = 1 WHERE form_version < 1"_s,
         }},
    };
}

Result<int, StoreError> currentVersion(StoreDatabase &db)
{
    if (auto done = db.execText(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                u" version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                                u" applied_at INTEGER NOT NULL)"_s);
        !done)
        return done.error();
    QSqlQuery &q = db.statement(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
    if (auto done = db.exec(q); !done)
        return done.error();
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

} // namespace

int Migrations::latestVersion()
{
    return allMigrations().last().version;
}

Result<int, StoreError> Migrations::apply(StoreDatabase &db, qint64 nowMillis)
{
    const auto current = currentVersion(db);
    if (!current)
        return current.error();
    int version = current.value();
    if (version > latestVersion()) {
        return StoreError{StoreError::Code::Migration,
                          u"the device store %1 has schema version %2, newer than this build "
                          u"knows (%3): update the app"_s.arg(db.path())
                              .arg(version)
                              .arg(latestVersion())};
    }
    for (const Migration &m : allMigrations()) {
        if (m.version <= version)
            continue;
        Transaction tx(db);
        if (auto done = tx.begin(); !done)
            return done.error();
        for (const QString &sql : m.statements) {
            if (auto done = db.execText(sql); !done) {
                return StoreError{
                    StoreError::Code::Migration,
                    u"migration %1 (%2): %3"_s.arg(m.version).arg(m.name, done.error().message)};
            }
        }
        QSqlQuery &q = db.statement(
            u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s);
        q.bindValue(0, m.version);
        q.bindValue(1, m.name);
        q.bindValue(2, nowMillis);
        if (auto done = db.exec(q); !done)
            return done.error();
        if (auto done = tx.commit(); !done)
            return done.error();
        qCDebug(lcStore) << "applied migration" << m.version << m.name << "to" << db.path();
        version = m.version;
    }
    return version;
}

} // namespace gx
