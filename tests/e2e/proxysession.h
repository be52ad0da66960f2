#pragma once

#include "faultproxy.h"
#include "httpframe.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>

namespace gx::e2e {

/**
 * One device connection through the FaultProxy: frames its requests one at a time, gives each
 * its fault, forwards it on a fresh connection to the server and passes the answer back (or
 * not, as the fault says). Deletes itself when the device's connection ends.
 */
class ProxySession : public QObject
{
    Q_OBJECT

public:
    ProxySession(QTcpSocket *client, FaultProxy &proxy);

private:
    void readClient();
    void nextRequest();
    void forward();
    void readUpstream();
    void upstreamGone();
    void answered(const HttpFrame &response);
    void answer502();
    void done(bool keepAlive);

    QTcpSocket *m_client;
    FaultProxy &m_proxy;
    QPointer<QTcpSocket> m_upstream;
    QByteArray m_in;
    QByteArray m_upIn;
    HttpFrame m_request;
    Fault m_fault = Fault::None;
    bool m_busy = false;
    bool m_closing = false;
};

} // namespace gx::e2e
