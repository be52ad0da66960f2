#pragma once

#include <QByteArray>

namespace gx::e2e {

/**
 * One HTTP/1.1 message as it travels: the head (start line and headers, with the blank line)
 * and the body. Only what the server and QtNetwork send is understood: bodies framed by
 * Content-Length, or none. Chunked bodies are Malformed (the server refuses them anyway).
 */
struct HttpFrame
{
    enum class Status
    {
        Incomplete,
        Complete,
        Malformed,
    };

    QByteArray head;
    QByteArray body;

    /** Takes one whole message from the front of buffer (leaving the rest there). */
    [[nodiscard]] static Status take(QByteArray &buffer, HttpFrame &frame);

    [[nodiscard]] QByteArray bytes() const { return QByteArray(head).append(body); }
    /** A header's value (case-insensitive name), trimmed; empty when absent. */
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /** The head with Content-Length set to length (for a deliberately cut body). */
    [[nodiscard]] QByteArray headWithLength(qsizetype length) const;
    /** The status of a response ("HTTP/1.1 200 OK" -> 200), 0 for a request. */
    [[nodiscard]] int status() const;
    /** The request line's method and path ("POST /api/v1/sync/push"). */
    [[nodiscard]] QByteArray requestLine() const;
};

} // namespace gx::e2e
