#pragma once

#include "sync/http/httplimits.h"
#include "sync/http/httprequestreader.h"

#include <QByteArray>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

class QTcpSocket;

namespace gx::server {

/**
 * The listening socket of the HTTP frontend. QHttpServer 6.4 has no request limits, reads
 * requests leniently and buffers a whole body before any handler runs, so every accepted socket
 * first gets a ConnectionGuard whose readyRead handler is connected BEFORE QHttpServer's (and a
 * second one after it): the guard frames the byte stream with an HttpRequestReader (peeking,
 * never consuming what the server has not read) and refuses, with a JSON error and a close
 * after draining the client's input for a moment (so that the client reads the answer instead
 * of a reset), what the reader refuses: too large (413, 431, 414), chunked (411), malformed or
 * ambiguous (400), too slow (408). rejected() reports each. A connection that sends and
 * receives nothing for idleTimeoutMillis is closed (QHttpServer 6.4 has no timeouts).
 *
 * With a TLS configuration every connection is a QSslSocket in server mode (HTTPS only): the
 * guard then follows the decrypted stream, exactly as it follows plain HTTP, and a handshake
 * that stalls counts as a head that is late. QHttpServer's own sslSetup() cannot be used
 * because it makes its own listener, which would bypass the guard.
 */
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(HttpLimits limits, HttpRequestReader::BodyLimit bodyLimit = {},
                              QObject *parent = nullptr);

    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }
    /** The body limit of a request by its head (the frontend's per-call limits). */
    [[nodiscard]] const HttpRequestReader::BodyLimit &bodyLimit() const { return m_bodyLimit; }
    /** Serves HTTPS with this configuration from now on (set before listening). */
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    [[nodiscard]] bool isTls() const { return m_tls.has_value(); }

signals:
    /** A request was refused before it reached the server: for the request log (method and
     * target as received, possibly empty or partial). */
    void rejected(const QByteArray &method, const QByteArray &target, int status,
                  const QHostAddress &peer);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpLimits m_limits;
    HttpRequestReader::BodyLimit m_bodyLimit;
    std::optional<QSslConfiguration> m_tls;
};

} // namespace gx::server
