#pragma once

#include <QString>

namespace gx {

/** Where the sync engine stands, as a person reads it. */
enum class SyncState
{
    Idle,              ///< nothing running; the last sync succeeded or none ran yet
    Syncing,           ///< pushing, pulling or uploading
    WaitingForNetwork, ///< the server could not be reached (or answered 5xx); a retry is due
    Failed,            ///< stopped with a reason; the next trigger tries again
    NeedsLogin,        ///< no token, or the server refused it (401); the outbox is kept
};

/** "idle", "syncing", "waiting_for_network", "failed" or "needs_login". */
[[nodiscard]] QString syncStateName(SyncState state);

/** The parts of one sync cycle, in the order they run. */
enum class SyncPhase
{
    None,
    Push,   ///< the outbox, in batches
    Pull,   ///< the change feed, page by page
    Forms,  ///< versions of the survey definition the device lacks
    Fold,   ///< surveys the server refused as duplicate_survey, folded into the existing one
    Upload, ///< photos, in resumable chunks
};

/** "", "push", "pull", "forms", "fold" or "upload". */
[[nodiscard]] QString syncPhaseName(SyncPhase phase);

/**
 * The sync engine's state machine and what goes with each state: the reason of a failure or a
 * wait, progress (items done of total), the phase and the time of the last success. Kept apart
 * from the network code so that its rules are plain to read and test:
 * - needs_login is left only by loggedIn(); nothing starts a cycle while in it;
 * - a cycle begins from idle, failed or waiting_for_network and ends in idle (success), failed,
 *   needs_login, or waiting_for_network (a retry is scheduled and resumes with resume());
 * - a success clears the reason and stamps the last success time.
 * Each call returns whether the state (or its reason) changed.
 */
class SyncStatus
{
public:
    [[nodiscard]] SyncState state() const { return m_state; }
    [[nodiscard]] const QString &reason() const { return m_reason; }
    [[nodiscard]] SyncPhase phase() const { return m_phase; }
    [[nodiscard]] int done() const { return m_done; }
    [[nodiscard]] int total() const { return m_total; }
    /** Unix ms of the last successful cycle, 0 when none. */
    [[nodiscard]] qint64 lastSuccessMillis() const { return m_lastSuccess; }

    /** Starts a cycle; refused (false) while needs_login or already syncing. */
    [[nodiscard]] bool begin();
    /** A retry of the running cycle after a wait: waiting_for_network -> syncing. */
    bool resume();
    /** The cycle cannot reach the server for now; it retries later. */
    bool waitForNetwork(const QString &reason);
    /** The cycle stopped for good (or the retries ran out). */
    bool fail(const QString &reason);
    /** The server refused the token, or there is none. */
    bool needLogin(const QString &reason);
    /** A login succeeded: needs_login -> idle. */
    bool loggedIn();
    /** The cycle completed at nowMillis. */
    bool succeed(qint64 nowMillis);

    /** Returns whether anything changed. */
    bool setPhase(SyncPhase phase);
    bool setProgress(int done, int total);

    /** A sentence for a person: the state with its reason or the last success. */
    [[nodiscard]] QString summary() const;

private:
    bool moveTo(SyncState state, const QString &reason);

    SyncState m_state = SyncState::Idle;
    QString m_reason;
    SyncPhase m_phase = SyncPhase::None;
    int m_done = 0;
    int m_total = 0;
    qint64 m_lastSuccess = 0;
};

} // namespace gx
