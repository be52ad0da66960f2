#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

#include <functional>
#include <memory>

/**
 * HTTP over a raw TCP socket, for wire tests: the bytes a careless or hostile client sends that
 * QNetworkAccessManager (HttpClient) never would (malformed heads, pipelining, slow bytes).
 */
namespace gx::test {

/**
 * Sends raw bytes to 127.0.0.1:port and returns everything the server sent until it closed the
 * connection or timeoutMs passed (for requests QNetworkAccessManager will not make).
 */
[[nodiscard]] QByteArray rawExchange(quint16 port, const QByteArray &request,
                                     int timeoutMs = 10000);
/**
 * A raw TCP connection to 127.0.0.1:port that the caller drives, spinning the event loop while
 * it waits (so that an in-process server answers meanwhile): for bytes QNetworkAccessManager
 * will not send, sent slowly, pipelined, or on several connections at once.
 */
class RawConnection
{
public:
    /** Connects to 127.0.0.1:port, from the loopback address `from` if one is given (e.g.
     * 127.0.0.2: another client address for the server's per-address rules). */
    explicit RawConnection(quint16 port, int connectTimeoutMs = 5000,
                           const QHostAddress &from = {});
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    [[nodiscard]] bool isConnected() const;
    void send(const QByteArray &bytes);
    /** Spins until `done(received())` holds, the server closes, or timeoutMs pass; returns
     * whether done holds. */
    bool waitFor(const std::function<bool(const QByteArray &)> &done, int timeoutMs = 10000);
    /** Until `count` whole answers arrived (see answers()). */
    bool waitForAnswers(int count, int timeoutMs = 10000);
    /** Until the server closed the connection; returns whether it did. */
    bool waitForClose(int timeoutMs = 10000);
    [[nodiscard]] const QByteArray &received() const { return m_received; }
    [[nodiscard]] bool closedByServer() const { return m_closed; }
    /** The whole answers received so far, each its head and body (framed by Content-Length). */
    [[nodiscard]] QList<QByteArray> answers() const;

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

/** POST /api/v1/login from the loopback address `from`: the whole raw answer, or "". */
[[nodiscard]] QByteArray rawLogin(quint16 port, const QHostAddress &from, const QString &username,
                                  const QString &password);

/** The status code of a raw HTTP answer ("HTTP/1.1 413 ..."), or 0. */
[[nodiscard]] int rawStatus(const QByteArray &response);
/** The body of a raw HTTP answer parsed as a JSON object. */
[[nodiscard]] QJsonObject rawJsonBody(const QByteArray &response);

} // namespace gx::test
