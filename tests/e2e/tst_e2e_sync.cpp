// Devices and the real server together: two devices of one region edit offline and converge,
// merges and conflicts as docs/design.md "Sync" says with the conflict log on both devices, a
// pending local edit survives a pull, a review by the office arrives as a task, and an inspector's
// device only ever holds its region.

#include "e2eworld.h"

#include <QTest>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;
using gx::e2e::TestDevice;

namespace {

QString enterpriseKey(int n)
{
    return u"enterprise/"_s + E2eWorld::enterprise(n);
}

/** The outbox entries of a device (any state). */
qsizetype outboxSize(TestDevice &device)
{
    const auto entries = device.store().outbox().entries();
    return entries ? entries.value().size() : -1;
}

/** The conflict notes of a device for a record, as "field:lost_value:reason". */
QStringList notesOf(TestDevice &device, const QString &entity, const QString &id)
{
    QStringList found;
    const auto notes = device.store().inbox().conflictsOf(entity, id);
    if (!notes)
        return {u"error: "_s + notes.error().toString()};
    for (const gx::ConflictNote &note : notes.value()) {
        const QString lost = note.lostValue.isString() ? note.lostValue.toString()
                                                       : QString::number(note.lostValue.toDouble());
        found.append(u"%1:%2:%3"_s.arg(note.field, lost, note.reason));
    }
    found.sort();
    return found;
}

} // namespace

class Tst_e2e_sync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoDevicesConverge();
    void pendingLocalEditSurvivesPull();
    void reviewArrivesAsTask();
    void inspectorHoldsOnlyItsRegion();

private:
    E2eWorld m_world;
};

void Tst_e2e_sync::initTestCase()
{
    GX_EMPTY(m_world.setUp());
}

void Tst_e2e_sync::twoDevicesConverge()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-a"_s, &why);
    QVERIFY2(a, qPrintable(why));
    auto b = m_world.device(u"insp.b"_s, u"tab-b"_s, &why);
    QVERIFY2(b, qPrintable(why));

    // A begins a survey of enterprise 1 and both devices learn of it.
    const QString e1 = E2eWorld::enterprise(1);
    const QString survey = gx::test::newUuid();
    QVERIFY(a->store().createRecord(u"survey"_s, gx::test::draftSurveyFields(e1), survey).ok());
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());
    QCOMPARE(b->fields(u"survey"_s, survey).value("enterprise"_L1).toString(), e1);
    QCOMPARE(b->fields(u"enterprise"_s, e1).value("region"_L1).toString(), gx::test::kRegion);

    // Offline, both edit: different fields of the enterprise (a merge), the same note (the
    // later edit wins), and the digital level (it only moves forward: 3 stays over B's later 2).
    QVERIFY(a->store().setField(u"enterprise"_s, e1, u"contact_name"_s, u"张三"_s).ok());
    QVERIFY(a->store().setField(u"survey"_s, survey, u"notes"_s, u"A: 车间在二楼"_s).ok());
    QVERIFY(a->store().setField(u"survey"_s, survey, u"digital_level"_s, 3).ok());
    QTest::qWait(5); // B's edits are later by the wall clock too
    QVERIFY(
        b->store().setField(u"enterprise"_s, e1, u"address"_s, u"丽水市莲都区绿谷大道1号"_s).ok());
    QVERIFY(b->store().setField(u"survey"_s, survey, u"notes"_s, u"B: 车间在三楼"_s).ok());
    QVERIFY(b->store().setField(u"survey"_s, survey, u"digital_level"_s, 2).ok());

    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());
    QCOMPARE(b->client().lastReport().conflicts, 1); // B's push of the survey met the clashes
    GX_EMPTY(a->sync());

    QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject serverEnterprise = view.value(enterpriseKey(1)).value("fields"_L1).toObject();
    const QJsonObject serverSurvey =
        view.value(u"survey/"_s + survey).value("fields"_L1).toObject();
    QCOMPARE(serverEnterprise.value("contact_name"_L1).toString(), u"张三"_s);
    QCOMPARE(serverEnterprise.value("address"_L1).toString(), u"丽水市莲都区绿谷大道1号"_s);
    QCOMPARE(serverSurvey.value("notes"_L1).toString(), u"B: 车间在三楼"_s);
    QCOMPARE(serverSurvey.value("digital_level"_L1).toInt(), 3);

    // The server's conflict log: A's note lost by HLC, B's level lost by the forward-only rule.
    const QStringList expected{u"digital_level:2:forward_only"_s, u"notes:A: 车间在二楼:hlc"_s};
    QCOMPARE(gx::e2e::conflictsIn(view, survey), expected);

    // Both devices hold exactly the server's records, nothing waits, and both show the log.
    for (TestDevice *device : {a.get(), b.get()}) {
        QCOMPARE(device->fields(u"enterprise"_s, e1), serverEnterprise);
        QCOMPARE(device->fields(u"survey"_s, survey), serverSurvey);
        QCOMPARE(outboxSize(*device), 0);
        QCOMPARE(notesOf(*device, u"survey"_s, survey), expected);
        const auto record = device->store().record(u"survey"_s, survey);
        QVERIFY(record.ok() && record.value());
        QCOMPARE(record.value()->serverRev,
                 view.value(u"survey/"_s + survey).value("rev"_L1).toInteger());
    }
    // A's last sync only pulled: what it applied did not go back into its outbox.
    QCOMPARE(a->client().lastReport().pushed, 0);
    QVERIFY(a->client().lastReport().pulled > 0);
    QCOMPARE(a->client().stateName(), u"idle"_s);
    QVERIFY(a->client().lastSuccess().isValid());
}

