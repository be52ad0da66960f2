#include "storefixture.h"

#include "store/devicestore.h"
#include "store/formversionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::StoredFormVersion;

namespace {

/** A small survey definition of the given version; version 2 adds the optional uses_5g. */
QJsonObject definitionJson(int version, bool withNewField)
{
    QByteArray fields = R"([
        {"name":"period","type":"integer","label":{"zh_CN":"年度","en":"Year"},"required":true},
        {"name":"notes","type":"text","label":{"zh_CN":"备注","en":"Notes"}})";
    if (withNewField)
        fields += R"(,{"name":"uses_5g","type":"bool","label":{"zh_CN":"使用5G","en":"Uses 5G"}})";
    fields += "]";
    const QByteArray json = R"({"form":"test","version":)" + QByteArray::number(version) +
                            R"(,"title":{"zh_CN":"测试","en":"Test"},"entities":[{"name":"survey",
            "label":{"zh_CN":"调查","en":"Survey"},"parent":"","parent_field":"",
            "title_field":"","fields":)" +
                            fields + R"(,"sections":[],"rules":[]}]})";
    return QJsonDocument::fromJson(json).object();
}

StoredFormVersion version(int number, bool withNewField = false)
{
    StoredFormVersion v;
    v.version = number;
    v.definition = definitionJson(number, withNewField);
    v.publishedAt = u"2025-01-02T03:04:05Z"_s;
    v.publishedBy = u"office"_s;
    if (withNewField) {
        v.changes = QJsonArray{QJsonObject{
            {u"kind"_s, u"field_added"_s}, {u"entity"_s, u"survey"_s}, {u"field"_s, u"uses_5g"_s}}};
    }
    return v;
}

} // namespace

class Tst_formversions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void refused_data();
    void refused();
    void storedDurablyAndRaisesTheEditVersion();
    void aStoredVersionIsKept();
    void editsCarryTheirVersion();
    void pulledChangesKeepTheServersVersion();
    void missingVersions();
    void noticedVersionIsKept();

private:
    gx::test::StoreFixture m_store;
};

void Tst_formversions::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_formversions::cleanup()
{
    m_store.tearDown();
}

void Tst_formversions::refused_data()
{
    QTest::addColumn<StoredFormVersion>("candidate");
    QTest::addColumn<QString>("reason");

    StoredFormVersion zero = version(1);
    zero.version = 0;
    QTest::newRow("version 0") << zero << u"at least 1"_s;
    StoredFormVersion mismatch = version(2, true);
    mismatch.version = 3;
    QTest::newRow("the document names another version") << mismatch << u"says it is version 2"_s;
    StoredFormVersion broken = version(2, true);
    broken.definition.remove(u"entities"_s);
    QTest::newRow("does not load") << broken << u"does not load"_s;
    StoredFormVersion huge = version(2, true);
    huge.definition.insert(u"padding"_s, QString(gx::FormVersionStore::kMaxDefinitionBytes, u'x'));
    QTest::newRow("too large") << huge << u"larger than"_s;
    StoredFormVersion chatty = version(2, true);
    QJsonArray many;
    for (qsizetype i = 0; i <= gx::FormVersionStore::kMaxChanges; ++i)
        many.append(chatty.changes.first());
    chatty.changes = many;
    QTest::newRow("too many changes") << chatty << u"more than"_s;
}

void Tst_formversions::refused()
{
    QFETCH(StoredFormVersion, candidate);
    QFETCH(QString, reason);
    const auto added = m_store->forms().add(candidate);
    QVERIFY(!added);
    QCOMPARE(added.error().code, gx::StoreError::Code::InvalidArgument);
    QVERIFY2(added.error().message.contains(reason), qPrintable(added.error().message));
    const auto versions = m_store->forms().versions();
    GX_OK(versions);
    QVERIFY(versions.value().isEmpty());
    QCOMPARE(m_store->formVersion(), 1);
}

void Tst_formversions::storedDurablyAndRaisesTheEditVersion()
{
    QCOMPARE(m_store->formVersion(), 1);    // a new store edits on version 1
    StoredFormVersion bundled = version(1); // as the app stores the one it ships: no publisher
    bundled.publishedAt = QString();
    bundled.publishedBy = QString();
    auto added = m_store->forms().add(bundled);
    GX_OK(added);
    QVERIFY(added.value());
    QCOMPARE(m_store->formVersion(), 1);
    added = m_store->forms().add(version(2, true));
    GX_OK(added);
    QVERIFY(added.value());
    QCOMPARE(m_store->formVersion(), 2);

    QCOMPARE(m_store.reopen(), QString());
    QCOMPARE(m_store->formVersion(), 2);
    const auto versions = m_store->forms().versions();
    GX_OK(versions);
    QCOMPARE(versions.value(), (QList<int>{1, 2}));
    const auto newest = m_store->forms().newest();
    GX_OK(newest);
    QCOMPARE(newest.value(), 2);
    const auto found = m_store->forms().find(2);
    GX_OK(found);
    QVERIFY(found.value());
    QCOMPARE(found.value()->definition, definitionJson(2, true));
    QCOMPARE(found.value()->changes, version(2, true).changes);
    QCOMPARE(found.value()->publishedBy, u"office"_s);
    QCOMPARE(found.value()->publishedAt, u"2025-01-02T03:04:05Z"_s);
    QCOMPARE(found.value()->storedAt, gx::test::StoreFixture::kClockStart);
    const auto definition = m_store->forms().definition(2);
    GX_OK(definition);
    QVERIFY(definition.value());
    QCOMPARE(definition.value()->version(), 2);
    QVERIFY(definition.value()->entity(u"survey"_s)->field(u"uses_5g"_s));
    const auto absent = m_store->forms().definition(3);
    GX_OK(absent);
    QVERIFY(!absent.value());

    // An older version stored later does not lower the version edits are made on.
    QCOMPARE(m_store.reopen(), QString());
    GX_OK(m_store->forms().add(version(1)));
    QCOMPARE(m_store->formVersion(), 2);
}

