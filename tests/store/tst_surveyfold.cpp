#include "storefixture.h"

#include "store/devicestore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::DeviceStore;
using gx::LocalState;
using gx::MutationResult;
using gx::StoreError;
using gx::test::jsonObject;
using Status = gx::MutationResult::Status;

namespace {

const QString kUscc = u"91331102710000371F"_s;
const QString kExisting = u"6f1c2b7e-0000-4000-8000-00000000e515"_s;

} // namespace

class Tst_surveyfold : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void foldDuplicateSurvey_data();
    void foldDuplicateSurvey();
    void foldRefusedWhileInFlight();
    void foldOfUnknownSurveyRefused();

private:
    gx::test::StoreFixture m_store;
};

void Tst_surveyfold::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_surveyfold::cleanup()
{
    m_store.tearDown();
}

void Tst_surveyfold::foldDuplicateSurvey_data()
{
    QTest::addColumn<bool>("existingKnown");
    QTest::addColumn<QString>("existingState");
    QTest::addColumn<QString>("localState");
    QTest::addColumn<QJsonObject>("expectedEdit"); // the existing survey's new mutation
    QTest::addColumn<qint64>("expectedBase");
    // The local survey: digital_level 2, robots_total 5, notes "车间" (the existing one has the
    // same notes), visit_date left empty (null).
    QTest::newRow("submitted local over a draft")
        << true << u"draft"_s << u"submitted"_s
        << jsonObject(R"({"digital_level":2,"robots_total":5,"state":"submitted"})") << qint64(4);
    QTest::newRow("a local draft never demotes a submitted survey")
        << true << u"submitted"_s << u"draft"_s
        << jsonObject(R"({"digital_level":2,"robots_total":5})") << qint64(4);
    QTest::newRow("existing survey not pulled yet")
        << false << QString() << u"draft"_s
        << jsonObject(R"({"digital_level":2,"robots_total":5,"notes":"车间",
                      "enterprise":"91331102710000371F","period":2024})")
        << qint64(0);
}

