#include "sync/store/database.h"

#include "sync/store/logging.h"
#include "sync/store/statementcache.h"
#include "sync/store/walcheckpointer.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

const QString kUrlForms = u"--db takes sqlite:PATH or postgres://USER:PASS@HOST:PORT/DB"_s;

DbError badUrl(const QString &why)
{
    return DbError{DbError::Kind::BadUrl, why + u" ("_s + kUrlForms + u")"_s, false};
}

Result<DatabaseUrl, DbError> parsePostgres(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(u"'%1' is not a valid URL: %2"_s.arg(text, url.errorString()));
    DatabaseUrl out;
    out.backend = DatabaseUrl::Backend::Postgres;
    out.host = url.host();
    if (out.host.isEmpty())
        return badUrl(u"the PostgreSQL URL names no host"_s);
    out.port = url.port(5432);
    if (out.port <= 0)
        return badUrl(u"the PostgreSQL URL has a bad port"_s);
    out.user = url.userName(QUrl::FullyDecoded);
    if (out.user.isEmpty())
        return badUrl(u"the PostgreSQL URL names no user"_s);
    out.password = url.password(QUrl::FullyDecoded);
    out.name = url.path(QUrl::FullyDecoded);
    if (out.name.startsWith(u'/'))
        out.name.remove(0, 1);
    if (out.name.isEmpty() || out.name.contains(u'/'))
        return badUrl(u"the PostgreSQL URL must name one database after the port, as in /gx"_s);
    static const QRegularExpression key(u"^[a-z_]{1,40}$"_s);
    static const QRegularExpression value(u"^[^\\s;'\\\\]{1,200}$"_s);
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[k, v] : items) {
        if (!key.match(k).hasMatch() || !value.match(v).hasMatch())
            return badUrl(u"bad connection option '%1=%2'"_s.arg(k, v));
        out.options.append(k + u'=' + v);
    }
    return out;
}

bool isUniqueViolation(const QSqlError &error, DatabaseUrl::Backend backend)
{
    const QString code = error.nativeErrorCode();
    if (backend == DatabaseUrl::Backend::Postgres)
        return code == "23505"_L1;
    return code == "2067"_L1 || code == "1555"_L1 || code == "19"_L1;
}

QString shortSql(const QString &sql)
{
    QString s = sql.simplified();
    return s.size() > 120 ? s.left(117) + u"..."_s : s;
}

} // namespace

Result<DatabaseUrl, DbError> DatabaseUrl::parse(const QString &text)
{
    if (text.startsWith("sqlite:"_L1)) {
        DatabaseUrl out;
        out.backend = Backend::Sqlite;
        out.path = text.mid(7);
        if (out.path.startsWith("//"_L1))
            out.path.remove(0, 2);
        if (out.path.isEmpty())
            return badUrl(u"sqlite: needs a file path, as in sqlite:/var/lib/gengxin/store.db"_s);
        return out;
    }
    if (text.startsWith("postgres://"_L1) || text.startsWith("postgresql://"_L1))
        return parsePostgres(text);
    return badUrl(u"'%1' is not a database URL"_s.arg(text));
}

QString DatabaseUrl::redacted() const
{
    if (backend == Backend::Sqlite)
        return u"sqlite:"_s + path;
    QString out = u"postgres://%1%2@%3:%4/%5"_s.arg(
        user, password.isEmpty() ? QString() : u":***"_s, host, QString::number(port), name);
    if (!options.isEmpty())
        out += u'?' + options.join(u'&');
    return out;
}

TransactionHook::~TransactionHook() = default;

TransactionHook *Database::transactionHook(const QString &key) const
{
    for (const auto &[name, hook] : m_hooks) {
        if (name == key)
            return hook.get();
    }
    return nullptr;
}

bool Database::addTransactionHook(const QString &key, std::unique_ptr<TransactionHook> hook)
{
    if (!m_inTransaction || transactionHook(key))
        return false;
    m_hooks.emplace_back(key, std::move(hook));
    return true;
}

Database::Database(DatabaseUrl url, QString connectionName, Access access)
    : m_url(std::move(url))
    , m_connectionName(std::move(connectionName))
    , m_access(access)
{}

