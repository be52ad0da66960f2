#include "storefixture.h"

#include "core/formdefinition.h"
#include "store/definitioncheck.h"
#include "store/devicestore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::DefinitionCheck;
using gx::DeviceStore;
using gx::FormDefinition;

namespace {

/** A survey definition of the given version with the given fields (JSON array text). */
FormDefinition definition(int version, const char *fields)
{
    const QByteArray json = R"({"form":"test","version":)" + QByteArray::number(version) +
                            R"(,"title":{"zh_CN":"测试","en":"Test"},"entities":[{"name":"survey",
            "label":{"zh_CN":"调查","en":"Survey"},"parent":"","parent_field":"",
            "title_field":"","fields":)" +
                            QByteArray(fields) + R"(,"sections":[],"rules":[]}]})";
    auto loaded = FormDefinition::fromJson(json, u"test"_s);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error().toString()));
    return loaded.value();
}

const char *kV1Fields = R"([
    {"name":"period","type":"integer","label":{"zh_CN":"年度","en":"Year"},"required":true},
    {"name":"state","type":"single_choice","label":{"zh_CN":"状态","en":"State"},"required":true,
     "options":[{"value":"draft","label":{"zh_CN":"草稿","en":"Draft"}},
                {"value":"submitted","label":{"zh_CN":"已提交","en":"Submitted"}}]},
    {"name":"old_note","type":"text","label":{"zh_CN":"旧备注","en":"Old note"}}])";

// v2 drops old_note and adds a required visit_date and an optional uses_5g.
const char *kV2Fields = R"([
    {"name":"period","type":"integer","label":{"zh_CN":"年度","en":"Year"},"required":true},
    {"name":"state","type":"single_choice","label":{"zh_CN":"状态","en":"State"},"required":true,
     "options":[{"value":"draft","label":{"zh_CN":"草稿","en":"Draft"}},
                {"value":"submitted","label":{"zh_CN":"已提交","en":"Submitted"}}]},
    {"name":"visit_date","type":"date","label":{"zh_CN":"走访日期","en":"Visit date"},
     "required":true},
    {"name":"uses_5g","type":"bool","label":{"zh_CN":"使用5G","en":"Uses 5G"}}])";

} // namespace

class Tst_definitioncheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void againstDefinition_data();
    void againstDefinition();
    void oldDraftOpensAndSubmits();

private:
    gx::test::StoreFixture m_store;
    gx::ValidationContext m_context{QDate(2024, 11, 20), {}};
};

void Tst_definitioncheck::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_definitioncheck::cleanup()
{
    m_store.tearDown();
}

void Tst_definitioncheck::againstDefinition_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QStringList>("vanished");
    QTest::addColumn<QStringList>("missing");
    const QJsonObject draft{
        {u"period"_s, 2024}, {u"state"_s, u"draft"_s}, {u"old_note"_s, u"旧"_s}};
    QTest::newRow("its own definition: complete") << 1 << draft << QStringList() << QStringList();
    QTest::newRow("the new one: a field vanished, one is asked for")
        << 2 << draft << QStringList{u"old_note"_s} << QStringList{u"visit_date"_s};
    QJsonObject answered = draft;
    answered.insert(u"visit_date"_s, u"2024-11-18"_s);
    QTest::newRow("the new one, answered")
        << 2 << answered << QStringList{u"old_note"_s} << QStringList();
    QJsonObject cleared = draft;
    cleared.insert(u"old_note"_s, QJsonValue::Null);
    QTest::newRow("a cleared old field is not reported")
        << 2 << cleared << QStringList() << QStringList{u"visit_date"_s};
}

void Tst_definitioncheck::againstDefinition()
{
    QFETCH(int, version);
    QFETCH(QJsonObject, fields);
    QFETCH(QStringList, vanished);
    QFETCH(QStringList, missing);
    gx::StoredRecord record;
    record.entity = u"survey"_s;
    record.id = u"s"_s;
    record.fields = fields;
    record.formVersion = 1;
    const auto report = DefinitionCheck::checkAgainst(
        record, definition(version, version == 1 ? kV1Fields : kV2Fields), m_context);
    QCOMPARE(report.recordVersion, 1);
    QCOMPARE(report.checkedVersion, version);
    QCOMPARE(report.vanishedFields, vanished);
    QCOMPARE(report.missingRequired, missing);
    QCOMPARE(report.canSubmit(), missing.isEmpty());
}

void Tst_definitioncheck::oldDraftOpensAndSubmits()
{
    GX_OK(m_store->setFormVersion(1));
    const auto created = m_store->createRecord(
        u"survey"_s,
        QJsonObject{{u"period"_s, 2024}, {u"state"_s, u"draft"_s}, {u"old_note"_s, u"旧"_s}});
    GX_OK(created);
    const QString id = created.value().id;
    // The device picks up definition v2; the app restarts.
    GX_OK(m_store->setFormVersion(2));
    QCOMPARE(m_store.reopen(), QString());
    QCOMPARE(m_store->formVersion(), 2);

    const FormDefinition v2 = definition(2, kV2Fields);
    auto record = m_store->record(u"survey"_s, id);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 1);
    auto report = DefinitionCheck::checkAgainst(*record.value(), v2, m_context);
    QCOMPARE(report.missingRequired, QStringList{u"visit_date"_s});
    QVERIFY(!report.canSubmit());

    GX_OK(m_store->setField(u"survey"_s, id, u"visit_date"_s, u"2024-11-18"_s));
    record = m_store->record(u"survey"_s, id);
    GX_OK(record);
    report = DefinitionCheck::checkAgainst(*record.value(), v2, m_context);
    QVERIFY(report.canSubmit());
    GX_OK(m_store->setField(u"survey"_s, id, u"state"_s, u"submitted"_s));
    record = m_store->record(u"survey"_s, id);
    GX_OK(record);
    // The vanished field is kept, and goes to the server with the rest.
    QCOMPARE(record.value()->fields.value(u"old_note"_s), QJsonValue(u"旧"_s));
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().first().mutation.fields.value(u"old_note"_s), QJsonValue(u"旧"_s));
    QCOMPARE(entries.value().first().mutation.fields.value(u"state"_s), QJsonValue(u"submitted"_s));
}

QTEST_GUILESS_MAIN(Tst_definitioncheck)
#include "tst_definitioncheck.moc"
