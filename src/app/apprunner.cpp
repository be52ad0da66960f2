#include "app/apprunner.h"

#include "app/applook.h"
#include "app/camerasupport.h"
#include "app/eventwait.h"
#include "app/imageframesource.h"
#include "app/nameplatepicture.h"
#include "app/reportcontroller.h"
#include "app/sampledata.h"
#include "app/screencatalog.h"
#include "app/session.h"
#include "app/stillimagesource.h"
#include "store/devicestore.h"
#include "syncclient/syncclient.h"

#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace gx {

namespace {
constexpr int kLoginTimeoutMs = 30'000;
constexpr int kSyncTimeoutMs = 300'000;
constexpr int kSettleMs = 400;
constexpr int kScreenshotSettleMs = 2'500;
constexpr int kReportTimeoutMs = 120'000;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

/** Pushes a screen through Main.qml's showScreen(); false when it did not load. */
bool showScreen(QQuickWindow *window, const ScreenSpec &spec)
{
    QVariant ok;
    const bool invoked = QMetaObject::invokeMethod(window, "showScreen", Q_RETURN_ARG(QVariant, ok),
                                                   Q_ARG(QVariant, ScreenCatalog::url(spec.file)),
                                                   Q_ARG(QVariant, spec.properties));
    return invoked && ok.toBool();
}
} // namespace

AppRunner::AppRunner(AppOptions options)
    : m_options(std::move(options))
{}

void AppRunner::applyLook(double fontScale)
{
    QQuickStyle::setStyle(u"Material"_s);
    QFont font(u"Noto Sans CJK SC"_s);
    font.setPointSizeF(QGuiApplication::font().pointSizeF() * fontScale);
    AppLook::setFontScale(fontScale);
    QGuiApplication::setFont(font);
}

int AppRunner::exec()
{
    applyLook(m_options.fontScale);
    if (m_options.selfTest)
        return runSelfTest();
    AppEnvironment env;
    env.dataDir = m_options.dataDir.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                      : m_options.dataDir;
    env.defaultServerUrl = m_options.serverUrl;
    if (!m_options.screenshotFile.isEmpty()) { // a render: its login is the demo's, not the user's
        env.secrets = SecretStore(SecretStore::Mode::FileOnly);
        // and its camera films the picture of the screen's ScreenSpec::camera, if any
        env.frameSource = [picture = m_cameraPicture] {
            return std::make_unique<ImageFrameSource>([picture] { return *picture; });
        };
    }
    Session session(env);
    Session::setCurrent(&session);
    if (!m_options.serverUrl.isEmpty())
        session.setServerUrl(m_options.serverUrl);
    if (!m_options.language.isEmpty())
        session.setLanguage(m_options.language);
    const int code = !m_options.reportFile.isEmpty()      ? runReport(session)
                     : m_options.screenshotFile.isEmpty() ? runInteractive(session)
                                                          : runScreenshot(session);
    Session::setCurrent(nullptr);
    return code;
}

