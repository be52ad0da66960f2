#pragma once

#include "syncclient/synctransport.h"

#include <QString>

#include <functional>

namespace gx {

/** How one step of a sync cycle (push, pull, upload) ended. */
struct StepOutcome
{
    enum class Kind
    {
        Complete,     ///< nothing left to do for this step
        Transient,    ///< the server could not be reached or failed; run the step again later
        Unauthorized, ///< the token was refused; log in, then run the step again
        Failed,       ///< retrying cannot help (a refusal, a store error); the reason says why
    };

    Kind kind = Kind::Complete;
    QString reason;

    [[nodiscard]] static StepOutcome done() { return {}; }
    /** The outcome of a transport reply that was not Ok. */
    [[nodiscard]] static StepOutcome fromReply(const TransportReply &reply, const QString &what);
};

/** What a step reports to the engine while it runs. */
struct StepCallbacks
{
    /** A request succeeded: the engine's backoff starts over. */
    std::function<void()> answered;
    /** Items (mutations, changes, photos) finished and items newly known of. */
    std::function<void(int done, int known)> progressed;
    /** The step ended; called once per start(). */
    std::function<void(const StepOutcome &)> finished;
};

/** What one sync cycle did, for the UI and the tests. */
struct SyncReport
{
    int pushed = 0;    ///< mutations the server acknowledged (applied, merged, conflict, duplicate)
    int conflicts = 0; ///< of those, merged with a clash (see the conflict log)
    int rejected = 0;  ///< refused by the server; kept in the outbox with the reason
    int pulled = 0;    ///< changes applied from the feed
    int forms = 0;     ///< versions of the survey definition fetched and stored
    int folded = 0;    ///< surveys folded into an existing one after duplicate_survey
    int uploaded = 0;  ///< photos the server now has whole
    int retries = 0;   ///< requests that failed and were retried
};

} // namespace gx
