#pragma once

#include "core/result.h"

#include <QSize>
#include <QString>
#include <QStringList>

namespace gx {

/**
 * The command line of `gengxin`: where the data lives, which server, the scripted modes
 * (--self-test, --screenshot) and a login for demos and screenshots. Parsed apart from main()
 * so that it is tested and main stays thin.
 */
struct AppOptions
{
    QString dataDir;   ///< empty: the platform's app data directory
    QString serverUrl; ///< empty: the remembered one
    bool selfTest = false;
    /** Quit after the first frame, printing "first frame" (bench/bench_app times it). */
    bool quitAfterFirstFrame = false;
    QString screenshotFile;
    QSize size{1280, 800};
    QString screen = QStringLiteral("login");
    QString loginUser;
    QString loginPassword;
    QString language; ///< empty: the remembered one
    /** --font-scale: the application font's point size is multiplied by it (0.5 to 3). */
    double fontScale = 1.0;
    /** --report FILE.pdf: write the report of reportPeriod there and exit (needs --login). */
    QString reportFile;
    int reportPeriod = 0;

    /** The screen names --screenshot takes, in the contract's order. */
    [[nodiscard]] static QStringList screenNames();
    /** Parses the arguments (argv[0] first); an error is a message for the command line. */
    [[nodiscard]] static Result<AppOptions, QString> parse(const QStringList &arguments);
};

} // namespace gx
