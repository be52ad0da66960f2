// Submitting a survey over a real device store: every problem of the survey and its rows is
// listed in submit mode (field label, row, message); with none left the state becomes
// "submitted" as one saved edit. Review tasks of the survey and its rows are listed.

#include "app/reviewtaskmodel.h"
#include "app/surveycontroller.h"
#include "formtesthelpers.h"

#include "core/syncprotocol.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace gx {

class Tst_surveycontroller : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listsProblemsOfSurveyAndRows();
    void submitsWhenComplete();
    void reviewTasksOfSurveyAndRows();

private:
    [[nodiscard]] QJsonObject completeSurvey() const;

    std::unique_ptr<test::FormWorld> m_world;
};

void Tst_surveycontroller::init()
{
    m_world = std::make_unique<test::FormWorld>();
    QVERIFY(m_world->open());
}

void Tst_surveycontroller::cleanup()
{
    m_world.reset();
}

QJsonObject Tst_surveycontroller::completeSurvey() const
{
    return {{u"visit_date"_s, u"2024-06-03"_s},
            {u"digital_level"_s, 2},
            {u"renovation_status"_s, u"in_progress"_s},
            {u"design_tools"_s, false},
            {u"key_processes"_s, 4},
            {u"key_processes_cnc"_s, 3},
            {u"factory_tier"_s, u"none"_s},
            {u"robots_added"_s, 0},
            {u"tech_invest_base_10k"_s, 100},
            {u"tech_invest_10k"_s, 120},
            {u"equipment_invest_base_10k"_s, 80},
            {u"equipment_invest_10k"_s, 95}};
}

void Tst_surveycontroller::listsProblemsOfSurveyAndRows()
{
    auto row = m_world->session->store()->createRecord(
        u"equipment"_s, QJsonObject{{u"survey"_s, m_world->surveyId}, {u"name"_s, u"空压机"_s}});
    QVERIFY(row);
    SurveyController controller;
    controller.setSession(m_world->session.get());
    controller.setSurveyId(m_world->surveyId);
    QVERIFY(controller.isLoaded());
    QCOMPARE(controller.enterpriseName(), u"丽水精工机械有限公司"_s);
    QVERIFY(!controller.submit());
    QVERIFY(controller.errorCount() > 0);
    const auto &issues = controller.issues()->issues();
    auto find = [&](const QString &entity, const QString &field) {
        return std::find_if(issues.cbegin(), issues.cend(),
                            [&](const auto &i) { return i.entity == entity && i.field == field; });
    };
    auto visit = find(u"survey"_s, u"visit_date"_s);
    QVERIFY(visit != issues.cend());
    QCOMPARE(visit->fieldLabel, u"走访日期"_s);
    QCOMPARE(visit->message, u"请填写「走访日期」"_s);
    QVERIFY(visit->rowTitle.isEmpty());
    auto quantity = find(u"equipment"_s, u"quantity"_s);
    QVERIFY(quantity != issues.cend());
    QCOMPARE(quantity->recordId, row.value().id);
    QCOMPARE(quantity->rowTitle, u"设备 1：空压机"_s);
    QCOMPARE(m_world->stored(u"survey"_s, m_world->surveyId).value(u"state"_s).toString(),
             u"draft"_s);
}

void Tst_surveycontroller::submitsWhenComplete()
{
    QVERIFY(m_world->session->store()->setFields(u"survey"_s, m_world->surveyId, completeSurvey()));
    SurveyController controller;
    controller.setSession(m_world->session.get());
    controller.setSurveyId(m_world->surveyId);
    QVERIFY2(controller.submit(), qPrintable(controller.issues()->rowCount() > 0
                                                 ? controller.issues()->issues().first().message
                                                 : controller.lastError()));
    QCOMPARE(controller.errorCount(), 0);
    QVERIFY(controller.isSubmitted());
    QCOMPARE(m_world->stored(u"survey"_s, m_world->surveyId).value(u"state"_s).toString(),
             u"submitted"_s);
}

void Tst_surveycontroller::reviewTasksOfSurveyAndRows()
{
    auto row = m_world->session->store()->createRecord(
        u"equipment"_s, QJsonObject{{u"survey"_s, m_world->surveyId}, {u"name"_s, u"空压机"_s}});
    QVERIFY(row);
    auto review = [](const QString &id, const QString &entity, const QString &recordId,
                     const QString &field, const QString &at) {
        return Change{u"review"_s, id, 5, false,
                      QJsonObject{{u"entity"_s, entity},
                                  {u"record_id"_s, recordId},
                                  {u"state"_s, u"has_issues"_s},
                                  {u"comment"_s, u"请核实"_s},
                                  {u"field"_s, field},
                                  {u"reviewed_at"_s, at}}};
    };
    PullPage page;
    page.cursor = u"c1"_s;
    page.changes << review(u"0b7c1a52-1111-4c1e-9d7e-000000000001"_s, u"survey"_s,
                           m_world->surveyId, u"robots_total"_s, u"2024-11-28T10:00:00Z"_s)
                 << review(u"0b7c1a52-1111-4c1e-9d7e-000000000002"_s, u"equipment"_s,
                           row.value().id, u"quantity"_s, u"2024-11-28T10:01:00Z"_s)
                 << review(u"0b7c1a52-1111-4c1e-9d7e-000000000003"_s, u"survey"_s,
                           u"another-survey"_s, u"notes"_s, u"2024-11-28T10:02:00Z"_s);
    QVERIFY(m_world->session->store()->pull().applyPullPage(page));
    ReviewTaskModel tasks;
    tasks.setSession(m_world->session.get());
    tasks.setSurveyId(m_world->surveyId);
    QCOMPARE(tasks.rowCount(), 2);
    QCOMPARE(tasks.data(tasks.index(0), ReviewTaskModel::FieldLabelRole).toString(), u"数量"_s);
    QCOMPARE(tasks.data(tasks.index(1), ReviewTaskModel::FieldLabelRole).toString(),
             u"工业机器人保有量"_s);
    QVERIFY(tasks.markDone(0));
    QCOMPARE(tasks.rowCount(), 1);
}

} // namespace gx

QTEST_GUILESS_MAIN(gx::Tst_surveycontroller)
#include "tst_surveycontroller.moc"
