#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gx::test {

/** The gengxin-server executable under test: GX_SERVER_BIN (CTest sets it), else the build's. */
[[nodiscard]] QString serverBinary();

/** What one run of `gengxin-server ARGS` did. */
struct CommandRun
{
    /** -1 when it could not start, crashed or did not finish in time (err says which). */
    int exitCode = -1;
    QString out;
    QString err;
    QString command; ///< "gengxin-server ARGS", for messages

    [[nodiscard]] bool ok() const { return exitCode == 0; }
    /** "" when it exited 0, else "COMMAND exited CODE: STDERR" for failure messages. */
    [[nodiscard]] QString failure() const;
};

/** Runs `gengxin-server ARGUMENTS` to the end with `input` on its stdin. */
[[nodiscard]] CommandRun runServerCommand(const QStringList &arguments,
                                          const QByteArray &input = {}, int timeoutMs = 120'000);

/** `gengxin-server user add NAME --role ROLE ... --password-stdin`; returns "" or why it failed. */
[[nodiscard]] QString addUserByCommand(const QString &dbUrl, const QString &name,
                                       const QString &role, const QString &password,
                                       const QString &region = {}, const QString &enterprise = {});

/** One line of a registry CSV. */
struct RegistryLine
{
    QString uscc;
    QString name;
    QString region;
    QString industryCode = QStringLiteral("3311");
    bool aboveSize = true;
};

/** Writes the lines as the CSV `csvPath` and runs `registry import` on it; "" or why not. */
[[nodiscard]] QString importRegistryByCommand(const QString &dbUrl, const QString &csvPath,
                                              const QList<RegistryLine> &lines,
                                              int timeoutMs = 120'000);

} // namespace gx::test
