#include "storefixture.h"

#include "store/devicestore.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::Change;
using gx::DeviceStore;
using gx::EnterpriseQuery;
using gx::LocalState;
using gx::SurveyFilter;

namespace {

Change enterprise(const QString &uscc, const QString &name, const QString &region)
{
    return {u"enterprise"_s, uscc, 1, false,
            QJsonObject{{u"uscc"_s, uscc}, {u"name"_s, name}, {u"region"_s, region}}};
}

Change survey(const QString &id, const QString &uscc, int period, const QString &state)
{
    return {u"survey"_s, id, 1, false,
            QJsonObject{{u"enterprise"_s, uscc}, {u"period"_s, period}, {u"state"_s, state}}};
}

} // namespace

class Tst_storequeries : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enterpriseList_data();
    void enterpriseList();
    void surveyWithThousandRows();
    void badgeCounts();
    void enterpriseBadgesSurveysAndRejected();

private:
    gx::test::StoreFixture m_store;
};

void Tst_storequeries::init()
{
    QCOMPARE(m_store.setUp(), QString());
}

void Tst_storequeries::cleanup()
{
    m_store.tearDown();
}

void Tst_storequeries::enterpriseList_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("filter");
    QTest::addColumn<QStringList>("expected"); // "USCC STATE", by name (code points)
    // Liandu (331102): A 阀门 (2024 submitted), B 泵业 (2024 draft, 2023 submitted),
    // C 电机 (none), D 阀门二厂 (2023 only). Qingtian (331121): E 石雕 (2024 draft).
    const QString a = u"A13311020000000001"_s, b = u"B13311020000000002"_s,
                  c = u"C13311020000000003"_s, d = u"D13311020000000004"_s,
                  e = u"E13311210000000005"_s;
    QTest::newRow("a region, all")
        << u"331102"_s << QString() << int(SurveyFilter::Any)
        << QStringList{c + u" -"_s, a + u" submitted"_s, b + u" draft"_s, d + u" -"_s};
    QTest::newRow("not started") << u"331102"_s << QString() << int(SurveyFilter::NotStarted)
                                 << QStringList{c + u" -"_s, d + u" -"_s};
    QTest::newRow("drafts") << u"331102"_s << QString() << int(SurveyFilter::Draft)
                            << QStringList{b + u" draft"_s};
    QTest::newRow("submitted") << u"331102"_s << QString() << int(SurveyFilter::Submitted)
                               << QStringList{a + u" submitted"_s};
    QTest::newRow("by part of the name") << u"331102"_s << u"阀门"_s << int(SurveyFilter::Any)
                                         << QStringList{a + u" submitted"_s, d + u" -"_s};
    QTest::newRow("by USCC prefix, any case")
        << u"331102"_s << u"b1331"_s << int(SurveyFilter::Any) << QStringList{b + u" draft"_s};
    QTest::newRow("another region")
        << u"331121"_s << QString() << int(SurveyFilter::Any) << QStringList{e + u" draft"_s};
    QTest::newRow("every region, drafts") << QString() << QString() << int(SurveyFilter::Draft)
                                          << QStringList{b + u" draft"_s, e + u" draft"_s};
}

void Tst_storequeries::enterpriseList()
{
    QFETCH(QString, region);
    QFETCH(QString, search);
    QFETCH(int, filter);
    QFETCH(QStringList, expected);
    const QString a = u"A13311020000000001"_s, b = u"B13311020000000002"_s,
                  c = u"C13311020000000003"_s, d = u"D13311020000000004"_s,
                  e = u"E13311210000000005"_s;
    GX_OK(m_store->pull().applyPullPage(
        {{enterprise(a, u"丽水阀门"_s, u"331102"_s), enterprise(b, u"莲都泵业"_s, u"331102"_s),
          enterprise(c, u"丽水电机"_s, u"331102"_s), enterprise(d, u"阀门二厂"_s, u"331102"_s),
          enterprise(e, u"青田石雕"_s, u"331121"_s), survey(u"sa"_s, a, 2024, u"submitted"_s),
          survey(u"sb"_s, b, 2024, u"draft"_s), survey(u"sb23"_s, b, 2023, u"submitted"_s),
          survey(u"sd23"_s, d, 2023, u"submitted"_s), survey(u"se"_s, e, 2024, u"draft"_s)},
         gx::PullCursor{1}.encode(),
         false}));
    const auto rows =
        m_store->queries().enterprises(EnterpriseQuery{region, 2024, search, SurveyFilter(filter)});
    GX_OK(rows);
    QStringList actual;
    for (const gx::EnterpriseRow &row : rows.value()) {
        actual.append(row.uscc + u' ' + (row.surveyState.isEmpty() ? u"-"_s : row.surveyState));
    }
    QCOMPARE(actual, expected);
}

