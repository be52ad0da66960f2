// bench_app: the app's figures, each beside a floor measured in the same run, as a ratio (never
// asserted; docs/performance.md holds measured figures). Offscreen (software rendering) unless
// QT_QPA_PLATFORM says otherwise (e.g. xcb under xvfb-run, with llvmpipe OpenGL).
//   1. cold start to first frame: `gengxin --quit-after-first-frame` on a fresh data directory
//      (the login screen) against a bare Qt Quick window (a Text in a Window) in a process of its
//      own: goal <= 1 s;
//   2. a survey with 1,000 equipment rows opened (SurveyScreen pushed on a StackView, to its
//      first frame) against a Page with a ListView of 1,000 plain delegates: goal <= 300 ms;
//   3. resident memory with 5,000 enterprises stored, the enterprise list shown, against the
//      bare window's: goal <= 150 MB.
// Usage: bench_app [--runs N]   (the child modes --bare, --survey-open and --rss are its own;
// GX_BENCH_TRACE=1 makes --rss print its memory after the store opens and after Main.qml loads,
// and keeps the seeded data directory)
#include "benchsupport.h"

#include "app/appenvironment.h"
#include "app/apprunner.h"
#include "app/session.h"
#include "core/uscc.h"
#include "store/devicestore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(Gengxin_AppPlugin)
Q_IMPORT_QML_PLUGIN(Gengxin_UiPlugin)

using namespace Qt::StringLiterals;
using gx::bench::median;
using gx::bench::print;

namespace {

const QString kUser = u"bench"_s;
const QString kRegion = u"331102"_s;

/** VmRSS and VmHWM of this process in MB. */
QString memoryLine()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return u"rss ? hwm ?"_s;
    qint64 rss = 0, hwm = 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 && parts[0] == "VmRSS:")
            rss = parts[1].toLongLong();
        if (parts.size() >= 2 && parts[0] == "VmHWM:")
            hwm = parts[1].toLongLong();
    }
    return u"rss %1 hwm %2"_s.arg(double(rss) / 1024, 0, 'f', 1).arg(double(hwm) / 1024, 0, 'f', 1);
}

/** Waits for the window's next frame (with a timeout). */
void waitFrame(QQuickWindow *window)
{
    QEventLoop loop;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    window->update();
    loop.exec();
}

// ---- child modes -------------------------------------------------------------------------

int bareWindow(bool memory)
{
    QQmlApplicationEngine engine;
    engine.loadData("import QtQuick\nWindow { width: 360; height: 740; visible: true\n"
                    "  Text { anchors.centerIn: parent; text: \"设备更新\" } }");
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    waitFrame(window);
    if (memory)
        QTimer::singleShot(1000, qApp, &QCoreApplication::quit);
    if (memory)
        QCoreApplication::exec();
    print(memory ? memoryLine() : u"first frame"_s);
    return 0;
}

std::unique_ptr<gx::Session> openSession(const QString &dataDir)
{
    gx::AppEnvironment env;
    env.dataDir = dataDir;
    auto session = std::make_unique<gx::Session>(env);
    gx::Session::setCurrent(session.get());
    if (auto done = session->openLocal(kUser, u"inspector"_s, kRegion, {}); !done)
        qFatal("cannot open the store: %s", qPrintable(done.error()));
    return session;
}

