#pragma once

#include "syncclient/backoff.h"

namespace gx {

/** The sync engine's settings; the defaults suit a tablet on a mobile network. */
struct SyncOptions
{
    int pushBatchSize = 200;              ///< mutations per push (the server takes up to 1,000)
    int pullPageSize = 500;               ///< changes per pull page (the server caps at 1,000)
    qint64 uploadChunkBytes = 256 * 1024; ///< bytes per PUT of a photo
    int timeoutMillis = 30'000;           ///< a request with no traffic this long is abandoned
    int maxAttempts = 8;   ///< consecutive failed attempts before the cycle gives up (`failed`)
    BackoffPolicy backoff; ///< waits between attempts
    int periodicMillis = 15 * 60'000; ///< a sync this often while online and logged in; 0: off
};

} // namespace gx