QQuickWindow *AppRunner::loadMain(QQmlApplicationEngine &engine)
{
    engine.addImportPath(u"qrc:/"_s);
    engine.load(QUrl(u"qrc:/Gengxin/Ui/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

int AppRunner::runInteractive(Session &session)
{
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadMain(engine);
    if (!window)
        return 1;
    if (m_options.quitAfterFirstFrame) {
        QObject::connect(
            window, &QQuickWindow::frameSwapped, qApp,
            [] {
                out() << "first frame\n";
                out().flush();
                QCoreApplication::quit();
            },
            Qt::QueuedConnection);
    }
    if (!m_options.loginUser.isEmpty())
        session.login(session.serverUrl(), m_options.loginUser, m_options.loginPassword);
    return QCoreApplication::exec();
}

bool AppRunner::scriptedLogin(Session &session, bool waitForSync)
{
    bool finished = false;
    const auto connection =
        QObject::connect(&session, &Session::loginFinished, [&finished] { finished = true; });
    session.login(session.serverUrl(), m_options.loginUser, m_options.loginPassword);
    (void)waitUntil([&finished] { return finished; }, kLoginTimeoutMs);
    QObject::disconnect(connection);
    if (!session.isLoggedIn()) {
        err() << "login as " << m_options.loginUser << " failed: " << session.error() << "\n";
        err().flush();
        return false;
    }
    if (waitForSync && session.syncClient() && !session.isOffline()) {
        SyncClient *sync = session.syncClient();
        const bool done = waitUntil(
            [sync] {
                return sync->state() != SyncState::Syncing &&
                       sync->state() != SyncState::WaitingForNetwork;
            },
            kSyncTimeoutMs);
        if (!done || sync->state() != SyncState::Idle)
            err() << "the first sync did not finish: " << sync->summary() << "\n";
    }
    return true;
}

int AppRunner::runSelfTest()
{
    QTemporaryDir tmp;
    AppEnvironment env;
    env.dataDir = m_options.dataDir.isEmpty() ? tmp.path() : m_options.dataDir;
    env.defaultServerUrl = m_options.serverUrl;
    env.secrets = SecretStore(SecretStore::Mode::FileOnly); // a check, never the user's keychain
    Session session(env);
    Session::setCurrent(&session);
    if (!m_options.language.isEmpty())
        session.setLanguage(m_options.language);
    if (!m_options.loginUser.isEmpty()) {
        if (!scriptedLogin(session, true))
            return 1;
    } else {
        const QString region = u"331102"_s;
        if (auto done = session.openLocal(u"selftest"_s, u"inspector"_s, region, {}); !done) {
            err() << "self-test: the store does not open: " << done.error() << "\n";
            return 1;
        }
        if (m_options.dataDir.isEmpty()) {
            if (auto done = SampleData::seed(*session.store(), region, session.period()); !done) {
                err() << "self-test: the sample does not load: " << done.error() << "\n";
                return 1;
            }
            session.notifyDataChanged();
        }
    }

    QStringList errors;
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlEngine::warnings, [&errors](const QList<QQmlError> &list) {
        for (const QQmlError &e : list)
            errors.append(e.toString());
    });
    QQuickWindow *window = loadMain(engine);
    if (!window) {
        err() << "self-test: Main.qml does not load: " << errors.join(u"; "_s) << "\n";
        return 1;
    }
    settle(kSettleMs);
    errors.clear();
    const bool allowMissing = qEnvironmentVariableIntValue("GX_SELF_TEST_ALLOW_MISSING") != 0;
    int failed = 0;
    int missing = 0;
    for (const ScreenSpec &spec : ScreenCatalog::resolve(session)) {
        if (!ScreenCatalog::exists(spec.file)) {
            out() << "MISSING " << spec.name << " (" << spec.file << ")\n";
            ++missing;
            continue;
        }
        errors.clear();
        const bool shown = showScreen(window, spec);
        settle(kSettleMs);
        if (shown && errors.isEmpty()) {
            out() << "ok      " << spec.name << " (" << spec.file << ")\n";
        } else {
            ++failed;
            out() << "FAILED  " << spec.name << " (" << spec.file << ")"
                  << (shown ? "" : ": did not load") << "\n";
            for (const QString &e : std::as_const(errors))
                out() << "        " << e << "\n";
        }
        out().flush();
    }
    out() << "self-test: " << failed << " failed, " << missing << " missing\n";
    out().flush();
    Session::setCurrent(nullptr);
    return failed > 0 || (missing > 0 && !allowMissing) ? 1 : 0;
}

int AppRunner::runScreenshot(Session &session)
{
    if (!m_options.loginUser.isEmpty() && !scriptedLogin(session, true))
        return 1;
    ScreenSpec chosen;
    for (const ScreenSpec &spec : ScreenCatalog::resolve(session)) {
        if (spec.name == m_options.screen)
            chosen = spec;
    }
    if (!ScreenCatalog::exists(chosen.file)) {
        err() << "screenshot: the screen " << m_options.screen << " (" << chosen.file
              << ") is not built\n";
        return 1;
    }
    if (!chosen.camera.isEmpty())
        *m_cameraPicture = SampleData::qrPhoto(chosen.camera, m_options.size, chosen.cameraInFocus);
    // The notice of a new survey version shows on its own screen only: the others as read.
    if (DeviceStore *store = session.store()) {
        if (auto done =
                store->forms().setNoticedVersion(chosen.formNotice ? 1 : session.formVersion());
            !done)
            err() << "screenshot: " << done.error().message << "\n";
    }
    if (chosen.sampleCamera) {
        CameraSupport::setSourceFactory([](QObject *parent) {
            return new StillImageSource({NameplatePicture::draw(QSize(2400, 1800)), {}}, parent);
        });
    }
    QQmlApplicationEngine engine;
    QQuickWindow *window = loadMain(engine);
    if (!window)
        return 1;
    window->resize(m_options.size);
    settle(kSettleMs);
    if (!showScreen(window, chosen)) {
        err() << "screenshot: the screen " << chosen.name << " did not load\n";
        return 1;
    }
    settle(kScreenshotSettleMs);
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(m_options.screenshotFile)) {
        err() << "screenshot: could not write " << m_options.screenshotFile << "\n";
        return 1;
    }
    out() << "wrote " << m_options.screenshotFile << " (" << image.width() << "x" << image.height()
          << ")\n";
    return 0;
}

int AppRunner::runReport(Session &session)
{
    const QString failed = ReportController::tr("The report was not written: %1");
    if (!scriptedLogin(session, false)) {
        err() << failed.arg(session.error()) << "\n";
        return 1;
    }
    ReportController report;
    report.setSession(&session);
    report.setPeriod(m_options.reportPeriod);
    bool finished = false;
    QObject::connect(&report, &ReportController::finished, [&finished] { finished = true; });
    report.write(QUrl::fromLocalFile(QFileInfo(m_options.reportFile).absoluteFilePath()));
    if (!waitUntil([&finished] { return finished; }, kReportTimeoutMs)) {
        err() << failed.arg(ReportController::tr("the server did not answer in time.")) << "\n";
        return 1;
    }
    if (!report.error().isEmpty()) {
        err() << failed.arg(report.error()) << "\n";
        return 1;
    }
    out() << report.message() << "\n";
    out().flush();
    return 0;
}

} // namespace gx
