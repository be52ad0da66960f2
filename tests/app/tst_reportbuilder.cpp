// ReportBuilder from a fixed ReportData (no server): the PDF is A4, holds every page it says,
// embeds Noto Sans CJK SC, and its text (pdftotext -layout, poppler-utils) names the city and
// every county in Chinese, each figure with its numerator/denominator, target and gap; a file
// that cannot be written is refused whole, with the reason.

#include "app/pdftextfix.h"
#include "app/reportbuilder.h"
#include "app/uitranslator.h"
#include "core/indicators.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::ReportData;
using gx::ReportFigure;
using gx::ReportRegion;

namespace {

/** Runs a poppler tool; its stdout, or a failure message in *error. */
QString runTool(const QString &tool, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = tool + u" failed (install poppler-utils): "_s + process.errorString() + u' ' +
                 QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

ReportFigure rate(double numerator, double denominator, std::optional<double> target)
{
    ReportFigure f;
    f.numerator = numerator;
    f.denominator = denominator;
    if (denominator > 0)
        f.value = numerator / denominator;
    f.target = target;
    if (target) {
        f.targetOp = u">="_s;
        if (f.value)
            f.met = *f.value >= *target;
    }
    return f;
}

const QList<std::pair<QString, QString>> &counties()
{
    static const QList<std::pair<QString, QString>> list{
        {u"331102"_s, u"莲都区"_s}, {u"331121"_s, u"青田县"_s},
        {u"331122"_s, u"缙云县"_s}, {u"331123"_s, u"遂昌县"_s},
        {u"331124"_s, u"松阳县"_s}, {u"331125"_s, u"云和县"_s},
        {u"331126"_s, u"庆元县"_s}, {u"331127"_s, u"景宁畲族自治县"_s},
        {u"331181"_s, u"龙泉市"_s}, {u"331100-EDZ"_s, u"丽水经济技术开发区"_s},
    };
    return list;
}

/** The fixed city: county i has 20 + i above-size enterprises, 10 + i of them covered. */
ReportData fixedData()
{
    using namespace gx::indicator;
    ReportData data;
    data.period = 2024;
    data.dataDate = QDateTime(QDate(2024, 11, 30), QTime(9, 30), Qt::LocalTime);
    data.source = u"http://127.0.0.1:8470"_s;
    const auto fill = [](ReportRegion &region, int registry, int covered, int robots) {
        region.registry = registry;
        region.surveyed = covered + 2;
        region.figures.insert(kDigitalRenovationCoverage, rate(covered, registry, 0.9));
        region.figures.insert(kSurveyCompletion, rate(covered + 2, registry, std::nullopt));
        ReportFigure added = rate(robots, covered, 30);
        added.value = robots;
        added.met = robots >= 30;
        region.figures.insert(kRobotsAdded, added);
        ReportFigure growth = rate(850, 1000, 0.05); // -15 %
        growth.value = -0.15;
        growth.met = false;
        region.figures.insert(kTechInvestGrowth, growth);
        region.figures.insert(kEquipmentMfgValueAddedGrowth, rate(0, 0, 0.1)); // not entered
    };
    data.city.code = u"331100"_s;
    data.city.name = u"丽水市"_s;
    int registry = 0;
    int covered = 0;
    for (int i = 0; i < counties().size(); ++i) {
        ReportRegion region;
        region.code = counties().at(i).first;
        region.name = counties().at(i).second;
        fill(region, 20 + i, 10 + i, 25 + i);
        registry += 20 + i;
        covered += 10 + i;
        data.regions.append(region);
    }
    fill(data.city, registry, covered, 400);
    return data;
}

} // namespace

class Tst_reportbuilder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void textOfTheReport_data();
    void textOfTheReport();
    void a4PagesAndEmbeddedFont();
    void radicalsReadAsIdeographs_data();
    void radicalsReadAsIdeographs();
    void refusesWhatItCannotWrite_data();
    void refusesWhatItCannotWrite();

private:
    QTemporaryDir m_dir;
    QString m_pdf;
    QString m_text; ///< pdftotext -layout of the fixed report
    int m_pages = 0;
    gx::UiTranslator m_translator;
};

