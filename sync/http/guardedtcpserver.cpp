#include "sync/http/guardedtcpserver.h"

#include "sync/http/connectionguard.h"
#include "sync/http/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace gx::server {

GuardedTcpServer::GuardedTcpServer(HttpLimits limits, HttpRequestReader::BodyLimit bodyLimit,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_bodyLimit(std::move(bodyLimit))
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
    // The guard connects to readyRead before QHttpServer does; a QSslSocket's readyRead, peek
    // and read deliver the decrypted stream.
    auto *guard = new ConnectionGuard(socket, this);
    // QHttpServer connects its readyRead handler while the connection is added (it listens to
    // pendingConnectionAvailable, emitted by addPendingConnection): the guard's second handler,
    // connected after it, then runs after QHttpServer's on every readyRead.
    addPendingConnection(socket);
    guard->followServer();
    if (tlsSocket)
        tlsSocket->startServerEncryption();
}

} // namespace gx::server
