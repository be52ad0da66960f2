#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace gx {

/** Runs the event loop until pred() holds or timeoutMs pass; returns pred(). For the scripted
 * modes (self-test, screenshots), which wait for a login, a sync or a screen to settle. */
template <typename Pred>
[[nodiscard]] bool waitUntil(Pred pred, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!pred() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return pred();
}

/** Runs the event loop for ms milliseconds. */
inline void settle(int ms)
{
    (void)waitUntil([] { return false; }, ms);
}

} // namespace gx
