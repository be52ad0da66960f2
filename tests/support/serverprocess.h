#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace gx::test {

/**
 * A real gengxin-server process (serverBinary()) serving a database on 127.0.0.1: for the tests
 * that kill it, restart it or run several at once, the end-to-end suites and the benchmarks.
 * Its stderr (the request log) goes to a file that log() reads. The destructor kills (SIGKILL) a
 * process still running.
 */
class ServerProcess
{
public:
    /** logPath: the file its stderr is appended to; "" for one in a directory of its own. */
    explicit ServerProcess(QString dbUrl, QString logPath = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /** Passed to `serve` after --db and --listen by the next start(), e.g. --tls-cert FILE. */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    /**
     * Starts `serve --listen 127.0.0.1:PORT` (0: a port the system picks) and waits until it says
     * it is listening; returns "" or why it did not come up. A restart on the port it had may
     * find the port briefly held, so a given port is tried again for a few seconds.
     */
    [[nodiscard]] QString start(quint16 port = 0);
    /** SIGKILL, and waits for the process to be gone. */
    void kill();
    /** SIGTERM; returns whether it exited cleanly with code 0 within 10 s. */
    [[nodiscard]] bool stop();

    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    /** Everything the process wrote to stderr so far, over all its runs. */
    [[nodiscard]] QString log() const;
    /** The peak resident memory of the running process (VmHWM), in KiB; 0 if unreadable. */
    [[nodiscard]] qint64 peakRssKb() const;
    /** The CPU time (user + system) the running process has used, in seconds; 0 if unreadable. */
    [[nodiscard]] double cpuSeconds() const;

private:
    [[nodiscard]] QString startOnce(const QString &listen);

    QString m_dbUrl;
    QTemporaryDir m_dir;
    QString m_logPath;
    QProcess m_process;
    QStringList m_extraArguments;
    quint16 m_port = 0;
};

} // namespace gx::test
