#include "faultproxy.h"

#include "proxysession.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace gx::e2e {

const char *faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return "none";
    case Fault::Drop:
        return "drop";
    case Fault::Delay:
        return "delay";
    case Fault::CloseAfterAnswer:
        return "close_after_answer";
    case Fault::Answer502:
        return "answer_502";
    case Fault::Truncate:
        return "truncate";
    }
    return "?";
}

FaultProxy::FaultProxy(FaultPlan plan, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_rng(m_plan.seed)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
}

void FaultProxy::setPlan(const FaultPlan &plan)
{
    m_plan = plan;
    m_rng.seed(plan.seed);
}

quint16 FaultProxy::listen(quint16 upstreamPort, quint16 port)
{
    m_upstreamPort = upstreamPort;
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return 0;
    return m_server.serverPort();
}

Fault FaultProxy::decide()
{
    ++m_requests;
    Fault fault = Fault::None;
    if (!m_plan.kinds.isEmpty() && m_rng.generateDouble() < m_plan.rate)
        fault = m_plan.kinds.at(int(m_rng.bounded(quint32(m_plan.kinds.size()))));
    ++m_counts[fault];
    return fault;
}

int FaultProxy::delayMillis()
{
    const int span = std::max(0, m_plan.maxDelayMillis - m_plan.minDelayMillis);
    return m_plan.minDelayMillis + int(m_rng.bounded(quint32(span + 1)));
}

int FaultProxy::disrupted() const
{
    int n = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key() != Fault::None && it.key() != Fault::Delay)
            n += it.value();
    }
    return n;
}

QString FaultProxy::describe() const
{
    QString text = u"requests %1:"_s.arg(m_requests);
    for (Fault f : {Fault::None, Fault::Drop, Fault::Delay, Fault::CloseAfterAnswer,
                    Fault::Answer502, Fault::Truncate}) {
        text += u" %1 %2"_s.arg(QLatin1StringView(faultName(f))).arg(m_counts.value(f));
    }
    return text;
}

void FaultProxy::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection())
        new ProxySession(client, *this);
}

} // namespace gx::e2e
