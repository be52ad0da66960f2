#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <utility>
#include <variant>
#include <vector>

namespace gx::server {

/** Why the store could not do what was asked, in a sentence a person can act on. */
struct DbError
{
    enum class Kind
    {
        BadUrl,      ///< the --db argument is not a database URL we understand
        Unavailable, ///< the database cannot be opened or reached (or its driver is missing)
        Schema,      ///< the schema is newer than this program, or a migration failed
        Query,       ///< a statement failed
    };

    Kind kind = Kind::Query;
    QString message;
    /** A UNIQUE or PRIMARY KEY constraint refused the row (SQLite 19/2067/1555, PostgreSQL 23505).
     */
    bool uniqueViolation = false;
};

/** What a database call that returns nothing else answers: Done or the DbError. */
using DbStatus = Status<DbError>;

/**
 * A parsed --db argument: `sqlite:PATH` (PATH relative to the working directory, or absolute) or
 * `postgres://USER:PASS@HOST[:PORT]/DB[?key=value&...]` (also `postgresql://`; user and password
 * percent-decoded; the query's items are libpq connection options such as sslmode=require).
 */
struct DatabaseUrl
{
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    Backend backend = Backend::Sqlite;
    QString path; ///< SQLite: the file
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString name;        ///< PostgreSQL: the database
    QStringList options; ///< PostgreSQL: libpq "key=value" connection options

    [[nodiscard]] static Result<DatabaseUrl, DbError> parse(const QString &text);
    /** The URL with the password hidden, for messages and logs. */
    [[nodiscard]] QString redacted() const;
};

class Database;
class StatementCache;
class WalCheckpointer;

/**
 * Work that an open write transaction must finish before it commits: a counter kept in memory
 * during the transaction, a derived table updated once for all the rows that changed. Registered
 * on the Database under a key (Database::addTransactionHook()), run in registration order by
 * WriteTransaction::commit() before COMMIT (a failure rolls the transaction back), and dropped
 * when the transaction ends either way.
 */
class TransactionHook
{
public:
    virtual ~TransactionHook();
    [[nodiscard]] virtual Result<std::monostate, DbError> beforeCommit(Database &db) = 0;
};

/**
 * One connection to the central store, SQLite or PostgreSQL through QtSql, with the dialect
 * differences of the two kept here so that the rest of the server writes one SQL.
 *
 * A QSqlDatabase may be used only by the thread that opened it: the server writes on its
 * event-loop thread through one Database (the writer), and reads of the read pool (ReadPool) go
 * through reader Databases, each opened and used by one worker thread. SQLite is opened in WAL mode
 * with synchronous=FULL, foreign keys on, a 5 s busy timeout, temporary files in memory, a 32 MiB
 * page cache and a checkpoint every 4,000 WAL pages. Statements use positional `?`
 * parameters on both backends. Bind booleans as 0/1 integers (the schema has no boolean type, and
 * PostgreSQL refuses `true` for an integer column).
 */
class Database
{
public:
    using Backend = DatabaseUrl::Backend;

    /** What a connection may do. */
    enum class Access
    {
        ReadWrite,
        /**
         * A reader: SQLite with `PRAGMA query_only=ON` (WAL readers see the last commit and never
         * block the writer) and a 16 MiB page cache; PostgreSQL with
         * `default_transaction_read_only=on`. Migrations are not run through it.
         */
        ReadOnly,
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /** Opens (and for SQLite creates) the database of a --db URL; says clearly why it cannot. */
    [[nodiscard]] static Result<std::unique_ptr<Database>, DbError> open(const QString &url);
    [[nodiscard]] static Result<std::unique_ptr<Database>, DbError>
    open(const DatabaseUrl &url, Access access = Access::ReadWrite);

    [[nodiscard]] Backend backend() const { return m_url.backend; }
    [[nodiscard]] bool isPostgres() const { return m_url.backend == Backend::Postgres; }
    [[nodiscard]] const DatabaseUrl &url() const { return m_url; }
    [[nodiscard]] QSqlDatabase connection() const;

    /** The column type of binary data: BLOB (SQLite) or BYTEA (PostgreSQL). */
    [[nodiscard]] QString blobType() const;
    /** A 64-bit auto-assigned primary key column: INTEGER PRIMARY KEY or BIGSERIAL PRIMARY KEY. */
    [[nodiscard]] QString autoId() const;