int appMemory(const QString &dataDir)
{
    gx::AppRunner::applyLook();
    auto session = openSession(dataDir);
    if (qEnvironmentVariableIsSet("GX_BENCH_TRACE"))
        qWarning("after store: %s", qPrintable(memoryLine()));
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    engine.load(QUrl(u"qrc:/Gengxin/Ui/Main.qml"_s));
    if (qEnvironmentVariableIsSet("GX_BENCH_TRACE"))
        qWarning("after load: %s", qPrintable(memoryLine()));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    waitFrame(window);
    QTimer::singleShot(1000, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    print(memoryLine());
    return 0;
}

int surveyOpen(const QString &dataDir, const QString &surveyId, int runs)
{
    gx::AppRunner::applyLook();
    auto session = openSession(dataDir);
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/"_s);
    engine.loadData("import QtQuick\nimport QtQuick.Controls\nimport Gengxin.Ui\n"
                    "ApplicationWindow { width: 800; height: 1280; visible: true\n"
                    "  property alias nav: nav\n  StackView { id: nav; anchors.fill: parent }\n"
                    "  Component { id: bare; Page { ListView { anchors.fill: parent; model: 1000\n"
                    "    delegate: ItemDelegate { required property int index; width: 800;\n"
                    "      text: \"数控车床 CK\" + index } } } }\n"
                    "  Component { id: survey; SurveyScreen {} }\n"
                    "  function openBare() { nav.push(bare, {}, StackView.Immediate) }\n"
                    "  function openSurvey(id) { nav.push(survey, { surveyId: id },"
                    " StackView.Immediate) }\n"
                    "  function closeAll() { nav.clear(StackView.Immediate) } }");
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    waitFrame(window);
    QList<double> bare, survey;
    for (int i = 0; i < runs; ++i) {
        for (bool isSurvey : {false, true}) {
            QElapsedTimer timer;
            timer.start();
            if (isSurvey)
                QMetaObject::invokeMethod(window, "openSurvey", Q_ARG(QVariant, surveyId));
            else
                QMetaObject::invokeMethod(window, "openBare");
            waitFrame(window);
            (isSurvey ? survey : bare).append(double(timer.nsecsElapsed()) / 1e6);
            QMetaObject::invokeMethod(window, "closeAll");
            waitFrame(window);
        }
    }
    print(u"open %1 %2"_s.arg(median(survey), 0, 'f', 1).arg(median(bare), 0, 'f', 1));
    return 0;
}

// ---- the parent --------------------------------------------------------------------------

/** Runs a child to its output line; returns the line and the ms until it came. */
std::pair<QString, double> runChild(const QString &program, const QStringList &args)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(program, args);
    QString line;
    double ms = 0;
    while (child.waitForReadyRead(30'000)) {
        line += QString::fromUtf8(child.readAll());
        if (line.contains(u'\n')) {
            ms = double(timer.nsecsElapsed()) / 1e6;
            break;
        }
    }
    child.waitForFinished(30'000);
    return {line.trimmed(), ms};
}

QString seed(const QString &dataDir)
{
    auto session = openSession(dataDir);
    gx::DeviceStore &store = *session->store();
    QList<QJsonObject> enterprises;
    for (int i = 0; i < 5000; ++i) {
        const QString body = QString::number(10000000 + i * 7).right(8);
        const QString uscc = gx::makeUscc(u'9', u'1', kRegion, body);
        enterprises.append({{u"uscc"_s, uscc},
                            {u"name"_s, u"丽水第%1精密机械有限公司"_s.arg(i + 1)},
                            {u"region"_s, kRegion},
                            {u"industry_code"_s, u"3411"_s},
                            {u"above_size"_s, i % 7 != 0}});
    }
    for (const QJsonObject &e : enterprises)
        (void)store.createRecord(u"enterprise"_s, e, e.value(u"uscc"_s).toString());
    const QString uscc = enterprises.first().value(u"uscc"_s).toString();
    auto survey = store.createRecord(
        u"survey"_s, {{u"enterprise"_s, uscc}, {u"period"_s, 2024}, {u"state"_s, u"draft"_s}});
    QList<QJsonObject> rows;
    for (int i = 0; i < 1000; ++i) {
        rows.append({{u"survey"_s, survey.value().id},
                     {u"category"_s, i % 2 ? u"machine_tool"_s : u"motor"_s},
                     {u"name"_s, u"数控车床 CK%1"_s.arg(6100 + i)},
                     {u"quantity"_s, 1 + i % 5},
                     {u"status"_s, u"in_service"_s}});
    }
    if (!store.createRecords(u"equipment"_s, rows))
        qFatal("cannot create the rows");
    return survey.value().id;
}

int parent(int runs)
{
    const QString self = QCoreApplication::applicationFilePath();
    QList<double> app, bare;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir fresh;
        app.append(runChild(QStringLiteral(GX_APP_BIN),
                            {u"--data-dir"_s, fresh.path(), u"--quit-after-first-frame"_s})
                       .second);
        bare.append(runChild(self, {u"--bare"_s}).second);
    }
    const double a = median(app), b = median(bare);
    print(u"cold start to first frame (median of %1, offscreen):"_s.arg(runs));
    print(u"  gengxin (login screen)  %1 ms"_s.arg(a, 0, 'f', 1));
    print(u"  floor (bare window)     %1 ms"_s.arg(b, 0, 'f', 1));
    print(u"  ratio %1x  (goal <= 1,000 ms)"_s.arg(a / b, 0, 'f', 2));

    QTemporaryDir data;
    data.setAutoRemove(!qEnvironmentVariableIsSet("GX_BENCH_TRACE"));
    const QString surveyId = seed(data.path());
    gx::Session::setCurrent(nullptr);
    if (!data.autoRemove())
        qWarning("the seeded data directory is kept: %s", qPrintable(data.path()));
    const QString open = runChild(self, {u"--survey-open"_s, data.path(), surveyId, u"--runs"_s,
                                         QString::number(runs)})
                             .first;
    const QStringList o = open.split(u' ');
    print(
        u"survey with 1,000 equipment rows opened, to its first frame (median of %1):"_s.arg(runs));
    print(u"  SurveyScreen            %1 ms"_s.arg(o.value(1)));
    print(u"  floor (ListView of 1,000 plain delegates) %1 ms"_s.arg(o.value(2)));
    print(u"  ratio %1x  (goal <= 300 ms)"_s.arg(o.value(1).toDouble() / o.value(2).toDouble(), 0,
                                                 'f', 2));

    const QStringList m = runChild(self, {u"--rss"_s, data.path()}).first.split(u' ');
    const QStringList f = runChild(self, {u"--bare"_s, u"--memory"_s}).first.split(u' ');
    print(u"memory with 5,000 enterprises stored, enterprise list shown:"_s);
    print(u"  gengxin     RSS %1 MB  peak %2 MB"_s.arg(m.value(1), m.value(3)));
    print(u"  floor (bare window) RSS %1 MB  peak %2 MB"_s.arg(f.value(1), f.value(3)));
    print(u"  ratio %1x  (goal <= 150 MB)"_s.arg(m.value(1).toDouble() / f.value(1).toDouble(), 0,
                                                 'f', 2));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const qsizetype runsAt = args.indexOf(u"--runs"_s);
    const int runs = runsAt > 0 ? std::max(1, args.value(runsAt + 1).toInt()) : 7;
    if (args.contains(u"--bare"_s))
        return bareWindow(args.contains(u"--memory"_s));
    if (args.value(1) == u"--survey-open"_s)
        return surveyOpen(args.value(2), args.value(3), runs);
    if (args.value(1) == u"--rss"_s)
        return appMemory(args.value(2));
    return parent(runs);
}
