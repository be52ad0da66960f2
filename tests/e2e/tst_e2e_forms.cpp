// Survey versions on the device against the real server (DESIGN.md "Survey versions"): the
// office publishes a version 2 that adds an optional field (POST /api/v1/forms); a device's sync
// fetches what it lacks and keeps every version, new records and edits carry the newest version,
// a record keeps its version until it is edited, and a new device gets every version its
// records name. On the backend of GX_TEST_BACKEND (registered for SQLite and PostgreSQL).

#include "e2eworld.h"

#include "formversion.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;
using gx::e2e::TestDevice;

class Tst_e2e_forms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fetchesTheVersionsItLacks();
    void anOlderDraftMovesUpWhenEdited();
    void aNewDeviceKeepsEveryVersionItsRecordsName();

private:
    /** The record's version on the server (its last upsert's), from the office's pull. */
    [[nodiscard]] int serverVersion(const QString &entity, const QString &id);
    [[nodiscard]] QList<int> versionsOf(TestDevice &device);

    E2eWorld m_world;
    std::unique_ptr<TestDevice> m_a;
    QString m_draft; ///< a survey A began on version 1
};

void Tst_e2e_forms::initTestCase()
{
    GX_EMPTY(m_world.setUp());
    qInfo("backend: %s", qPrintable(E2eWorld::backend()));
}

int Tst_e2e_forms::serverVersion(const QString &entity, const QString &id)
{
    QString why;
    const auto view = m_world.officeView(&why);
    if (!why.isEmpty())
        qWarning("office view: %s", qPrintable(why));
    const QJsonObject change = view.value(entity + u'/' + id);
    return change.isEmpty() ? 0 : change.value("form_version"_L1).toInt(1);
}

QList<int> Tst_e2e_forms::versionsOf(TestDevice &device)
{
    const auto versions = device.store().forms().versions();
    return versions ? versions.value() : QList<int>{-1};
}

void Tst_e2e_forms::fetchesTheVersionsItLacks()
{
    QString why;
    m_a = m_world.device(u"insp.a"_s, u"tab-a"_s, &why);
    QVERIFY2(m_a, qPrintable(why));
    GX_EMPTY(m_a->sync());
    // The server's only version, fetched: the device holds what its records may name.
    QCOMPARE(m_a->client().lastReport().forms, 1);
    QCOMPARE(versionsOf(*m_a), QList<int>{1});
    QCOMPARE(m_a->store().formVersion(), 1);

    m_draft = gx::test::newUuid();
    QVERIFY(m_a->store()
                .createRecord(u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(1)),
                              m_draft)
                .ok());
    GX_EMPTY(m_a->sync());
    QCOMPARE(serverVersion(u"survey"_s, m_draft), 1);

    // The office publishes version 2 with a new optional field.
    const gx::test::HttpResult published = m_world.office().postJson(
        u"/api/v1/forms"_s, gx::test::withNewSurveyField(gx::test::bundledSurveyDefinition()));
    QCOMPARE(published.status, 201);

    GX_EMPTY(m_a->sync());
    QCOMPARE(m_a->client().lastReport().forms, 1);
    QCOMPARE(versionsOf(*m_a), (QList<int>{1, 2}));
    QCOMPARE(m_a->store().formVersion(), 2);
    const auto stored = m_a->store().forms().find(2);
    QVERIFY(stored.ok() && stored.value());
    // What the server says changed, kept beside the definition for the app's notice.
    const QJsonArray changes = stored.value()->changes;
    QVERIFY2(changes.contains(QJsonObject{{u"kind"_s, u"field_added"_s},
                                          {u"entity"_s, u"survey"_s},
                                          {u"field"_s, gx::test::kNewSurveyField}}),
             qPrintable(gx::test::compactJson(changes)));
    const auto definition = m_a->store().forms().definition(2);
    QVERIFY(definition.ok() && definition.value());
    QVERIFY(definition.value()->entity(u"survey"_s)->field(gx::test::kNewSurveyField));

    // Nothing new: nothing fetched.
    GX_EMPTY(m_a->sync());
    QCOMPARE(m_a->client().lastReport().forms, 0);
}

void Tst_e2e_forms::anOlderDraftMovesUpWhenEdited()
{
    QVERIFY(m_a);
    // The draft stays on version 1 until it is edited (versions only add).
    auto record = m_a->store().record(u"survey"_s, m_draft);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->formVersion, 1);

    QVERIFY(m_a->store().setField(u"survey"_s, m_draft, gx::test::kNewSurveyField, u"王工"_s).ok());
    record = m_a->store().record(u"survey"_s, m_draft);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->formVersion, 2);
    const auto entries = m_a->store().outbox().entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 1);
    QCOMPARE(entries.value().at(0).mutation.formVersion, 2);

    GX_EMPTY(m_a->sync());
    QCOMPARE(m_a->client().lastReport().rejected, 0);
    QCOMPARE(serverVersion(u"survey"_s, m_draft), 2);
    QString why;
    const auto view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject fields = view.value(u"survey/"_s + m_draft).value("fields"_L1).toObject();
    QCOMPARE(fields.value(gx::test::kNewSurveyField).toString(), u"王工"_s);
    QCOMPARE(fields.value("enterprise"_L1).toString(), E2eWorld::enterprise(1));
}

void Tst_e2e_forms::aNewDeviceKeepsEveryVersionItsRecordsName()
{
    QString why;
    auto b = m_world.device(u"insp.b"_s, u"tab-b"_s, &why);
    QVERIFY2(b, qPrintable(why));
    GX_EMPTY(b->sync());
    QCOMPARE(b->client().lastReport().forms, 2);
    QCOMPARE(versionsOf(*b), (QList<int>{1, 2}));
    QCOMPARE(b->store().formVersion(), 2);
    const auto record = b->store().record(u"survey"_s, m_draft);
    QVERIFY(record.ok() && record.value());
    QCOMPARE(record.value()->formVersion, 2);
    QCOMPARE(record.value()->fields.value(gx::test::kNewSurveyField).toString(), u"王工"_s);
    const auto missing = b->store().forms().missing();
    QVERIFY(missing.ok());
    QVERIFY(missing.value().isEmpty());

    // A survey B begins now is of version 2, and so is its mutation.
    const QString survey = gx::test::newUuid();
    QJsonObject fields = gx::test::draftSurveyFields(E2eWorld::enterprise(2));
    fields.insert(gx::test::kNewSurveyField, u"李工"_s);
    QVERIFY(b->store().createRecord(u"survey"_s, fields, survey).ok());
    GX_EMPTY(b->sync());
    QCOMPARE(b->client().lastReport().rejected, 0);
    QCOMPARE(serverVersion(u"survey"_s, survey), 2);
}

QTEST_GUILESS_MAIN(Tst_e2e_forms)
#include "tst_e2e_forms.moc"
