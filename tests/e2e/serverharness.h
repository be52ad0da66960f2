#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace gx::e2e {

/** One line of a registry CSV. */
struct RegistryLine
{
    QString uscc;
    QString name;
    QString region;
    QString industryCode = QStringLiteral("3311");
    bool aboveSize = true;
};

/**
 * A real gengxin-server process (GX_SERVER_BIN) on 127.0.0.1 over a real SQLite file in a
 * temporary directory, set up through its own command line: `user add ... --password-stdin`
 * and `registry import FILE.csv`. start() reads "listening on HOST:PORT" from its output;
 * kill() is SIGKILL; a restart on the same file may ask for the same port. The server's log
 * goes to a file (log()). The destructor kills a server still running.
 */
class ServerHarness
{
public:
    ServerHarness();
    ~ServerHarness();
    ServerHarness(const ServerHarness &) = delete;
    ServerHarness &operator=(const ServerHarness &) = delete;

    /** The gengxin-server executable (GX_SERVER_BIN at run time, else the build's). */
    [[nodiscard]] static QString binary();

    [[nodiscard]] bool ok() const { return m_dir.isValid(); }
    [[nodiscard]] QString dbUrl() const;
    [[nodiscard]] QString dbPath() const;

    /** `gengxin-server user add`; returns "" or why it failed. */
    [[nodiscard]] QString addUser(const QString &name, const QString &role, const QString &password,
                                  const QString &region = {}, const QString &enterprise = {});
    /** Writes the lines as a CSV and runs `registry import`; returns "" or why it failed. */
    [[nodiscard]] QString importRegistry(const QList<RegistryLine> &lines);

    /** Starts `serve` (port 0: any) and waits for it to listen; returns "" or why not. */
    [[nodiscard]] QString start(quint16 port = 0);
    /** SIGKILL, and waits until the process is gone. */
    void kill();
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] qint64 pid() const { return m_process.processId(); }
    /** Everything the server wrote to stderr so far (all runs). */
    [[nodiscard]] QString log() const;

private:
    [[nodiscard]] QString runCommand(const QStringList &arguments, const QByteArray &input);

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

/** A valid USCC of a county (6-digit code), distinct for each n < 10^6. */
[[nodiscard]] QString usccFor(const QString &region, int n);

} // namespace gx::e2e
