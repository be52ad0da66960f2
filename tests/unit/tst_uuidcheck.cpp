// The one id check (core/uuidcheck.h) that the validator, the sync codec and the server's push
// share, and the rule tables (core/indicatorrules.h) the engine and the server's SQL are built
// from.
#include "core/indicatorrules.h"
#include "core/uuidcheck.h"

#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;
using gx::UuidProblem;

Q_DECLARE_METATYPE(std::optional<gx::UuidProblem>)

class Tst_uuidcheck : public QObject
{
    Q_OBJECT

private slots:
    void uuidProblem_data();
    void uuidProblem();
    void generatedIdsPass();
    void agedCategories_data();
    void agedCategories();
    void ruleSets();
};

void Tst_uuidcheck::uuidProblem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<UuidProblem>>("problem");
    const std::optional<UuidProblem> none;
    QTest::newRow("canonical") << u"0f8fad5b-d9cb-469f-a165-70867728950e"_s << none;
    QTest::newRow("all f") << u"ffffffff-ffff-ffff-ffff-ffffffffffff"_s << none;
    QTest::newRow("nil") << u"00000000-0000-0000-0000-000000000000"_s
                         << std::optional(UuidProblem::Nil);
    QTest::newRow("upper case") << u"0F8FAD5B-D9CB-469F-A165-70867728950E"_s
                                << std::optional(UuidProblem::Shape);
    QTest::newRow("braces") << u"{0f8fad5b-d9cb-469f-a165-70867728950e}"_s
                            << std::optional(UuidProblem::Shape);
    QTest::newRow("no dashes") << u"0f8fad5bd9cb469fa16570867728950e"_s
                               << std::optional(UuidProblem::Shape);
    QTest::newRow("dash moved") << u"0f8fad5bd-9cb-469f-a165-70867728950e"_s
                                << std::optional(UuidProblem::Shape);
    QTest::newRow("not hex") << u"0f8fad5b-d9cb-469f-a165-70867728950g"_s
                             << std::optional(UuidProblem::Shape);
    QTest::newRow("one short") << u"0f8fad5b-d9cb-469f-a165-70867728950"_s
                               << std::optional(UuidProblem::Shape);
    QTest::newRow("empty") << QString() << std::optional(UuidProblem::Shape);
    QTest::newRow("full-width digit")
        << u"0f8fad5b-d9cb-469f-a165-70867728950１"_s << std::optional(UuidProblem::Shape);
}

void Tst_uuidcheck::uuidProblem()
{
    QFETCH(QString, text);
    QFETCH(std::optional<UuidProblem>, problem);
    QCOMPARE(gx::uuidProblem(text), problem);
    QCOMPARE(gx::isCanonicalUuid(text), !problem.has_value());
}

void Tst_uuidcheck::generatedIdsPass()
{
    for (int i = 0; i < 100; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY2(gx::isCanonicalUuid(id), qPrintable(id));
    }
}

void Tst_uuidcheck::agedCategories_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("years"); // 0: its age is not an indicator
    QTest::newRow("hydro") << u"hydro_generator"_s << 15;
    QTest::newRow("machine tool") << u"machine_tool"_s << 10;
    QTest::newRow("inspection") << u"inspection_equipment"_s << 10;
    QTest::newRow("boiler") << u"industrial_boiler"_s << 0;
    QTest::newRow("empty") << QString() << 0;
}

void Tst_uuidcheck::agedCategories()
{
    QFETCH(QString, category);
    QFETCH(int, years);
    const QByteArray utf8 = category.toUtf8();
    const std::optional<int> limit = gx::rule::agedAfterYears(std::string_view(utf8.constData()));
    QCOMPARE(limit.value_or(0), years);
}

void Tst_uuidcheck::ruleSets()
{
    using namespace gx;
    static_assert(rule::isOneOf(EquipmentStatus::InService, rule::kInOperationStatuses));
    static_assert(rule::isOneOf(EquipmentStatus::PlannedRenewal, rule::kInOperationStatuses));
    static_assert(!rule::isOneOf(EquipmentStatus::Renewed, rule::kInOperationStatuses));
    static_assert(!rule::isOneOf(EquipmentStatus::Eliminated, rule::kInOperationStatuses));
    static_assert(rule::isOneOf(EfficiencyLevel::EnergySaving, rule::kSavingOrBetterLevels));
    static_assert(!rule::isOneOf(EfficiencyLevel::Access, rule::kSavingOrBetterLevels));
    static_assert(!rule::isOneOf(FactoryTier::FutureFactory, rule::kSmartFactoryTiers));
    static_assert(rule::agedAfterYears("machine_tool") == kAgedYearsMachineTool);
    QCOMPARE(rule::kFirstOfKindWeight, 0.5);
}

QTEST_APPLESS_MAIN(Tst_uuidcheck)
#include "tst_uuidcheck.moc"
