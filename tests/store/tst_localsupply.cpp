// The catalogue of 供需对接 on the device (issue 12): provider and product records pulled into a
// real store file are read-only there (every local edit refused before anything is written, also
// before the version that defines them is fetched, and after a restart), and LocalSupply matches
// them to the equipment categories of a survey's planned renewals: same county first, a category
// without supply as a gap, a product the office deleted gone.

#include "storefixture.h"

#include "formversion.h"

#include "store/devicestore.h"
#include "store/localsupply.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::Change;
using gx::DeviceStore;
using gx::LocalSupply;
using gx::PullPage;
using gx::StoreError;
using gx::SupplyMatch;

namespace {

const QString kUscc = u"91331102MA2A000001"_s; // of 331102 (莲都区) by its division code
const QString kCounty = u"331102"_s;
const QString kOtherCounty = u"331121"_s;

/** A catalogue product from "id:category:county:first_of_kind(0|1):name". */
Change productChange(const QString &spec, qint64 rev)
{
    const QStringList p = spec.split(u':');
    Q_ASSERT(p.size() == 5);
    Change c;
    c.entity = u"product"_s;
    c.id = p.at(0);
    c.rev = rev;
    c.formVersion = 2;
    c.fields = QJsonObject{{u"name"_s, p.at(4)},
                           {u"maker"_s, u"丽水制造"_s},
                           {u"county"_s, p.at(2)},
                           {u"model"_s, QString(u"M-"_s + p.at(0))},
                           {u"category"_s, p.at(1)},
                           {u"efficiency_level"_s, u"advanced"_s},
                           {u"first_of_kind"_s, p.at(3) == u"1"_s}};
    return c;
}

/** A provider from "id:cat1;cat2:county:excellent(0|1):name". */
Change providerChange(const QString &spec, qint64 rev)
{
    const QStringList p = spec.split(u':');
    Q_ASSERT(p.size() == 5);
    Change c;
    c.entity = u"provider"_s;
    c.id = p.at(0);
    c.rev = rev;
    c.formVersion = 2;
    c.fields = QJsonObject{{u"name"_s, p.at(4)},
                           {u"county"_s, p.at(2)},
                           {u"categories"_s, QJsonArray::fromStringList(p.at(1).split(u';'))},
                           {u"services"_s, QJsonArray{u"maintenance"_s}},
                           {u"excellent"_s, p.at(3) == u"1"_s},
                           {u"contact_name"_s, u"王工"_s},
                           {u"contact_phone"_s, u"0578-2100000"_s}};
    return c;
}

Change tombstone(const QString &entity, const QString &id, qint64 rev)
{
    Change c;
    c.entity = entity;
    c.id = id;
    c.rev = rev;
    c.deleted = true;
    c.formVersion = 2;
    return c;
}

QString describe(const SupplyMatch &line)
{
    switch (line.kind) {
    case SupplyMatch::Kind::Product:
        return u"product:"_s + line.id;
    case SupplyMatch::Kind::Provider:
        return u"provider:"_s + line.id;
    case SupplyMatch::Kind::None:
        break;
    }
    return u"none:"_s + line.demand.category;
}

} // namespace

class Tst_localsupply : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matches_data();
    void matches();
    void plannedCategoriesSumTheRows();
    void catalogueIsReadOnly_data();
    void catalogueIsReadOnly();
    void readOnlyBeforeItsVersionArrives();
    void readOnlyAfterARestart();
    void theOfficeMayEdit();

private:
    /** Stores version 2 (the bundled survey with the catalogue) as a sync would. */
    void storeCatalogueVersion();
    /** Pulls one page of changes; fails the test when it is refused. */
    void pull(const QList<Change> &changes);
    /** A local survey of kUscc with one equipment row per "category:status[:quantity]". */
    QString surveyWithRows(const QStringList &rows);
    [[nodiscard]] int outboxSize();

    gx::test::StoreFixture m_store;
    int m_cursor = 0;
};

void Tst_localsupply::init()
{
    QCOMPARE(m_store.setUp(), QString());
    m_cursor = 0;
}

void Tst_localsupply::cleanup()
{
    m_store.tearDown();
}

void Tst_localsupply::storeCatalogueVersion()
{
    gx::StoredFormVersion v1;
    v1.version = 1;
    v1.definition = gx::test::bundledSurveyDefinition();
    GX_OK(m_store->forms().add(v1));
    gx::StoredFormVersion v2;
    v2.version = 2;
    v2.definition = gx::test::withCatalogue(v1.definition);
    GX_OK(m_store->forms().add(v2));
}