Database::~Database()
{
    m_checkpointer.reset(); // finishes its run before the file closes
    m_statements.reset();   // its queries use the connection
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

DbStatus Database::checkpointInBackground()
{
    if (isPostgres() || m_checkpointer)
        return Done{};
    if (auto set = run(u"PRAGMA wal_autocheckpoint=16000"_s); !set)
        return set;
    m_checkpointer = std::make_unique<WalCheckpointer>(connection().databaseName());
    return Done{};
}

StatementCache &Database::statements()
{
    if (!m_statements)
        m_statements = std::make_unique<StatementCache>(*this);
    return *m_statements;
}

Result<std::unique_ptr<Database>, DbError> Database::open(const QString &url)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return open(parsed.value());
}

Result<std::unique_ptr<Database>, DbError> Database::open(const DatabaseUrl &url, Access access)
{
    static QAtomicInteger<int> counter;
    const QString name = u"gx-server-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    const bool sqlite = url.backend == Backend::Sqlite;
    const QString driver = sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        return DbError{DbError::Kind::Unavailable,
                       u"the Qt SQL driver %1 is not installed (Debian package %2)"_s.arg(
                           driver, sqlite ? u"libqt6sql6-sqlite"_s : u"libqt6sql6-psql"_s),
                       false};
    }
    std::unique_ptr<Database> db(new Database(url, name, access));
    const bool reader = access == Access::ReadOnly;
    QSqlDatabase connection = QSqlDatabase::addDatabase(driver, name);
    if (sqlite) {
        const QFileInfo file(url.path);
        if (!file.absoluteDir().exists()) {
            return DbError{DbError::Kind::Unavailable,
                           u"cannot open %1: the directory %2 does not exist"_s.arg(
                               url.redacted(), file.absolutePath()),
                           false};
        }
        connection.setDatabaseName(file.absoluteFilePath());
        connection.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    } else {
        connection.setHostName(url.host);
        connection.setPort(url.port);
        connection.setUserName(url.user);
        connection.setPassword(url.password);
        connection.setDatabaseName(url.name);
        QStringList options = url.options;
        if (!std::any_of(options.cbegin(), options.cend(),
                         [](const QString &o) { return o.startsWith("connect_timeout="_L1); }))
            options.append(u"connect_timeout=5"_s);
        connection.setConnectOptions(options.join(u';'));
    }
    if (!connection.open()) {
        const QString why = connection.lastError().databaseText().simplified();
        return DbError{DbError::Kind::Unavailable,
                       u"cannot open the database %1: %2"_s.arg(url.redacted(), why), false};
    }
    QStringList setup =
        sqlite ? QStringList{u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                             u"PRAGMA foreign_keys=ON"_s,
                             // Statement journals and sorts in memory, a 32 MiB page cache,
                             // and a WAL checkpoint every 4,000 pages (16 MiB) rather than
                             // 1,000: index pages dirtied by many commits are copied once.
                             u"PRAGMA temp_store=MEMORY"_s, u"PRAGMA cache_size=-32768"_s,
                             u"PRAGMA wal_autocheckpoint=4000"_s}
               : QStringList{u"SET client_min_messages TO WARNING"_s, u"SET TIME ZONE 'UTC'"_s,
                             // Statements stay prepared for the connection's life
                             // (statements()); a generic plan made while a table was small
                             // (e.g. `id IN (...)` filtered after an index scan on `entity`
                             // alone) would stay, and grow with the table: 43 ms a push at
                             // 36,000 records. Plan each run with its values instead.
                             u"SET plan_cache_mode = force_custom_plan"_s};
    if (reader && sqlite) {
        // A WAL reader: the writer's file is in WAL mode already (a reader must not change the
        // journal), a smaller cache per reader (the server holds several), and refusing writes.
        setup = QStringList{u"PRAGMA foreign_keys=ON"_s, u"PRAGMA temp_store=MEMORY"_s,
                            u"PRAGMA cache_size=-16384"_s, u"PRAGMA query_only=ON"_s};
    } else if (reader) {
        setup.append(u"SET default_transaction_read_only = on"_s);
    }
    for (const QString &statement : setup) {
        auto status = db->run(statement);
        if (!status) {
            return DbError{
                DbError::Kind::Unavailable,
                u"cannot set up the database %1: %2"_s.arg(url.redacted(), status.error().message),
                false};
        }
    }
    qCDebug(lcServerDb) << "opened" << url.redacted();
    return db;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::blobType() const
{
    return isPostgres() ? u"BYTEA"_s : u"BLOB"_s;
}

