// TargetsModel against a real gengxin-server on loopback (tests/app/officecity.h): a period's
// targets load beside the annex's (the server's 2024 targets), edits typed in display units are
// saved in one PUT and the server then holds them, and a bad value (refused by the local check
// or by the server's 422 with its field) is pinned to its row, named in Chinese by county and
// indicator, and leaves the server and the other edits of the same save untouched.

#include "officecity.h"

#include "app/coveragemodel.h"
#include "app/session.h"
#include "app/targetsmodel.h"
#include "core/indicators.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using gx::TargetsModel;
using gx::test::OfficeDesk;

namespace {
const QString kCity = u"331100"_s;
const QString kLiandu = u"331102"_s;
const QString kSuichang = u"331123"_s;
} // namespace

class Tst_targetsmodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadsThePeriodBesideTheAnnex_data();
    void loadsThePeriodBesideTheAnnex();
    void editsAreSavedInOnePut_data();
    void editsAreSavedInOnePut();
    void badValueRefusedAndNothingSaved_data();
    void badValueRefusedAndNothingSaved();
    void nothingToSave();
    void savedPeriodIsOffered();

private:
    [[nodiscard]] std::unique_ptr<TargetsModel> loadedModel(int period);
    [[nodiscard]] static QVariant at(const TargetsModel &model, const QString &region,
                                     const QString &indicator, int role);

    std::unique_ptr<OfficeDesk> m_desk;
};

void Tst_targetsmodel::init()
{
    m_desk = std::make_unique<OfficeDesk>();
    QVERIFY2(m_desk->ok(), qPrintable(m_desk->error()));
}

void Tst_targetsmodel::cleanup()
{
    m_desk.reset();
}

std::unique_ptr<TargetsModel> Tst_targetsmodel::loadedModel(int period)
{
    auto model = std::make_unique<TargetsModel>();
    model->setPeriod(period);
    model->setSession(&m_desk->session());
    if (!QTest::qWaitFor([&] { return !model->isLoading(); }, 20000))
        qWarning("the targets did not load");
    return model;
}

QVariant Tst_targetsmodel::at(const TargetsModel &model, const QString &region,
                              const QString &indicator, int role)
{
    return model.index(model.rowOf(region, indicator)).data(role);
}

void Tst_targetsmodel::loadsThePeriodBesideTheAnnex_data()
{
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QString>("valueText");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("referenceText");
    // The annex (2024): 莲都区 15 % technical investment growth, 遂昌县 95 % coverage.
    QTest::newRow("2024 county rate")
        << 2024 << kLiandu << u"tech_invest_growth"_s << u"15.0%"_s << u"15"_s << u"≥ 15.0%"_s;
    QTest::newRow("2024 county coverage") << 2024 << kSuichang << u"digital_renovation_coverage"_s
                                          << u"95.0%"_s << u"95"_s << u"≥ 95.0%"_s;
    QTest::newRow("2024 city count")
        << 2024 << kCity << u"robots_added"_s << u"400"_s << u"400"_s << u"≥ 400"_s;
    // 2027: the policy's citywide targets; the annex's 2024 one beside.
    QTest::newRow("2027 city coverage") << 2027 << kCity << u"digital_renovation_coverage"_s
                                        << u"100.0%"_s << u"100"_s << u"≥ 90.0%"_s;
    QTest::newRow("2027 city cnc, above")
        << 2027 << kCity << u"key_process_cnc_rate"_s << u"75.0%"_s << u"75"_s << QString();
    // 2025: nothing set yet, the annex beside.
    QTest::newRow("2025 empty") << 2025 << kLiandu << u"tech_invest_growth"_s << u"—"_s << QString()
                                << u"≥ 15.0%"_s;
    QTest::newRow("2025 no reference")
        << 2025 << kLiandu << u"robots_added"_s << u"—"_s << QString() << QString();
}

