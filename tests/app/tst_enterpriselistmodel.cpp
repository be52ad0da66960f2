#include "app/enterpriselistmodel.h"
#include "app/enterprisemodel.h"
#include "app/session.h"
#include "core/uscc.h"
#include "store/devicestore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;

namespace {
QString uscc(const QString &region, int n)
{
    return makeUscc(u'9', u'1', region, u"%1"_s.arg(n, 8, 10, QLatin1Char('0')));
}

Change enterprise(const QString &id, const QString &name, const QString &region)
{
    return {u"enterprise"_s, id, 1, false,
            QJsonObject{{u"uscc"_s, id}, {u"name"_s, name}, {u"region"_s, region}}};
}

Change survey(const QString &id, const QString &enterpriseId, int period, const QString &state)
{
    return {
        u"survey"_s, id, 1, false,
        QJsonObject{{u"enterprise"_s, enterpriseId}, {u"period"_s, period}, {u"state"_s, state}}};
}

Change review(const QString &id, const QString &surveyId, const QString &state)
{
    return {u"review"_s, id, 1, false,
            QJsonObject{{u"entity"_s, u"survey"_s},
                        {u"record_id"_s, surveyId},
                        {u"state"_s, state},
                        {u"comment"_s, u"数控化率偏高，请核实"_s},
                        {u"field"_s, u"key_processes_cnc"_s},
                        {u"reviewed_at"_s, u"2024-11-21T09:00:00Z"_s}}};
}

Change conflict(const QString &id, const QString &entity, const QString &recordId)
{
    return {
        u"conflict"_s, id, 1, false,
        QJsonObject{{u"entity"_s, entity}, {u"record_id"_s, recordId}, {u"field"_s, u"name"_s}}};
}

QStringList column(const EnterpriseListModel &model, int role)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.data(model.index(i), role).toString());
    return out;
}
} // namespace

class Tst_enterpriselistmodel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void list_data();
    void list();
    void badges();
    void reloadsOnDataChanged();
    void startSurvey();
    void fiveThousand();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<Session> m_session;
    QString m_a, m_b, m_c, m_d, m_e;
};

void Tst_enterpriselistmodel::init()
{
    m_dir = new QTemporaryDir;
    AppEnvironment env;
    env.dataDir = m_dir->path();
    env.secrets = gx::SecretStore(gx::SecretStore::Mode::FileOnly); // never a real keychain
    m_session = std::make_unique<Session>(env);
    QVERIFY(m_session->openLocal(u"insp"_s, u"inspector"_s, u"331102"_s, {}).ok());
    m_a = uscc(u"331102"_s, 1);
    m_b = uscc(u"331102"_s, 2);
    m_c = uscc(u"331102"_s, 3);
    m_d = uscc(u"331102"_s, 4);
    m_e = uscc(u"331121"_s, 5);
    // Liandu: A 丽水阀门 (2024 submitted), B 莲都泵业 (2024 draft with an open review task
    // and a conflict; 2023 submitted), C 丽水电机 (none), D 阀门二厂 (2023 only).
    // Qingtian: E 青田石雕 (2024 draft).
    auto page = m_session->store()->pull().applyPullPage(
        {{enterprise(m_a, u"丽水阀门"_s, u"331102"_s), enterprise(m_b, u"莲都泵业"_s, u"331102"_s),
          enterprise(m_c, u"丽水电机"_s, u"331102"_s), enterprise(m_d, u"阀门二厂"_s, u"331102"_s),
          enterprise(m_e, u"青田石雕"_s, u"331121"_s), survey(u"sa"_s, m_a, 2024, u"submitted"_s),
          survey(u"sb"_s, m_b, 2024, u"draft"_s), survey(u"sb23"_s, m_b, 2023, u"submitted"_s),
          survey(u"sd23"_s, m_d, 2023, u"submitted"_s), survey(u"se"_s, m_e, 2024, u"draft"_s),
          review(u"r1"_s, u"sb"_s, u"has_issues"_s), review(u"r2"_s, u"sa"_s, u"approved"_s),
          review(u"r3"_s, u"sd23"_s, u"rejected"_s), conflict(u"c1"_s, u"survey"_s, u"sb"_s),
          conflict(u"c2"_s, u"enterprise"_s, m_c)},
         PullCursor{1}.encode(),
         false});
    QVERIFY2(page, page ? "" : qPrintable(page.error().message));
}

