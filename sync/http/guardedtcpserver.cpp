#include "sync/http/guardedtcpserver.h"

#include "core/syncprotocol.h"
#include "sync/http/logging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/**
 * Acknowledges what the client sent without the delayed-ACK wait. Qt's HTTP client (the
 * devices', and most others') writes a request's head and body separately with Nagle's
 * algorithm on, so the last part of a body waits for the ACK of the part before it; Linux
 * delays that ACK up to 40 ms, which stalled every push by ~40 ms (half the time of a
 * 500-mutation push on loopback). Linux drops quick-ACK mode by itself, so it is asked for
 * again on every read.
 */
void acknowledgeAtOnce(QTcpSocket *socket)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(socket)
#endif
}

/**
 * Follows one connection's requests through their heads and bodies. It only peeks: the bytes
 * remain for QHttpServer, whose readyRead handler runs after this one and reads everything
 * available, so each peek sees exactly the bytes that arrived since the last one.
 */
class RequestGuard : public QObject
{
public:
    RequestGuard(QTcpSocket *socket, GuardedTcpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_limits(server->limits())
    {
        connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::inspect);
        m_idle.setSingleShot(true);
        m_idle.setInterval(m_limits.idleTimeoutMillis);
        connect(&m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        connect(socket, &QTcpSocket::bytesWritten, &m_idle, qOverload<>(&QTimer::start));
        m_idle.start();
        m_quiet.setSingleShot(true);
        m_quiet.setInterval(kQuietMillis);
        connect(&m_quiet, &QTimer::timeout, this, &RequestGuard::closeWrite);
    }

private:
    enum class State
    {
        Head,
        Body,
        Refused
    };

    void inspect()
    {
        m_idle.start();
        acknowledgeAtOnce(m_socket);
        if (m_state == State::Refused) {
            drain();
            if (m_quiet.isActive())
                m_quiet.start();
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (m_state == State::Body && available < m_bodyLeft) {
            m_bodyLeft -= available; // all body: nothing to look at
            return;
        }
        const QByteArray data = m_socket->peek(available);
        qsizetype pos = 0;
        while (pos < data.size() && m_state != State::Refused) {
            if (m_state == State::Body) {
                const qint64 n = std::min<qint64>(m_bodyLeft, data.size() - pos);
                m_bodyLeft -= n;
                pos += qsizetype(n);
                if (m_bodyLeft == 0)
                    m_state = State::Head;
                continue;
            }
            pos = takeHead(data, pos);
        }
    }

    /** Adds head bytes from data[pos..]; returns the position after what it took. */
    qsizetype takeHead(const QByteArray &data, qsizetype pos)
    {
        // Empty lines between requests are allowed (RFC 9112, 2.2).
        while (m_head.isEmpty() && pos < data.size() && (data[pos] == '\r' || data[pos] == '\n'))
            ++pos;
        if (pos >= data.size())
            return pos;
        const qsizetype oldSize = m_head.size();
        const qsizetype take =
            std::min<qsizetype>(data.size() - pos, qsizetype(m_limits.maxHeadBytes) + 4 - oldSize);
        m_head.append(data.constData() + pos, take);
        const qsizetype end = m_head.indexOf("\r\n\r\n", std::max<qsizetype>(0, oldSize - 3));
        if (end < 0 || end + 4 > m_limits.maxHeadBytes) {
            if (m_head.size() > m_limits.maxHeadBytes) {
                refuse(431, u"headers_too_large"_s,
                       u"The request line and headers exceed the limit of %1 bytes."_s.arg(
                           m_limits.maxHeadBytes));
            }
            return pos + take;
        }
        const qsizetype headSize = end + 4;
        startBody(m_head.left(headSize));
        if (m_state != State::Refused)
            m_head.clear();
        return pos + (headSize - oldSize);
    }

    /** Reads the framing headers of a complete head and decides what follows. */
    void startBody(const QByteArray &head)
    {
        qint64 length = 0;
        const QList<QByteArray> lines = head.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "transfer-encoding" && value.toLower() != "identity") {
                refuse(411, u"length_required"_s,
                       u"Send the body with a Content-Length; chunked bodies are not accepted."_s);
                return;
            }
            if (name == "content-length") {
                bool ok = false;
                length = value.toLongLong(&ok);
                if (!ok || length < 0) {
                    refuse(400, u"bad_request"_s, u"The Content-Length is not a number."_s);
                    return;
                }
            }
        }
        if (length > m_limits.maxBodyBytes) {
            refuse(413, u"payload_too_large"_s,
                   u"The request body of %1 bytes exceeds the limit of %2 bytes."_s.arg(length).arg(
                       m_limits.maxBodyBytes));
            return;
        }
        m_bodyLeft = length;
        m_state = length > 0 ? State::Body : State::Head;
    }

