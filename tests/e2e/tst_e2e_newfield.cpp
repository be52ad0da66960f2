// A new optional field flows through device, sync, server, review and export with no code
// change (issue 10, item 1): the office publishes a version 2 of the survey that adds
// 数字化负责人 (POST /api/v1/forms); an inspector's app syncs, and a value typed into the new field
// through the app's form model (FormFieldsModel, as the survey screen does) is pushed; the
// office's app pulls it and its review screen's models show it and pin a review to it; and the
// XLSX of GET /api/v1/export/records holds it, read back. The real gengxin-server process, on the
// backend of GX_TEST_BACKEND (registered for SQLite and, as tst_e2e_newfield_pg, PostgreSQL).

#include "e2eworld.h"

#include "app/formfieldsmodel.h"
#include "app/formupdatenotice.h"
#include "app/reviewcontroller.h"
#include "app/session.h"
#include "formversion.h"
#include "store/devicestore.h"
#include "sync/store/xlsxreader.h"
#include "syncclient/syncclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;

namespace {

const QString kValue = u"王工"_s;

/** Logs the session in at the server and waits for its first sync; "" or why not. */
QString logInAndSync(gx::Session &session, const QUrl &server, const QString &user)
{
    QSignalSpy finished(&session, &gx::Session::loginFinished);
    session.login(server.toString(), user, gx::test::kPassword);
    if (finished.isEmpty() && !finished.wait(30'000))
        return u"no answer to the login of "_s + user;
    if (!finished.first().first().toBool())
        return u"the login of %1 failed: %2"_s.arg(user, session.error());
    return {};
}

/** Whether the session's sync client has finished a cycle and has nothing left to send. */
bool settled(gx::Session &session)
{
    gx::SyncClient *sync = session.syncClient();
    if (!sync || sync->state() != gx::SyncState::Idle || !sync->lastSuccess().isValid())
        return false;
    const auto counts = session.store()->queries().badgeCounts();
    return counts && counts.value().pending == 0;
}

} // namespace

class Tst_e2e_newfield : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aNewFieldFromTheFormToTheWorkbook();

private:
    E2eWorld m_world;
};

void Tst_e2e_newfield::initTestCase()
{
    GX_EMPTY(m_world.setUp());
    qInfo("backend: %s", qPrintable(E2eWorld::backend()));
}

void Tst_e2e_newfield::aNewFieldFromTheFormToTheWorkbook()
{
    // The office publishes version 2 through the API.
    const gx::test::HttpResult published = m_world.office().postJson(
        u"/api/v1/forms"_s, gx::test::withNewSurveyField(gx::test::bundledSurveyDefinition()));
    QCOMPARE(published.status, 201);
    QCOMPARE(published.json().value("version"_L1).toInt(), 2);

    QString survey;
    {
        // The inspector's app, which ships version 1 only, syncs and renders on version 2.
        QTemporaryDir dataDir;
        gx::AppEnvironment env;
        env.dataDir = dataDir.path();
        env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
        gx::Session session(env);
        GX_EMPTY(logInAndSync(session, m_world.baseUrl(), u"insp.a"_s));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 30'000);
        QCOMPARE(session.formVersion(), 2);
        gx::FormUpdateNotice notice;
        notice.setSession(&session);
        QVERIFY(notice.isShown());
        QCOMPARE(notice.version(), 2);
        QVERIFY2(notice.text().contains(gx::test::kNewSurveyFieldLabel), qPrintable(notice.text()));

        const auto created = session.store()->createRecord(
            u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(4)));
        QVERIFY(created.ok());
        survey = created.value().id;
        gx::FormFieldsModel form;
        form.setSession(&session);
        form.setEntity(u"survey"_s);
        form.setRecordId(survey);
        QTRY_VERIFY(form.isLoaded());
        const int row = form.indexOf(gx::test::kNewSurveyField);
        QVERIFY(row >= 0);
        QCOMPARE(form.get(row, u"label"_s).toString(), gx::test::kNewSurveyFieldLabel);
        QVERIFY2(form.setValue(gx::test::kNewSurveyField, kValue), qPrintable(form.lastError()));
        QCOMPARE(form.get(row, u"displayValue"_s).toString(), kValue);

        session.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 30'000);
        QCOMPARE(session.syncClient()->lastReport().rejected, 0);
        session.logout();
    }

    // On the server: the value, on version 2.
    QString why;
    const auto view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject change = view.value(u"survey/"_s + survey);
    QCOMPARE(change.value("form_version"_L1).toInt(), 2);
    QCOMPARE(change.value("fields"_L1).toObject().value(gx::test::kNewSurveyField).toString(),
             kValue);

    {
        // The office's app pulls it; the review screen's models show the field and pin to it.
        QTemporaryDir dataDir;
        gx::AppEnvironment env;
        env.dataDir = dataDir.path();
        env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
        gx::Session session(env);
        GX_EMPTY(logInAndSync(session, m_world.baseUrl(), u"office"_s));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 30'000);
        gx::FormFieldsModel form;
        form.setSession(&session);
        form.setReadOnly(true);
        form.setEntity(u"survey"_s);
        form.setRecordId(survey);
        QTRY_VERIFY(form.isLoaded());
        const int row = form.indexOf(gx::test::kNewSurveyField);
        QVERIFY(row >= 0);
        QCOMPARE(form.get(row, u"displayValue"_s).toString(), kValue);

        gx::ReviewController review;
        review.setSession(&session);
        review.setSurveyId(survey);
        QTRY_VERIFY(review.isFound());
        review.setField(gx::test::kNewSurveyField);
        QCOMPARE(review.fieldLabel(), gx::test::kNewSurveyFieldLabel);
        QSignalSpy reviewed(&review, &gx::ReviewController::reviewed);
        QSignalSpy failed(&review, &gx::ReviewController::failed);
        QVERIFY(review.submit(u"has_issues"_s, u"请核实数字化负责人"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!reviewed.isEmpty() || !failed.isEmpty(), 30'000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        session.logout();
    }

    // The workbook of every survey: the new field's column holds the value.
    const gx::test::HttpResult file =
        m_world.office().get(u"/api/v1/export/records?entity=survey&period=2024&format=xlsx"_s);
    QCOMPARE(file.status, 200);
    const auto rows = gx::server::XlsxReader::firstSheet(file.body);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
    QVERIFY(rows.value().size() >= 2);
    const QStringList header = rows.value().at(0).cells;
    const qsizetype column = header.indexOf(gx::test::kNewSurveyFieldLabel);
    QVERIFY2(column > 0, qPrintable(header.join(u',')));
    const qsizetype version = header.indexOf(u"表单版本"_s);
    QVERIFY(version > 0);
    bool found = false;
    for (const gx::server::CsvRecord &line : rows.value()) {
        if (line.cells.value(0) != survey)
            continue;
        found = true;
        QCOMPARE(line.cells.value(column), kValue);
        QCOMPARE(line.cells.value(version), u"2"_s);
    }
    QVERIFY2(found, qPrintable(u"survey %1 is not in the workbook"_s.arg(survey)));
}

QTEST_MAIN(Tst_e2e_newfield)
#include "tst_e2e_newfield.moc"
