#include "sync/store/migrations.h"

#include "sync/store/logging.h"

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** Version 1: every table of the server design (docs/api.md). Times are Unix ms. */
QStringList schemaV1(const Database &db)
{
    const QString id = db.autoId();
    return {
        u"CREATE TABLE users ("
        "  id %1,"
        "  username TEXT NOT NULL UNIQUE,"
        "  role TEXT NOT NULL,"
        "  region TEXT,"
        "  enterprise TEXT,"
        "  password_hash TEXT NOT NULL,"
        "  disabled INTEGER NOT NULL DEFAULT 0,"
        "  created_at BIGINT NOT NULL)"_s.arg(id),
        // Tokens are stored only as the hex SHA-256 of the token the client holds.
        u"CREATE TABLE tokens ("
        "  token_hash TEXT PRIMARY KEY,"
        "  user_id BIGINT NOT NULL REFERENCES users(id),"
        "  created_at BIGINT NOT NULL,"
        "  expires_at BIGINT NOT NULL,"
        "  revoked INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE INDEX tokens_user ON tokens (user_id)"_s,
        // Failed logins only; key is 'user:NAME' or 'addr:IP'.
        u"CREATE TABLE login_failures (key TEXT NOT NULL, at BIGINT NOT NULL)"_s,
        u"CREATE INDEX login_failures_key_at ON login_failures (key, at)"_s,
        // Every record of every entity; a deletion keeps its row as a tombstone (deleted = 1).
        // meta: {field: {"hlc", "rev"}}; region/enterprise: the scope columns.
        u"CREATE TABLE records ("
        "  entity TEXT NOT NULL,"
        "  id TEXT NOT NULL,"
        "  rev BIGINT NOT NULL,"
        "  seq BIGINT NOT NULL UNIQUE,"
        "  deleted INTEGER NOT NULL DEFAULT 0,"
        "  fields TEXT NOT NULL,"
        "  meta TEXT NOT NULL,"
        "  region TEXT,"
        "  enterprise TEXT,"
        "  PRIMARY KEY (entity, id))"_s,
        u"CREATE INDEX records_region_seq ON records (region, seq)"_s,
        u"CREATE INDEX records_enterprise_seq ON records (enterprise, seq)"_s,
        u"CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"_s,
        u"INSERT INTO counters (name, value) VALUES ('seq', 0)"_s,
        // Written in the same transaction as the mutation's effect: a resend finds it here.
        u"CREATE TABLE mutations ("
        "  mutation_id TEXT PRIMARY KEY,"
        "  device_id TEXT NOT NULL,"
        "  user_id BIGINT NOT NULL,"
        "  result TEXT NOT NULL,"
        "  at BIGINT NOT NULL)"_s,
        u"CREATE TABLE registry ("
        "  uscc TEXT PRIMARY KEY,"
        "  name TEXT NOT NULL,"
        "  region TEXT NOT NULL,"
        "  industry_code TEXT NOT NULL,"
        "  above_size INTEGER NOT NULL,"
        "  imported_at BIGINT NOT NULL)"_s,
        u"CREATE INDEX registry_region ON registry (region)"_s,
        u"CREATE TABLE official_figures ("
        "  region TEXT NOT NULL,"
        "  period INTEGER NOT NULL,"
        "  indicator TEXT NOT NULL,"
        "  value DOUBLE PRECISION,"
        "  numerator DOUBLE PRECISION,"
        "  denominator DOUBLE PRECISION,"
        "  PRIMARY KEY (region, period, indicator))"_s,
        // Bytes live in the database so that N servers on one PostgreSQL share them.
        u"CREATE TABLE blobs ("
        "  sha256 TEXT PRIMARY KEY,"
        "  size BIGINT NOT NULL,"
        "  data %1,"
        "  complete INTEGER NOT NULL DEFAULT 0)"_s.arg(db.blobType()),
        u"CREATE TABLE audit_log ("
        "  id %1,"
        "  at BIGINT NOT NULL,"
        "  username TEXT,"
        "  action TEXT NOT NULL,"
        "  detail TEXT NOT NULL)"_s.arg(id),
        u"CREATE INDEX audit_log_at ON audit_log (at)"_s,
    };
}

