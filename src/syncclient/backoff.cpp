#include "syncclient/backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace gx {

Backoff::Backoff(BackoffPolicy policy, std::function<double()> random)
    : m_policy(policy)
    , m_random(std::move(random))
{
    if (!m_random) {
        m_random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
    }
    m_policy.initialMillis = std::max<qint64>(0, m_policy.initialMillis);
    m_policy.maxMillis = std::max(m_policy.initialMillis, m_policy.maxMillis);
    m_policy.factor = std::max(1.0, m_policy.factor);
    m_policy.jitter = std::clamp(m_policy.jitter, 0.0, 1.0);
}

qint64 Backoff::baseDelay(int failure) const
{
    const int exponent = std::max(0, failure - 1);
    const double grown =
        double(m_policy.initialMillis) * std::pow(m_policy.factor, double(exponent));
    if (!std::isfinite(grown) || grown >= double(m_policy.maxMillis))
        return m_policy.maxMillis;
    return qint64(grown);
}

qint64 Backoff::nextDelay()
{
    if (m_failures < 1'000'000)
        ++m_failures;
    const double wait = double(baseDelay(m_failures));
    const double r = std::clamp(m_random(), 0.0, 1.0);
    const double fixed = wait * (1.0 - m_policy.jitter);
    return qint64(std::llround(fixed + wait * m_policy.jitter * r));
}

} // namespace gx
