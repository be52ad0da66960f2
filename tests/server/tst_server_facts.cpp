// The indicator facts tables (RecordFacts) follow every record write: a changed record changes
// its row, a tombstone marks it deleted, the latest live review decides whether a survey counts;
// and the migration that adds them fills them from a store written before it.

#include "sync/figures/coveragequery.h"
#include "sync/records/recordstore.h"
#include "sync/records/serverschema.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;
using namespace gx::test;

class Tst_server_facts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void surveyColumn_data();
    void surveyColumn();
    void equipmentFollowsEditsAndDeletion();
    void latestLiveReviewCounts();
    void migrationBackfills();

private:
    void write(const QString &entity, const QString &id, const QJsonObject &fields,
               bool deleted = false);
    [[nodiscard]] IndicatorInput load(int period);
    [[nodiscard]] QVariant column(const QString &table, const QString &column, const QString &id);

    std::unique_ptr<TestDatabase> m_db;
};

void Tst_server_facts::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
}

void Tst_server_facts::cleanup()
{
    m_db.reset();
}

void Tst_server_facts::write(const QString &entity, const QString &id, const QJsonObject &fields,
                             bool deleted)
{
    auto transaction = server::WriteTransaction::begin(m_db->db());
    if (!transaction)
        QFAIL(qPrintable(transaction.error().message));
    server::RecordStore store(m_db->db());
    auto existing = store.get(entity, id);
    QVERIFY(existing);
    server::StoredRecord record;
    record.entity = entity;
    record.id = id;
    record.rev = existing.value() ? existing.value()->rev + 1 : 1;
    record.deleted = deleted;
    record.fields = fields;
    auto written = store.write(record);
    if (!written)
        QFAIL(qPrintable(written.error().message));
    auto committed = transaction.value().commit();
    if (!committed)
        QFAIL(qPrintable(committed.error().message));
}

IndicatorInput Tst_server_facts::load(int period)
{
    auto input = server::CoverageQuery(m_db->db(), testRegions()).load(period);
    if (!input)
        qFatal("coverage input: %s", qPrintable(input.error().message));
    return input.value();
}

QVariant Tst_server_facts::column(const QString &table, const QString &name, const QString &id)
{
    auto query = m_db->db().exec(u"SELECT %1 FROM %2 WHERE id = ?"_s.arg(name, table), {id});
    if (!query || !query.value().next())
        return u"<no row>"_s;
    return query.value().value(0);
}

void Tst_server_facts::surveyColumn_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("columnName");
    QTest::addColumn<QVariant>("expected"); // null QVariant: NULL (unreported)

    QTest::newRow("count") << u"digital_level"_s << QJsonValue(3) << u"digital_level"_s
                           << QVariant(3);
    QTest::newRow("negative count")
        << u"robots_added"_s << QJsonValue(-2) << u"robots_added"_s << QVariant();
    QTest::newRow("count as text")
        << u"key_processes"_s << QJsonValue(u"5"_s) << u"key_processes"_s << QVariant();
    QTest::newRow("amount") << u"tech_invest_10k"_s << QJsonValue(12.5) << u"tech_invest"_s
                            << QVariant(12.5);
    QTest::newRow("bool") << u"design_tools"_s << QJsonValue(true) << u"design_tools"_s
                          << QVariant(1);
    QTest::newRow("tier") << u"factory_tier"_s << QJsonValue(u"smart_factory"_s)
                          << u"factory_tier"_s
                          << QVariant(static_cast<int>(FactoryTier::SmartFactory));
    QTest::newRow("unknown tier") << u"factory_tier"_s << QJsonValue(u"palace"_s)
                                  << u"factory_tier"_s << QVariant();
}