void Tst_storequeries::surveyWithThousandRows()
{
    GX_OK(m_store->createRecord(u"survey"_s, {{u"period"_s, 2024}}, u"s"_s));
    static const char *kCategories[] = {"machine_tool", "boiler", "pump", "motor"};
    QList<QJsonObject> rows;
    for (int i = 0; i < 1000; ++i) {
        rows.append(QJsonObject{{u"survey"_s, u"s"_s},
                                {u"name"_s, u"设备 %1"_s.arg(i)},
                                {u"category"_s, QString::fromLatin1(kCategories[i % 4])},
                                {u"status"_s, i % 10 == 0 ? u"eliminated"_s : u"in_service"_s},
                                {u"quantity"_s, i + 1}});
    }
    const auto created = m_store->createRecords(u"equipment"_s, rows);
    GX_OK(created);
    // Rows of another survey, and a deleted row, are not shown.
    GX_OK(m_store->createRecord(u"equipment"_s, {{u"survey"_s, u"other"_s}}));
    GX_OK(m_store->createRecord(u"key_process"_s, {{u"survey"_s, u"s"_s}, {u"name"_s, u"焊接"_s}}));
    GX_OK(m_store->deleteRecord(u"equipment"_s, created.value().at(500).id));

    const auto view = m_store->queries().survey(u"s"_s);
    GX_OK(view);
    QVERIFY(view.value().has_value());
    const QList<gx::RowSummary> &equipment = view.value()->equipment;
    QCOMPARE(equipment.size(), 999);
    QCOMPARE(view.value()->keyProcesses.size(), 1);
    QCOMPARE(view.value()->keyProcesses.first().title, u"焊接"_s);
    for (int shown = 0; shown < 999; ++shown) {
        const int i = shown < 500 ? shown : shown + 1; // row 500 was deleted
        const gx::RowSummary &row = equipment.at(shown);
        QCOMPARE(row.id, created.value().at(i).id);
        QCOMPARE(row.title, u"设备 %1"_s.arg(i));
        QCOMPARE(row.category, QString::fromLatin1(kCategories[i % 4]));
        QCOMPARE(row.status, i % 10 == 0 ? u"eliminated"_s : u"in_service"_s);
        QCOMPARE(row.state, LocalState::Pending);
    }
    QCOMPARE(equipment.at(998).fields().value(u"quantity"_s), QJsonValue(1000));
    const auto none = m_store->queries().survey(u"missing"_s);
    GX_OK(none);
    QVERIFY(!none.value().has_value());
}

void Tst_storequeries::badgeCounts()
{
    auto counts = m_store->queries().badgeCounts();
    GX_OK(counts);
    QCOMPARE(counts.value().pending, 0);
    // Three local records (pending), one pulled (synced); one push refused.
    for (int i = 0; i < 3; ++i)
        GX_OK(m_store->createRecord(u"survey"_s, QJsonObject{{u"n"_s, i}}));
    const auto batch = m_store->outbox().takeBatch(1);
    GX_OK(batch);
    GX_OK(m_store->outbox().applyPushResults(
        {{batch.value().mutations.first().mutationId, gx::MutationResult::Status::Rejected, 0,
          gx::SyncError{u"forbidden"_s, u"outside your region"_s, {}, {}}}}));
    const QJsonObject issue{{u"entity"_s, u"survey"_s},
                            {u"record_id"_s, u"x"_s},
                            {u"state"_s, u"has_issues"_s},
                            {u"comment"_s, u"?"_s},
                            {u"reviewed_at"_s, u"2024-11-21T09:00:00Z"_s}};
    QJsonObject approved = issue;
    approved.insert(u"record_id"_s, u"y"_s);
    approved.insert(u"state"_s, u"approved"_s);
    GX_OK(m_store->pull().applyPullPage(
        {{{u"survey"_s, u"x"_s, 1, false, {{u"n"_s, 9}}},
          {u"conflict"_s, u"c1"_s, 1, false, {{u"record_id"_s, u"x"_s}}},
          {u"conflict"_s, u"c2"_s, 1, false, {{u"record_id"_s, u"x"_s}}},
          {u"review"_s, u"r1"_s, 1, false, issue},
          {u"review"_s, u"r2"_s, 1, false, approved}},
         gx::PullCursor{5}.encode(),
         false}));
    GX_OK(m_store->inbox().dismissConflict(u"c2"_s));
    counts = m_store->queries().badgeCounts();
    GX_OK(counts);
    QCOMPARE(counts.value().pending, 2);
    QCOMPARE(counts.value().rejected, 1);
    QCOMPARE(counts.value().conflicts, 1);
    QCOMPARE(counts.value().reviewTasks, 1);
}