void Tst_enterpriselistmodel::cleanup()
{
    m_session.reset();
    delete m_dir;
    m_dir = nullptr;
}

void Tst_enterpriselistmodel::list_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("states");
    QTest::newRow("region, all") << u"331102"_s << QString() << u"any"_s
                                 << QStringList{u"丽水电机"_s, u"丽水阀门"_s, u"莲都泵业"_s,
                                                u"阀门二厂"_s}
                                 << QStringList{u"not_started"_s, u"submitted"_s, u"draft"_s,
                                                u"not_started"_s};
    QTest::newRow("not started") << u"331102"_s << QString() << u"not_started"_s
                                 << QStringList{u"丽水电机"_s, u"阀门二厂"_s}
                                 << QStringList{u"not_started"_s, u"not_started"_s};
    QTest::newRow("draft") << u"331102"_s << QString() << u"draft"_s << QStringList{u"莲都泵业"_s}
                           << QStringList{u"draft"_s};
    QTest::newRow("submitted") << u"331102"_s << QString() << u"submitted"_s
                               << QStringList{u"丽水阀门"_s} << QStringList{u"submitted"_s};
    QTest::newRow("part of the name")
        << u"331102"_s << u"阀门"_s << u"any"_s << QStringList{u"丽水阀门"_s, u"阀门二厂"_s}
        << QStringList{u"submitted"_s, u"not_started"_s};
    QTest::newRow("USCC prefix") << u"331102"_s << u"91331102000000"_s << u"any"_s
                                 << QStringList{u"丽水电机"_s, u"丽水阀门"_s, u"莲都泵业"_s,
                                                u"阀门二厂"_s}
                                 << QStringList{u"not_started"_s, u"submitted"_s, u"draft"_s,
                                                u"not_started"_s};
    QTest::newRow("whole USCC, lower case")
        << u"331102"_s << uscc(u"331102"_s, 2).toLower() << u"any"_s << QStringList{u"莲都泵业"_s}
        << QStringList{u"draft"_s};
    QTest::newRow("search and filter")
        << u"331102"_s << u"阀门"_s << u"not_started"_s << QStringList{u"阀门二厂"_s}
        << QStringList{u"not_started"_s};
    QTest::newRow("every region, drafts")
        << QString() << QString() << u"draft"_s << QStringList{u"莲都泵业"_s, u"青田石雕"_s}
        << QStringList{u"draft"_s, u"draft"_s};
    QTest::newRow("no match") << u"331102"_s << u"不存在"_s << u"any"_s << QStringList()
                              << QStringList();
}

void Tst_enterpriselistmodel::list()
{
    QFETCH(QString, region);
    QFETCH(QString, search);
    QFETCH(QString, filter);
    QFETCH(QStringList, names);
    QFETCH(QStringList, states);
    EnterpriseListModel model;
    model.setSession(m_session.get());
    model.setRegion(region);
    model.setSearch(search);
    model.setFilter(filter);
    QCOMPARE(model.filter(), filter);
    QCOMPARE(column(model, EnterpriseListModel::NameRole), names);
    QCOMPARE(column(model, EnterpriseListModel::SurveyStateRole), states);
}

void Tst_enterpriselistmodel::badges()
{
    EnterpriseListModel model;
    model.setSession(m_session.get());
    model.setRegion(u"331102"_s);
    const int b = model.indexOf(m_b);
    const int a = model.indexOf(m_a);
    const int c = model.indexOf(m_c);
    const int d = model.indexOf(m_d);
    QVERIFY(b >= 0 && a >= 0 && c >= 0 && d >= 0);
    // B: the office asked for changes on its 2024 survey, and a value of it lost a merge.
    QCOMPARE(model.data(model.index(b), EnterpriseListModel::ReviewTasksRole).toInt(), 1);
    QCOMPARE(model.data(model.index(b), EnterpriseListModel::ConflictsRole).toInt(), 1);
    // A: approved is no task. D: its rejected survey is of 2023, not the period shown.
    QCOMPARE(model.data(model.index(a), EnterpriseListModel::ReviewTasksRole).toInt(), 0);
    QCOMPARE(model.data(model.index(d), EnterpriseListModel::ReviewTasksRole).toInt(), 0);
    // C: a conflict on the enterprise record itself.
    QCOMPARE(model.data(model.index(c), EnterpriseListModel::ConflictsRole).toInt(), 1);
    QCOMPARE(model.data(model.index(b), EnterpriseListModel::LocalStateRole).toString(),
             u"synced"_s);
    // The period 2023 shows D's task.
    m_session->setPeriod(2023);
    QCOMPARE(
        model.data(model.index(model.indexOf(m_d)), EnterpriseListModel::ReviewTasksRole).toInt(),
        1);
    QCOMPARE(
        model.data(model.index(model.indexOf(m_b)), EnterpriseListModel::ReviewTasksRole).toInt(),
        0);
    m_session->setPeriod(2024);
    // Marking the task done clears the badge.
    QVERIFY(m_session->store()->inbox().markReviewDone(u"r1"_s));
    m_session->notifyDataChanged();
    QCOMPARE(
        model.data(model.index(model.indexOf(m_b)), EnterpriseListModel::ReviewTasksRole).toInt(),
        0);
}

