#include "sync/http/connectionguard.h"

#include "core/syncprotocol.h"
#include "sync/http/guardedtcpserver.h"
#include "sync/http/logging.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>

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

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Bad Request";
    }
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_limits(server->limits())
    , m_reader(server->limits(), server->bodyLimit())
{
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::beforeServer);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMillis);
    connect(&m_idle, &QTimer::timeout, socket, &QTcpSocket::abort);
    connect(socket, &QTcpSocket::bytesWritten, &m_idle, qOverload<>(&QTimer::start));
    m_idle.start();
    // The first head (and a TLS handshake before it) must arrive in time from the start.
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::deadlinePassed);
    m_deadline.start(m_limits.headTimeoutMillis);
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kQuietMillis);
    connect(&m_quiet, &QTimer::timeout, this, &ConnectionGuard::closeWrite);
}

void ConnectionGuard::followServer()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::afterServer);
}

ConnectionGuard *ConnectionGuard::of(QObject *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

const RequestHead *ConnectionGuard::current() const
{
    const QList<FramedRequest> &framed = m_reader.framed();
    return framed.isEmpty() ? nullptr : &framed.constFirst().head;
}

void ConnectionGuard::deferAnswer()
{
    m_deferred = true;
}

void ConnectionGuard::answered()
{
    if (m_mode != Mode::Holding) {
        m_deferred = false;
        return;
    }
    m_deferred = false;
    if (m_closeAfterAnswer) {
        closeAfterAnswer();
        return;
    }
    m_mode = Mode::Normal;
    m_availableBefore = m_socket->bytesAvailable();
}

void ConnectionGuard::beforeServer()
{
    m_idle.start();
    acknowledgeAtOnce(m_socket);
    if (m_mode != Mode::Normal) {
        // A request pipelined behind a deferred answer is dropped, and the connection closes.
        if (m_mode == Mode::Holding && m_socket->bytesAvailable() > 0)
            m_closeAfterAnswer = true;
        drain();
        if (m_mode == Mode::Refused && m_quiet.isActive())
            m_quiet.start();
        m_availableBefore = 0;
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    const qint64 seen = m_reader.offset() - m_serverOffset; // framed before, still unread
    if (seen < 0 || seen > available) {
        qCWarning(lcHttp, "lost track of a connection's requests (%lld framed, %lld unread)",
                  static_cast<long long>(seen), static_cast<long long>(available));
        refuse(HttpRefusal{400, u"bad_request"_s, u"The request stream could not be read."_s, {}});
        return;
    }
    m_availableBefore = available;
    if (seen == available)
        return;
    const QByteArray data = m_socket->peek(available);
    if (!m_reader.feed(QByteArrayView(data).sliced(seen))) {
        refuse(*m_reader.refusal());
        return;
    }
    updateDeadline();
}

void ConnectionGuard::afterServer()
{
    if (m_mode == Mode::Refused)
        return;
    const qint64 consumed = m_availableBefore - m_socket->bytesAvailable();
    if (consumed > 0)
        m_serverOffset += consumed;
    m_availableBefore = m_socket->bytesAvailable();
    QList<FramedRequest> &framed = m_reader.framed();
    bool closeNow = false;
    while (!framed.isEmpty() && framed.constFirst().end <= m_serverOffset) {
        const FramedRequest done = framed.takeFirst();
        if (done.head.closeAfter) {
            closeNow = true;
            break;
        }
    }
    if (m_deferred && m_mode == Mode::Normal) {
        m_mode = Mode::Holding;
        m_closeAfterAnswer = m_closeAfterAnswer || closeNow || m_socket->bytesAvailable() > 0;
        drain();
        return;
    }
    if (closeNow && m_mode == Mode::Normal)
        closeAfterAnswer();
}

void ConnectionGuard::updateDeadline()
{
    if (m_reader.inHead()) {
        if (!m_deadline.isActive() || m_bodyDeadline) {
            m_bodyDeadline = false;
            m_deadline.start(m_limits.headTimeoutMillis);
        }
    } else if (m_reader.inBody()) {
        if (!m_deadline.isActive() || !m_bodyDeadline) {
            const qint64 length =
                m_reader.framed().isEmpty() ? 0 : m_reader.framed().constLast().head.contentLength;
            const qint64 rate = std::max(1, m_limits.minBodyBytesPerSecond);
            const qint64 millis = m_limits.headTimeoutMillis + length * 1000 / rate;
            m_bodyDeadline = true;
            m_deadline.start(int(std::min<qint64>(millis, std::numeric_limits<int>::max())));
        }
    } else {
        m_deadline.stop(); // between requests: the idle timeout applies
    }
}

void ConnectionGuard::deadlinePassed()
{
    if (m_mode != Mode::Normal)
        return;
    const auto *tls = qobject_cast<QSslSocket *>(m_socket);
    if (tls && !tls->isEncrypted()) {
        m_socket->abort(); // a handshake that did not finish: nothing can be answered
        return;
    }
    refuse(HttpRefusal{
        408,
        u"request_timeout"_s,
        m_bodyDeadline
            ? u"The request body did not arrive in time (at least %1 bytes/s)."_s.arg(
                  m_limits.minBodyBytesPerSecond)
            : u"The request head did not arrive within %1 ms."_s.arg(m_limits.headTimeoutMillis),
        {}});
}

void ConnectionGuard::closeAfterAnswer()
{
    m_mode = Mode::Closing;
    m_deadline.stop();
    drain();
    m_socket->disconnectFromHost(); // after what is still to be written
}

void ConnectionGuard::drain()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
}

void ConnectionGuard::refuse(const HttpRefusal &refusal)
{
    m_mode = Mode::Refused;
    m_deadline.stop();
    drain();
    emit m_server->rejected(m_reader.currentMethod(), m_reader.currentTarget(), refusal.status,
                            m_socket->peerAddress());
    const QByteArray body =
        QJsonDocument(ApiError{refusal.code, refusal.message, refusal.field}.toJson())
            .toJson(QJsonDocument::Compact);
    m_socket->write(
        "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + reasonPhrase(refusal.status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body);
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

void ConnectionGuard::closeWrite()
{
    if (m_socket->socketDescriptor() >= 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

} // namespace gx::server
