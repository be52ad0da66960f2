#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

class QTcpSocket;

namespace gx::server {

/** Size limits that act on a request before QHttpServer buffers it. */
struct HttpLimits
{
    qint64 maxBodyBytes = qint64(16) << 20; ///< Content-Length above this -> 413
    qint64 maxHeadBytes = qint64(64) << 10; ///< request line + headers above this -> 431
    int lingerMillis = 2000;        ///< how long a refused connection drains input before closing
    int idleTimeoutMillis = 120000; ///< a connection with no traffic this long is closed
};

/**
 * The listening socket of the HTTP frontend. QHttpServer 6.4 has no request limits and buffers a
 * whole body before any handler runs, so every accepted socket first gets a guard whose readyRead
 * handler is connected BEFORE QHttpServer's: it follows the byte stream request by request
 * (peeking, never consuming what the server has not read), and refuses
 * - a Content-Length above maxBodyBytes with 413 `payload_too_large`,
 * - a request head above maxHeadBytes with 431 `headers_too_large`,
 * - a chunked body (its size is unknown in advance) with 411 `length_required`,
 * answering a JSON error and closing the connection after draining the client's input for a
 * moment (so that the client reads the answer instead of a reset). rejected() reports each.
 * A connection that sends and receives nothing for idleTimeoutMillis is closed, so that idle or
 * stalled clients cannot hold sockets for ever (QHttpServer 6.4 has no timeouts).
 *
 * With a TLS configuration every connection is a QSslSocket in server mode (HTTPS only): the
 * guard then follows the decrypted stream, exactly as it follows plain HTTP, and a handshake
 * that stalls counts as idle. QHttpServer's own sslSetup() cannot be used because it makes its
 * own listener, which would bypass the guard.
 */
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(HttpLimits limits, QObject *parent = nullptr);

    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }
    /** Serves HTTPS with this configuration from now on (set before listening). */
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    [[nodiscard]] bool isTls() const { return m_tls.has_value(); }

signals:
    /** A request was refused before it reached the server: for the request log. */
    void rejected(const QString &method, const QString &path, int status, const QHostAddress &peer);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace gx::server
