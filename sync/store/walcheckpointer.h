#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace gx::server {

/**
 * Copies the WAL of a SQLite store back into its database file on a thread of its own, with a
 * connection of its own, so that the request thread's COMMIT only appends to the WAL. SQLite's
 * automatic checkpoint runs inside the COMMIT that crosses the threshold and took about a
 * sixth of a push's time there; a PASSIVE checkpoint elsewhere never blocks the writer or a
 * reader, and durability does not depend on it (every COMMIT has already synced the WAL).
 *
 * poke() after each commit asks for a checkpoint; it runs at once when the last one began more
 * than kIntervalMs ago, else at that mark, and the pokes meanwhile are served by that one run (a
 * page that many commits dirty is copied once, as with SQLite's own threshold). The destructor
 * finishes the run in progress and stops the thread.
 */
class WalCheckpointer
{
public:
    /** Starts the thread for the SQLite file at `path` (opened in WAL mode by its owner). */
    explicit WalCheckpointer(QString path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    void poke();

    static constexpr qint64 kIntervalMs = 250;

    /** How many checkpoints have completed (for tests and the log). */
    [[nodiscard]] qint64 completed() const;

private:
    void run();

    QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stop = false;
    qint64 m_completed = 0;
    std::thread m_thread;
};

} // namespace gx::server