void Tst_localsupply::pull(const QList<Change> &changes)
{
    PullPage page;
    page.changes = changes;
    page.cursor = u"c%1"_s.arg(++m_cursor);
    GX_OK(m_store->pull().applyPullPage(page));
}

QString Tst_localsupply::surveyWithRows(const QStringList &rows)
{
    const auto survey = m_store->createRecord(
        u"survey"_s, QJsonObject{{u"enterprise"_s, kUscc}, {u"period"_s, 2024}});
    if (!survey)
        return {};
    for (const QString &spec : rows) {
        const QStringList p = spec.split(u':');
        QJsonObject fields{{u"survey"_s, survey.value().id},
                           {u"name"_s, u"设备"_s},
                           {u"category"_s, p.at(0)},
                           {u"status"_s, p.at(1)},
                           {u"planned_year"_s, 2025}};
        if (p.size() > 2)
            fields.insert(u"quantity"_s, p.at(2).toInt());
        if (!m_store->createRecord(u"equipment"_s, fields).ok())
            return {};
    }
    return survey.value().id;
}

int Tst_localsupply::outboxSize()
{
    const auto entries = m_store->outbox().entries();
    return entries ? int(entries.value().size()) : -1;
}

void Tst_localsupply::matches_data()
{
    QTest::addColumn<QStringList>("rows");      // category:status of the survey's equipment
    QTest::addColumn<QString>("region");        // the enterprise record's region ("" = none)
    QTest::addColumn<QStringList>("products");  // id:category:county:first_of_kind:name
    QTest::addColumn<QStringList>("providers"); // id:categories:county:excellent:name
    QTest::addColumn<QStringList>("deleted");   // product ids the office deletes afterwards
    QTest::addColumn<QStringList>("expected");

    const QStringList products{u"p1:motor:331121:0:电机甲"_s, u"p2:motor:331102:0:电机乙"_s,
                               u"p3:motor:331102:1:电机丙"_s, u"p4:pump:331121:0:水泵甲"_s};
    const QStringList providers{u"v1:motor;fan:331121:1:青田服务"_s,
                                u"v2:motor:331102:0:莲都服务"_s, u"v3:boiler:331102:0:锅炉服务"_s};

    QTest::newRow("no planned rows: nothing")
        << QStringList{u"motor:in_service"_s, u"pump:renewed"_s} << kCounty << products << providers
        << QStringList{} << QStringList{};
    QTest::newRow("same county first, marked first, then the city")
        << QStringList{u"motor:planned_renewal"_s} << kCounty << products << providers
        << QStringList{}
        << QStringList{u"product:p3"_s, u"product:p2"_s, u"product:p1"_s, u"provider:v2"_s,
                       u"provider:v1"_s};
    QTest::newRow("another county turns the order round")
        << QStringList{u"motor:planned_renewal"_s} << kOtherCounty << products << providers
        << QStringList{}
        << QStringList{u"product:p1"_s, u"product:p3"_s, u"product:p2"_s, u"provider:v1"_s,
                       u"provider:v2"_s};
    QTest::newRow("county from the USCC when the enterprise is not on the device")
        << QStringList{u"pump:planned_renewal"_s} << QString() << products << providers
        << QStringList{} << QStringList{u"product:p4"_s};
    QTest::newRow("a category without supply is a gap, in row order")
        << QStringList{u"compressor:planned_renewal"_s, u"fan:planned_renewal"_s,
                       u"compressor:planned_renewal"_s}
        << kCounty << products << providers << QStringList{}
        << QStringList{u"none:compressor"_s, u"provider:v1"_s};
    QTest::newRow("an empty catalogue: every category a gap")
        << QStringList{u"motor:planned_renewal"_s, u"boiler:planned_renewal"_s} << kCounty
        << QStringList{} << QStringList{} << QStringList{}
        << QStringList{u"none:motor"_s, u"none:boiler"_s};
    QTest::newRow("a deleted product disappears")
        << QStringList{u"motor:planned_renewal"_s, u"pump:planned_renewal"_s} << kCounty << products
        << providers << QStringList{u"p3"_s, u"p4"_s}
        << QStringList{u"product:p2"_s, u"product:p1"_s, u"provider:v2"_s, u"provider:v1"_s,
                       u"none:pump"_s};
}

