#include "testclock.h"

namespace gx::test {

TestClock::TestClock(qint64 start)
    : m_now(std::make_shared<qint64>(start))
{}

std::function<qint64()> TestClock::function() const
{
    return [now = m_now] {
        return *now;
    };
}

} // namespace gx::test
