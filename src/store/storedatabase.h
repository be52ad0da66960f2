#pragma once

#include "core/result.h"
#include "store/storeerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

class QLockFile;

namespace gx {

/**
 * The SQLite connection of one device store, and the lock file that keeps every other process
 * out of the same database (two writers would each believe their outbox is the whole truth).
 *
 * Opening takes the lock (QLockFile "PATH.lock"; a lock left by a process that died is taken
 * over), opens the file with QSQLITE and sets journal_mode=WAL, synchronous=FULL (a committed
 * transaction survives a power cut) and foreign_keys=ON. Statements are prepared once and reused,
 * because a field edit runs the same handful of them every time and must stay cheap.
 *
 * Internal to gengxin_store. Use it from the thread that opened it only (QtSql's rule).
 */
class StoreDatabase
{
public:
    ~StoreDatabase();
    StoreDatabase(const StoreDatabase &) = delete;
    StoreDatabase &operator=(const StoreDatabase &) = delete;

    /** Locks and opens the database at path (created, with its directory, when missing). */
    [[nodiscard]] static Result<std::unique_ptr<StoreDatabase>, StoreError>
    open(const QString &path);

    /** The absolute path of the database file. */
    [[nodiscard]] const QString &path() const { return m_path; }

    /** The statement for sql, prepared on first use and reset for binding and running again. */
    [[nodiscard]] QSqlQuery &statement(const QString &sql);
    /** Runs a prepared statement; on failure, the error says which statement and why. */
    [[nodiscard]] Status<StoreError> exec(QSqlQuery &query);
    /** Runs one statement given as text, without caching it (schema, pragmas). */
    [[nodiscard]] Status<StoreError> execText(const QString &sql);
    /** The value of "PRAGMA name" on this connection (e.g. "journal_mode"). */
    [[nodiscard]] QString pragma(const QString &name);
    /** Resets every cached statement, so that none holds a read open across COMMIT. */
    void finishAll();

private:
    StoreDatabase(QString path, QString connectionName, std::unique_ptr<QLockFile> lock);
    [[nodiscard]] Status<StoreError> configure();

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

/** The StoreError of a failed query, naming what was attempted. */
[[nodiscard]] StoreError sqlError(const QSqlQuery &query, const QString &what);

} // namespace gx
