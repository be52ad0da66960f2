#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace gx::server {

/**
 * Turns Unix signals (SIGTERM, SIGINT) into a Qt signal on the event loop, by the self-pipe
 * trick: the handler only write()s the signal number to a socketpair, which a QSocketNotifier
 * reads. One watcher per process.
 */
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    /** Whether the handlers are installed (the socketpair could be made). */
    [[nodiscard]] bool isActive() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace gx::server