void Tst_storequeries::enterpriseBadgesSurveysAndRejected()
{
    const QString a = u"A13311020000000001"_s, b = u"B13311020000000002"_s;
    const auto note = [](const QString &kind, const QString &id, const QString &entity,
                         const QString &recordId, const QString &state) {
        QJsonObject fields{{u"entity"_s, entity}, {u"record_id"_s, recordId}};
        if (kind == u"review"_s) {
            fields.insert(u"state"_s, state);
            fields.insert(u"comment"_s, u"?"_s);
            fields.insert(u"reviewed_at"_s, u"2024-11-21T09:00:00Z"_s);
        }
        return Change{kind, id, 1, false, fields};
    };
    GX_OK(m_store->pull().applyPullPage(
        {{enterprise(a, u"丽水阀门"_s, u"331102"_s),
          enterprise(b, u"莲都泵业"_s, u"331102"_s),
          survey(u"sa"_s, a, 2024, u"draft"_s),
          survey(u"sa23"_s, a, 2023, u"submitted"_s),
          {u"equipment"_s, u"ea"_s, 1, false, {{u"survey"_s, u"sa"_s}, {u"name"_s, u"车床"_s}}},
          note(u"review"_s, u"r1"_s, u"survey"_s, u"sa"_s, u"has_issues"_s),
          note(u"review"_s, u"r2"_s, u"equipment"_s, u"ea"_s, u"rejected"_s),
          note(u"review"_s, u"r3"_s, u"survey"_s, u"sa23"_s, u"has_issues"_s),
          note(u"conflict"_s, u"c1"_s, u"enterprise"_s, b, {}),
          note(u"conflict"_s, u"c2"_s, u"survey"_s, u"sa"_s, {})},
         gx::PullCursor{1}.encode(),
         false}));
    auto badges = m_store->queries().enterpriseBadges(2024);
    GX_OK(badges);
    // A: the 2024 survey's task and its row's, not the 2023 one; its survey's conflict.
    QCOMPARE(badges.value().value(a).reviewTasks, 2);
    QCOMPARE(badges.value().value(a).conflicts, 1);
    // B: a conflict on the enterprise itself counts in every period.
    QCOMPARE(badges.value().value(b).reviewTasks, 0);
    QCOMPARE(badges.value().value(b).conflicts, 1);
    badges = m_store->queries().enterpriseBadges(2023);
    GX_OK(badges);
    QCOMPARE(badges.value().value(a).reviewTasks, 1);

    auto surveys = m_store->queries().surveysOf(a);
    GX_OK(surveys);
    QCOMPARE(surveys.value().size(), 2);
    QCOMPARE(surveys.value().at(0).id, u"sa"_s);
    QCOMPARE(surveys.value().at(0).period, 2024);
    QCOMPARE(surveys.value().at(1).state, u"submitted"_s);
    auto withRows = m_store->queries().surveyWithEquipment();
    GX_OK(withRows);
    QCOMPARE(withRows.value(), u"sa"_s);

    auto rejected = m_store->queries().rejectedRecords();
    GX_OK(rejected);
    QVERIFY(rejected.value().isEmpty());
    GX_OK(m_store->setField(u"equipment"_s, u"ea"_s, u"quantity"_s, 3));
    const auto batch = m_store->outbox().takeBatch(10);
    GX_OK(batch);
    GX_OK(m_store->outbox().applyPushResults(
        {{batch.value().mutations.first().mutationId, gx::MutationResult::Status::Rejected, 0,
          gx::SyncError{u"validation"_s, u"数量必须大于 0"_s, u"quantity"_s, {}}}}));
    rejected = m_store->queries().rejectedRecords();
    GX_OK(rejected);
    QCOMPARE(rejected.value().size(), 1);
    QCOMPARE(rejected.value().first().entity, u"equipment"_s);
    QCOMPARE(rejected.value().first().title, u"车床"_s);
    QCOMPARE(rejected.value().first().parentId, u"sa"_s);
    QCOMPARE(rejected.value().first().error.field, u"quantity"_s);
    QCOMPARE(rejected.value().first().error.message, u"数量必须大于 0"_s);
}

QTEST_GUILESS_MAIN(Tst_storequeries)
#include "tst_storequeries.moc"
