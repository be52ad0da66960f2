// CoverageModel against a real gengxin-server on loopback with the office's test city
// (tests/app/officecity.h): the figures of a region equal the ones worked out by hand there,
// the last answer is cached and shown offline, and a server that is down gives a readable error.

#include "officecity.h"

#include "app/coveragemodel.h"
#include "app/session.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using gx::test::OfficeCity;
using gx::test::OfficeDesk;

class Tst_coveragemodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void figuresOfTheFixture_data();
    void figuresOfTheFixture();
    void chartComparesCountiesWithTargets();
    void followsTheSessionsPeriod();
    void periodsFromTheServer_data();
    void periodsFromTheServer();
    void cacheServesOffline();
    void errorWhenServerIsDown();

private:
    [[nodiscard]] std::unique_ptr<gx::CoverageModel> refreshedModel();

    std::unique_ptr<OfficeDesk> m_desk;
};

void Tst_coveragemodel::init()
{
    m_desk = std::make_unique<OfficeDesk>();
    QVERIFY2(m_desk->ok(), qPrintable(m_desk->error()));
    QVERIFY(!m_desk->session().token().isEmpty());
}

void Tst_coveragemodel::cleanup()
{
    m_desk.reset();
}

std::unique_ptr<gx::CoverageModel> Tst_coveragemodel::refreshedModel()
{
    auto model = std::make_unique<gx::CoverageModel>();
    QSignalSpy refreshed(model.get(), &gx::CoverageModel::refreshed);
    model->setSession(&m_desk->session()); // loads the cache, then asks the server
    if (!refreshed.wait(20000))
        qWarning("no answer from the server");
    return model;
}

void Tst_coveragemodel::figuresOfTheFixture_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QVariant>("value"); // null: no value
    QTest::addColumn<double>("numerator");
    QTest::addColumn<double>("denominator");
    QTest::addColumn<QString>("valueText");
    QTest::addColumn<QString>("met");
    QTest::addColumn<double>("gap");

    const QString county = OfficeCity::kRegion;
    const QString city = u"331100"_s;
    // A covered (level 2), C not (level 0), B a draft, D unsurveyed: 1 of 4; target 95 %.
    QTest::newRow("county coverage") << county << u"digital_renovation_coverage"_s << QVariant(0.25)
                                     << 1.0 << 4.0 << u"25.0%"_s << u"missed"_s << 0.70;
    // The city holds only this county's data; its target is 90 %.
    QTest::newRow("city coverage") << city << u"digital_renovation_coverage"_s << QVariant(0.25)
                                   << 1.0 << 4.0 << u"25.0%"_s << u"missed"_s << 0.65;
    // Only A has design tools; the policy sets no county target for 2024.
    QTest::newRow("design tools") << county << u"design_tool_penetration"_s << QVariant(0.25) << 1.0
                                  << 4.0 << u"25.0%"_s << u"none"_s << 0.0;
    // A and C submitted of 4 registry enterprises.
    QTest::newRow("completion") << county << u"survey_completion"_s << QVariant(0.5) << 2.0 << 4.0
                                << u"50.0%"_s << u"none"_s << 0.0;
    // (120 + 50) / (100 + 50) - 1 = 13.3 %, target 15 %.
    QTest::newRow("tech invest") << county << u"tech_invest_growth"_s << QVariant(170.0 / 150 - 1)
                                 << 170.0 << 150.0 << u"13.3%"_s << u"missed"_s
                                 << 0.15 - (170.0 / 150 - 1);
    // Another county: nobody in its registry, so no value (and so no verdict).
    QTest::newRow("empty county") << u"331102"_s << u"digital_renovation_coverage"_s << QVariant()
                                  << 0.0 << 0.0 << u"—"_s << u"none"_s << 0.0;
    // An official figure nobody entered.
    QTest::newRow("official") << city << u"equipment_mfg_value_added_growth"_s << QVariant() << 0.0
                              << 0.0 << u"—"_s << u"none"_s << 0.0;
}

void Tst_coveragemodel::figuresOfTheFixture()
{
    QFETCH(QString, region);
    QFETCH(QString, indicator);
    QFETCH(QVariant, value);
    QFETCH(double, numerator);
    QFETCH(double, denominator);
    QFETCH(QString, valueText);
    QFETCH(QString, met);
    QFETCH(double, gap);

    const auto model = refreshedModel();
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    QVERIFY(!model->isFromCache());
    QCOMPARE(model->rowCount(), 10); // the nine counties and the development zone
    const QVariantMap figure = model->figure(region, indicator);
    QVERIFY2(!figure.isEmpty(), "the figure is in the model");
    QCOMPARE(figure.value(u"hasValue"_s).toBool(), value.isValid());
    if (value.isValid())
        QVERIFY(std::abs(figure.value(u"value"_s).toDouble() - value.toDouble()) < 1e-9);
    else
        QVERIFY(!figure.value(u"nullReason"_s).toString().isEmpty());
    QCOMPARE(figure.value(u"numerator"_s).toDouble(), numerator);
    QCOMPARE(figure.value(u"denominator"_s).toDouble(), denominator);
    QCOMPARE(figure.value(u"valueText"_s).toString(), valueText);
    QCOMPARE(figure.value(u"met"_s).toString(), met);
    QVERIFY2(std::abs(figure.value(u"gap"_s).toDouble() - gap) < 1e-9,
             qPrintable(figure.value(u"gap"_s).toString()));
    QVERIFY(!figure.value(u"label"_s).toString().isEmpty());
    QVERIFY(!figure.value(u"fractionText"_s).toString().isEmpty());
}