void Tst_e2e_sync::pendingLocalEditSurvivesPull()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-a2"_s, &why);
    QVERIFY2(a, qPrintable(why));
    auto b = m_world.device(u"insp.b"_s, u"tab-b2"_s, &why);
    QVERIFY2(b, qPrintable(why));
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());

    const QString e6 = E2eWorld::enterprise(6);
    QVERIFY(b->store().setField(u"enterprise"_s, e6, u"contact_name"_s, u"B-name"_s).ok());
    QVERIFY(b->store().setField(u"enterprise"_s, e6, u"address"_s, u"B-address"_s).ok());
    GX_EMPTY(b->sync());

    // A edits the same enterprise just as its pull begins (after its push): the pull brings
    // B's version while A's edit waits in the outbox.
    bool edited = false;
    auto connection =
        connect(&a->client(), &gx::SyncClient::phaseStarted, this, [&](const QString &phase) {
            if (phase == "pull"_L1 && !edited) {
                edited =
                    a->store().setField(u"enterprise"_s, e6, u"contact_name"_s, u"A-name"_s).ok();
            }
        });
    GX_EMPTY(a->sync());
    disconnect(connection);
    QVERIFY(edited);
    QVERIFY(a->client().lastReport().pulled > 0);
    // The pulled address arrived; the pending name stayed A's.
    QCOMPARE(a->fields(u"enterprise"_s, e6).value("address"_L1).toString(), u"B-address"_s);
    QCOMPARE(a->fields(u"enterprise"_s, e6).value("contact_name"_L1).toString(), u"A-name"_s);
    QCOMPARE(outboxSize(*a), 1);

    // The next sync pushes it; A's edit is the later one, so it wins on the server.
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());
    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    const QJsonObject server = view.value(enterpriseKey(6)).value("fields"_L1).toObject();
    QCOMPARE(server.value("contact_name"_L1).toString(), u"A-name"_s);
    QCOMPARE(server.value("address"_L1).toString(), u"B-address"_s);
    QCOMPARE(a->fields(u"enterprise"_s, e6), server);
    QCOMPARE(b->fields(u"enterprise"_s, e6), server);
    QCOMPARE(outboxSize(*a), 0);
}

void Tst_e2e_sync::reviewArrivesAsTask()
{
    QString why;
    auto a = m_world.device(u"insp.a"_s, u"tab-a3"_s, &why);
    QVERIFY2(a, qPrintable(why));
    const QString survey = gx::test::newUuid();
    QVERIFY(
        a->store()
            .createRecord(u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(2)), survey)
            .ok());
    GX_EMPTY(a->sync());

    const gx::test::HttpResult created = m_world.office().postJson(
        u"/api/v1/reviews"_s, QJsonObject{{u"entity"_s, u"survey"_s},
                                          {u"id"_s, survey},
                                          {u"state"_s, u"has_issues"_s},
                                          {u"comment"_s, u"请补充设备铭牌照片"_s},
                                          {u"field"_s, u"notes"_s}});
    QVERIFY2(created.status == 201, created.describe().constData());

    auto tasksBefore = a->store().inbox().reviewTasks();
    QVERIFY(tasksBefore.ok());
    QVERIFY(tasksBefore.value().isEmpty());
    GX_EMPTY(a->sync());
    const auto tasks = a->store().inbox().reviewTasks();
    QVERIFY(tasks.ok());
    QCOMPARE(tasks.value().size(), 1);
    const gx::ReviewTask &task = tasks.value().first();
    QCOMPARE(task.entity, u"survey"_s);
    QCOMPARE(task.recordId, survey);
    QCOMPARE(task.state, u"has_issues"_s);
    QCOMPARE(task.comment, u"请补充设备铭牌照片"_s);
    QCOMPARE(task.field, u"notes"_s);
    QVERIFY(!task.done);
}

