#include "app/appoptions.h"
#include "app/apprunner.h"

#include <QApplication>
#include <QTextStream>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Gengxin_AppPlugin)
Q_IMPORT_QML_PLUGIN(Gengxin_UiPlugin)

int main(int argc, char *argv[])
{
    // QApplication, not QGuiApplication: Qt Charts' QML types need it.
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("gengxin"));
    QApplication::setOrganizationName(QStringLiteral("gengxin"));
    auto options = gx::AppOptions::parse(QApplication::arguments());
    if (!options) {
        QTextStream(stderr) << options.error() << "\n";
        return 2;
    }
    return gx::AppRunner(std::move(options).value()).exec();
}
