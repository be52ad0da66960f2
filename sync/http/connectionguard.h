#pragma once

#include "sync/http/httprequestreader.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace gx::server {

class GuardedTcpServer;

/**
 * Stands between one accepted connection and QHttpServer (see GuardedTcpServer). Its readyRead
 * handlers run before and after QHttpServer's: before, it peeks at the bytes that arrived and
 * frames them with an HttpRequestReader, refusing what the reader refuses (answering the JSON
 * error and closing) before QHttpServer reads a byte of it; after, it measures what QHttpServer
 * read, so that it knows which request QHttpServer has just handled and never takes a byte for
 * new that it framed before (pipelined requests stay in the socket's buffer between the two).
 *
 * It also closes the connection after the answer to a request that asks it (`Connection:
 * close`, HTTP/1.0), closes connections that send a head too slowly (408), and holds back a
 * connection whose answer comes later (deferAnswer()): requests pipelined behind such a request
 * are dropped and the connection closes after the answer, so answers never leave out of order.
 */
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    ConnectionGuard(QTcpSocket *socket, GuardedTcpServer *server);

    /** Connects the handler that runs after QHttpServer's (call once QHttpServer has its own). */
    void followServer();
    /** The guard of a socket the listener accepted, or nullptr. */
    [[nodiscard]] static ConnectionGuard *of(QObject *socket);

    /** The request QHttpServer is handling now (valid inside a handler), or nullptr. */
    [[nodiscard]] const RequestHead *current() const;
    /** The current request's answer will be written later: hold the connection until answered(). */
    void deferAnswer();
    /** The deferred answer was written: the connection goes on, or closes if it must. */
    void answered();

private:
    enum class Mode
    {
        Normal,
        Holding, ///< a deferred answer is pending; new input is dropped
        Closing, ///< the last answer is on its way; new input is dropped
        Refused,
    };

    void beforeServer();
    void afterServer();
    void updateDeadline();
    void deadlinePassed();
    void refuse(const HttpRefusal &refusal);
    void closeAfterAnswer();
    void drain();
    void closeWrite();

    /** Over TLS, a refused connection's client counts as done sending after this long. */
    static constexpr int kQuietMillis = 100;

    QTcpSocket *m_socket;
    GuardedTcpServer *m_server;
    HttpLimits m_limits;
    HttpRequestReader m_reader;
    Mode m_mode = Mode::Normal;
    qint64 m_serverOffset = 0;    ///< stream offset of QHttpServer's read position
    qint64 m_availableBefore = 0; ///< bytes available when beforeServer() last ran
    bool m_deferred = false;
    bool m_closeAfterAnswer = false;
    bool m_bodyDeadline = false; ///< the deadline running is a body's, not a head's
    QTimer m_idle;
    QTimer m_deadline;
    QTimer m_quiet;
};

} // namespace gx::server