void Tst_server_facts::surveyColumn()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, columnName);
    QFETCH(QVariant, expected);

    write(u"survey"_s, u"s1"_s, {{u"period"_s, 2024}, {u"enterprise"_s, u"E1"_s}});
    QVERIFY(column(u"survey_facts"_s, columnName, u"s1"_s).isNull());
    write(u"survey"_s, u"s1"_s, {{u"period"_s, 2024}, {u"enterprise"_s, u"E1"_s}, {field, value}});
    const QVariant stored = column(u"survey_facts"_s, columnName, u"s1"_s);
    QCOMPARE(stored.isNull(), expected.isNull());
    if (!expected.isNull())
        QCOMPARE(stored.toDouble(), expected.toDouble());
}

void Tst_server_facts::equipmentFollowsEditsAndDeletion()
{
    write(u"survey"_s, u"s1"_s,
          {{u"period"_s, 2024}, {u"enterprise"_s, u"E1"_s}, {u"state"_s, u"submitted"_s}});
    write(u"equipment"_s, u"q1"_s, {{u"survey"_s, u"s1"_s}, {u"quantity"_s, 4}});
    IndicatorInput input = load(2024);
    QCOMPARE(input.surveys.size(), 1);
    QCOMPARE(input.surveys.at(0).state, SurveyState::Submitted);
    QCOMPARE(input.equipment.size(), 1);
    QCOMPARE(input.equipment.at(0).quantity, 4);
    QCOMPARE(input.equipment.at(0).status, EquipmentStatus::InService);

    // An edit: no valid quantity counts as one unit; the status is read.
    write(u"equipment"_s, u"q1"_s,
          {{u"survey"_s, u"s1"_s}, {u"quantity"_s, u"many"_s}, {u"status"_s, u"eliminated"_s}});
    input = load(2024);
    QCOMPARE(input.equipment.size(), 1);
    QCOMPARE(input.equipment.at(0).quantity, 1);
    QCOMPARE(input.equipment.at(0).status, EquipmentStatus::Eliminated);

    // A tombstone keeps its row, marked deleted, and is no longer read.
    write(u"equipment"_s, u"q1"_s, {{u"survey"_s, u"s1"_s}}, true);
    QCOMPARE(column(u"equipment_facts"_s, u"deleted"_s, u"q1"_s).toInt(), 1);
    QCOMPARE(load(2024).equipment.size(), 0);

    // A deleted survey takes its equipment with it; another period reads nothing.
    write(u"equipment"_s, u"q2"_s, {{u"survey"_s, u"s1"_s}});
    QCOMPARE(load(2024).equipment.size(), 1);
    QCOMPARE(load(2023).surveys.size(), 0);
    write(u"survey"_s, u"s1"_s, {{u"period"_s, 2024}}, true);
    input = load(2024);
    QCOMPARE(input.surveys.size(), 0);
    QCOMPARE(input.equipment.size(), 0);
}

void Tst_server_facts::latestLiveReviewCounts()
{
    write(u"survey"_s, u"s1"_s,
          {{u"period"_s, 2024}, {u"enterprise"_s, u"E1"_s}, {u"state"_s, u"submitted"_s}});
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::None);
    const auto review = [](const QString &state) {
        return QJsonObject{
            {u"entity"_s, u"survey"_s}, {u"record_id"_s, u"s1"_s}, {u"state"_s, state}};
    };
    write(u"review"_s, u"r1"_s, review(u"rejected"_s));
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::Rejected);
    QVERIFY(!load(2024).surveys.at(0).isCounted());
    write(u"review"_s, u"r2"_s, review(u"approved"_s));
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::Approved);
    // Deleting the latest review makes the one before it the latest again.
    write(u"review"_s, u"r2"_s, review(u"approved"_s), true);
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::Rejected);
    // A review of another entity bears on no survey.
    write(u"review"_s, u"r3"_s,
          {{u"entity"_s, u"equipment"_s}, {u"record_id"_s, u"s1"_s}, {u"state"_s, u"approved"_s}});
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::Rejected);
    // Editing the survey keeps its review.
    write(u"survey"_s, u"s1"_s,
          {{u"period"_s, 2024}, {u"enterprise"_s, u"E2"_s}, {u"state"_s, u"submitted"_s}});
    QCOMPARE(load(2024).surveys.at(0).enterprise, u"E2"_s);
    QCOMPARE(load(2024).surveys.at(0).review, ReviewState::Rejected);
}