/** Version 2: resumable blob uploads keep their chunks here until the last one arrives. */
QStringList schemaV2BlobChunks(const Database &db)
{
    return {
        u"CREATE TABLE blob_chunks ("
        "  sha256 TEXT NOT NULL,"
        "  chunk_start BIGINT NOT NULL,"
        "  chunk_size BIGINT NOT NULL,"
        "  data %1 NOT NULL,"
        "  PRIMARY KEY (sha256, chunk_start))"_s.arg(db.blobType()),
    };
}

/**
 * Version 3: the indicator facts of the records in typed columns (RecordFacts), so that the
 * coverage query reads no JSON; filled from the records already stored. Text columns allow NULL:
 * QtSql binds an empty string as NULL, and an absent field reads as "" either way.
 */
QStringList schemaV3Facts(const Database &)
{
    return {
        u"CREATE TABLE enterprise_facts ("
        "  id TEXT PRIMARY KEY,"
        "  uscc TEXT,"
        "  region TEXT,"
        "  above_size INTEGER NOT NULL,"
        "  deleted INTEGER NOT NULL)"_s,
        u"CREATE TABLE survey_facts ("
        "  id TEXT PRIMARY KEY,"
        "  enterprise TEXT,"
        "  period INTEGER NOT NULL,"
        "  state INTEGER NOT NULL,"
        "  digital_level INTEGER,"
        "  design_tools INTEGER,"
        "  key_processes INTEGER,"
        "  key_processes_cnc INTEGER,"
        "  factory_tier INTEGER,"
        "  factory_tier_year INTEGER,"
        "  robots_added INTEGER,"
        "  tech_invest_base DOUBLE PRECISION,"
        "  tech_invest DOUBLE PRECISION,"
        "  equipment_invest_base DOUBLE PRECISION,"
        "  equipment_invest DOUBLE PRECISION,"
        "  first_of_kind_invest DOUBLE PRECISION,"
        "  deleted INTEGER NOT NULL)"_s,
        u"CREATE INDEX survey_facts_period ON survey_facts (period)"_s,
        u"CREATE TABLE equipment_facts ("
        "  id TEXT PRIMARY KEY,"
        "  survey TEXT,"
        "  category TEXT,"
        "  quantity INTEGER NOT NULL,"
        "  commissioned_year INTEGER,"
        "  key_energy INTEGER NOT NULL,"
        "  efficiency_level INTEGER NOT NULL,"
        "  status INTEGER NOT NULL,"
        "  deleted INTEGER NOT NULL)"_s,
        u"CREATE INDEX equipment_facts_survey ON equipment_facts (survey)"_s,
        // Every review of a survey: the latest live one (highest seq) gives the survey's state.
        u"CREATE TABLE review_facts ("
        "  id TEXT PRIMARY KEY,"
        "  survey TEXT,"
        "  state INTEGER NOT NULL,"
        "  seq BIGINT NOT NULL,"
        "  deleted INTEGER NOT NULL)"_s,
    };
}

/**
 * Version 4: what each enterprise's counted survey adds to the coverage figures (CoverageFacts),
 * filled from the facts tables; and the indexes that recomputing one enterprise and the
 * one-survey check use.
 */
