#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>

namespace gx::test {

/**
 * A wall clock that a test moves by hand, for what takes an injected clock (a server's
 * ServerConfig::clock, a device store, a sync client). Copies share the time.
 */
class TestClock
{
public:
    /** 2024-11-28 12:00 UTC: where a clock starts unless told otherwise. */
    static constexpr qint64 kStart = 1732795200000;

    explicit TestClock(qint64 start = kStart);
    [[nodiscard]] qint64 now() const { return *m_now; }
    void set(qint64 millis) { *m_now = millis; }
    /** Moves the clock on by millis (back when negative, as a wall clock may step). */
    void advance(qint64 millis) { *m_now += millis; }
    /** The clock as the function the code under test calls. */
    [[nodiscard]] std::function<qint64()> function() const;

private:
    std::shared_ptr<qint64> m_now;
};

} // namespace gx::test
