#include "rawhttp.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace gx::test {

QByteArray rawExchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(request); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    received += socket.readAll();
    return received;
}

RawConnection::RawConnection(quint16 port, int connectTimeoutMs, const QHostAddress &from)
    : m_socket(std::make_unique<QTcpSocket>())
{
    if (!from.isNull())
        m_socket->bind(from);
    QObject::connect(m_socket.get(), &QTcpSocket::readyRead, m_socket.get(),
                     [this] { m_received += m_socket->readAll(); });
    QObject::connect(m_socket.get(), &QTcpSocket::disconnected, m_socket.get(),
                     [this] { m_closed = true; });
    QObject::connect(m_socket.get(), &QTcpSocket::errorOccurred, m_socket.get(),
                     [this](QAbstractSocket::SocketError error) {
                         if (error == QAbstractSocket::RemoteHostClosedError)
                             m_closed = true;
                     });
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    QDeadlineTimer deadline(connectTimeoutMs);
    while (m_socket->state() != QAbstractSocket::ConnectedState && !deadline.hasExpired() &&
           m_socket->state() != QAbstractSocket::UnconnectedState)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
}

RawConnection::~RawConnection() = default;

bool RawConnection::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawConnection::send(const QByteArray &bytes)
{
    m_socket->write(bytes);
    m_socket->flush();
}

bool RawConnection::waitFor(const std::function<bool(const QByteArray &)> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done(m_received) && !m_closed && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    m_received += m_socket->readAll();
    return done(m_received);
}

bool RawConnection::waitForAnswers(int count, int timeoutMs)
{
    return waitFor([this, count](const QByteArray &) { return answers().size() >= count; },
                   timeoutMs);
}

bool RawConnection::waitForClose(int timeoutMs)
{
    waitFor([this](const QByteArray &) { return m_closed; }, timeoutMs);
    return m_closed;
}

QList<QByteArray> RawConnection::answers() const
{
    QList<QByteArray> out;
    qsizetype at = 0;
    while (true) {
        const qsizetype headEnd = m_received.indexOf("\r\n\r\n", at);
        if (headEnd < 0)
            break;
        const QByteArray head = m_received.mid(at, headEnd - at).toLower();
        qint64 length = 0;
        const qsizetype field = head.indexOf("\r\ncontent-length:");
        if (field >= 0) {
            const qsizetype valueEnd = head.indexOf("\r\n", field + 2);
            length = head.mid(field + 17, valueEnd < 0 ? -1 : valueEnd - field - 17)
                         .trimmed()
                         .toLongLong();
        }
        const qsizetype end = headEnd + 4 + qsizetype(length);
        if (end > m_received.size())
            break;
        out.append(m_received.mid(at, end - at));
        at = end;
    }
    return out;
}

QByteArray rawLogin(quint16 port, const QHostAddress &from, const QString &username,
                    const QString &password)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    RawConnection connection(port, 5000, from);
    if (!connection.isConnected())
        return {};
    connection.send("POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
    if (!connection.waitForAnswers(1, 30000))
        return {};
    return connection.answers().constFirst();
}

int rawStatus(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return 0;
    return response.mid(9, 3).toInt();
}

QJsonObject rawJsonBody(const QByteArray &response)
{
    const qsizetype headEnd = response.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {};
    return QJsonDocument::fromJson(response.mid(headEnd + 4)).object();
}

} // namespace gx::test
