// OfficialFiguresModel and ExportController against a real gengxin-server on loopback
// (tests/app/officecity.h): a figure typed as a percent is stored as a fraction and read back,
// refusals (local and the server's) land on the row with the field they concern, and an export
// is written where asked with the server's bytes.

#include "officecity.h"

#include "httpclient.h"

#include "app/coveragemodel.h"
#include "app/exportcontroller.h"
#include "app/officialfiguresmodel.h"
#include "app/session.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using gx::test::OfficeDesk;

class Tst_officialfiguresmodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rowsForCityAndRegions();
    void savedFigureReadBackAndCounted();
    void targetIsTheServers_data();
    void targetIsTheServers();
    void refusals_data();
    void refusals();
    void exportWritesTheServersFile_data();
    void exportWritesTheServersFile();

private:
    [[nodiscard]] std::unique_ptr<gx::OfficialFiguresModel> loadedModel(int period = 0);
    [[nodiscard]] int rowOf(const gx::OfficialFiguresModel &model, const QString &region,
                            const QString &indicator) const;

    std::unique_ptr<OfficeDesk> m_desk;
};

void Tst_officialfiguresmodel::init()
{
    m_desk = std::make_unique<OfficeDesk>();
    QVERIFY2(m_desk->ok(), qPrintable(m_desk->error()));
}

void Tst_officialfiguresmodel::cleanup()
{
    m_desk.reset();
}

std::unique_ptr<gx::OfficialFiguresModel> Tst_officialfiguresmodel::loadedModel(int period)
{
    auto model = std::make_unique<gx::OfficialFiguresModel>();
    model->setPeriod(period);
    model->setSession(&m_desk->session());
    if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 20000))
        qWarning("the official figures did not load");
    return model;
}

int Tst_officialfiguresmodel::rowOf(const gx::OfficialFiguresModel &model, const QString &region,
                                    const QString &indicator) const
{
    for (int i = 0; i < model.rowCount(); ++i) {
        const QModelIndex at = model.index(i);
        if (at.data(gx::OfficialFiguresModel::RegionRole).toString() == region &&
            at.data(gx::OfficialFiguresModel::IndicatorRole).toString() == indicator)
            return i;
    }
    return -1;
}

void Tst_officialfiguresmodel::rowsForCityAndRegions()
{
    const auto model = loadedModel();
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    // The city and the ten regions, three figures each; the city first.
    QCOMPARE(model->rowCount(), 11 * 3);
    QCOMPARE(model->index(0).data(gx::OfficialFiguresModel::RegionRole).toString(), u"331100"_s);
    const int row = rowOf(*model, u"331123"_s, u"digital_core_value_added_growth"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row).data(gx::OfficialFiguresModel::ValueTextRole).toString(), u"—"_s);
    QCOMPARE(model->index(row).data(gx::OfficialFiguresModel::TargetTextRole).toString(),
             u"≥ 12.0%"_s);
}

void Tst_officialfiguresmodel::savedFigureReadBackAndCounted()
{
    const auto model = loadedModel();
    const QString city = u"331100"_s;
    const QString indicator = u"digital_core_value_added_growth"_s;
    const int row = rowOf(*model, city, indicator);
    QSignalSpy saved(model.get(), &gx::OfficialFiguresModel::saved);
    QVERIFY(model->save(row, u"13%"_s, u"113"_s, u"100"_s));
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().at(1).toBool(), true);
    QCOMPARE(model->index(row).data(gx::OfficialFiguresModel::ValueTextRole).toString(),
             u"13.0%"_s);

    // A fresh model reads it back from the server, as the percent typed.
    const auto again = loadedModel();
    QCOMPARE(again->index(row).data(gx::OfficialFiguresModel::ValueInputRole).toString(), u"13"_s);
    QCOMPARE(again->index(row).data(gx::OfficialFiguresModel::CurrentInputRole).toString(),
             u"113"_s);

    // And the dashboard shows it beside its target (12 %): met.
    gx::CoverageModel coverage;
    QSignalSpy refreshed(&coverage, &gx::CoverageModel::refreshed);
    coverage.setSession(&m_desk->session());
    QVERIFY(refreshed.wait(20000));
    const QVariantMap figure = coverage.figure(city, indicator);
    QCOMPARE(figure.value(u"valueText"_s).toString(), u"13.0%"_s);
    QCOMPARE(figure.value(u"met"_s).toString(), u"met"_s);
    QCOMPARE(figure.value(u"kind"_s).toString(), u"official"_s);
}

