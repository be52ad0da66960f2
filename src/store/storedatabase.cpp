#include "store/storedatabase.h"

#include "store/logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

StoreError lockRefusal(QLockFile &lock, const QString &path)
{
    if (lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host, app;
        if (lock.getLockInfo(&pid, &host, &app)) {
            return StoreError{StoreError::Code::Locked,
                              u"the device store %1 is already open in another process "
                              u"(pid %2, %3 on %4); close that one first"_s.arg(
                                  path, QString::number(pid), app.isEmpty() ? u"?"_s : app,
                                  host.isEmpty() ? u"this machine"_s : host)};
        }
        return StoreError{StoreError::Code::Locked,
                          u"the device store %1 is already open in another process; close "
                          u"that one first"_s.arg(path)};
    }
    return StoreError{StoreError::Code::Io,
                      u"cannot create the lock file %1.lock (permissions or disk)"_s.arg(path)};
}

} // namespace

StoreError sqlError(const QSqlQuery &query, const QString &what)
{
    return StoreError{StoreError::Code::Database,
                      u"%1 failed: %2"_s.arg(what, query.lastError().text())};
}

StoreDatabase::StoreDatabase(QString path, QString connectionName, std::unique_ptr<QLockFile> lock)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_lock(std::move(lock))
{}

StoreDatabase::~StoreDatabase()
{
    m_statements.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_lock)
        m_lock->unlock();
}

Result<std::unique_ptr<StoreDatabase>, StoreError> StoreDatabase::open(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath())) {
        return StoreError{StoreError::Code::Io,
                          u"cannot create the directory of %1"_s.arg(absolute)};
    }
    auto lock = std::make_unique<QLockFile>(absolute + u".lock"_s);
    // Never stale by age: the holder does not refresh the file. A lock whose process has died
    // (a kill, a crash) is still taken over, which QLockFile detects by its pid.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return lockRefusal(*lock, absolute);

    const QString name = u"gx.store.%1"_s.arg(++g_connectionCounter);
    std::unique_ptr<StoreDatabase> db(new StoreDatabase(absolute, name, std::move(lock)));
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db->m_db.setDatabaseName(absolute);
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db->m_db.open()) {
        return StoreError{StoreError::Code::Database, u"cannot open the device store %1: %2"_s.arg(
                                                          absolute, db->m_db.lastError().text())};
    }
    if (auto done = db->configure(); !done)
        return done.error();
    return db;
}

Status<StoreError> StoreDatabase::configure()
{
    if (pragma(u"journal_mode=WAL"_s).compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        return StoreError{StoreError::Code::Database,
                          u"the device store %1 cannot use write-ahead logging"_s.arg(m_path)};
    }
    for (const QString &sql : {u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s}) {
        if (auto done = execText(sql); !done)
            return done.error();
    }
    return Done{};
}

QSqlQuery &StoreDatabase::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            qCWarning(lcStore) << "cannot prepare" << sql << query->lastError().text();
        it = m_statements.emplace(sql, std::move(query)).first;
    } else {
        it->second->finish();
    }
    return *it->second;
}

Status<StoreError> StoreDatabase::exec(QSqlQuery &query)
{
    if (query.exec())
        return Done{};
    return sqlError(query, query.lastQuery().simplified().left(80));
}

Status<StoreError> StoreDatabase::execText(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return Done{};
    return sqlError(query, sql.simplified().left(80));
}

QString StoreDatabase::pragma(const QString &name)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return {};
    return query.value(0).toString();
}

void StoreDatabase::finishAll()
{
    for (auto &entry : m_statements) {
        if (entry.second->isActive())
            entry.second->finish();
    }
}

} // namespace gx