QStringList schemaV4CoverageFacts(const Database &)
{
    return {
        u"CREATE TABLE coverage_facts ("
        "  enterprise TEXT NOT NULL,"
        "  period INTEGER NOT NULL,"
        "  survey TEXT NOT NULL,"
        "  region TEXT,"
        "  above INTEGER NOT NULL,"
        "  digital INTEGER NOT NULL,"
        "  design INTEGER NOT NULL,"
        "  rated INTEGER NOT NULL,"
        "  rate DOUBLE PRECISION NOT NULL,"
        "  cnc BIGINT NOT NULL,"
        "  kp BIGINT NOT NULL,"
        "  tech_now DOUBLE PRECISION NOT NULL,"
        "  tech_base DOUBLE PRECISION NOT NULL,"
        "  equip_now DOUBLE PRECISION NOT NULL,"
        "  equip_base DOUBLE PRECISION NOT NULL,"
        "  future INTEGER NOT NULL,"
        "  smart INTEGER NOT NULL,"
        "  robots BIGINT NOT NULL,"
        "  backward INTEGER NOT NULL,"
        "  eq_all BIGINT NOT NULL,"
        "  planned BIGINT NOT NULL,"
        "  renewed BIGINT NOT NULL,"
        "  eliminated BIGINT NOT NULL,"
        "  aged_of BIGINT NOT NULL,"
        "  aged BIGINT NOT NULL,"
        "  energy_of BIGINT NOT NULL,"
        "  advanced BIGINT NOT NULL,"
        "  saving BIGINT NOT NULL,"
        "  running BIGINT NOT NULL,"
        "  safety BIGINT NOT NULL,"
        "  flagged INTEGER NOT NULL,"
        "  PRIMARY KEY (enterprise, period))"_s,
        u"CREATE INDEX coverage_facts_period ON coverage_facts (period, region)"_s,
        // Covering the coverage call's count of the registry per region and size.
        u"CREATE INDEX registry_region_size ON registry (region, above_size)"_s,
        u"CREATE INDEX survey_facts_enterprise ON survey_facts (enterprise, period)"_s,
        u"CREATE INDEX review_facts_survey ON review_facts (survey, seq)"_s,
        u"CREATE INDEX enterprise_facts_uscc ON enterprise_facts (uscc)"_s,
    };
}

/**
 * Version 5: the targets of every period (TargetStore in the records library), seeded from the
 * region catalog's targets (assets/regions/lishui.json) by its backfill. The comparison is the
 * indicator's, so only the number is kept.
 */
QStringList schemaV5Targets(const Database &)
{
    return {
        u"CREATE TABLE targets ("
        "  period INTEGER NOT NULL,"
        "  region TEXT NOT NULL,"
        "  indicator TEXT NOT NULL,"
        "  value DOUBLE PRECISION NOT NULL,"
        "  PRIMARY KEY (period, region, indicator))"_s,
    };
}

/**
 * Version 6: a partial upload is its uploader's (blob_uploads, blob_chunks by uploader), so that
 * nobody can block or discard another's upload by knowing the hash; `blobs` holds complete blobs
 * only. blob_refs names, for every record, the blobs its photo fields hold (BlobRefs in the
 * records library, filled from the records already stored): reading a blob needs a record in the
 * caller's scope that names it. Partial uploads begun before this version are dropped: their
 * devices ask the status, find 0 bytes and send the blob again.
 */
QStringList schemaV6BlobsPerUploader(const Database &db)
{
    return {
        u"DROP TABLE blob_chunks"_s,
        u"DELETE FROM blobs WHERE complete = 0"_s,
        u"CREATE TABLE blob_uploads ("
        "  sha256 TEXT NOT NULL,"
        "  uploader TEXT NOT NULL,"
        "  size BIGINT NOT NULL,"
        "  PRIMARY KEY (sha256, uploader))"_s,
        u"CREATE TABLE blob_chunks ("
        "  sha256 TEXT NOT NULL,"
        "  uploader TEXT NOT NULL,"
        "  chunk_start BIGINT NOT NULL,"
        "  chunk_size BIGINT NOT NULL,"
        "  data %1 NOT NULL,"
        "  PRIMARY KEY (sha256, uploader, chunk_start))"_s.arg(db.blobType()),
        u"CREATE TABLE blob_refs ("
        "  sha256 TEXT NOT NULL,"
        "  entity TEXT NOT NULL,"
        "  id TEXT NOT NULL,"
        "  PRIMARY KEY (sha256, entity, id))"_s,
        u"CREATE INDEX blob_refs_record ON blob_refs (entity, id)"_s,
    };
}

/**
 * Version 7: the versions of the survey definition (FormStore in the records library), version 1
 * seeded by its backfill from assets/forms/survey.v1.json; and each record's version, that of its
 * last upsert (every record stored before versions existed was written under version 1).
 */
