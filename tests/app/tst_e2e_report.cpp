// `gengxin --report FILE.pdf --period YEAR` end to end: the real gengxin-server process on
// loopback serving a demo city (SQLite, or PostgreSQL with GX_TEST_BACKEND=postgres), the real
// app binary run headless as the office user; the PDF's text (pdftotext -layout) holds every
// region with the figures GET /api/v1/stats/coverage gives, each with its numerator/denominator.
// A bad period, a bad login, a server that is down and a file that cannot be written each exit
// non-zero with the reason, and write no file.

#include "testsupport.h"

#include "app/figureformatter.h"
#include "core/indicators.h"
#include "serverprocess.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::FigureFormatter;
using gx::test::CommandRun;
using gx::test::HttpClient;

namespace {

QString appBinary()
{
    const QString fromEnv = qEnvironmentVariable("GX_APP_BIN");
    return fromEnv.isEmpty() ? QStringLiteral(GX_APP_BIN) : fromEnv;
}

struct AppRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

AppRun runApp(const QStringList &arguments)
{
    QProcess process;
    process.start(appBinary(), arguments);
    AppRun run;
    if (!process.waitForFinished(180'000)) {
        process.kill();
        process.waitForFinished();
        run.err = u"did not finish: "_s + process.errorString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString runTool(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

/** A port nothing listens on. */
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 9;
    return server.serverPort();
}

} // namespace

class Tst_e2e_report : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void reportHoldsTheServersFigures();
    void refusals_data();
    void refusals();

private:
    [[nodiscard]] QStringList reportArguments(const QString &dataDir, const QString &file,
                                              const QString &period, const QString &password,
                                              const QString &server = {}) const;

    std::unique_ptr<gx::test::TestDatabase> m_db;
    std::unique_ptr<gx::test::ServerProcess> m_server;
    QTemporaryDir m_dir;
    QString m_officePassword;
};

void Tst_e2e_report::initTestCase()
{
    m_db = std::make_unique<gx::test::TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    const CommandRun demo = gx::test::runServerCommand(
        {u"demo"_s, u"--db"_s, m_db->url(), u"--enterprises"_s, u"60"_s, u"--seed"_s, u"11"_s});
    QVERIFY2(demo.ok(), qPrintable(demo.failure()));
    const auto office =
        QRegularExpression(u"^user office office (\\S+)$"_s, QRegularExpression::MultilineOption)
            .match(demo.out);
    QVERIFY2(office.hasMatch(), qPrintable(demo.out));
    m_officePassword = office.captured(1);
    m_server = std::make_unique<gx::test::ServerProcess>(m_db->url());
    const QString started = m_server->start();
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

void Tst_e2e_report::cleanupTestCase()
{
    if (m_server)
        (void)m_server->stop();
}

QStringList Tst_e2e_report::reportArguments(const QString &dataDir, const QString &file,
                                            const QString &period, const QString &password,
                                            const QString &server) const
{
    return {u"--data-dir"_s, m_dir.filePath(dataDir),
            u"--server"_s,   server.isEmpty() ? m_server->baseUrl().toString() : server,
            u"--login"_s,    u"office:"_s + password,
            u"--report"_s,   file,
            u"--period"_s,   period};
}

void Tst_e2e_report::reportHoldsTheServersFigures()
{
    const QString file = m_dir.filePath(u"out/report-2024.pdf"_s);
    const AppRun run = runApp(reportArguments(u"app"_s, file, u"2024"_s, m_officePassword));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(file), qPrintable(run.out));
    const QString text = runTool(u"pdftotext"_s, {u"-layout"_s, file, u"-"_s});
    QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) read nothing");

    // The pages it says it wrote, A4, and the date of the data.
    const QString info = runTool(u"pdfinfo"_s, {file});
    const auto pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
    QVERIFY2(pages.hasMatch() && info.contains(u"(A4)"_s), qPrintable(info));
    QVERIFY2(run.out.contains(u"%1 页"_s.arg(pages.captured(1))), qPrintable(run.out));
    QVERIFY2(text.contains(u"共 %1 页"_s.arg(pages.captured(1))), qPrintable(text.left(3000)));
    QVERIFY2(text.contains(QDate::currentDate().toString(u"yyyy-MM-dd"_s)),
             qPrintable(text.left(600)));

    // The figures as the server gives them: every region, each indicator's value with its
    // numerator/denominator on the region's line.
    HttpClient client(m_server->baseUrl());
    QVERIFY(!client.login(u"office"_s, m_officePassword).isEmpty());
    const gx::test::HttpResult coverage = client.get(u"/api/v1/stats/coverage?period=2024"_s);
    QVERIFY2(coverage.status == 200, coverage.describe().constData());
    QJsonArray regions = coverage.json().value("regions"_L1).toArray();
    regions.prepend(coverage.json().value("city"_L1));
    QCOMPARE(regions.size(), 11);
    const QStringList lines = text.split(u'\n');
    int checked = 0;
    for (const QString &indicator :
         {QString(gx::indicator::kDigitalRenovationCoverage),
          QString(gx::indicator::kSurveyCompletion), QString(gx::indicator::kRobotsAdded)}) {
        for (const QJsonValue &region : std::as_const(regions)) {
            const QString name = region.toObject().value("name"_L1).toString();
            const QJsonObject figure =
                region.toObject().value("indicators"_L1).toObject().value(indicator).toObject();
            const QVariantMap shown =
                FigureFormatter::describe(indicator, figure, gx::Language::Zh);
            const QString expected = u"%1\\s+%2\\s+%3/%4(\\s|$)"_s.arg(
                QRegularExpression::escape(name),
                QRegularExpression::escape(shown.value(u"valueText"_s).toString()),
                FigureFormatter::number(figure.value("numerator"_L1).toDouble()),
                FigureFormatter::number(figure.value("denominator"_L1).toDouble()));
            const QRegularExpression pattern(u"^\\s*"_s + expected);
            bool found = false;
            for (const QString &line : lines)
                found = found || pattern.match(line).hasMatch();
            QVERIFY2(found,
                     qPrintable(u"%1 %2: no line like /%3/"_s.arg(name, indicator, expected)));
            ++checked;
        }
    }
    QCOMPARE(checked, 33);
}

void Tst_e2e_report::refusals_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<bool>("goodPassword");
    QTest::addColumn<bool>("serverUp");
    QTest::addColumn<QString>("file"); // under the test's directory
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad period") << u"1999"_s << true << true << u"r.pdf"_s << u"period"_s;
    QTest::newRow("bad login") << u"2024"_s << false << true << u"r.pdf"_s << u"用户名或密码错误"_s;
    QTest::newRow("server down") << u"2024"_s << true << false << u"r.pdf"_s << u"无法连接服务器"_s;
    QTest::newRow("unwritable file")
        << u"2024"_s << true << true << u"a-file/r.pdf"_s << u"无法写入报告"_s;
}

void Tst_e2e_report::refusals()
{
    QFETCH(QString, period);
    QFETCH(bool, goodPassword);
    QFETCH(bool, serverUp);
    QFETCH(QString, file);
    QFETCH(QString, reason);
    QFile blocker(m_dir.filePath(u"a-file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = m_dir.filePath(file);
    const QString server = serverUp ? QString() : u"http://127.0.0.1:%1"_s.arg(closedPort());
    const AppRun run = runApp(
        reportArguments(u"app-"_s + QString::fromLatin1(QTest::currentDataTag()), path, period,
                        goodPassword ? m_officePassword : u"wrong-password"_s, server));
    QVERIFY2(run.exitCode != 0, qPrintable(run.out));
    QVERIFY2(run.err.contains(u"报告未生成"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(Tst_e2e_report)
#include "tst_e2e_report.moc"