void Tst_reportbuilder::initTestCase()
{
    QVERIFY(m_translator.apply(u"zh_CN"_s));
    // GX_REPORT_KEEP=DIR keeps the report there, to look at its pages.
    const QString keep = qEnvironmentVariable("GX_REPORT_KEEP");
    m_pdf = keep.isEmpty() ? m_dir.filePath(u"report.pdf"_s) : keep + u"/report.pdf"_s;
    const auto written = gx::ReportBuilder(fixedData()).write(m_pdf);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    m_pages = written.value().pages;
    QVERIFY(written.value().bytes > 0);
    QString error;
    m_text = runTool(u"pdftotext"_s, {u"-layout"_s, m_pdf, u"-"_s}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void Tst_reportbuilder::textOfTheReport_data()
{
    QTest::addColumn<QString>("line");      // a line of the text holds the first...
    QTest::addColumn<QStringList>("holds"); // ...and each of these, in order
    QTest::newRow("title") << u"丽水市"_s << QStringList{u"2024"_s};
    QTest::newRow("date of the data") << u"2024-11-30 09:30"_s << QStringList{u"127.0.0.1:8470"_s};
    QTest::newRow("pages") << u"第 1 页"_s << QStringList{u"共 %1 页"_s};
    // The coverage table of the indicator: value, numerator/denominator, target, gap.
    QTest::newRow("莲都区") << u"莲都区"_s
                            << QStringList{u"50.0%"_s, u"10/20"_s, u"≥ 90.0%"_s,
                                           u"差 40.0 个百分点"_s};
    QTest::newRow("景宁畲族自治县") << u"景宁畲族自治县"_s << QStringList{u"63.0%"_s, u"17/27"_s};
    QTest::newRow("丽水经济技术开发区")
        << u"丽水经济技术开发区"_s << QStringList{u"65.5%"_s, u"19/29"_s, u"≥ 90.0%"_s};
    QTest::newRow("city") << u"丽水市"_s << QStringList{u"59.2%"_s, u"145/245"_s, u"≥ 90.0%"_s};
    // A count with its target met, a negative growth with its amounts, a figure not entered.
    QTest::newRow("robots met") << u"龙泉市"_s << QStringList{u"33"_s, u"33/18"_s, u"已达标"_s};
    QTest::newRow("growth") << u"青田县"_s << QStringList{u"-15.0%"_s, u"850/1000"_s};
    QTest::newRow("not entered") << u"缙云县"_s << QStringList{u"—"_s, u"0/0"_s, u"≥ 10.0%"_s};
}

void Tst_reportbuilder::textOfTheReport()
{
    QFETCH(QString, line);
    QFETCH(QStringList, holds);
    for (QString &h : holds) {
        if (h.contains(u"%1"_s))
            h = h.arg(m_pages);
    }
    const QStringList lines = m_text.split(u'\n');
    bool found = false;
    for (const QString &candidate : lines) {
        if (!candidate.contains(line))
            continue;
        qsizetype at = candidate.indexOf(line) + line.size();
        bool all = true;
        for (const QString &h : std::as_const(holds)) {
            const qsizetype next = candidate.indexOf(h, at);
            all = all && next >= 0;
            at = next + h.size();
        }
        found = found || all;
    }
    QVERIFY2(found, qPrintable(u"no line with %1 then %2 in:\n%3"_s.arg(line, holds.join(u", "_s),
                                                                        m_text.left(6000))));
}

void Tst_reportbuilder::a4PagesAndEmbeddedFont()
{
    QString error;
    const QString info = runTool(u"pdfinfo"_s, {m_pdf}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    QCOMPARE(pages.captured(1).toInt(), m_pages);
    // The title page, the city's table, then the five indicators two or so to a page.
    QVERIFY2(m_pages >= 3 && m_pages <= 5, qPrintable(QString::number(m_pages)));
    QVERIFY2(info.contains(u"(A4)"_s), qPrintable(info));
    QCOMPARE(m_text.count(u'\f'), m_pages);

    const QString fonts = runTool(u"pdffonts"_s, {m_pdf}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    bool embedded = false;
    for (const QString &line : fonts.split(u'\n')) {
        if (line.startsWith(u"NotoSansCJKsc"_s)) {
            const QStringList columns = line.simplified().split(u' ');
            // name type... encoding emb sub uni object ID: "yes" after the encoding.
            embedded = columns.size() >= 6 && columns.at(columns.size() - 5) == u"yes"_s;
            QVERIFY2(embedded, qPrintable(fonts));
        }
    }
    QVERIFY2(embedded, qPrintable(fonts));
}

void Tst_reportbuilder::radicalsReadAsIdeographs_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("丽水市") << u"丽水市"_s;
    QTest::newRow("自治县") << u"景宁畲族自治县"_s;
    QTest::newRow("页") << u"页"_s;
}

void Tst_reportbuilder::radicalsReadAsIdeographs()
{
    QFETCH(QString, text);
    QVERIFY2(m_text.contains(text), qPrintable(m_text.left(2000)));
    // ...and never as the radicals Qt's engine would name their glyphs by.
    static const QRegularExpression radicals(u"[\\x{2E80}-\\x{2FDF}]"_s);
    QVERIFY2(!m_text.contains(radicals), qPrintable(m_text.left(2000)));
    gx::PdfTextFix fix(QFont(QString::fromLatin1(gx::ReportBuilder::kFontFamily)));
    QCOMPARE(fix.preferred(char16_t(0x2F54)), char16_t(u'水'));
    QCOMPARE(fix.preferred(char16_t(u'水')), char16_t(u'水'));
}

void Tst_reportbuilder::refusesWhatItCannotWrite_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("code");
    QTest::newRow("a folder") << m_dir.path() << int(gx::ReportError::Code::CannotWrite);
    QTest::newRow("under a file") << m_dir.filePath(u"report.pdf/x.pdf"_s)
                                  << int(gx::ReportError::Code::CannotWrite);
}

void Tst_reportbuilder::refusesWhatItCannotWrite()
{
    QFETCH(QString, path);
    QFETCH(int, code);
    const auto written = gx::ReportBuilder(fixedData()).write(path);
    QVERIFY(!written);
    QCOMPARE(int(written.error().code), code);
    QVERIFY2(written.error().message.contains(u"无法写入"_s), qPrintable(written.error().message));
    QVERIFY(QFileInfo(m_pdf).isFile()); // the earlier report is untouched

    ReportData empty;
    empty.period = 2024;
    const auto none = gx::ReportBuilder(empty).write(m_dir.filePath(u"empty.pdf"_s));
    QVERIFY(!none);
    QCOMPARE(none.error().code, gx::ReportError::Code::NoFigures);
    QVERIFY(!QFile::exists(m_dir.filePath(u"empty.pdf"_s)));
}

QTEST_MAIN(Tst_reportbuilder)
#include "tst_reportbuilder.moc"
