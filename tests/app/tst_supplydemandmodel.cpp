// SupplyDemandModel and SupplyDemandDetailModel reading the answers of
// GET /api/v1/stats/supply-demand: a good answer fills the table, the figure and the chart; every
// malformed answer (a member missing, of the wrong type, out of range, for another question) is
// refused whole with the member named, and what was shown stays as it was. The filters (county,
// planned year, gaps only) and the figure of one planned year by the server's rule.

#include "app/supplydemanddetailmodel.h"
#include "app/supplydemandmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::SupplyDemandDetailModel;
using gx::SupplyDemandModel;

namespace {

constexpr int kPeriod = gx::Session::kDefaultPeriod;

QJsonObject sums(int enterprises, int units, double investment, int rows)
{
    return {{u"enterprises"_s, enterprises},
            {u"units"_s, units},
            {u"investment_10k"_s, investment},
            {u"rows"_s, rows}};
}

QJsonObject coverage(const QString &region, int withDemand, int supplied, const QJsonObject &d)
{
    return {{u"region"_s, region},
            {u"categories_with_demand"_s, withDemand},
            {u"categories_supplied"_s, supplied},
            {u"gaps"_s, withDemand - supplied},
            {u"demand"_s, d},
            {u"indicators"_s, QJsonObject{{u"local_supply_coverage"_s,
                                           QJsonObject{{u"numerator"_s, supplied},
                                                       {u"denominator"_s, withDemand}}}}}};
}

/**
 * 331102: machine_tool (2025: 2 enterprises 5 units 100; 2026: 1 enterprise 1 unit 20), served
 * by a product; motor (2025: 1 enterprise, 3 units, 30) with no local supply (a gap); pump with
 * a provider and no demand. 331122: boiler (2026: 1 enterprise, 2 units, 50), a gap.
 */
QJsonObject goodAnswer()
{
    const QJsonArray rows{QJsonObject{{u"region"_s, u"331102"_s},
                                      {u"category"_s, u"machine_tool"_s},
                                      {u"demand"_s, sums(2, 6, 120, 3)},
                                      {u"by_year"_s, QJsonObject{{u"2025"_s, sums(2, 5, 100, 2)},
                                                                 {u"2026"_s, sums(1, 1, 20, 1)}}},
                                      {u"products"_s, 1},
                                      {u"providers"_s, 0},
                                      {u"gap"_s, false}},
                          QJsonObject{{u"region"_s, u"331102"_s},
                                      {u"category"_s, u"motor"_s},
                                      {u"demand"_s, sums(1, 3, 30, 1)},
                                      {u"by_year"_s, QJsonObject{{u"2025"_s, sums(1, 3, 30, 1)}}},
                                      {u"products"_s, 0},
                                      {u"providers"_s, 0},
                                      {u"gap"_s, true}},
                          QJsonObject{{u"region"_s, u"331102"_s},
                                      {u"category"_s, u"pump"_s},
                                      {u"demand"_s, sums(0, 0, 0, 0)},
                                      {u"by_year"_s, QJsonObject{}},
                                      {u"products"_s, 0},
                                      {u"providers"_s, 1},
                                      {u"gap"_s, false}},
                          QJsonObject{{u"region"_s, u"331122"_s},
                                      {u"category"_s, u"boiler"_s},
                                      {u"demand"_s, sums(1, 2, 50, 1)},
                                      {u"by_year"_s, QJsonObject{{u"2026"_s, sums(1, 2, 50, 1)}}},
                                      {u"products"_s, 0},
                                      {u"providers"_s, 0},
                                      {u"gap"_s, true}}};
    const QJsonArray regions{coverage(u"331102"_s, 2, 1, sums(2, 9, 150, 4)),
                             coverage(u"331122"_s, 1, 0, sums(1, 2, 50, 1))};
    return {{u"period"_s, kPeriod},
            {u"rows"_s, rows},
            {u"regions"_s, regions},
            {u"city"_s, coverage(u"331100"_s, 3, 1, sums(3, 11, 200, 5))}};
}

/** Sets the member at a path of object names and array indices ("rows", 0, "demand", ...). */
QJsonValue withMember(const QJsonValue &value, QStringList path, const QJsonValue &replacement)
{
    if (path.isEmpty())
        return replacement;
    const QString head = path.takeFirst();
    bool isIndex = false;
    const int i = head.toInt(&isIndex);
    if (isIndex) {
        QJsonArray array = value.toArray();
        array[i] = withMember(array.at(i), path, replacement);
        return array;
    }
    QJsonObject object = value.toObject();
    if (path.isEmpty() && replacement.isUndefined())
        object.remove(head);
    else
        object.insert(head, withMember(object.value(head), path, replacement));
    return object;
}

QJsonObject detailAnswer()
{
    return {{u"period"_s, kPeriod},
            {u"region"_s, u"331102"_s},
            {u"category"_s, u"machine_tool"_s},
            {u"enterprises"_s,
             QJsonArray{QJsonObject{
                 {u"enterprise"_s, u"913311027000020076"_s},
                 {u"name"_s, u"浙江莲都阀门有限公司"_s},
                 {u"survey"_s, u"s1"_s},
                 {u"rows"_s, QJsonArray{QJsonObject{{u"id"_s, u"r1"_s},
                                                    {u"name"_s, u"普通车床"_s},
                                                    {u"model"_s, u"C6140"_s},
                                                    {u"quantity"_s, 4},
                                                    {u"planned_year"_s, 2025},
                                                    {u"planned_invest_10k"_s, 80}},
                                        QJsonObject{{u"id"_s, u"r2"_s},
                                                    {u"quantity"_s, 1},
                                                    {u"planned_year"_s, QJsonValue()},
                                                    {u"planned_invest_10k"_s, QJsonValue()}}}}}}},
            {u"products"_s, QJsonArray{QJsonObject{{u"id"_s, u"p1"_s},
                                                   {u"name"_s, u"数控车床"_s},
                                                   {u"maker"_s, u"丽水精工机床有限公司"_s},
                                                   {u"model"_s, u"CK6150"_s},
                                                   {u"first_of_kind"_s, true},
                                                   {u"price_min_10k"_s, 18},
                                                   {u"price_max_10k"_s, 32}}}},
            {u"providers"_s, QJsonArray{QJsonObject{{u"id"_s, u"v1"_s},
                                                    {u"name"_s, u"丽水市智造装备服务有限公司"_s},
                                                    {u"excellent"_s, true},
                                                    {u"contact_name"_s, u"王建国"_s}}}}};
}

} // namespace

