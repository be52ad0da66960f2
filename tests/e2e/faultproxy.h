#pragma once

#include "httpframe.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QTcpServer>

namespace gx::e2e {

/** What the proxy does to one request. */
enum class Fault
{
    None,             ///< forwarded, answer passed back
    Drop,             ///< the connection is closed before anything reaches the server
    Delay,            ///< forwarded after a pause; the answer passes back
    CloseAfterAnswer, ///< forwarded, the server's answer read, then the device's connection closed
    Answer502,        ///< 502 Bad Gateway from the proxy; the server never sees the request
    Truncate,         ///< forwarded, then only part of the answer's body passed back
};

[[nodiscard]] const char *faultName(Fault fault);

/** Which faults, how often, from which seed. */
struct FaultPlan
{
    double rate = 0.0; ///< the share of requests that get a fault
    quint32 seed = 1;
    QList<Fault> kinds{Fault::Drop, Fault::Delay, Fault::CloseAfterAnswer, Fault::Answer502,
                       Fault::Truncate};
    int minDelayMillis = 50;
    int maxDelayMillis = 400;
};

/**
 * An HTTP proxy on loopback between devices and the server, for the fault tests: it frames
 * each request, decides its fault from a seeded generator (the same seed and the same request
 * sequence give the same faults), and acts it out. Every request gets a fresh connection to the
 * server, so a fault on one never disturbs another. When the server cannot be reached the
 * device gets 502, as from a real gateway.
 */
class FaultProxy : public QObject
{
    Q_OBJECT

public:
    explicit FaultProxy(FaultPlan plan, QObject *parent = nullptr);

    /** Listens on 127.0.0.1 (port 0: any); returns the port, 0 on failure. */
    [[nodiscard]] quint16 listen(quint16 upstreamPort, quint16 port = 0);
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }
    [[nodiscard]] quint16 upstreamPort() const { return m_upstreamPort; }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    void setPlan(const FaultPlan &plan);

    /** The fault of the next request. */
    [[nodiscard]] Fault decide();
    [[nodiscard]] int delayMillis();

    /** Requests seen, and how many got each fault. */
    [[nodiscard]] int requests() const { return m_requests; }
    [[nodiscard]] int count(Fault fault) const { return m_counts.value(fault); }
    /** Requests whose exchange was broken (every fault but Delay). */
    [[nodiscard]] int disrupted() const;
    /** One line: "requests N: drop a, delay b, ...". */
    [[nodiscard]] QString describe() const;

private:
    void accept();

    FaultPlan m_plan;
    QRandomGenerator m_rng;
    QTcpServer m_server;
    quint16 m_upstreamPort = 0;
    int m_requests = 0;
    QHash<Fault, int> m_counts;
};

} // namespace gx::e2e