void Tst_server_facts::migrationBackfills()
{
    write(u"enterprise"_s, u"E1"_s, {{u"region"_s, u"331102"_s}, {u"above_size"_s, true}});
    write(u"enterprise"_s, u"E9"_s, {{u"region"_s, u"331121"_s}}, true);
    write(u"survey"_s, u"s1"_s,
          {{u"period"_s, 2024},
           {u"enterprise"_s, u"E1"_s},
           {u"state"_s, u"submitted"_s},
           {u"digital_level"_s, 2},
           {u"equipment_invest_10k"_s, 30.5}});
    write(u"equipment"_s, u"q1"_s,
          {{u"survey"_s, u"s1"_s}, {u"quantity"_s, 3}, {u"key_energy"_s, true}});
    write(u"review"_s, u"r1"_s,
          {{u"entity"_s, u"survey"_s}, {u"record_id"_s, u"s1"_s}, {u"state"_s, u"has_issues"_s}});

    // Back to the schema before the facts: the records alone, as an older server left them.
    for (const QString &sql :
         {u"DROP TABLE coverage_facts"_s, u"DROP INDEX registry_region_size"_s,
          u"DROP TABLE enterprise_facts"_s, u"DROP TABLE survey_facts"_s,
          u"DROP TABLE equipment_facts"_s, u"DROP TABLE review_facts"_s, u"DROP TABLE targets"_s,
          u"DROP TABLE blob_refs"_s, u"DROP TABLE blob_uploads"_s, u"DROP TABLE form_versions"_s,
          u"ALTER TABLE records DROP COLUMN form_version"_s,
          u"ALTER TABLE users DROP COLUMN must_change_password"_s,
          u"ALTER TABLE users DROP COLUMN last_login_at"_s,
          u"DELETE FROM schema_migrations WHERE version >= 3"_s}) {
        auto done = m_db->db().run(sql);
        if (!done)
            QFAIL(qPrintable(done.error().message));
    }
    auto applied =
        server::ServerSchema::apply(m_db->db(), TestClock::kStart, testRegions(), testForm());
    if (!applied)
        QFAIL(qPrintable(applied.error().message));
    // The facts (3), the coverage rows made from them (4), the targets seeded from the catalog (5),
    // the blob uploads per uploader and references (6), the survey's versions (7), the accounts'
    // one-time passwords (8).
    QCOMPARE(applied.value(), 6);

    const IndicatorInput input = load(2024);
    QCOMPARE(input.enterprises.size(), 1);
    QCOMPARE(input.enterprises.at(0).uscc, u"E1"_s);
    QCOMPARE(input.enterprises.at(0).region, u"331102"_s);
    QVERIFY(input.enterprises.at(0).aboveSize);
    QCOMPARE(input.surveys.size(), 1);
    const SurveyFacts &survey = input.surveys.at(0);
    QCOMPARE(survey.enterprise, u"E1"_s);
    QCOMPARE(survey.state, SurveyState::Submitted);
    QCOMPARE(survey.review, ReviewState::HasIssues);
    QCOMPARE(survey.digitalLevel, std::optional<int>(2));
    QCOMPARE(survey.equipmentInvest, std::optional<double>(30.5));
    QVERIFY(!survey.techInvest);
    QCOMPARE(input.equipment.size(), 1);
    QCOMPARE(input.equipment.at(0).quantity, 3);
    QVERIFY(input.equipment.at(0).keyEnergy);
    // Migration 4 made the enterprise's coverage row from them.
    auto row = m_db->db().exec(
        u"SELECT survey, digital, energy_of FROM coverage_facts WHERE enterprise = 'E1'"_s);
    QVERIFY(row && row.value().next());
    QCOMPARE(row.value().value(0).toString(), u"s1"_s);
    QCOMPARE(row.value().value(2).toInt(), 3);
}

QTEST_GUILESS_MAIN(Tst_server_facts)
#include "tst_server_facts.moc"
