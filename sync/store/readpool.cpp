#include "sync/store/readpool.h"

#include "sync/store/logging.h"
#include "sync/store/statementcache.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace gx::server {

int ReadPool::defaultThreads()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

Result<std::unique_ptr<ReadPool>, DbError> ReadPool::start(const DatabaseUrl &url, int threads)
{
    std::unique_ptr<ReadPool> pool(new ReadPool(url));
    // Each connection is opened on its worker's thread (QtSql's rule); start() waits for all.
    std::mutex opened;
    std::condition_variable done;
    int pending = std::max(1, threads);
    std::optional<DbError> failure;
    for (int i = 0; i < std::max(1, threads); ++i) {
        ReadPool *self = pool.get();
        std::unique_ptr<QThread> thread(QThread::create([self, &opened, &done, &pending, &failure] {
            auto db = Database::open(self->m_url, Database::Access::ReadOnly);
            {
                const std::lock_guard lock(opened);
                if (!db && !failure)
                    failure = db.error();
                --pending;
            }
            done.notify_all();
            if (db)
                self->work(std::move(db).value());
        }));
        thread->setObjectName(u"gx-reader-%1"_s.arg(i));
        thread->start();
        pool->m_threads.push_back(std::move(thread));
    }
    std::unique_lock lock(opened);
    done.wait(lock, [&pending] { return pending == 0; });
    if (failure) {
        lock.unlock();
        pool.reset(); // stops the workers that did open
        return *failure;
    }
    return pool;
}

ReadPool::~ReadPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    for (auto &thread : m_threads)
        thread->wait();
}

void ReadPool::submit(Job job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void ReadPool::run(const Job &job, Database &db)
{
    auto snapshot = ReadTransaction::begin(db);
    if (!snapshot) {
        job(snapshot.error());
        return;
    }
    job(&db);
    if (auto ended = snapshot.value().end(); !ended)
        qCWarning(lcServerDb, "a read did not end: %s", qUtf8Printable(ended.error().message));
}

void ReadPool::work(std::unique_ptr<Database> db)
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                break;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        auto snapshot = ReadTransaction::begin(*db);
        if (!snapshot) {
            qCWarning(lcServerDb, "a reader connection failed (%s); opening it again",
                      qUtf8Printable(snapshot.error().message));
            if (auto again = Database::open(m_url, Database::Access::ReadOnly)) {
                db = std::move(again).value();
                run(job, *db);
            } else {
                job(again.error());
            }
            continue;
        }
        job(db.get());
        if (auto ended = snapshot.value().end(); !ended)
            qCWarning(lcServerDb, "a read did not end: %s", qUtf8Printable(ended.error().message));
    }
    db.reset(); // closed on the thread that opened it
}

} // namespace gx::server