class TstSupplyDemandModel : public QObject
{
    Q_OBJECT

private slots:
    void goodAnswerFillsTheTable()
    {
        SupplyDemandModel model;
        QVERIFY(model.load(goodAnswer()));
        QCOMPARE(model.error(), QString());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.get(1).value(u"category"_s).toString(), u"motor"_s);
        QCOMPARE(model.get(1).value(u"gap"_s).toBool(), true);
        QCOMPARE(model.get(0).value(u"units"_s).toInt(), 6);
        QCOMPARE(model.get(0).value(u"products"_s).toInt(), 1);
        QCOMPARE(model.get(2).value(u"hasDemand"_s).toBool(), false);
        const QVariantMap figure = model.figure();
        QCOMPARE(figure.value(u"numerator"_s).toInt(), 1);
        QCOMPARE(figure.value(u"denominator"_s).toInt(), 3);
        QCOMPARE(figure.value(u"gaps"_s).toInt(), 2);
        QCOMPARE(figure.value(u"valueText"_s).toString(), u"33.3%"_s);
        QCOMPARE(figure.value(u"enterprises"_s).toInt(), 3);
        QCOMPARE(figure.value(u"units"_s).toInt(), 11);
        QCOMPARE(model.plannedYears(), (QVariantList{2025, 2026}));
        // The chart: machine_tool 120 supplied, boiler 50 and motor 30 gaps, largest last.
        const QVariantMap chart = model.chart();
        QCOMPARE(chart.value(u"count"_s).toInt(), 3);
        QCOMPARE(chart.value(u"categories"_s).toList(),
                 (QVariantList{u"motor"_s, u"boiler"_s, u"machine_tool"_s}));
        QCOMPARE(chart.value(u"supplied"_s).toList(), (QVariantList{0.0, 0.0, 120.0}));
        QCOMPARE(chart.value(u"gaps"_s).toList(), (QVariantList{30.0, 50.0, 0.0}));
        QCOMPARE(chart.value(u"max"_s).toDouble(), 200.0);
    }

    // The offline copy is shown whole and marked; a fresh answer replaces it whole, unmarked.
    void freshAnswerReplacesTheOfflineCopy()
    {
        SupplyDemandModel model;
        const QDateTime readAt(QDate(2026, 12, 7), QTime(10, 30), Qt::LocalTime);
        QVERIFY(model.load(goodAnswer(), readAt, true));
        QVERIFY(model.isFromCache());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.offlineText(), u"Offline data, as of 2026-12-07 10:30"_s);
        QJsonObject fresh = goodAnswer();
        QJsonArray rows = fresh.value("rows"_L1).toArray();
        rows.removeLast();
        fresh.insert(u"rows"_s, rows);
        QVERIFY(model.load(fresh, readAt.addSecs(3600), false));
        QVERIFY(!model.isFromCache());
        QCOMPARE(model.offlineText(), QString());
        QCOMPARE(model.lastUpdatedText(), u"2026-12-07 11:30"_s);
        QCOMPARE(model.rowCount(), 3);
        // A malformed answer changes nothing, neither the rows nor the mark.
        QVERIFY(model.load(goodAnswer(), readAt, true));
        QVERIFY(!model.load(QJsonObject{{u"period"_s, kPeriod}}, readAt.addSecs(7200), false));
        QVERIFY(model.isFromCache());
        QCOMPARE(model.rowCount(), 4);
    }

    void filters()
    {
        SupplyDemandModel model;
        QVERIFY(model.load(goodAnswer()));
        model.setCounty(u"331102"_s);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.figure().value(u"numerator"_s).toInt(), 1);
        QCOMPARE(model.figure().value(u"denominator"_s).toInt(), 2);
        QCOMPARE(model.figure().value(u"units"_s).toInt(), 9);
        model.setGapsOnly(true);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.get(0).value(u"category"_s).toString(), u"motor"_s);
        // One planned year: that year's part of each row, the figure by the same rule.
        model.setGapsOnly(false);
        model.setCounty(QString());
        model.setPlannedYear(2026);
        QCOMPARE(model.rowCount(), 3); // machine_tool, pump (supply, no demand), boiler
        QCOMPARE(model.get(0).value(u"units"_s).toInt(), 1);
        QCOMPARE(model.get(0).value(u"investment"_s).toDouble(), 20.0);
        QCOMPARE(model.figure().value(u"numerator"_s).toInt(), 1);
        QCOMPARE(model.figure().value(u"denominator"_s).toInt(), 2);
        QCOMPARE(model.figure().value(u"hasEnterprises"_s).toBool(), false);
        QCOMPARE(model.figure().value(u"units"_s).toInt(), 3);
    }

    void malformedAnswerChangesNothing_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QJsonValue>("value"); ///< undefined: the member is removed
        QTest::addColumn<QString>("member");   ///< named in the error

        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("no rows") << QStringList{u"rows"_s} << gone << u"rows"_s;
        QTest::newRow("rows not a list")
            << QStringList{u"rows"_s} << QJsonValue(u"x"_s) << u"rows"_s;
        QTest::newRow("a row not an object")
            << QStringList{u"rows"_s, u"1"_s} << QJsonValue(3) << u"rows[1]"_s;
        QTest::newRow("no region")
            << QStringList{u"rows"_s, u"0"_s, u"region"_s} << gone << u"rows[0].region"_s;
        QTest::newRow("category empty") << QStringList{u"rows"_s, u"2"_s, u"category"_s}
                                        << QJsonValue(u""_s) << u"rows[2].category"_s;
        QTest::newRow("negative units") << QStringList{u"rows"_s, u"0"_s, u"demand"_s, u"units"_s}
                                        << QJsonValue(-2) << u"rows[0].demand.units"_s;
        QTest::newRow("fractional enterprises")
            << QStringList{u"rows"_s, u"1"_s, u"demand"_s, u"enterprises"_s} << QJsonValue(1.5)
            << u"rows[1].demand.enterprises"_s;
        QTest::newRow("investment as text")
            << QStringList{u"rows"_s, u"0"_s, u"demand"_s, u"investment_10k"_s}
            << QJsonValue(u"120"_s) << u"rows[0].demand.investment_10k"_s;
        QTest::newRow("a year that is no year")
            << QStringList{u"rows"_s, u"0"_s, u"by_year"_s}
            << QJsonValue(QJsonObject{{u"soon"_s, sums(1, 1, 1, 1)}}) << u"rows[0].by_year.soon"_s;
        QTest::newRow("gap as text")
            << QStringList{u"rows"_s, u"1"_s, u"gap"_s} << QJsonValue(u"yes"_s) << u"rows[1].gap"_s;
        QTest::newRow("no providers")
            << QStringList{u"rows"_s, u"3"_s, u"providers"_s} << gone << u"rows[3].providers"_s;
        QTest::newRow("numerator above denominator")
            << QStringList{u"regions"_s, u"1"_s, u"categories_supplied"_s} << QJsonValue(4)
            << u"regions[1].categories_supplied"_s;
        QTest::newRow("no city") << QStringList{u"city"_s} << gone << u"city"_s;
        QTest::newRow("another period")
            << QStringList{u"period"_s} << QJsonValue(kPeriod + 1) << u"period"_s;
    }

    void malformedAnswerChangesNothing()
    {
        QFETCH(QStringList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, member);
        SupplyDemandModel model;
        QVERIFY(model.load(goodAnswer()));
        const QVariantMap figure = model.figure();
        const QVariantMap chart = model.chart();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy errors(&model, &SupplyDemandModel::errorChanged);

        const QJsonObject bad = withMember(goodAnswer(), path, value).toObject();
        QVERIFY(bad != goodAnswer());
        QVERIFY(!model.load(bad));
        QVERIFY2(model.error().contains(member), qPrintable(model.error()));
        QVERIFY(model.error().contains(u"nothing shown was changed"_s));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.figure(), figure);
        QCOMPARE(model.chart(), chart);
        // The next good answer clears the error.
        QVERIFY(model.load(goodAnswer()));
        QCOMPARE(model.error(), QString());
    }

    void detailAnswerFillsTheDrillDown()
    {
        SupplyDemandDetailModel detail;
        detail.setRegion(u"331102"_s);
        detail.setCategory(u"machine_tool"_s);
        QVERIFY(detail.load(detailAnswer()));
        QCOMPARE(detail.rowCount(), 1);
        QCOMPARE(detail.usccs(), QStringList{u"913311027000020076"_s});
        const QModelIndex first = detail.index(0);
        QCOMPARE(first.data(SupplyDemandDetailModel::UnitsRole).toInt(), 5);
        const QVariantList rows = first.data(SupplyDemandDetailModel::RowsRole).toList();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toMap().value(u"model"_s).toString(), u"C6140"_s);
        QCOMPARE(rows.at(1).toMap().value(u"yearText"_s).toString(), u"year not given"_s);
        QCOMPARE(detail.totalUnits(), 5);
        // Without a session, the offers are not labelled but not lost either.
        QCOMPARE(detail.offers()->rowCount(), 0);
    }

    void malformedDetailChangesNothing_data()
    {
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("member");
        const QJsonValue gone(QJsonValue::Undefined);
        QTest::newRow("another county")
            << QStringList{u"region"_s} << QJsonValue(u"331122"_s) << u"region"_s;
        QTest::newRow("another category")
            << QStringList{u"category"_s} << QJsonValue(u"motor"_s) << u"category"_s;
        QTest::newRow("no enterprises")
            << QStringList{u"enterprises"_s} << gone << u"enterprises"_s;
        QTest::newRow("a row without id")
            << QStringList{u"enterprises"_s, u"0"_s, u"rows"_s, u"0"_s, u"id"_s} << gone
            << u"enterprises[0].rows[0].id"_s;
        QTest::newRow("a year as text")
            << QStringList{u"enterprises"_s, u"0"_s, u"rows"_s, u"0"_s, u"planned_year"_s}
            << QJsonValue(u"2025"_s) << u"enterprises[0].rows[0].planned_year"_s;
        QTest::newRow("providers not a list")
            << QStringList{u"providers"_s} << QJsonValue(1) << u"providers"_s;
    }

    void malformedDetailChangesNothing()
    {
        QFETCH(QStringList, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, member);
        SupplyDemandDetailModel detail;
        detail.setRegion(u"331102"_s);
        detail.setCategory(u"machine_tool"_s);
        QVERIFY(detail.load(detailAnswer()));
        QVERIFY(!detail.load(withMember(detailAnswer(), path, value).toObject()));
        QVERIFY2(detail.error().contains(member), qPrintable(detail.error()));
        QCOMPARE(detail.rowCount(), 1);
        QCOMPARE(detail.totalUnits(), 5);
    }
};

QTEST_GUILESS_MAIN(TstSupplyDemandModel)
#include "tst_supplydemandmodel.moc"
