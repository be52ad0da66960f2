#include "app/appoptions.h"

#include <QTest>

using namespace Qt::StringLiterals;

/**
 * The command line of `gengxin`: what each flag sets, and a readable refusal (nothing else)
 * for each malformed one.
 */
class Tst_appoptions : public QObject
{
    Q_OBJECT
private slots:
    void accepted_data();
    void accepted();
    void refused_data();
    void refused();
};

void Tst_appoptions::accepted_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing: the login screen at 1280x800")
        << QStringList{} << u"screen"_s << u"login 1280x800"_s;
    QTest::newRow("data dir") << QStringList{u"--data-dir"_s, u"/tmp/d"_s} << u"dataDir"_s
                              << u"/tmp/d"_s;
    QTest::newRow("server") << QStringList{u"--server"_s, u"http://127.0.0.1:8470"_s}
                            << u"serverUrl"_s << u"http://127.0.0.1:8470"_s;
    QTest::newRow("screenshot at a size")
        << QStringList{u"--screenshot"_s, u"a.png"_s,    u"--size"_s,
                       u"360x740"_s,      u"--screen"_s, u"survey"_s}
        << u"screen"_s << u"survey 360x740"_s;
    QTest::newRow("login keeps colons of the password")
        << QStringList{u"--login"_s, u"office:a:b"_s} << u"login"_s << u"office / a:b"_s;
    QTest::newRow("english") << QStringList{u"--lang"_s, u"en"_s} << u"language"_s << u"en"_s;
    QTest::newRow("large type") << QStringList{u"--font-scale"_s, u"1.5"_s} << u"fontScale"_s
                                << u"1.5"_s;
    QTest::newRow("font scale by default") << QStringList{} << u"fontScale"_s << u"1"_s;
    QTest::newRow("self-test") << QStringList{u"--self-test"_s} << u"flags"_s << u"selfTest"_s;
    QTest::newRow("quit after the first frame")
        << QStringList{u"--quit-after-first-frame"_s} << u"flags"_s << u"firstFrame"_s;
    QTest::newRow("report of a period") << QStringList{u"--report"_s, u"r.pdf"_s,   u"--period"_s,
                                                       u"2025"_s,     u"--login"_s, u"office:pw"_s}
                                        << u"report"_s << u"r.pdf 2025"_s;
}

void Tst_appoptions::accepted()
{
    QFETCH(QStringList, args);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const auto parsed = gx::AppOptions::parse(QStringList{u"gengxin"_s} + args);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error()));
    const gx::AppOptions &o = parsed.value();
    QString actual;
    if (field == u"screen"_s)
        actual = u"%1 %2x%3"_s.arg(o.screen).arg(o.size.width()).arg(o.size.height());
    else if (field == u"dataDir"_s)
        actual = o.dataDir;
    else if (field == u"serverUrl"_s)
        actual = o.serverUrl;
    else if (field == u"login"_s)
        actual = o.loginUser + u" / "_s + o.loginPassword;
    else if (field == u"language"_s)
        actual = o.language;
    else if (field == u"fontScale"_s)
        actual = QString::number(o.fontScale);
    else if (field == u"report"_s)
        actual = u"%1 %2"_s.arg(o.reportFile).arg(o.reportPeriod);
    else
        actual = o.selfTest ? u"selfTest"_s : o.quitAfterFirstFrame ? u"firstFrame"_s : u"-"_s;
    QCOMPARE(actual, expected);
}

void Tst_appoptions::refused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("size without x") << QStringList{u"--size"_s, u"360"_s} << u"--size"_s;
    QTest::newRow("unknown screen") << QStringList{u"--screen"_s, u"nope"_s} << u"nope"_s;
    QTest::newRow("login without password")
        << QStringList{u"--login"_s, u"office"_s} << u"--login"_s;
    QTest::newRow("login without user") << QStringList{u"--login"_s, u":pw"_s} << u"--login"_s;
    QTest::newRow("unknown language") << QStringList{u"--lang"_s, u"fr"_s} << u"--lang"_s;
    QTest::newRow("font scale not a number")
        << QStringList{u"--font-scale"_s, u"big"_s} << u"--font-scale"_s;
    QTest::newRow("font scale too large")
        << QStringList{u"--font-scale"_s, u"10"_s} << u"--font-scale"_s;
    QTest::newRow("unknown flag") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    const QStringList login{u"--login"_s, u"office:pw"_s};
    QTest::newRow("report without period")
        << QStringList{u"--report"_s, u"r.pdf"_s} + login << u"--period"_s;
    QTest::newRow("report without login")
        << QStringList{u"--report"_s, u"r.pdf"_s, u"--period"_s, u"2024"_s} << u"--login"_s;
    QTest::newRow("period not a year")
        << QStringList{u"--report"_s, u"r.pdf"_s, u"--period"_s, u"24"_s} + login << u"--period"_s;
    QTest::newRow("period without report")
        << QStringList{u"--period"_s, u"2024"_s} << u"--report"_s;
}

void Tst_appoptions::refused()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const auto parsed = gx::AppOptions::parse(QStringList{u"gengxin"_s} + args);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(says), qPrintable(parsed.error()));
}

QTEST_GUILESS_MAIN(Tst_appoptions)
#include "tst_appoptions.moc"
