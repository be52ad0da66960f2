#include "proxysession.h"

#include <QTimer>

namespace gx::e2e {

ProxySession::ProxySession(QTcpSocket *client, FaultProxy &proxy)
    : QObject(&proxy)
    , m_client(client)
    , m_proxy(proxy)
{
    client->setParent(this);
    connect(client, &QTcpSocket::readyRead, this, &ProxySession::readClient);
    connect(client, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    readClient();
}

void ProxySession::readClient()
{
    m_in += m_client->readAll();
    nextRequest();
}

void ProxySession::nextRequest()
{
    if (m_busy || m_closing)
        return;
    const HttpFrame::Status status = HttpFrame::take(m_in, m_request);
    if (status == HttpFrame::Status::Incomplete)
        return;
    if (status == HttpFrame::Status::Malformed) {
        m_closing = true;
        m_client->abort();
        return;
    }
    m_busy = true;
    m_fault = m_proxy.decide();
    switch (m_fault) {
    case Fault::Drop:
        m_closing = true;
        m_client->abort();
        return;
    case Fault::Answer502:
        answer502();
        return;
    case Fault::Delay:
        QTimer::singleShot(m_proxy.delayMillis(), this, &ProxySession::forward);
        return;
    case Fault::None:
    case Fault::CloseAfterAnswer:
    case Fault::Truncate:
        break;
    }
    forward();
}

void ProxySession::forward()
{
    if (m_closing)
        return;
    m_upIn.clear();
    m_upstream = new QTcpSocket(this);
    connect(m_upstream, &QTcpSocket::connected, this,
            [this] { m_upstream->write(m_request.bytes()); });
    connect(m_upstream, &QTcpSocket::readyRead, this, &ProxySession::readUpstream);
    connect(m_upstream, &QTcpSocket::disconnected, this, &ProxySession::upstreamGone);
    connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            upstreamGone();
    });
    m_upstream->connectToHost(QHostAddress::LocalHost, m_proxy.upstreamPort());
}

void ProxySession::readUpstream()
{
    if (!m_upstream)
        return;
    m_upIn += m_upstream->readAll();
    HttpFrame response;
    const HttpFrame::Status status = HttpFrame::take(m_upIn, response);
    if (status == HttpFrame::Status::Incomplete)
        return;
    QTcpSocket *upstream = m_upstream;
    m_upstream = nullptr;
    upstream->disconnect(this);
    upstream->abort();
    upstream->deleteLater();
    if (status == HttpFrame::Status::Malformed) {
        m_closing = true;
        m_client->abort();
        return;
    }
    answered(response);
}

void ProxySession::upstreamGone()
{
    if (!m_upstream)
        return;
    // The server went away (or never answered): a gateway says 502.
    QTcpSocket *upstream = m_upstream;
    m_upstream = nullptr;
    upstream->disconnect(this);
    upstream->deleteLater();
    answer502();
}

void ProxySession::answered(const HttpFrame &response)
{
    switch (m_fault) {
    case Fault::CloseAfterAnswer:
        m_closing = true;
        m_client->abort();
        return;
    case Fault::Truncate: {
        const qsizetype half = response.body.size() / 2;
        // Half the time the cut is visible (the connection closes short of Content-Length),
        // half the time the head is rewritten so that the short body looks whole.
        if (m_proxy.requests() % 2 == 0)
            m_client->write(response.head + response.body.left(half));
        else
            m_client->write(response.headWithLength(half) + response.body.left(half));
        m_closing = true;
        m_client->disconnectFromHost();
        return;
    }
    case Fault::None:
    case Fault::Delay:
    case Fault::Drop:
    case Fault::Answer502:
        break;
    }
    m_client->write(response.bytes());
    const bool keepAlive = response.header("Connection").toLower() != "close" &&
                           m_request.header("Connection").toLower() != "close";
    done(keepAlive);
}

void ProxySession::answer502()
{
    const QByteArray body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    m_client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    done(false);
}

void ProxySession::done(bool keepAlive)
{
    m_busy = false;
    if (!keepAlive) {
        m_closing = true;
        m_client->disconnectFromHost();
        return;
    }
    nextRequest();
}

} // namespace gx::e2e