void Tst_localsupply::matches()
{
    QFETCH(QStringList, rows);
    QFETCH(QString, region);
    QFETCH(QStringList, products);
    QFETCH(QStringList, providers);
    QFETCH(QStringList, deleted);
    QFETCH(QStringList, expected);

    storeCatalogueVersion();
    QList<Change> changes;
    qint64 rev = 0;
    if (!region.isEmpty()) {
        Change enterprise;
        enterprise.entity = u"enterprise"_s;
        enterprise.id = kUscc;
        enterprise.rev = ++rev;
        enterprise.fields =
            QJsonObject{{u"uscc"_s, kUscc}, {u"name"_s, u"丽水某厂"_s}, {u"region"_s, region}};
        changes.append(enterprise);
    }
    for (const QString &spec : std::as_const(products))
        changes.append(productChange(spec, ++rev));
    for (const QString &spec : std::as_const(providers))
        changes.append(providerChange(spec, ++rev));
    pull(changes);
    const QString survey = surveyWithRows(rows);
    QVERIFY(!survey.isEmpty());
    if (!deleted.isEmpty()) {
        QList<Change> tombstones;
        for (const QString &id : std::as_const(deleted))
            tombstones.append(tombstone(u"product"_s, id, ++rev));
        pull(tombstones);
    }

    const auto answer = LocalSupply::forSurvey(m_store.store(), survey);
    GX_OK(answer);
    QCOMPARE(answer.value().county, region.isEmpty() ? kCounty : region);
    QStringList got;
    for (const SupplyMatch &line : answer.value().lines)
        got.append(describe(line));
    QCOMPARE(got, expected);
    for (const SupplyMatch &line : answer.value().lines) {
        if (line.kind != SupplyMatch::Kind::None)
            QCOMPARE(line.sameCounty, line.county == answer.value().county);
    }
}

void Tst_localsupply::plannedCategoriesSumTheRows()
{
    const QString survey =
        surveyWithRows({u"motor:planned_renewal:3"_s, u"motor:planned_renewal:2"_s,
                        u"pump:planned_renewal"_s, u"motor:in_service:9"_s});
    QVERIFY(!survey.isEmpty());
    const auto view = m_store->queries().survey(survey);
    QVERIFY(view.ok() && view.value());
    const auto planned = LocalSupply::plannedCategories(view.value()->equipment);
    QCOMPARE(planned.size(), 2);
    QCOMPARE(planned.at(0).category, u"motor"_s);
    QCOMPARE(planned.at(0).rows, 2);
    QCOMPARE(planned.at(0).units, 5.0);
    QCOMPARE(planned.at(0).earliestYear, 2025);
    QCOMPARE(planned.at(1).category, u"pump"_s);
    QCOMPARE(planned.at(1).units, 1.0); // no quantity: one unit
    // The survey is found as one with planned renewals; one without is not.
    const QString none = surveyWithRows({u"motor:in_service"_s});
    QVERIFY(!none.isEmpty());
    const auto withPlanned = m_store->queries().surveysWithPlannedRenewal(10);
    GX_OK(withPlanned);
    QCOMPARE(withPlanned.value(), QStringList{survey});
}

void Tst_localsupply::catalogueIsReadOnly_data()
{
    QTest::addColumn<QString>("op");
    QTest::newRow("set a field") << u"setField"_s;
    QTest::newRow("set fields") << u"setFields"_s;
    QTest::newRow("bulk edit") << u"applyEdits"_s;
    QTest::newRow("delete") << u"delete"_s;
    QTest::newRow("duplicate") << u"duplicate"_s;
    QTest::newRow("create") << u"create"_s;
    QTest::newRow("create a provider") << u"createProvider"_s;
}

void Tst_localsupply::catalogueIsReadOnly()
{
    QFETCH(QString, op);
    storeCatalogueVersion();
    pull({productChange(u"p1:motor:331102:0:电机甲"_s, 1)});
    QCOMPARE(outboxSize(), 0);
    QVERIFY(m_store->isReadOnly(u"product"_s));
    QVERIFY(m_store->isReadOnly(u"provider"_s));
    QVERIFY(!m_store->isReadOnly(u"survey"_s));

    std::optional<StoreError> error;
    auto keep = [&](const auto &result) {
        if (!result)
            error = result.error();
    };
    const QString id = u"p1"_s;
    if (op == u"setField"_s)
        keep(m_store->setField(u"product"_s, id, u"name"_s, u"改名"_s));
    else if (op == u"setFields"_s)
        keep(m_store->setFields(u"product"_s, id, {{u"name"_s, u"改名"_s}}));
    else if (op == u"applyEdits"_s)
        keep(m_store->applyEdits({gx::FieldEdit{u"product"_s, id, u"name"_s, u"改名"_s}}));
    else if (op == u"delete"_s)
        keep(m_store->deleteRecord(u"product"_s, id));
    else if (op == u"duplicate"_s)
        keep(m_store->duplicateRecord(u"product"_s, id));
    else if (op == u"create"_s)
        keep(m_store->createRecord(u"product"_s, {{u"name"_s, u"新产品"_s}}));
    else
        keep(m_store->createRecords(u"provider"_s, {QJsonObject{{u"name"_s, u"新服务商"_s}}}));
    QVERIFY2(error, "the edit was taken");
    QCOMPARE(error->code, StoreError::Code::ReadOnly);
    QCOMPARE(error->codeName(), u"read_only"_s);
    QVERIFY2(error->message.contains(u"经信局"_s), qPrintable(error->message));
    // Nothing written: no mutation, the record as pulled.
    QCOMPARE(outboxSize(), 0);
    const auto record = m_store->record(u"product"_s, id);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->fields.value(u"name"_s).toString(), u"电机甲"_s);
    QCOMPARE(record.value()->deleted, false);
    // A survey still takes edits.
    GX_OK(m_store->createRecord(u"survey"_s, {{u"enterprise"_s, kUscc}, {u"period"_s, 2024}}));
}