void Tst_targetsmodel::loadsThePeriodBesideTheAnnex()
{
    QFETCH(int, period);
    QFETCH(QString, region);
    QFETCH(QString, indicator);
    QFETCH(QString, valueText);
    QFETCH(QString, input);
    QFETCH(QString, referenceText);
    const auto model = loadedModel(period);
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    // The city and the ten regions, every indicator under each; the city first.
    QCOMPARE(model->rowCount(), 11 * int(gx::indicatorNames().size()));
    QCOMPARE(model->index(0).data(TargetsModel::RegionRole).toString(), kCity);
    QVERIFY(model->rowOf(region, indicator) >= 0);
    QCOMPARE(at(*model, region, indicator, TargetsModel::ValueTextRole).toString(), valueText);
    QCOMPARE(at(*model, region, indicator, TargetsModel::InputRole).toString(), input);
    QCOMPARE(at(*model, region, indicator, TargetsModel::ReferenceTextRole).toString(),
             referenceText);
    QCOMPARE(at(*model, region, indicator, TargetsModel::EditedRole).toBool(), false);
    QCOMPARE(model->changeCount(), 0);
    QCOMPARE(model->index(model->rowOf(kLiandu, indicator))
                 .data(TargetsModel::RegionNameRole)
                 .toString(),
             u"莲都区"_s);
}

void Tst_targetsmodel::editsAreSavedInOnePut_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QVariant>("stored"); // what the server then holds; null: no target
    QTest::addColumn<QString>("valueText");
    QTest::newRow("rate as percent") << kLiandu << u"digital_renovation_coverage"_s << u"92.5"_s
                                     << QVariant(0.925) << u"92.5%"_s;
    QTest::newRow("rate with % sign")
        << kSuichang << u"tech_invest_growth"_s << u"12%"_s << QVariant(0.12) << u"12.0%"_s;
    QTest::newRow("count with thousands")
        << kCity << u"robots_added"_s << u"1,200"_s << QVariant(1200.0) << u"1200"_s;
    QTest::newRow("emptied box removes")
        << kCity << u"new_smart_factories"_s << QString() << QVariant() << u"—"_s;
}

void Tst_targetsmodel::editsAreSavedInOnePut()
{
    QFETCH(QString, region);
    QFETCH(QString, indicator);
    QFETCH(QString, typed);
    QFETCH(QVariant, stored);
    QFETCH(QString, valueText);
    constexpr int kPeriod = 2024; // the annex's period: the reference follows what is saved
    const auto model = loadedModel(kPeriod);
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    const int row = model->rowOf(region, indicator);
    // A second edit in the same save: 莲都区's robots (no target before).
    const int other = model->rowOf(kLiandu, u"robots_added"_s);
    model->setInput(row, typed);
    model->setInput(other, u"30"_s);
    QCOMPARE(model->index(row).data(TargetsModel::InputRole).toString(), typed);
    QVERIFY(model->index(row).data(TargetsModel::EditedRole).toBool());
    QCOMPARE(model->changeCount(), 2);

    QSignalSpy saved(model.get(), &TargetsModel::saved);
    QVERIFY(model->save());
    QVERIFY(model->isSaving());
    QVERIFY2(model->message().isEmpty(), "saved is said only after the server's answer");
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().first().toBool(), true);
    QVERIFY2(model->error().isEmpty(), qPrintable(model->error()));
    QVERIFY(!model->message().isEmpty());
    QCOMPARE(model->changeCount(), 0);
    QCOMPARE(model->index(row).data(TargetsModel::ValueTextRole).toString(), valueText);
    QCOMPARE(model->index(other).data(TargetsModel::ValueTextRole).toString(), u"30"_s);

    // The server holds them.
    const auto server = m_desk->city().targetsOnServer(kPeriod);
    const QJsonValue value = server.value(region).value(indicator);
    if (stored.isValid())
        QVERIFY2(std::abs(value.toDouble(-1) - stored.toDouble()) < 1e-9,
                 qPrintable(QString::number(value.toDouble(-1))));
    else
        QVERIFY(value.isUndefined());
    QCOMPARE(server.value(kLiandu).value(u"robots_added"_s).toDouble(), 30.0);
    // The rest of the annex is kept.
    QCOMPARE(server.value(kLiandu).value(u"tech_invest_growth"_s).toDouble(), 0.15);

    // A fresh model reads them back.
    const auto again = loadedModel(kPeriod);
    QCOMPARE(again->index(row).data(TargetsModel::ValueTextRole).toString(), valueText);
}