    /**
     * Prepares and runs one statement with positional `?` parameters (a null QVariant binds NULL);
     * without parameters it runs unprepared (PostgreSQL cannot prepare BEGIN, SET or DDL).
     * A SELECT's query is returned positioned before its first row (forward only).
     */
    [[nodiscard]] Result<QSqlQuery, DbError> exec(const QString &sql,
                                                  const QVariantList &params = {});
    /** Runs a statement whose rows do not matter. */
    [[nodiscard]] DbStatus run(const QString &sql, const QVariantList &params = {});
    /**
     * Serializes writers across every process using this database, inside a transaction: a
     * no-op on SQLite (BEGIN IMMEDIATE already holds the single writer lock) and
     * `SELECT pg_advisory_xact_lock(4242)` on PostgreSQL, so that two servers on one PostgreSQL
     * assign the change-feed sequence in commit order. WriteTransaction calls it.
     */
    [[nodiscard]] DbStatus lockWriters();

    [[nodiscard]] bool inTransaction() const { return m_inTransaction; }
    [[nodiscard]] bool isReadOnly() const { return m_access == Access::ReadOnly; }

    /**
     * From now on, copies the WAL into the database file on a thread of its own after each
     * commit (WalCheckpointer) instead of inside the commit that crosses the 4,000-page mark;
     * the commit itself still checkpoints past 16,000 pages, should the thread fall behind.
     * For a long-running server; SQLite only (a no-op on PostgreSQL). Fails only when the
     * PRAGMA does.
     */
    [[nodiscard]] DbStatus checkpointInBackground();

    /**
     * The prepared statements of this connection, kept for its whole life (see StatementCache).
     * Whoever ends a unit of work (a request, a command) calls finishAll() on it.
     */
    [[nodiscard]] StatementCache &statements();

    /** The hook registered under `key` in the open transaction, or nullptr. */
    [[nodiscard]] TransactionHook *transactionHook(const QString &key) const;
    /**
     * Registers a hook for the open transaction (ignored, and false returned, outside one or when
     * the key is taken); the Database owns it until the transaction ends.
     */
    bool addTransactionHook(const QString &key, std::unique_ptr<TransactionHook> hook);

private:
    friend class WriteTransaction;
    friend class ReadTransaction;
    Database(DatabaseUrl url, QString connectionName, Access access);
    [[nodiscard]] DbError queryError(const QSqlQuery &query, const QString &sql) const;

    DatabaseUrl m_url;
    QString m_connectionName;
    Access m_access = Access::ReadWrite;
    bool m_inTransaction = false;
    std::vector<std::pair<QString, std::unique_ptr<TransactionHook>>> m_hooks;
    std::unique_ptr<StatementCache> m_statements; ///< before the connection closes: see ~Database
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

/**
 * A write transaction that holds the writer lock (BEGIN IMMEDIATE on SQLite; BEGIN plus the
 * advisory lock on PostgreSQL) and rolls back unless commit() succeeded. Transactions do not
 * nest: begin() fails while another is open on the same Database.
 */
class WriteTransaction
{
public:
    [[nodiscard]] static Result<WriteTransaction, DbError> begin(Database &db);

    WriteTransaction(WriteTransaction &&other) noexcept;
    WriteTransaction &operator=(WriteTransaction &&) = delete;
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;
    ~WriteTransaction();

    /** Commits; after a failed commit the transaction is rolled back. */
    [[nodiscard]] DbStatus commit();
    void rollback();

private:
    explicit WriteTransaction(Database *db)
        : m_db(db)
    {}

    Database *m_db = nullptr;
};

/**
 * One snapshot for everything a read does: `BEGIN` on SQLite (a WAL read transaction: every
 * statement sees the same last commit, from the first read on) and `BEGIN ISOLATION LEVEL
 * REPEATABLE READ READ ONLY` on PostgreSQL (one snapshot from the first statement). Only
 * committed data is seen: a write transaction open meanwhile on another connection is
 * invisible, rows and change-feed counter alike. end() commits (nothing was written);
 * the destructor rolls back if end() was not called.
 */
class ReadTransaction
{
public:
    [[nodiscard]] static Result<ReadTransaction, DbError> begin(Database &db);

    ReadTransaction(ReadTransaction &&other) noexcept;
    ReadTransaction &operator=(ReadTransaction &&) = delete;
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;
    ~ReadTransaction();

    /** Ends the snapshot. */
    [[nodiscard]] DbStatus end();

private:
    explicit ReadTransaction(Database *db)
        : m_db(db)
    {}

    Database *m_db = nullptr;
};

} // namespace gx::server
