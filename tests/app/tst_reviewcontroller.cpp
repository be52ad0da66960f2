// ReviewController against a real gengxin-server on loopback (tests/qml/officefixture.h): a
// verdict is posted and comes back to the device store with the sync it triggers; a verdict
// that needs a comment is refused before any call; the server's refusals show its message and
// name the field.

#include "officefixture.h"

#include "app/reviewcontroller.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using gx::test::OfficeCity;

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
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OfficeCity> m_city;
    std::unique_ptr<gx::Session> m_session;
};

void Tst_reviewcontroller::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_city = std::make_unique<OfficeCity>();
    QVERIFY2(m_city->ok(), qPrintable(m_city->error()));
    gx::AppEnvironment env;
    env.dataDir = m_dir->path();
    env.assetsDir = qEnvironmentVariable("GX_ASSETS_DIR");
    m_session = std::make_unique<gx::Session>(env);
    const QString login = m_city->login(*m_session);
    QVERIFY2(login.isEmpty(), qPrintable(login));
}

void Tst_reviewcontroller::cleanup()
{
    m_session.reset();
    m_city.reset();
    m_dir.reset();
}

void Tst_reviewcontroller::approveReachesServerAndStore()
{
    const QString surveyId = m_city->surveyIds().at(0);
    gx::ReviewController controller;
    controller.setSession(m_session.get());
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
        auto latest = m_session->store()->inbox().latestReview(u"survey"_s, surveyId);
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
    controller.setSession(m_session.get());
    controller.setSurveyId(m_city->surveyIds().at(0));
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
    controller.setSession(m_session.get());
    controller.setSurveyId(surveyId.isEmpty() ? m_city->surveyIds().at(0) : surveyId);
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