QString Database::autoId() const
{
    return isPostgres() ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY"_s;
}

DbError Database::queryError(const QSqlQuery &query, const QString &sql) const
{
    const QSqlError error = query.lastError();
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return DbError{DbError::Kind::Query, u"database error: %1 (in: %2)"_s.arg(text, shortSql(sql)),
                   isUniqueViolation(error, m_url.backend)};
}

Result<QSqlQuery, DbError> Database::exec(const QString &sql, const QVariantList &params)
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (params.isEmpty()) {
        // Unprepared: PostgreSQL cannot PREPARE utility statements (BEGIN, SET, DDL).
        if (!query.exec(sql))
            return queryError(query, sql);
        return query;
    }
    if (!query.prepare(sql))
        return queryError(query, sql);
    for (const QVariant &value : params)
        query.addBindValue(value);
    if (!query.exec())
        return queryError(query, sql);
    return query;
}

DbStatus Database::run(const QString &sql, const QVariantList &params)
{
    auto query = exec(sql, params);
    if (!query)
        return query.error();
    return Done{};
}

DbStatus Database::lockWriters()
{
    if (!isPostgres())
        return Done{};
    return run(u"SELECT pg_advisory_xact_lock(4242)"_s);
}

Result<WriteTransaction, DbError> WriteTransaction::begin(Database &db)
{
    if (db.m_inTransaction)
        return DbError{DbError::Kind::Query, u"a transaction is already open"_s, false};
    // Not QSqlDatabase::transaction(): SQLite must take the writer lock at BEGIN (IMMEDIATE),
    // or two writers that both read first deadlock on upgrade.
    auto status = db.run(db.isPostgres() ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s);
    if (!status)
        return status.error();
    db.m_inTransaction = true;
    WriteTransaction transaction(&db);
    auto locked = db.lockWriters();
    if (!locked)
        return locked.error(); // the destructor of `transaction` rolls back
    return transaction;
}

WriteTransaction::WriteTransaction(WriteTransaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

DbStatus WriteTransaction::commit()
{
    if (!m_db)
        return DbError{DbError::Kind::Query, u"the transaction is no longer open"_s, false};
    // A hook may register another (or touch what an earlier one flushed): run until none is new.
    for (std::size_t i = 0; i < m_db->m_hooks.size(); ++i) {
        if (auto done = m_db->m_hooks[i].second->beforeCommit(*m_db); !done) {
            rollback();
            return done.error();
        }
    }
    auto status = m_db->run(u"COMMIT"_s);
    if (!status) {
        rollback();
        return status.error();
    }
    m_db->m_inTransaction = false;
    m_db->m_hooks.clear();
    if (m_db->m_checkpointer)
        m_db->m_checkpointer->poke();
    m_db = nullptr;
    return Done{};
}

void WriteTransaction::rollback()
{
    if (!m_db)
        return;
    auto status = m_db->run(u"ROLLBACK"_s);
    if (!status)
        qCWarning(lcServerDb) << "rollback failed:" << status.error().message;
    m_db->m_inTransaction = false;
    m_db->m_hooks.clear();
    m_db = nullptr;
}

Result<ReadTransaction, DbError> ReadTransaction::begin(Database &db)
{
    if (db.m_inTransaction)
        return DbError{DbError::Kind::Query, u"a transaction is already open"_s, false};
    auto status =
        db.run(db.isPostgres() ? u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s : u"BEGIN"_s);
    if (!status)
        return status.error();
    db.m_inTransaction = true;
    return ReadTransaction(&db);
}

ReadTransaction::ReadTransaction(ReadTransaction &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{}

ReadTransaction::~ReadTransaction()
{
    if (!m_db)
        return;
    m_db->statements().finishAll();
    if (auto status = m_db->run(u"ROLLBACK"_s); !status)
        qCWarning(lcServerDb) << "rollback of a read failed:" << status.error().message;
    m_db->m_inTransaction = false;
}

DbStatus ReadTransaction::end()
{
    if (!m_db)
        return DbError{DbError::Kind::Query, u"the read is no longer open"_s, false};
    Database *db = std::exchange(m_db, nullptr);
    db->statements().finishAll();
    db->m_inTransaction = false;
    auto status = db->run(u"COMMIT"_s);
    if (!status)
        (void)db->run(u"ROLLBACK"_s);
    return status;
}

} // namespace gx::server
