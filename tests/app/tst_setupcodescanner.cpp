#include "app/imageframesource.h"
#include "app/qrcodeitem.h"
#include "app/session.h"
#include "app/setupcodescanner.h"
#include "core/setupcode.h"

#include <QCameraDevice>
#include <QImage>
#include <QMediaDevices>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>
#include <QVideoSink>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

/** A QR code of `text` as a camera sees it on a desk, 4 pixels per module. */
QImage photoOf(const QString &text)
{
    const QImage code = gx::QrCodeItem::encode(text);
    const int scale = 4;
    const int side = (code.width() + 8) * scale;
    QImage image(side + 160, side + 120, QImage::Format_RGB32);
    image.fill(QColor(120, 110, 100));
    QPainter painter(&image);
    painter.fillRect(80, 60, side, side, Qt::white);
    painter.drawImage(
        QRect(80 + 4 * scale, 60 + 4 * scale, code.width() * scale, code.width() * scale), code);
    return image;
}

/** What the injected camera films now; tests change it while the scan runs. */
struct Scene
{
    QImage image;
    int intervalMs = 20;
};

} // namespace

class Tst_setupcodescanner : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void scan_data();
    void scan();
    void keepsScanningAfterAnotherCode();
    void oneDecodeAtATime();
    void noCamera();
    void cancelChangesNothing();

private:
    [[nodiscard]] std::unique_ptr<gx::Session> newSession(bool injectedCamera = true);

    QTemporaryDir m_dir;
    std::shared_ptr<Scene> m_scene;
};

void Tst_setupcodescanner::init()
{
    m_scene = std::make_shared<Scene>();
}

std::unique_ptr<gx::Session> Tst_setupcodescanner::newSession(bool injectedCamera)
{
    gx::AppEnvironment env;
    env.dataDir = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u'-' +
                                 QString::fromLatin1(QTest::currentDataTag()));
    env.assetsDir = qEnvironmentVariable("GX_ASSETS_DIR");
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly);
    env.defaultServerUrl = u"http://127.0.0.1:8470"_s;
    if (injectedCamera) {
        env.frameSource = [scene = m_scene] {
            return std::make_unique<gx::ImageFrameSource>([scene] { return scene->image; },
                                                          scene->intervalMs);
        };
    }
    return std::make_unique<gx::Session>(env);
}

void Tst_setupcodescanner::scan_data()
{
    QTest::addColumn<QImage>("image");
    QTest::addColumn<QString>("server"); ///< empty: no setup code, the scan goes on
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("message"); ///< what the screen then says

    const auto code = [](const QString &server, const QString &user) {
        return gx::SetupCode{QUrl(server), user}.toText();
    };
    QTest::newRow("setup code") << photoOf(code(u"http://10.20.0.7:8470"_s, u"wang.li"_s))
                                << u"http://10.20.0.7:8470"_s << u"wang.li"_s << QString();
    QTest::newRow("https, Chinese user name, upside down")
        << photoOf(code(u"https://gx.lishui.example.cn"_s, u"王丽"_s))
               .transformed(QTransform().rotate(180))
        << u"https://gx.lishui.example.cn"_s << u"王丽"_s << QString();
    QTest::newRow("a web address") << photoOf(u"https://www.lishui.gov.cn/"_s) << QString()
                                   << QString() << u"这不是更新系统的设置码。"_s;
    QTest::newRow("a setup code without its user")
        << photoOf(u"gengxin://setup?server=http%3A%2F%2F10.20.0.7%3A8470"_s) << QString()
        << QString() << u"这不是更新系统的设置码：设置码缺少用户名（user）。"_s;
    QTest::newRow("a setup code with a password")
        << photoOf(u"gengxin://setup?server=http%3A%2F%2F10.20.0.7&user=li&password=x"_s)
        << QString() << QString() << u"这不是更新系统的设置码：设置码不应包含密码"_s;
}

