#pragma once

#include "app/appoptions.h"

#include <QImage>
#include <QString>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace gx {

class Session;

/**
 * What `gengxin` does with its options, kept out of main(): the interactive app (Main.qml, an
 * optional scripted login), --self-test (every screen of the contract loaded and checked for
 * QML errors), --screenshot (one screen rendered at a size into a PNG) and --report (the
 * report of a period written as a PDF, headless).
 */
class AppRunner
{
public:
    explicit AppRunner(AppOptions options);

    /** Runs the chosen mode; returns the process's exit code. Needs a QApplication. */
    [[nodiscard]] int exec();

    /** Sets the Material style and the pinned CJK font, its size times fontScale (before any
     * QML loads). */
    static void applyLook(double fontScale = 1.0);

private:
    [[nodiscard]] int runInteractive(Session &session);
    [[nodiscard]] int runSelfTest();
    [[nodiscard]] int runScreenshot(Session &session);
    /** --report: logs in, writes the report of the period, exits 0 when it was written. */
    [[nodiscard]] int runReport(Session &session);
    /** Logs in with --login and waits for the first sync; false with a message on failure. */
    [[nodiscard]] bool scriptedLogin(Session &session, bool waitForSync);
    /** Loads Main.qml into the engine; the window or null. */
    [[nodiscard]] static QQuickWindow *loadMain(QQmlApplicationEngine &engine);

    AppOptions m_options;
    /** What the camera of a screenshot films (--screen scan_*): set once the screen is known. */
    std::shared_ptr<QImage> m_cameraPicture = std::make_shared<QImage>();
};

} // namespace gx
