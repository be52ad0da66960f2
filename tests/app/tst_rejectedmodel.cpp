#include "app/rejectedmodel.h"
#include "app/session.h"
#include "app/synccontroller.h"
#include "store/devicestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;

// The sync screen's "fix and resend": a record the server refused is listed with its reason and
// the screen that edits it; editing it puts it back in the outbox and off the list.
class Tst_rejectedmodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void screens_data();
    void screens();
    void fixAndResend();

private:
    /** Sends the whole outbox and has the server refuse the mutation of (entity, id). */
    void refuse(const QString &entity, const QString &id, const QString &field);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    QString m_survey;
    QString m_row;
    QString m_uscc = u"91331102MA00000016"_s;
};

void Tst_rejectedmodel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    AppEnvironment env;
    env.dataDir = m_dir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    m_session = std::make_unique<Session>(env);
    m_session->setLanguage(u"en"_s);
    QVERIFY(m_session->openLocal(u"insp"_s, u"inspector"_s, u"331102"_s, {}).ok());
    DeviceStore &store = *m_session->store();
    QVERIFY(store.createRecord(u"enterprise"_s, {{u"uscc"_s, m_uscc}, {u"name"_s, u"丽水泵业"_s}},
                               m_uscc));
    auto survey = store.createRecord(
        u"survey"_s, {{u"enterprise"_s, m_uscc}, {u"period"_s, 2024}, {u"state"_s, u"draft"_s}});
    QVERIFY(survey);
    m_survey = survey.value().id;
    auto row = store.createRecord(
        u"equipment"_s, {{u"survey"_s, m_survey}, {u"name"_s, u"离心泵"_s}, {u"quantity"_s, 2}});
    QVERIFY(row);
    m_row = row.value().id;
}

void Tst_rejectedmodel::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void Tst_rejectedmodel::refuse(const QString &entity, const QString &id, const QString &field)
{
    Outbox &outbox = m_session->store()->outbox();
    auto batch = outbox.takeBatch(100);
    QVERIFY(batch);
    QList<MutationResult> results;
    for (const Mutation &m : batch.value().mutations) {
        if (m.entity == entity && m.id == id) {
            results.append(
                {m.mutationId, MutationResult::Status::Rejected, 0,
                 SyncError{u"validation"_s, u"The value is out of range."_s, field, {}}});
        } else {
            results.append({m.mutationId, MutationResult::Status::Applied, 1, std::nullopt});
        }
    }
    QVERIFY(outbox.applyPushResults(results));
    m_session->notifyDataChanged();
}

void Tst_rejectedmodel::screens_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("screen");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("fieldLabel");
    QTest::newRow("equipment row") << u"equipment"_s << u"quantity"_s << u"EquipmentRowScreen.qml"_s
                                   << u"rowId"_s << u"Quantity"_s;
    QTest::newRow("survey") << u"survey"_s << u"key_processes"_s << u"SurveyScreen.qml"_s
                            << u"surveyId"_s << QString();
    QTest::newRow("enterprise") << u"enterprise"_s << u"name"_s << u"EnterpriseScreen.qml"_s
                                << u"uscc"_s << u"Enterprise name"_s;
}

void Tst_rejectedmodel::screens()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QString, screen);
    QFETCH(QString, property);
    QFETCH(QString, fieldLabel);
    const QString id = entity == u"equipment"_s ? m_row : entity == u"survey"_s ? m_survey : m_uscc;
    RejectedModel model;
    model.setSession(m_session.get());
    QCOMPARE(model.rowCount(), 0);
    refuse(entity, id, field);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex index = model.index(0);
    QCOMPARE(model.data(index, RejectedModel::EntityRole).toString(), entity);
    QCOMPARE(model.data(index, RejectedModel::ScreenRole).toString(), screen);
    QCOMPARE(model.data(index, RejectedModel::ScreenPropertiesRole).toMap(),
             (QVariantMap{{property, id}}));
    QCOMPARE(model.data(index, RejectedModel::MessageRole).toString(),
             u"The value is out of range."_s);
    QCOMPARE(model.data(index, RejectedModel::FieldRole).toString(), field);
    if (!fieldLabel.isEmpty())
        QCOMPARE(model.data(index, RejectedModel::FieldLabelRole).toString(), fieldLabel);
    QVERIFY(!model.data(index, RejectedModel::TitleRole).toString().isEmpty());
}

void Tst_rejectedmodel::fixAndResend()
{
    RejectedModel model;
    model.setSession(m_session.get());
    SyncController sync;
    sync.setSession(m_session.get());
    QCOMPARE(sync.pending(), 3);
    refuse(u"equipment"_s, m_row, u"quantity"_s);
    QCOMPARE(sync.rejected(), 1);
    QCOMPARE(sync.pending(), 0);
    QCOMPARE(model.rowCount(), 1);
    // The fix: an edit of the refused record goes out again with the refused change folded in.
    QVERIFY(m_session->store()->setField(u"equipment"_s, m_row, u"quantity"_s, 3));
    m_session->notifyDataChanged();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(sync.rejected(), 0);
    QCOMPARE(sync.pending(), 1);
    // Not logged in at a server: the state says so in the UI's language.
    QCOMPARE(sync.state(), u"needs_login"_s);
    QVERIFY(sync.summary().startsWith(u"Log in again"_s));
}

QTEST_MAIN(Tst_rejectedmodel)
#include "tst_rejectedmodel.moc"