void Tst_targetsmodel::badValueRefusedAndNothingSaved_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("sent"); // false: refused by the local check, before any call
    QTest::newRow("not a number") << u"digital_renovation_coverage"_s << u"abc"_s << false;
    QTest::newRow("two decimal points") << u"tech_invest_growth"_s << u"1.2.3"_s << false;
    QTest::newRow("count not a number") << u"robots_added"_s << u"many"_s << false;
    // The server's rules: a rate from 0 to 1000 %, a count whole (422 invalid_targets, field).
    QTest::newRow("rate above 1000%") << u"digital_renovation_coverage"_s << u"1200"_s << true;
    QTest::newRow("negative rate") << u"design_tool_penetration"_s << u"-5"_s << true;
    QTest::newRow("count not whole") << u"robots_added"_s << u"2.5"_s << true;
}

void Tst_targetsmodel::badValueRefusedAndNothingSaved()
{
    QFETCH(QString, indicator);
    QFETCH(QString, typed);
    QFETCH(bool, sent);
    constexpr int kPeriod = 2025;
    const auto model = loadedModel(kPeriod);
    // A good edit of another region first, so the bad one is regions[1] of the body.
    const int good = model->rowOf(kLiandu, u"tech_invest_growth"_s);
    const int bad = model->rowOf(kSuichang, indicator);
    model->setInput(good, u"14"_s);
    model->setInput(bad, typed);

    QSignalSpy saved(model.get(), &TargetsModel::saved);
    QCOMPARE(model->save(), sent);
    if (sent) {
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().first().toBool(), false);
    }
    QCOMPARE(model->errorRow(), bad);
    QVERIFY(!model->index(bad).data(TargetsModel::ErrorRole).toString().isEmpty());
    QCOMPARE(model->index(good).data(TargetsModel::ErrorRole).toString(), QString());
    // The message names the county and the indicator, in Chinese.
    const QString label = model->index(bad).data(TargetsModel::LabelRole).toString();
    QVERIFY2(model->error().contains(u"遂昌县"_s) && model->error().contains(label),
             qPrintable(model->error()));
    QVERIFY(model->message().isEmpty());
    // Nothing saved, not even the good edit; both edits are still there to fix.
    const auto server = m_desk->city().targetsOnServer(kPeriod);
    QVERIFY(!server.isEmpty());
    QVERIFY(server.value(kLiandu).isEmpty());
    QVERIFY(server.value(kSuichang).isEmpty());
    QCOMPARE(model->index(good).data(TargetsModel::ValueTextRole).toString(), u"—"_s);
    QCOMPARE(model->index(bad).data(TargetsModel::InputRole).toString(), typed);
    QCOMPARE(model->changeCount(), 2);

    // Fixing the box clears its refusal.
    model->setInput(bad, u"5"_s);
    QCOMPARE(model->errorRow(), -1);
    QCOMPARE(model->index(bad).data(TargetsModel::ErrorRole).toString(), QString());
}

void Tst_targetsmodel::nothingToSave()
{
    const auto model = loadedModel(2024);
    const int row = model->rowOf(kLiandu, u"tech_invest_growth"_s);
    model->setInput(row, u"15.0"_s); // the same 15 % as the server's
    QCOMPARE(model->changeCount(), 0);
    QVERIFY(!model->save());
    QVERIFY(!model->isSaving());
    QVERIFY(!model->message().isEmpty());
    QVERIFY(model->error().isEmpty());
}

void Tst_targetsmodel::savedPeriodIsOffered()
{
    // Targets for a year nobody has data for: once saved, the dashboard offers that year.
    const auto model = loadedModel(2030);
    QSignalSpy saved(model.get(), &TargetsModel::saved);
    model->setInput(model->rowOf(kCity, u"digital_renovation_coverage"_s), u"100"_s);
    QVERIFY(model->save());
    QVERIFY(saved.wait(20000));
    QCOMPARE(saved.first().first().toBool(), true);

    gx::CoverageModel coverage;
    coverage.setSession(&m_desk->session());
    QTRY_COMPARE_WITH_TIMEOUT(coverage.periods(), (QVariantList{2024, 2027, 2030}), 20000);
}

QTEST_MAIN(Tst_targetsmodel)
#include "tst_targetsmodel.moc"
