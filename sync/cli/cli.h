#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/cli/commandline.h"
#include "sync/records/formstore.h"
#include "sync/store/database.h"

#include <QIODevice>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

namespace gx::server {

/**
 * The command line of gengxin-server (docs/operations.md). main() creates the QCoreApplication
 * and calls Cli::run(); every command opens the --db database and migrates it first.
 *
 * Exit status: 0 success, 1 failure (the message says why: unreachable database, port in use,
 * bad input), 2 a bad command line (with the usage on stderr).
 *
 * To add a command: write `int Cli::runX(const CommandLine &)` and add a Command to commands()
 * in cli.cpp with its words, options, number of positional arguments and usage line.
 */
class Cli
{
public:
    static constexpr int kExitOk = 0;
    static constexpr int kExitFailure = 1;
    static constexpr int kExitUsage = 2;

    /** out: results (and "listening on"); err: errors and usage; in: --password-stdin. */
    Cli(QTextStream &out, QTextStream &err, QIODevice &in);

    /** Runs the command given by the arguments after the program name. */
    [[nodiscard]] int run(const QStringList &arguments);
    /** The usage text. */
    [[nodiscard]] static QString usage();

private:
    struct Command
    {
        QStringList words; ///< e.g. {"user", "add"}
        QList<OptionSpec> options;
        QStringList required; ///< options that must be given
        int positionals = 0;  ///< exact number of positional arguments
        QString usage;
        std::function<int(Cli &, const CommandLine &)> run;
    };
    [[nodiscard]] static const QList<Command> &commands();

    int usageError(const QString &message);
    int fail(const QString &message);
    /**
     * What a command needs besides its arguments: the store, the regions, the survey. The
     * regions of --assets are loaded for every command, since migrating a new store seeds its
     * targets from them.
     */
    enum class Needs
    {
        Store,   ///< the migrated --db database (and the regions it was migrated with)
        Regions, ///< and the regions of --assets, to check input against
        Form     ///< and the versions of the survey definition in the store too
    };
    /** The opened store and the assets a command asked for (forms only with Needs::Form). */
    struct Workspace
    {
        std::unique_ptr<Database> db;
        RegionCatalog regions;
        std::optional<FormVersions> forms;
    };
    /** Opens what `needs` names; on failure prints why (fail()) and returns nothing. */
    [[nodiscard]] std::optional<Workspace> openWorkspace(const CommandLine &line, Needs needs);
    /** The bytes of an input file; on failure prints why (fail()) and returns nothing. */
    [[nodiscard]] std::optional<QByteArray> readInputFile(const QString &path);
    /** Reads one line from `in` for --password-stdin (without its line end). */
    [[nodiscard]] std::optional<QString> readPassword();

    int runServe(const CommandLine &line);
    int runUserAdd(const CommandLine &line);
    int runUserList(const CommandLine &line);
    int runUserSetDisabled(const CommandLine &line, bool disabled);
    int runUserResetPassword(const CommandLine &line);
    int runRegistryImport(const CommandLine &line);
    int runDemo(const CommandLine &line);
    int runOfficialImport(const CommandLine &line);
    int runTargetsImport(const CommandLine &line);
    int runExport(const CommandLine &line);
    int runAuditList(const CommandLine &line);
    /** In formcommands.cpp. */
    int runFormPublish(const CommandLine &line);
    int runFormList(const CommandLine &line);

    QTextStream &m_out;
    QTextStream &m_err;
    QIODevice &m_in;
};

} // namespace gx::server