    void drain()
    {
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        m_socket->readAll();
    }

    void refuse(int status, const QString &code, const QString &message)
    {
        m_state = State::Refused;
        drain();
        const QString firstLine = QString::fromLatin1(m_head.left(m_head.indexOf('\r')));
        const QStringList parts = firstLine.split(u' ');
        emit m_server->rejected(parts.value(0), parts.value(1).left(200), status,
                                m_socket->peerAddress());
        const QByteArray body = QJsonDocument(ApiError{code, message, QString()}.toJson())
                                    .toJson(QJsonDocument::Compact);
        const QByteArray reason = status == 413   ? "Payload Too Large"
                                  : status == 431 ? "Request Header Fields Too Large"
                                  : status == 411 ? "Length Required"
                                                  : "Bad Request";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->flush();
        // Half-close: the client reads the answer and EOF; what it still sends is drained until
        // it closes or the linger time ends, so that it does not get a reset instead. Over TLS
        // the EOF waits until the client stops sending: a QSslSocket client (QNetworkAccessManager)
        // drops the connection at an EOF while it is still sending a body, before it reads the
        // answer, where a plain QTcpSocket keeps sending and then reads.
        if (qobject_cast<QSslSocket *>(m_socket))
            m_quiet.start();
        else
            closeWrite();
        QPointer<QTcpSocket> socket = m_socket;
        QTimer::singleShot(m_limits.lingerMillis, m_socket, [socket] {
            if (socket)
                socket->abort();
        });
    }

    void closeWrite()
    {
        if (m_socket->socketDescriptor() >= 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }

    /** Over TLS, a refused connection's client counts as done sending after this long. */
    static constexpr int kQuietMillis = 100;

    QTcpSocket *m_socket;
    GuardedTcpServer *m_server;
    HttpLimits m_limits;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    QTimer m_idle;
    QTimer m_quiet;
};

} // namespace

GuardedTcpServer::GuardedTcpServer(HttpLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    QSslSocket *tlsSocket = m_tls ? new QSslSocket(this) : nullptr;
    QTcpSocket *socket = tlsSocket ? tlsSocket : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // QHttpServer writes an answer's head and body separately: without TCP_NODELAY, Nagle holds
    // the body until the client's delayed ACK of the head (~40 ms on Linux loopback).
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (tlsSocket) {
        tlsSocket->setSslConfiguration(*m_tls);
        connect(tlsSocket, &QSslSocket::errorOccurred, tlsSocket,
                [tlsSocket](QAbstractSocket::SocketError error) {
                    if (tlsSocket->isEncrypted() || error == QAbstractSocket::RemoteHostClosedError)
                        return;
                    qCInfo(lcHttp, "TLS handshake with %s failed: %s",
                           qUtf8Printable(tlsSocket->peerAddress().toString()),
                           qUtf8Printable(tlsSocket->errorString()));
                });
    }
    // Both connect to readyRead before QHttpServer does; a QSslSocket's readyRead, peek and read
    // deliver the decrypted stream.
    new RequestGuard(socket, this);
    addPendingConnection(socket);
    if (tlsSocket)
        tlsSocket->startServerEncryption();
}

} // namespace gx::server