void Tst_enterpriselistmodel::reloadsOnDataChanged()
{
    EnterpriseListModel model;
    model.setSession(m_session.get());
    model.setRegion(u"331102"_s);
    model.setFilter(u"not_started"_s);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy count(&model, &EnterpriseListModel::countChanged);
    QVERIFY(m_session->store()->createRecord(
        u"survey"_s,
        QJsonObject{{u"enterprise"_s, m_c}, {u"period"_s, 2024}, {u"state"_s, u"draft"_s}}));
    m_session->notifyDataChanged();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(count.size(), 1);
    model.setFilter(u"draft"_s);
    const int c = model.indexOf(m_c);
    QVERIFY(c >= 0);
    QCOMPARE(model.data(model.index(c), EnterpriseListModel::LocalStateRole).toString(),
             u"pending"_s);
}

void Tst_enterpriselistmodel::startSurvey()
{
    EnterpriseModel model;
    model.setSession(m_session.get());
    model.setUscc(m_c);
    QVERIFY(model.exists());
    QCOMPARE(model.name(), u"丽水电机"_s);
    QVERIFY(model.currentSurveyId().isEmpty());
    const QString id = model.startSurvey(2024);
    QVERIFY(!id.isEmpty());
    QCOMPARE(model.currentSurveyId(), id);
    QCOMPARE(model.startSurvey(2024), id); // the existing one, not a second
    auto stored = m_session->store()->record(u"survey"_s, id);
    QVERIFY(stored && stored.value());
    QCOMPARE(stored.value()->fields.value("state"_L1).toString(), u"draft"_s);
    QCOMPARE(stored.value()->fields.value("enterprise"_L1).toString(), m_c);
    QCOMPARE(stored.value()->fields.value("period"_L1).toInt(), 2024);

    model.setUscc(m_b);
    QCOMPARE(model.surveys().size(), 2);
    QCOMPARE(model.reviewTasks().size(), 1);
    const QVariantMap task = model.reviewTasks().first().toMap();
    QCOMPARE(task.value(u"comment"_s).toString(), u"数控化率偏高，请核实"_s);
    QCOMPARE(task.value(u"surveyId"_s).toString(), u"sb"_s);
    QVERIFY(!task.value(u"fieldLabel"_s).toString().isEmpty());
}

void Tst_enterpriselistmodel::fiveThousand()
{
    QList<QJsonObject> many;
    for (int i = 0; i < 5000; ++i) {
        const QString id = uscc(u"331102"_s, 1000 + i);
        many.append(QJsonObject{{u"uscc"_s, id},
                                {u"name"_s, u"企业%1"_s.arg(i, 4, 10, QLatin1Char('0'))},
                                {u"region"_s, u"331102"_s}});
    }
    QVERIFY(m_session->store()->createRecords(u"enterprise"_s, many));
    EnterpriseListModel model;
    model.setSession(m_session.get());
    QElapsedTimer timer;
    timer.start();
    model.setRegion(u"331102"_s);
    const qint64 ms = timer.elapsed();
    QCOMPARE(model.rowCount(), 5004);
    qInfo("reload of 5,004 enterprises: %lld ms", ms);
    QVERIFY2(ms < 500, qPrintable(u"%1 ms"_s.arg(ms)));
}

QTEST_MAIN(Tst_enterpriselistmodel)
#include "tst_enterpriselistmodel.moc"
