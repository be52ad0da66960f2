#include "sync/store/walcheckpointer.h"

#include "sync/store/logging.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

WalCheckpointer::WalCheckpointer(QString path)
    : m_path(std::move(path))
    , m_thread([this] { run(); })
{}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::poke()
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_one();
}

qint64 WalCheckpointer::completed() const
{
    const std::lock_guard lock(m_mutex);
    return m_completed;
}

void WalCheckpointer::run()
{
    static QAtomicInteger<int> counter;
    const QString name = u"gx-checkpoint-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            qCWarning(lcServerDb, "WAL checkpoints: cannot open %s", qUtf8Printable(m_path));
        QSqlQuery checkpoint(db);
        QElapsedTimer sinceLast;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_requested || m_stop; });
            // At most one run per interval: a page that many commits dirty is copied once.
            if (!m_stop && sinceLast.isValid())
                m_wake.wait_for(lock,
                                std::chrono::milliseconds(
                                    std::max<qint64>(0, kIntervalMs - sinceLast.elapsed())),
                                [this] { return m_stop; });
            if (m_stop)
                break;
            sinceLast.start();
            m_requested = false;
            lock.unlock();
            const bool done = db.isOpen() && checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
            if (!done && db.isOpen()) {
                qCDebug(lcServerDb, "WAL checkpoint: %s",
                        qUtf8Printable(checkpoint.lastError().text()));
            }
            checkpoint.finish();
            lock.lock();
            if (done)
                ++m_completed;
        }
        lock.unlock();
        checkpoint = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace gx::server