void Tst_localsupply::readOnlyBeforeItsVersionArrives()
{
    // The device holds version 1 only; the pull brings a product of version 2 (the forms step
    // that fetches version 2 runs after the pull).
    gx::StoredFormVersion v1;
    v1.version = 1;
    v1.definition = gx::test::bundledSurveyDefinition();
    GX_OK(m_store->forms().add(v1));
    pull({productChange(u"p1:motor:331102:0:电机甲"_s, 1)});
    QVERIFY(!m_store->isReadOnly(u"product"_s)); // its scope is not known yet
    const auto refused = m_store->setField(u"product"_s, u"p1"_s, u"name"_s, u"改名"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::ReadOnly);
    QCOMPARE(outboxSize(), 0);
    const auto missing = m_store->forms().missing();
    GX_OK(missing);
    QCOMPARE(missing.value(), QList<int>{2});
    // Matching needs no definition: the records are there.
    const QString survey = surveyWithRows({u"motor:planned_renewal"_s});
    const auto answer = LocalSupply::forSurvey(m_store.store(), survey);
    GX_OK(answer);
    QCOMPARE(answer.value().lines.size(), 1);

    // The forms step stores version 2: now the entity is known to be city-wide.
    gx::StoredFormVersion v2;
    v2.version = 2;
    v2.definition = gx::test::withCatalogue(v1.definition);
    GX_OK(m_store->forms().add(v2));
    QVERIFY(m_store->isReadOnly(u"product"_s));
    QCOMPARE(m_store->setField(u"product"_s, u"p1"_s, u"name"_s, u"改名"_s).error().code,
             StoreError::Code::ReadOnly);
    QCOMPARE(outboxSize(), 2); // the survey's and its row's mutations only
}

void Tst_localsupply::readOnlyAfterARestart()
{
    storeCatalogueVersion();
    pull({providerChange(u"v1:motor:331102:1:莲都服务"_s, 1)});
    QCOMPARE(m_store.reopen(), QString());
    QVERIFY(m_store->isReadOnly(u"provider"_s));
    const auto refused = m_store->deleteRecord(u"provider"_s, u"v1"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, StoreError::Code::ReadOnly);
    const auto providers = m_store->queries().recordsOf(u"provider"_s);
    GX_OK(providers);
    QCOMPARE(providers.value().size(), 1);
    QCOMPARE(providers.value().at(0).fields.value(u"excellent"_s).toBool(), true);

    // The office changes it: the next pull replaces it; a tombstone removes it.
    Change changed = providerChange(u"v1:motor;pump:331102:1:莲都服务（更名）"_s, 2);
    pull({changed});
    auto record = m_store->record(u"provider"_s, u"v1"_s);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->fields.value(u"name"_s).toString(), u"莲都服务（更名）"_s);
    pull({tombstone(u"provider"_s, u"v1"_s, 3)});
    record = m_store->record(u"provider"_s, u"v1"_s);
    QVERIFY(record.ok() && !record.value());
}

void Tst_localsupply::theOfficeMayEdit()
{
    storeCatalogueVersion();
    pull({productChange(u"p1:motor:331102:0:电机甲"_s, 1)});
    m_store->setCityWideEditable(true);
    QVERIFY(!m_store->isReadOnly(u"product"_s));
    GX_OK(m_store->setField(u"product"_s, u"p1"_s, u"name"_s, u"改名"_s));
    QCOMPARE(outboxSize(), 1);
}

QTEST_GUILESS_MAIN(Tst_localsupply)
#include "tst_localsupply.moc"