void Tst_coveragemodel::chartComparesCountiesWithTargets()
{
    const auto model = refreshedModel();
    const QVariantMap chart = model->chart(u"digital_renovation_coverage"_s);
    const QStringList codes = m_desk->session().regions().regionCodes();
    const int at = int(codes.indexOf(OfficeCity::kRegion));
    QVERIFY(at >= 0);
    QCOMPARE(chart.value(u"categories"_s).toList().size(), codes.size());
    QCOMPARE(chart.value(u"values"_s).toList().at(at).toDouble(), 25.0);
    QCOMPARE(chart.value(u"targets"_s).toList().at(at).toDouble(), 95.0);
    QVERIFY(chart.value(u"hasTarget"_s).toBool());
    QCOMPARE(chart.value(u"unit"_s).toString(), u"%"_s);
    QVERIFY(chart.value(u"max"_s).toDouble() >= 95.0);
}

void Tst_coveragemodel::followsTheSessionsPeriod()
{
    const auto model = refreshedModel();
    QCOMPARE(model->period(), 2024);
    QSignalSpy refreshed(model.get(), &gx::CoverageModel::refreshed);
    m_desk->session().setPeriod(2025); // no surveys of 2025: nobody covered of the same registry
    QCOMPARE(model->period(), 2025);
    QVERIFY(refreshed.wait(20000));
    const QVariantMap figure = model->figure(OfficeCity::kRegion, u"digital_renovation_coverage"_s);
    QCOMPARE(figure.value(u"valueText"_s).toString(), u"0.0%"_s);
    QCOMPARE(figure.value(u"denominator"_s).toDouble(), 4.0);
}

void Tst_coveragemodel::periodsFromTheServer_data()
{
    QTest::addColumn<int>("sessionPeriod");
    QTest::addColumn<QVariantList>("expected");
    // The city's surveys are of 2024; the targets table starts with 2024 (the annex) and 2027
    // (the policy's citywide targets). A year without either is added while it is shown.
    QTest::newRow("2024") << 2024 << QVariantList{2024, 2027};
    QTest::newRow("2027") << 2027 << QVariantList{2024, 2027};
    QTest::newRow("2026, no data") << 2026 << QVariantList{2024, 2026, 2027};
    QTest::newRow("2031, no data") << 2031 << QVariantList{2024, 2027, 2031};
}

void Tst_coveragemodel::periodsFromTheServer()
{
    QFETCH(int, sessionPeriod);
    QFETCH(QVariantList, expected);
    m_desk->session().setPeriod(sessionPeriod);
    {
        const auto model = refreshedModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->periods(), expected, 20000);
    }
    // Offline, a new dashboard offers the periods it saw last.
    m_desk->city().stopServer();
    gx::CoverageModel offline;
    offline.setSession(&m_desk->session());
    QCOMPARE(offline.periods(), expected);
}

void Tst_coveragemodel::cacheServesOffline()
{
    {
        const auto first = refreshedModel();
        QVERIFY(first->hasData());
    }
    m_desk->city().stopServer();

    // A new dashboard, the server gone: the last figures at once, marked as cached.
    gx::CoverageModel model;
    QSignalSpy refreshed(&model, &gx::CoverageModel::refreshed);
    model.setSession(&m_desk->session());
    QVERIFY(model.hasData());
    QVERIFY(model.isFromCache());
    QVERIFY(model.lastUpdated().isValid());
    QCOMPARE(model.figure(OfficeCity::kRegion, u"digital_renovation_coverage"_s)
                 .value(u"valueText"_s)
                 .toString(),
             u"25.0%"_s);
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.first().first().toBool(), false);
    QVERIFY(!model.error().isEmpty());
    QVERIFY2(model.error().contains(model.lastUpdatedText()), qPrintable(model.error()));
    QVERIFY(model.hasData()); // still shown
    QVERIFY(model.isFromCache());
}

void Tst_coveragemodel::errorWhenServerIsDown()
{
    m_desk->city().stopServer();
    const auto model = refreshedModel();
    QVERIFY(!model->hasData());
    QVERIFY(!model->isLoading());
    const QString expected =
        QCoreApplication::translate("gx::OfficeClient",
                                    "The server cannot be reached (%1). Check the network and "
                                    "try again.")
            .section(u"%1"_s, 0, 0);
    QVERIFY2(model->error().startsWith(expected), qPrintable(model->error()));
}

QTEST_MAIN(Tst_coveragemodel)
#include "tst_coveragemodel.moc"