void Tst_surveyfold::foldDuplicateSurvey()
{
    QFETCH(bool, existingKnown);
    QFETCH(QString, existingState);
    QFETCH(QString, localState);
    QFETCH(QJsonObject, expectedEdit);
    QFETCH(qint64, expectedBase);
    if (existingKnown) {
        QJsonObject fields = jsonObject(R"({"enterprise":"91331102710000371F","period":2024,
                                        "digital_level":1,"notes":"车间"})");
        fields.insert(u"state"_s, existingState);
        GX_OK(m_store->pull().applyPullPage(
            {{{u"survey"_s, kExisting, 4, false, fields}}, gx::PullCursor{9}.encode(), false}));
    }
    // Offline, this device began its own survey of the same enterprise and period.
    QJsonObject localFields = jsonObject(R"({"enterprise":"91331102710000371F","period":2024,
                                         "digital_level":2,"robots_total":5,"notes":"车间",
                                         "visit_date":null})");
    localFields.insert(u"state"_s, localState);
    const auto local = m_store->createRecord(u"survey"_s, localFields);
    GX_OK(local);
    const QString localId = local.value().id;
    QStringList rowIds;
    for (int i = 0; i < 3; ++i) {
        QJsonObject row{{u"survey"_s, localId}, {u"name"_s, u"数控车床 %1"_s.arg(i)}};
        const auto r = m_store->createRecord(u"equipment"_s, row);
        GX_OK(r);
        rowIds.append(r.value().id);
    }
    const auto process = m_store->createRecord(
        u"key_process"_s, QJsonObject{{u"survey"_s, localId}, {u"name"_s, u"铸造"_s}});
    GX_OK(process);
    rowIds.append(process.value().id);

    // The push: the survey is refused as a duplicate, its rows for want of their parent.
    const auto batch = m_store->outbox().takeBatch(100);
    GX_OK(batch);
    QCOMPARE(batch.value().mutations.size(), 5);
    QList<MutationResult> results;
    results.append({batch.value().mutations.at(0).mutationId, Status::Rejected, 0,
                    gx::SyncError{u"duplicate_survey"_s, u"a survey exists"_s, {}, kExisting}});
    for (int i = 1; i < 5; ++i) {
        results.append({batch.value().mutations.at(i).mutationId, Status::Rejected, 0,
                        gx::SyncError{u"unknown_parent"_s, u"no such survey"_s, u"survey"_s, {}}});
    }
    GX_OK(m_store->outbox().applyPushResults(results));

    const auto folded = m_store->foldSurvey(localId, kExisting);
    GX_OK(folded);
    QCOMPARE(folded.value().fieldsMoved, int(expectedEdit.size()) - (existingKnown ? 0 : 2));
    QCOMPARE(folded.value().rowsReparented, 4);

    // The local survey is gone, from the records and the outbox.
    const auto gone = m_store->record(u"survey"_s, localId);
    GX_OK(gone);
    QVERIFY(!gone.value().has_value());
    const auto entries = m_store->outbox().entries();
    GX_OK(entries);
    QCOMPARE(entries.value().size(), 5); // the existing survey's edit and the four rows
    for (const gx::OutboxEntry &e : entries.value()) {
        QVERIFY(e.mutation.id != localId);
        QCOMPARE(e.status, gx::OutboxStatus::Pending);
    }
    // Its fields are edits of the existing survey, sent before the rows that now need it.
    const gx::OutboxEntry &edit = entries.value().first();
    QCOMPARE(edit.mutation.id, kExisting);
    QCOMPARE(edit.mutation.fields, expectedEdit);
    QCOMPARE(edit.mutation.baseRev, expectedBase);
    const auto existing = m_store->record(u"survey"_s, kExisting);
    GX_OK(existing);
    QCOMPARE(existing.value()->fields.value(u"robots_total"_s), QJsonValue(5));
    QCOMPARE(existing.value()->fields.value(u"digital_level"_s), QJsonValue(2));

    // Every row now hangs under the existing survey, its whole content resent (nothing lost).
    for (qsizetype i = 0; i < 4; ++i) {
        const gx::OutboxEntry &row = entries.value().at(i + 1);
        QCOMPARE(row.mutation.id, rowIds.at(i));
        QCOMPARE(row.mutation.baseRev, 0);
        QCOMPARE(row.mutation.fields.value(u"survey"_s), QJsonValue(kExisting));
        QVERIFY(row.mutation.fields.value(u"name"_s).toString().size() >= 2);
    }
    const auto view = m_store->queries().survey(kExisting);
    GX_OK(view);
    QVERIFY(view.value().has_value());
    QCOMPARE(view.value()->equipment.size(), 3);
    QCOMPARE(view.value()->equipment.at(2).title, u"数控车床 2"_s);
    QCOMPARE(view.value()->keyProcesses.size(), 1);
    QCOMPARE(view.value()->equipment.first().state, LocalState::Pending);
}

void Tst_surveyfold::foldRefusedWhileInFlight()
{
    const auto local = m_store->createRecord(u"survey"_s, jsonObject(R"({"period":2024})"));
    GX_OK(local);
    GX_OK(m_store->outbox().takeBatch(10));
    const auto folded = m_store->foldSurvey(local.value().id, kExisting);
    QVERIFY(!folded);
    QCOMPARE(folded.error().code, StoreError::Code::InFlight);
    const auto still = m_store->record(u"survey"_s, local.value().id);
    GX_OK(still);
    QVERIFY(still.value().has_value());
}

void Tst_surveyfold::foldOfUnknownSurveyRefused()
{
    const auto folded = m_store->foldSurvey(u"nope"_s, kExisting);
    QVERIFY(!folded);
    QCOMPARE(folded.error().code, StoreError::Code::NotFound);
}

QTEST_GUILESS_MAIN(Tst_surveyfold)
#include "tst_surveyfold.moc"