QStringList schemaV7FormVersions(const Database &)
{
    return {
        u"CREATE TABLE form_versions ("
        "  version INTEGER PRIMARY KEY,"
        "  definition TEXT NOT NULL,"
        "  published_at BIGINT NOT NULL,"
        "  published_by TEXT,"
        "  changes TEXT NOT NULL)"_s,
        u"ALTER TABLE records ADD COLUMN form_version INTEGER NOT NULL DEFAULT 1"_s,
    };
}

/**
 * Version 8: accounts made or reset in the app get a one-time password (must_change_password: the
 * user sets their own before any other call); last_login_at for the office's list of accounts.
 */
QStringList schemaV8Accounts(const Database &)
{
    return {
        u"ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE users ADD COLUMN last_login_at BIGINT"_s,
    };
}

DbError schemaError(const QString &message)
{
    return DbError{DbError::Kind::Schema, message, false};
}

} // namespace

const QList<Migrations::Migration> &Migrations::all()
{
    static const QList<Migration> list{
        {1, u"initial schema"_s, schemaV1},
        {2, u"blob upload chunks"_s, schemaV2BlobChunks},
        {3, u"indicator facts"_s, schemaV3Facts, true},
        {4, u"coverage facts"_s, schemaV4CoverageFacts, true},
        {5, u"targets per period"_s, schemaV5Targets, true},
        {6, u"blob uploads per uploader, blob references"_s, schemaV6BlobsPerUploader, true},
        {7, u"survey definition versions"_s, schemaV7FormVersions, true},
        {8, u"one-time passwords, last login"_s, schemaV8Accounts},
    };
    return list;
}

int Migrations::latestVersion()
{
    return all().constLast().version;
}

Result<int, DbError> Migrations::currentVersion(Database &db)
{
    auto query = db.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

Result<int, DbError> Migrations::apply(Database &db, qint64 nowMillis, const Backfills &backfills)
{
    {
        auto transaction = WriteTransaction::begin(db);
        if (!transaction)
            return transaction.error();
        auto created = db.run(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                              "version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"_s);
        if (!created)
            return created.error();
        auto committed = transaction.value().commit();
        if (!committed)
            return committed.error();
    }
    int applied = 0;
    for (const Migration &migration : all()) {
        auto transaction = WriteTransaction::begin(db);
        if (!transaction)
            return transaction.error();
        // Read under the writer lock: another server may have migrated meanwhile.
        auto current = currentVersion(db);
        if (!current)
            return current.error();
        if (current.value() > latestVersion()) {
            return schemaError(
                u"the database schema is at version %1, newer than this gengxin-server "
                "(version %2): upgrade gengxin-server"_s.arg(current.value())
                    .arg(latestVersion()));
        }
        if (current.value() >= migration.version)
            continue;
        if (current.value() != migration.version - 1) {
            return schemaError(u"the database schema is at version %1 but migration %2 "
                               "follows %3"_s.arg(current.value())
                                   .arg(migration.version)
                                   .arg(migration.version - 1));
        }
        const auto backfill = backfills.constFind(migration.version);
        if (migration.needsBackfill && backfill == backfills.constEnd()) {
            return schemaError(u"migration %1 (%2) needs its backfill, which was not given"_s
                                   .arg(migration.version)
                                   .arg(migration.name));
        }
        for (const QString &statement : migration.statements(db)) {
            auto status = db.run(statement);
            if (!status) {
                return schemaError(u"migration %1 (%2) failed: %3"_s.arg(migration.version)
                                       .arg(migration.name, status.error().message));
            }
        }
        if (migration.needsBackfill) {
            if (auto filled = backfill.value()(db); !filled) {
                return schemaError(u"migration %1 (%2) failed: %3"_s.arg(migration.version)
                                       .arg(migration.name, filled.error().message));
            }
        }
        auto recorded =
            db.run(u"INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"_s,
                   {migration.version, nowMillis});
        if (!recorded)
            return recorded.error();
        auto committed = transaction.value().commit();
        if (!committed)
            return committed.error();
        qCInfo(lcServerDb, "applied migration %d (%s)", migration.version,
               qUtf8Printable(migration.name));
        ++applied;
    }
    return applied;
}

} // namespace gx::server
