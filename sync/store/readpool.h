#pragma once

#include "sync/store/database.h"

#include <QThread>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace gx::server {

/**
 * Worker threads that read the store beside the writer, each with a connection of its own
 * (Database::Access::ReadOnly: a WAL reader on SQLite, a connection of a small pool on
 * PostgreSQL) opened and used on that thread only, so its prepared statements are its own.
 *
 * submit() queues a job; the first free worker runs it inside a ReadTransaction (one snapshot of
 * committed data per job) and then releases the connection's results. A connection that cannot
 * begin a snapshot (PostgreSQL restarted) is opened again once before the job is told why not.
 * Jobs run in the order queued, several at once; the destructor lets running jobs end and drops
 * the queued ones (their callbacks never run).
 */
class ReadPool
{
public:
    /** What a job gets: the worker's connection inside its snapshot, or why there is none. */
    using Job = std::function<void(Result<Database *, DbError>)>;

    /** Opens `threads` (1 or more) reader connections to `url`, each on its own thread. */
    [[nodiscard]] static Result<std::unique_ptr<ReadPool>, DbError> start(const DatabaseUrl &url,
                                                                          int threads);
    ~ReadPool();
    ReadPool(const ReadPool &) = delete;
    ReadPool &operator=(const ReadPool &) = delete;

    /** Queues a job (any thread). */
    void submit(Job job);
    [[nodiscard]] int threads() const { return int(m_threads.size()); }

    /** The default of `serve --read-threads`: min(4, cores), at least 1. */
    [[nodiscard]] static int defaultThreads();

private:
    explicit ReadPool(DatabaseUrl url)
        : m_url(std::move(url))
    {}
    void work(std::unique_ptr<Database> db);
    /** Runs the job inside a snapshot of db (or tells it why there is none). */
    static void run(const Job &job, Database &db);

    DatabaseUrl m_url;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace gx::server
