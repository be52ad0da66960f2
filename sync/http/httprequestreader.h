#pragma once

#include "sync/http/httplimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gx::server {

/** The head of one request as the reader framed it. */
struct RequestHead
{
    QByteArray method; ///< as received, e.g. "POST"
    QByteArray target; ///< the request target as received, e.g. "/api/v1/sync/pull?since=c1.5"
    /** The path as QHttpServer routes it (QUrl::fromEncoded(target).path()). */
    QString path;
    int minorVersion = 1; ///< HTTP/1.0 or HTTP/1.1
    qint64 contentLength = 0;
    bool closeAfter = false; ///< `Connection: close`, or HTTP/1.0: close after the answer
    int fieldCount = 0;
};

/** Why the reader refused a connection's input: the answer to send before closing. */
struct HttpRefusal
{
    int status = 400;
    QString code;    ///< bad_request, headers_too_large, payload_too_large, ...
    QString message; ///< for a person
    QString field;   ///< the header concerned, if one is
};

/** A request whose head is complete: the head and where the request ends in the stream. */
struct FramedRequest
{
    RequestHead head;
    qint64 headEnd = 0; ///< stream offset just after the head's empty line
    qint64 end = 0;     ///< stream offset just after the body
};

/**
 * Frames the byte stream of one HTTP/1.x connection into requests, strictly, before QHttpServer
 * reads it. QHttpServer 6.4 is lenient in ways that let one request be read as two: it drops
 * every header (Content-Length and Authorization included) when there are more than 100 or one
 * is malformed, and then reads the body as the next request; it takes the first of two
 * Content-Length values; it accepts bare LF line ends and folded lines. The reader accepts only
 * what QHttpServer reads exactly as the reader does (RFC 9112 without the obsolete forms) and
 * refuses the rest, so the listener and QHttpServer can never disagree on where a request ends:
 *
 * - the request line `METHOD SP TARGET SP HTTP/1.x CRLF` (GET, HEAD, POST, PUT, DELETE, OPTIONS,
 *   PATCH; other methods 501), the target in origin form of visible ASCII (longer than
 *   maxTargetBytes: 414), HTTP/1.0 or 1.1 (other versions 505); empty lines before it are skipped;
 * - header lines `NAME: VALUE CRLF`, NAME a token, VALUE without control characters but tab;
 *   no bare CR or LF, no folded lines, no space before the colon (400);
 * - at most maxHeaderFields fields and maxHeadBytes bytes of head (431);
 * - one Content-Length (repeated only with the same value) of digits (400 otherwise), at most
 *   the body limit of its call (413); no Transfer-Encoding but `identity` (411); one Host; no
 *   WebSocket upgrade (400).
 *
 * Each refusal is decided at the first byte that makes it certain, so that the listener refuses
 * before QHttpServer acts on the bytes. Pure: no sockets, no clock (the fuzz target drives it).
 */
class HttpRequestReader
{
public:
    /** The largest body a request may carry (by its method and path); maxBodyBytes if unset. */
    using BodyLimit = std::function<qint64(const RequestHead &)>;

    /** QHttpServer's header parser gives up beyond these (Qt's QHttpHeaderParser). */
    static constexpr int kQtMaxHeaderFields = 100;
    static constexpr qint64 kQtMaxFieldBytes = qint64(100) << 10;

    explicit HttpRequestReader(const HttpLimits &limits, BodyLimit bodyLimit = {});

    /**
     * Reads the next bytes of the stream; returns false once the stream is refused (then
     * refusal() says why and offset() is where; nothing after it is read).
     */
    bool feed(QByteArrayView bytes);

    /** Requests whose heads are complete and not yet taken, oldest first. */
    [[nodiscard]] QList<FramedRequest> &framed() { return m_framed; }
    [[nodiscard]] const QList<FramedRequest> &framed() const { return m_framed; }
    [[nodiscard]] const std::optional<HttpRefusal> &refusal() const { return m_refusal; }
    /** Bytes read so far (up to the refusal). */
    [[nodiscard]] qint64 offset() const { return m_offset; }
    /** Part of a head has arrived, not its end. */
    [[nodiscard]] bool inHead() const { return m_state == State::Head; }
    /** A head is complete and part of its body is still to come. */
    [[nodiscard]] bool inBody() const { return m_state == State::Body; }
    /** The method and target of the request being read, as far as they arrived (for the log of
     * a refused one). */
    [[nodiscard]] QByteArray currentMethod() const;
    [[nodiscard]] QByteArray currentTarget() const;

    /**
     * Bytes as they may appear in a log line: printable ASCII as is, backslash, quote and every
     * other byte as \xNN, at most `max` bytes of input (then "..."), so that what a client sent
     * can neither start a new line nor reach a terminal as a control sequence.
     */
    [[nodiscard]] static QByteArray escapedForLog(QByteArrayView bytes, qsizetype max = 200);

private:
    enum class State
    {
        Between, ///< before a request line (empty lines are skipped)
        Head,    ///< in the request line or the headers
        Body,    ///< counting body bytes
        Refused,
    };

    void refuse(int status, const QString &code, const QString &message, const QString &field = {});
    /** Checks a complete line (without its CRLF); may refuse or finish the head. */
    void takeLine(QByteArrayView line);
    void takeRequestLine(QByteArrayView line);
    void takeHeader(QByteArrayView line);
    void finishHead();
    [[nodiscard]] qint64 maxRequestLine() const;
    /** Refuses a line still open once it is too long to be acceptable. */
    void checkOpenLine();

    HttpLimits m_limits;
    BodyLimit m_bodyLimit;
    State m_state = State::Between;
    qint64 m_offset = 0;
    qint64 m_headStart = 0; ///< stream offset of the request line
    QByteArray m_line;      ///< the bytes of that line so far
    bool m_sawCr = false;   ///< the last byte of m_line was a CR
    qint64 m_bodyLeft = 0;
    RequestHead m_current;
    bool m_requestLineDone = false;
    std::optional<qint64> m_contentLength;
    bool m_sawHost = false;
    bool m_upgradeConnection = false;
    bool m_websocket = false;
    QList<FramedRequest> m_framed;
    std::optional<HttpRefusal> m_refusal;
};

} // namespace gx::server
