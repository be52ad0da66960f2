#include "quicktestsetup.h"

#include "app/imageframesource.h"
#include "app/session.h"
#include "fixture.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Gengxin_AppPlugin)
Q_IMPORT_QML_PLUGIN(Gengxin_UiPlugin)
Q_IMPORT_QML_PLUGIN(Gengxin_TestingPlugin)

using namespace Qt::StringLiterals;

namespace gx {

QuickTestSetup::QuickTestSetup() = default;

QuickTestSetup::~QuickTestSetup()
{
    Session::setCurrent(nullptr);
}

void QuickTestSetup::applicationAvailable()
{
    QQuickStyle::setStyle(u"Material"_s);
    QGuiApplication::setFont(QFont(u"Noto Sans CJK SC"_s));
}

void QuickTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    engine->addImportPath(u"qrc:/"_s);
    if (m_session)
        return;
    AppEnvironment env;
    env.dataDir = m_dir.path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    // The scanner films what Fixture::showToCamera() holds up, never a real camera.
    env.frameSource = [] {
        return std::make_unique<ImageFrameSource>(&Fixture::cameraImage);
    };
    const QByteArray assets = qgetenv("GX_ASSETS_DIR");
    if (!assets.isEmpty())
        env.assetsDir = QString::fromLocal8Bit(assets);
    m_session = std::make_unique<Session>(env);
    Session::setCurrent(m_session.get());
}

} // namespace gx
