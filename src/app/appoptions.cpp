#include "app/appoptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gx {

QStringList AppOptions::screenNames()
{
    return {u"login"_s,        u"enterprises"_s,     u"enterprise"_s,     u"add_enterprise"_s,
            u"survey"_s,       u"equipment"_s,       u"sync"_s,           u"dashboard"_s,
            u"county"_s,       u"review"_s,          u"official"_s,       u"targets"_s,
            u"registry"_s,     u"registry_errors"_s, u"survey_updated"_s, u"accounts"_s,
            u"account_made"_s, u"local_supply"_s,    u"supply_demand"_s,  u"supply_demand_detail"_s,
            u"capture"_s,      u"capture_taken"_s,   u"scan_setup"_s,     u"scan_not_setup"_s};
}

Result<AppOptions, QString> AppOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Gengxin: the field survey of equipment renewal."_s);
    parser.addHelpOption();
    const QCommandLineOption dataDir(u"data-dir"_s, u"Where the device keeps its data."_s,
                                     u"DIR"_s);
    const QCommandLineOption server(u"server"_s, u"The server's address."_s, u"URL"_s);
    const QCommandLineOption selfTest(u"self-test"_s,
                                      u"Load every screen, print the results, exit 0 if all "
                                      u"loaded without QML errors."_s);
    const QCommandLineOption screenshot(u"screenshot"_s, u"Render one screen to a PNG and exit."_s,
                                        u"FILE"_s);
    const QCommandLineOption size(u"size"_s, u"The window size, WxH (default 1280x800)."_s,
                                  u"WxH"_s);
    const QCommandLineOption screen(
        u"screen"_s, u"The screen of --screenshot: "_s + screenNames().join(u", "_s) + u"."_s,
        u"NAME"_s);
    const QCommandLineOption login(u"login"_s, u"Log in at start (demos, screenshots)."_s,
                                   u"USER:PASSWORD"_s);
    const QCommandLineOption lang(u"lang"_s, u"The UI language: zh_CN or en."_s, u"LANG"_s);
    const QCommandLineOption fontScale(
        u"font-scale"_s,
        u"Multiply the application font's size, 0.5 to 3 (e.g. 1.5 for large type)."_s,
        u"FACTOR"_s);
    const QCommandLineOption firstFrame(
        u"quit-after-first-frame"_s,
        u"Print \"first frame\" and quit once the first frame is drawn (benchmarks)."_s);
    const QCommandLineOption report(
        u"report"_s,
        u"Write the report of --period as a PDF (the figures of the server of --server, as the "
        u"user of --login) and exit: 0 when written."_s,
        u"FILE.pdf"_s);
    const QCommandLineOption period(u"period"_s, u"The year of --report, e.g. 2024."_s, u"YEAR"_s);
    parser.addOptions({dataDir, server, selfTest, screenshot, size, screen, login, lang, fontScale,
                       firstFrame, report, period});
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(u"help"_s))
        return parser.helpText();

    AppOptions options;
    options.dataDir = parser.value(dataDir);
    options.serverUrl = parser.value(server);
    options.selfTest = parser.isSet(selfTest);
    options.quitAfterFirstFrame = parser.isSet(firstFrame);
    options.screenshotFile = parser.value(screenshot);
    if (parser.isSet(size)) {
        static const QRegularExpression pattern(u"^(\\d{2,5})x(\\d{2,5})$"_s);
        const auto match = pattern.match(parser.value(size));
        if (!match.hasMatch())
            return u"--size takes WIDTHxHEIGHT, e.g. 360x740"_s;
        options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    }
    if (parser.isSet(screen)) {
        options.screen = parser.value(screen);
        if (!screenNames().contains(options.screen))
            return u"unknown screen '%1'; one of: %2"_s.arg(options.screen,
                                                            screenNames().join(u", "_s));
    }
    if (parser.isSet(login)) {
        const QString value = parser.value(login);
        const qsizetype colon = value.indexOf(u':');
        if (colon <= 0)
            return u"--login takes USER:PASSWORD"_s;
        options.loginUser = value.left(colon);
        options.loginPassword = value.mid(colon + 1);
    }
    if (parser.isSet(lang)) {
        options.language = parser.value(lang);
        if (options.language != u"zh_CN"_s && options.language != u"en"_s)
            return u"--lang takes zh_CN or en"_s;
    }
    if (parser.isSet(fontScale)) {
        bool ok = false;
        options.fontScale = parser.value(fontScale).toDouble(&ok);
        if (!ok || !(options.fontScale >= 0.5 && options.fontScale <= 3.0))
            return u"--font-scale takes a factor from 0.5 to 3, e.g. 1.5"_s;
    }
    if (parser.isSet(period)) {
        static const QRegularExpression year(u"^\\d{4}$"_s);
        if (!year.match(parser.value(period)).hasMatch())
            return u"--period takes a year, e.g. 2024"_s;
        options.reportPeriod = parser.value(period).toInt();
    }
    if (parser.isSet(report)) {
        options.reportFile = parser.value(report);
        if (options.reportFile.isEmpty())
            return u"--report takes the PDF file to write"_s;
        if (options.reportPeriod == 0)
            return u"--report needs --period YEAR"_s;
        if (options.loginUser.isEmpty())
            return u"--report needs --login USER:PASSWORD (an office or admin user)"_s;
    } else if (parser.isSet(period)) {
        return u"--period is the year of --report"_s;
    }
    return options;
}

} // namespace gx