void Tst_formversions::aStoredVersionIsKept()
{
    GX_OK(m_store->forms().add(version(2, true)));
    StoredFormVersion other = version(2, true);
    other.publishedBy = u"someone-else"_s;
    const auto again = m_store->forms().add(other);
    GX_OK(again);
    QVERIFY(!again.value());
    const auto found = m_store->forms().find(2);
    GX_OK(found);
    QCOMPARE(found.value()->publishedBy, u"office"_s);
}

void Tst_formversions::editsCarryTheirVersion()
{
    const auto old = m_store->createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2024}});
    GX_OK(old);
    GX_OK(m_store->forms().add(version(2, true)));
    const auto fresh = m_store->createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2025}});
    GX_OK(fresh);

    auto record = m_store->record(u"survey"_s, old.value().id);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 1);
    record = m_store->record(u"survey"_s, fresh.value().id);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 2);

    // Editing the old record moves it to the version the edit was made on, and it stays there
    // across a restart; its mutation (the creation, coalesced) carries that version.
    GX_OK(m_store->setField(u"survey"_s, old.value().id, u"uses_5g"_s, true));
    QCOMPARE(m_store.reopen(), QString());
    record = m_store->record(u"survey"_s, old.value().id);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 2);
    QCOMPARE(record.value()->fields.value(u"uses_5g"_s), QJsonValue(true));

    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    QCOMPARE(batch.value().mutations.size(), 2);
    for (const gx::Mutation &m : batch.value().mutations) {
        QCOMPARE(m.formVersion, 2);
        QCOMPARE(m.toJson().value(u"form_version"_s), QJsonValue(2));
    }
}

void Tst_formversions::pulledChangesKeepTheServersVersion()
{
    GX_OK(m_store->forms().add(version(2, true)));
    gx::PullPage page;
    gx::Change submitted{u"survey"_s, u"s-1"_s, 3, false, QJsonObject{{u"period"_s, 2023}}};
    gx::Change current{u"survey"_s, u"s-2"_s, 4, false,
                       QJsonObject{{u"period"_s, 2024}, {u"uses_5g"_s, true}}};
    current.formVersion = 2;
    page.changes = {submitted, current};
    page.cursor = u"c1.NA"_s;
    GX_OK(m_store->pull().applyPullPage(page));
    // A submitted record of version 1 stays on version 1 on this device too, though it edits on 2.
    auto record = m_store->record(u"survey"_s, u"s-1"_s);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 1);
    record = m_store->record(u"survey"_s, u"s-2"_s);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 2);

    // A record with a pending local edit: the later of the two versions.
    GX_OK(m_store->forms().add(version(3, true)));
    GX_OK(m_store->setField(u"survey"_s, u"s-1"_s, u"notes"_s, u"本地"_s));
    gx::Change newer{u"survey"_s, u"s-1"_s, 5, false, QJsonObject{{u"period"_s, 2023}}};
    newer.formVersion = 2;
    page.changes = {newer};
    page.cursor = u"c1.NQ"_s;
    GX_OK(m_store->pull().applyPullPage(page));
    record = m_store->record(u"survey"_s, u"s-1"_s);
    GX_OK(record);
    QCOMPARE(record.value()->formVersion, 3);
    QCOMPARE(record.value()->fields.value(u"notes"_s), QJsonValue(u"本地"_s));
}

void Tst_formversions::missingVersions()
{
    GX_OK(m_store->forms().add(version(1)));
    GX_OK(m_store->createRecord(u"survey"_s, QJsonObject{{u"period"_s, 2024}}));
    auto missing = m_store->forms().missing();
    GX_OK(missing);
    QVERIFY(missing.value().isEmpty());

    // A record pulled from the server on a version this device has not fetched yet.
    gx::PullPage page;
    gx::Change change{u"survey"_s, u"pulled-1"_s, 7, false, QJsonObject{{u"period"_s, 2023}}};
    change.formVersion = 3;
    page.changes = {change};
    page.cursor = u"c1.Nw"_s;
    GX_OK(m_store->pull().applyPullPage(page));
    missing = m_store->forms().missing();
    GX_OK(missing);
    QCOMPARE(missing.value(), QList<int>{3});
    GX_OK(m_store->forms().add(version(3, true)));
    missing = m_store->forms().missing();
    GX_OK(missing);
    QVERIFY(missing.value().isEmpty());
}

void Tst_formversions::noticedVersionIsKept()
{
    auto noticed = m_store->forms().noticedVersion();
    GX_OK(noticed);
    QCOMPARE(noticed.value(), 1); // nothing announced yet: version 1 is what every store began on
    QCOMPARE(m_store->forms().setNoticedVersion(0).error().code,
             gx::StoreError::Code::InvalidArgument);
    GX_OK(m_store->forms().setNoticedVersion(3));
    QCOMPARE(m_store.reopen(), QString());
    noticed = m_store->forms().noticedVersion();
    GX_OK(noticed);
    QCOMPARE(noticed.value(), 3);
}

QTEST_GUILESS_MAIN(Tst_formversions)
#include "tst_formversions.moc"
