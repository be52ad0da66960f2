// ReviewController against a real gengxin-server on loopback (tests/app/officecity.h): a
// verdict is posted and comes back to the device store with the sync it triggers; a verdict
// that needs a comment is refused before any call; the server's refusals show its message and
// name the field.

#include "officecity.h"

#include "app/reviewcontroller.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using gx::test::OfficeCity;
using gx::test::OfficeDesk;

class Tst_reviewcontroller : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void approveReachesServerAndStore();
    void commentRequiredBeforeSending_data();
    void commentRequiredBeforeSending();
    void serverRefusalNamesTheField_data();
    void serverRefusalNamesTheField();

private:
    std::unique_ptr<OfficeDesk> m_desk;
};

void Tst_reviewcontroller::init()
{
    m_desk = std::make_unique<OfficeDesk>();
    QVERIFY2(m_desk->ok(), qPrintable(m_desk->error()));
}

void Tst_reviewcontroller::cleanup()
{
    m_desk.reset();
}

void Tst_reviewcontroller::approveReachesServerAndStore()
{
    const QString surveyId = m_desk->city().surveyIds().at(0);
    gx::ReviewController controller;
    controller.setSession(&m_desk->session());
    controller.setSurveyId(surveyId);
    QVERIFY(controller.isFound()); // pulled by the first sync
    QCOMPARE(controller.enterpriseName(), u"遂昌甲机械有限公司"_s);
    QCOMPARE(controller.reviewState(), u"none"_s);

    QSignalSpy reviewed(&controller, &gx::ReviewController::reviewed);
    QVERIFY(controller.submit(u"approved"_s, QString()));
    QVERIFY(controller.isBusy());
    QVERIFY(reviewed.wait(20000));
    QCOMPARE(reviewed.first().first().toString(), u"approved"_s);
    QVERIFY2(controller.error().isEmpty(), qPrintable(controller.error()));
    QVERIFY(!controller.message().isEmpty());

    // The sync it asked for brings the review record into the device store.
    const auto stored = [&]() -> std::optional<gx::ReviewTask> {
        auto latest = m_desk->session().store()->inbox().latestReview(u"survey"_s, surveyId);
        return latest ? latest.value() : std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(stored().has_value(), 20000);
    QCOMPARE(stored()->state, u"approved"_s);
    QCOMPARE(stored()->reviewer, OfficeCity::kUser);
    QCOMPARE(controller.reviewState(), u"approved"_s);
}

void Tst_reviewcontroller::commentRequiredBeforeSending_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("comment");
    QTest::newRow("has issues, none") << u"has_issues"_s << QString();
    QTest::newRow("has issues, blank") << u"has_issues"_s << u"   "_s;
    QTest::newRow("reject, none") << u"rejected"_s << QString();
}

void Tst_reviewcontroller::commentRequiredBeforeSending()
{
    QFETCH(QString, state);
    QFETCH(QString, comment);
    gx::ReviewController controller;
    controller.setSession(&m_desk->session());
    controller.setSurveyId(m_desk->city().surveyIds().at(0));
    QVERIFY(!controller.submit(state, comment));
    QVERIFY(!controller.isBusy());
    QCOMPARE(controller.errorField(), u"comment"_s);
    QVERIFY(!controller.error().isEmpty());
}

void Tst_reviewcontroller::serverRefusalNamesTheField_data()
{
    QTest::addColumn<QString>("surveyId");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("errorField");
    QTest::newRow("pinned to no such field") << QString() << u"no_such_field"_s << u"field"_s;
    QTest::newRow("no such survey")
        << u"00000000-0000-4000-8000-00000000ffff"_s << QString() << u"id"_s;
}

void Tst_reviewcontroller::serverRefusalNamesTheField()
{
    QFETCH(QString, surveyId);
    QFETCH(QString, field);
    QFETCH(QString, errorField);
    gx::ReviewController controller;
    controller.setSession(&m_desk->session());
    controller.setSurveyId(surveyId.isEmpty() ? m_desk->city().surveyIds().at(0) : surveyId);
    controller.setField(field);
    QSignalSpy failed(&controller, &gx::ReviewController::failed);
    QVERIFY(controller.submit(u"has_issues"_s, u"数控关键工序数与设备清单不符"_s));
    QVERIFY(failed.wait(20000));
    QCOMPARE(controller.errorField(), errorField);
    QVERIFY(!controller.error().isEmpty());
    QCOMPARE(failed.first().first().toString(), controller.error());
    QVERIFY(controller.message().isEmpty());
}

QTEST_MAIN(Tst_reviewcontroller)
#include "tst_reviewcontroller.moc"