void Tst_officialfiguresmodel::targetIsTheServers_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("body"); // a PUT /api/v1/targets body, or "" for none
    QTest::addColumn<QString>("targetText");
    const QString set =
        uR"({"regions":[{"region":"331123","targets":{"digital_core_value_added_growth":%1}}]})"_s;
    QTest::newRow("2024 as seeded") << 2024 << QString() << u"≥ 12.0%"_s;
    QTest::newRow("2024 changed") << 2024 << set.arg(u"0.135"_s) << u"≥ 13.5%"_s;
    QTest::newRow("2024 removed") << 2024 << set.arg(u"null"_s) << QString();
    QTest::newRow("2025 none") << 2025 << QString() << QString();
    QTest::newRow("2025 set") << 2025 << set.arg(u"0.2"_s) << u"≥ 20.0%"_s;
}

void Tst_officialfiguresmodel::targetIsTheServers()
{
    QFETCH(int, period);
    QFETCH(QString, body);
    QFETCH(QString, targetText);
    if (!body.isEmpty()) {
        gx::test::HttpClient client(m_desk->city().baseUrl());
        QVERIFY(
            !client.login(gx::test::OfficeCity::kUser, gx::test::OfficeCity::kPassword).isEmpty());
        const auto put = client.put(u"/api/v1/targets?period=%1"_s.arg(period), body.toUtf8(),
                                    {{QByteArray("Content-Type"), QByteArray("application/json")}});
        QVERIFY2(put.status == 200, put.describe().constData());
    }
    const auto model = loadedModel(period);
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    const int row = rowOf(*model, u"331123"_s, u"digital_core_value_added_growth"_s);
    QCOMPARE(model->index(row).data(gx::OfficialFiguresModel::TargetTextRole).toString(),
             targetText);
}

void Tst_officialfiguresmodel::refusals_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("base");
    QTest::addColumn<bool>("sent");
    QTest::addColumn<QString>("errorField");
    QTest::newRow("not a number") << 0 << u"abc"_s << QString() << false << u"value"_s;
    QTest::newRow("empty value") << 0 << QString() << QString() << false << u"value"_s;
    QTest::newRow("bad base") << 0 << u"12"_s << u"x1"_s << false << u"base"_s;
    QTest::newRow("server: period") << 2101 << u"12"_s << QString() << true << u"period"_s;
}

void Tst_officialfiguresmodel::refusals()
{
    QFETCH(int, period);
    QFETCH(QString, value);
    QFETCH(QString, base);
    QFETCH(bool, sent);
    QFETCH(QString, errorField);
    const auto model = loadedModel(period);
    QSignalSpy saved(model.get(), &gx::OfficialFiguresModel::saved);
    QCOMPARE(model->save(0, value, QString(), base), sent);
    if (sent) {
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().at(1).toBool(), false);
    }
    const QModelIndex row = model->index(0);
    QCOMPARE(row.data(gx::OfficialFiguresModel::ErrorFieldRole).toString(), errorField);
    QVERIFY(!row.data(gx::OfficialFiguresModel::ErrorRole).toString().isEmpty());
    QCOMPARE(row.data(gx::OfficialFiguresModel::ValueTextRole).toString(), u"—"_s);
}

void Tst_officialfiguresmodel::exportWritesTheServersFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("start");
    // CSV: a byte-order mark, then the header; XLSX: a zip archive.
    QTest::newRow("csv") << u"csv"_s << QByteArray("\xEF\xBB\xBF") + QByteArray("地区,地区代码");
    QTest::newRow("xlsx") << u"xlsx"_s << QByteArray("PK");
}

void Tst_officialfiguresmodel::exportWritesTheServersFile()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, start);
    gx::ExportController exporter;
    exporter.setSession(&m_desk->session());
    QSignalSpy finished(&exporter, &gx::ExportController::finished);
    const QString path = m_desk->filePath(u"out/report."_s + format);
    exporter.exportTo(format, QUrl::fromLocalFile(path));
    QVERIFY(exporter.isBusy());
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().first().toBool(), qPrintable(exporter.error()));
    QCOMPARE(exporter.savedPath(), path);
    QVERIFY(exporter.message().contains(QDir::toNativeSeparators(path)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll().startsWith(start), "the server's file");
}

QTEST_MAIN(Tst_officialfiguresmodel)
#include "tst_officialfiguresmodel.moc"