void Tst_e2e_sync::inspectorHoldsOnlyItsRegion()
{
    QString why;
    // An inspector of the other county writes there.
    auto c = m_world.device(u"insp.c"_s, u"tab-c"_s, &why);
    QVERIFY2(c, qPrintable(why));
    const QString otherSurvey = gx::test::newUuid();
    QVERIFY(c->store()
                .createRecord(u"survey"_s,
                              gx::test::draftSurveyFields(E2eWorld::otherEnterprise(1)),
                              otherSurvey)
                .ok());
    const QString otherRow = gx::test::newUuid();
    QVERIFY(c->store()
                .createRecord(u"equipment"_s, gx::test::equipmentFields(otherSurvey, u"锅炉"_s),
                              otherRow)
                .ok());
    GX_EMPTY(c->sync());

    // A new device of this county pulls everything from the start.
    auto d = m_world.device(u"insp.a"_s, u"tab-d"_s, &why);
    QVERIFY2(d, qPrintable(why));
    GX_EMPTY(d->sync());

    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(view.contains(u"survey/"_s + otherSurvey)); // the server has it

    for (auto [device, region] :
         {std::pair{d.get(), gx::test::kRegion}, std::pair{c.get(), gx::test::kOtherRegion}}) {
        const QStringList keys = device->recordKeys();
        QSet<QString> enterprises;
        QSet<QString> surveys;
        int enterpriseCount = 0;
        for (const QString &key : keys) {
            const QString entity = key.section(u'/', 0, 0);
            const QString id = key.section(u'/', 1);
            const QJsonObject fields = device->fields(entity, id);
            if (entity == "enterprise"_L1) {
                QCOMPARE(fields.value("region"_L1).toString(), region);
                enterprises.insert(id);
                ++enterpriseCount;
            } else if (entity == "survey"_L1) {
                surveys.insert(id);
            }
        }
        for (const QString &key : keys) {
            const QString entity = key.section(u'/', 0, 0);
            const QString id = key.section(u'/', 1);
            const QJsonObject fields = device->fields(entity, id);
            if (entity == "survey"_L1) {
                QVERIFY2(enterprises.contains(fields.value("enterprise"_L1).toString()),
                         qPrintable(key));
            } else if (entity == "equipment"_L1 || entity == "key_process"_L1) {
                QVERIFY2(surveys.contains(fields.value("survey"_L1).toString()), qPrintable(key));
            } else {
                QCOMPARE(entity, u"enterprise"_s);
            }
        }
        QCOMPARE(enterpriseCount, region == gx::test::kRegion ? E2eWorld::kEnterprises
                                                              : E2eWorld::kOtherEnterprises);
        // Every record of the region that the server has, the device has.
        int inRegion = 0;
        for (const QJsonObject &change : view) {
            const QString entity = change.value("entity"_L1).toString();
            const QString key = entity + u'/' + change.value("id"_L1).toString();
            const QJsonObject f = change.value("fields"_L1).toObject();
            const bool mine =
                (entity == "enterprise"_L1 && f.value("region"_L1).toString() == region) ||
                (entity == "survey"_L1 &&
                 enterprises.contains(f.value("enterprise"_L1).toString()));
            if (mine && !change.value("deleted"_L1).toBool()) {
                ++inRegion;
                QVERIFY2(keys.contains(key), qPrintable(key));
            }
        }
        QVERIFY(inRegion >= enterpriseCount);
    }
    QVERIFY(!d->recordKeys().contains(u"survey/"_s + otherSurvey));
    QVERIFY(!d->recordKeys().contains(u"equipment/"_s + otherRow));
    QVERIFY(c->recordKeys().contains(u"equipment/"_s + otherRow));
}

QTEST_GUILESS_MAIN(Tst_e2e_sync)
#include "tst_e2e_sync.moc"
