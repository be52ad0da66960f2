#pragma once

#include <QtGlobal>

#include <functional>

namespace gx {

/** How long to wait between attempts after failures that may pass (network, 5xx). */
struct BackoffPolicy
{
    qint64 initialMillis = 1000;   ///< the wait after the first failure, before jitter
    qint64 maxMillis = 5 * 60'000; ///< no wait is longer than this, jitter included
    double factor = 2.0;           ///< each further failure multiplies the wait by this
    double jitter = 0.5; ///< the fraction of the wait that is random (0: none, 1: all of it)
};

/**
 * Exponential backoff with jitter: after the n-th consecutive failure (n >= 1) the wait is
 * w = min(max, initial * factor^(n-1)), of which the share `jitter` is drawn at random:
 * w * (1 - jitter) + w * jitter * r, with r uniform in [0, 1). The randomness spreads the
 * retries of many devices that lost the network at the same moment, so that they do not all
 * come back in the same second.
 *
 * The random source is injected so that tests know every delay in advance.
 */
class Backoff
{
public:
    /** random() returns a number in [0, 1); empty uses QRandomGenerator::global(). */
    explicit Backoff(BackoffPolicy policy = {}, std::function<double()> random = {});

    /** Counts one more failure and returns how long to wait before the next attempt (ms). */
    [[nodiscard]] qint64 nextDelay();
    /** Failures counted since the last success. */
    [[nodiscard]] int failures() const { return m_failures; }
    /** A success: the next failure waits the initial delay again. */
    void reset() { m_failures = 0; }

    /** The wait before jitter after the n-th consecutive failure (n >= 1). */
    [[nodiscard]] qint64 baseDelay(int failure) const;
    [[nodiscard]] const BackoffPolicy &policy() const { return m_policy; }

private:
    BackoffPolicy m_policy;
    std::function<double()> m_random;
    int m_failures = 0;
};

} // namespace gx
