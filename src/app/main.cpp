#include "app/appenvironment.h"
#include "app/session.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QStandardPaths>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Gengxin_AppPlugin)
Q_IMPORT_QML_PLUGIN(Gengxin_UiPlugin)

int main(int argc, char *argv[])
{
    // QApplication, not QGuiApplication: Qt Charts' QML types need it.
    QApplication app(argc, argv);
    gx::AppEnvironment env;
    env.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    gx::Session session(env);
    gx::Session::setCurrent(&session);
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Gengxin/Ui/Main.qml")));
    return engine.rootObjects().isEmpty() ? 1 : app.exec();
}
