#pragma once

#include <QtGlobal>

namespace gx::server {

/**
 * What the listener allows a client to send, enforced before QHttpServer reads a byte of it
 * (docs/api.md "Limits"). QHttpServer 6.4 has no limits of its own; its header parser gives up
 * silently beyond 100 fields or 100 KiB in one field, so the reader never lets more through.
 */
struct HttpLimits
{
    /** A Content-Length above this -> 413, for calls that do not set a limit of their own
     * (HttpFrontend::route() with RouteOptions: sync push and blob chunks do). */
    qint64 maxBodyBytes = qint64(1) << 20;
    qint64 maxHeadBytes = qint64(64) << 10; ///< request line + headers above this -> 431
    int maxHeaderFields = 100;              ///< header fields of one request above this -> 431
    int maxTargetBytes = 8 << 10;           ///< a request target longer than this -> 414
    /** A client must send a whole request head this soon after the connection opens, and after
     * the head's first byte for later requests on the connection; else 408 and close. */
    int headTimeoutMillis = 10000;
    /** A body must arrive at this average rate at least (after a grace of headTimeoutMillis);
     * else 408 and close: one byte every few seconds must not hold a connection for hours. */
    int minBodyBytesPerSecond = 2048;
    int lingerMillis = 2000;        ///< how long a refused connection drains input before closing
    int idleTimeoutMillis = 120000; ///< a connection with no traffic this long is closed
};

} // namespace gx::server