void Tst_setupcodescanner::scan()
{
    QFETCH(QImage, image);
    QFETCH(QString, server);
    QFETCH(QString, user);
    QFETCH(QString, message);
    m_scene->image = image;
    auto session = newSession();
    const QString serverBefore = session->serverUrl();
    gx::SetupCodeScanner scanner;
    QVideoSink viewfinder;
    scanner.setVideoSink(&viewfinder);
    scanner.setSession(session.get());
    QVERIFY(scanner.isAvailable());
    QSignalSpy scanned(&scanner, &gx::SetupCodeScanner::scanned);
    QSignalSpy applied(session.get(), &gx::Session::setupCodeApplied);
    scanner.setActive(true);

    if (!server.isEmpty()) {
        QVERIFY(scanned.wait(10'000));
        QCOMPARE(applied.count(), 1);
        QCOMPARE(session->serverUrl(), server);
        QCOMPARE(session->lastUsername(), user);
        QVERIFY(!scanner.isActive()); // the camera is let go
        QCOMPARE(scanner.message(), QString());
        QVERIFY(viewfinder.videoFrame().isValid()); // the screen showed what it saw
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(!scanner.message().isEmpty(), 10'000);
    QVERIFY2(scanner.message().startsWith(message), qPrintable(scanner.message()));
    // Not a setup code: nothing applied, and the scan goes on.
    QCOMPARE(applied.count(), 0);
    QCOMPARE(session->serverUrl(), serverBefore);
    QCOMPARE(session->error(), QString());
    QVERIFY(scanner.isActive());
    const int decoded = scanner.framesDecoded();
    QTRY_VERIFY_WITH_TIMEOUT(scanner.framesDecoded() > decoded, 10'000);
    QCOMPARE(scanned.count(), 0);
}

void Tst_setupcodescanner::keepsScanningAfterAnotherCode()
{
    // The inspector first holds up a wrong code, then the office's.
    m_scene->image = photoOf(u"WIFI:S:office;T:WPA;P:secret;;"_s);
    auto session = newSession();
    gx::SetupCodeScanner scanner;
    scanner.setSession(session.get());
    QSignalSpy scanned(&scanner, &gx::SetupCodeScanner::scanned);
    scanner.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(scanner.message().startsWith(u"这不是更新系统的设置码"_s), 10'000);
    m_scene->image = photoOf(gx::SetupCode{QUrl(u"http://10.1.1.1:8470"_s), u"zhao"_s}.toText());
    QVERIFY(scanned.wait(10'000));
    QCOMPARE(session->serverUrl(), u"http://10.1.1.1:8470"_s);
    QCOMPARE(session->lastUsername(), u"zhao"_s);
    QCOMPARE(scanner.message(), QString());
}

void Tst_setupcodescanner::oneDecodeAtATime()
{
    // A big picture with no code, filmed every millisecond: each decode takes longer than a
    // frame, so most frames are only shown.
    QImage busy(1800, 1400, QImage::Format_RGB32);
    busy.fill(Qt::white);
    {
        QPainter painter(&busy);
        for (int i = 0; i < 400; ++i)
            painter.fillRect((i * 37) % 1750, (i * 53) % 1350, 12 + i % 30, 8 + i % 20, Qt::black);
    }
    m_scene->image = busy;
    m_scene->intervalMs = 1;
    auto session = newSession();
    gx::SetupCodeScanner scanner;
    scanner.setSession(session.get());
    scanner.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(scanner.framesDecoded() >= 3, 30'000);
    scanner.setActive(false);
    QVERIFY2(scanner.framesSeen() > 2 * scanner.framesDecoded(),
             qPrintable(u"%1 frames seen, %2 decoded"_s.arg(scanner.framesSeen())
                            .arg(scanner.framesDecoded())));
    const int seen = scanner.framesSeen();
    QTest::qWait(100);
    QCOMPARE(scanner.framesSeen(), seen); // inactive: the camera stopped
}

void Tst_setupcodescanner::noCamera()
{
    // This machine, like a desktop without one: QMediaDevices lists no camera.
    auto session = newSession(false);
    gx::SetupCodeScanner scanner;
    scanner.setSession(session.get());
    const bool cameras = !QMediaDevices::videoInputs().isEmpty();
    QCOMPARE(scanner.isAvailable(), cameras);
    if (cameras)
        return; // a machine with a camera: the rest is about the one without
    scanner.setActive(true);
    QCOMPARE(scanner.message(), u"本设备没有摄像头。"_s);
    QCOMPARE(scanner.framesSeen(), 0);
}

void Tst_setupcodescanner::cancelChangesNothing()
{
    m_scene->image = QImage(); // the camera sees nothing yet
    auto session = newSession();
    const QString server = session->serverUrl();
    const QString user = session->lastUsername();
    gx::SetupCodeScanner scanner;
    scanner.setSession(session.get());
    QSignalSpy scanned(&scanner, &gx::SetupCodeScanner::scanned);
    scanner.setActive(true);
    QTest::qWait(100);
    scanner.setActive(false); // cancel
    m_scene->image = photoOf(gx::SetupCode{QUrl(u"http://10.9.9.9:8470"_s), u"late"_s}.toText());
    QTest::qWait(300);
    QCOMPARE(scanned.count(), 0);
    QCOMPARE(scanner.framesSeen(), 0);
    QCOMPARE(session->serverUrl(), server);
    QCOMPARE(session->lastUsername(), user);
}

QTEST_MAIN(Tst_setupcodescanner)
#include "tst_setupcodescanner.moc"
