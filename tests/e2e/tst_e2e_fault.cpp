// Faults between the device and the server. The same workload of two devices runs twice, on
// two servers: once straight to the server, once through the fault proxy with at least 20 % of
// requests broken (dropped, delayed, answered 502, cut short, or closed after the server
// answered). The final server states must be equal, revisions included: nothing lost, nothing
// applied twice. And the server is SIGKILLed in the middle of a push and restarted on the same
// file: the device carries on, and nothing acknowledged is lost.

#include "e2eworld.h"
#include "faultproxy.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;
using gx::e2e::TestDevice;

namespace {

/** Equipment rows per survey of the workload. */
constexpr int kRows = 40;

/** The same id in both runs. */
QString fixedId(const QString &name)
{
    static const QUuid space(u"6f1c2d3e-4a5b-4c6d-8e7f-001122334455"_s);
    return QUuid::createUuidV5(space, name).toString(QUuid::WithoutBraces);
}

QByteArray photoBytes(quint32 seed, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator rng(seed);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    return bytes;
}

/** Settings that make many requests: small batches, pages and chunks. */
gx::SyncOptions chattyOptions()
{
    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.pushBatchSize = 10;
    options.pullPageSize = 10;
    options.uploadChunkBytes = 32 * 1024;
    options.timeoutMillis = 5'000;
    options.maxAttempts = 40;
    return options;
}

/** What a run leaves: the office's view of the server, and the photo names. */
struct RunResult
{
    QHash<QString, QJsonObject> view;
    QStringList photos;
};

/** A record's state as compared across runs (conflict records are compared apart). */
QString recordState(const QJsonObject &change)
{
    return u"rev %1 deleted %2 %3"_s.arg(change.value("rev"_L1).toInteger())
        .arg(change.value("deleted"_L1).toBool())
        .arg(QString::fromUtf8(
            QJsonDocument(change.value("fields"_L1).toObject()).toJson(QJsonDocument::Compact)));
}

} // namespace

class Tst_e2e_fault : public QObject
{
    Q_OBJECT

private slots:
    void faultedRunEqualsFaultFreeRun();
    void serverKilledMidPush();

private:
    /** The workload; devices talk to `via` (the proxy) or straight to the server. */
    void runWorkload(E2eWorld &world, const QUrl &via, RunResult &result);
};

void Tst_e2e_fault::runWorkload(E2eWorld &world, const QUrl &via, RunResult &result)
{
    QString why;
    auto a = world.device(u"insp.a"_s, u"tab-a"_s, &why, chattyOptions(), via);
    QVERIFY2(a, qPrintable(why));
    auto b = world.device(u"insp.b"_s, u"tab-b"_s, &why, chattyOptions(), via);
    QVERIFY2(b, qPrintable(why));
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());

    for (int round = 1; round <= 3; ++round) {
        const QString r = QString::number(round);
        // A: a survey with rows, and the contact of an enterprise.
        const QString surveyA = fixedId(u"survey-a-"_s + r);
        QJsonObject fields = gx::test::draftSurveyFields(E2eWorld::enterprise(round));
        fields.insert(u"notes"_s, QString(u"A round "_s + r));
        QVERIFY(a->store().createRecord(u"survey"_s, fields, surveyA).ok());
        for (int k = 0; k < kRows; ++k) {
            const QString name = u"A-%1-%2"_s.arg(round).arg(k);
            QVERIFY(a->store()
                        .createRecord(u"equipment"_s, gx::test::equipmentFields(surveyA, name),
                                      fixedId(name))
                        .ok());
        }
        QVERIFY(a->store()
                    .setField(u"enterprise"_s, E2eWorld::enterprise(round), u"contact_name"_s,
                              QString(u"A "_s + r))
                    .ok());
        if (round == 1) {
            const auto sha = a->store().attachments().add(photoBytes(11, 150 * 1024));
            QVERIFY(sha.ok());
            result.photos.append(sha.value());
            QVERIFY(a->store()
                        .setField(u"equipment"_s, fixedId(u"A-1-0"_s), u"photo"_s, sha.value())
                        .ok());
        }
        if (round >= 2) {
            // Both touch what A made a round earlier: a forward-only clash and a later note.
            const QString earlier = fixedId(u"survey-a-"_s + QString::number(round - 1));
            QVERIFY(a->store().setField(u"survey"_s, earlier, u"digital_level"_s, 3).ok());
            QTest::qWait(3);
            QVERIFY(b->store().setField(u"survey"_s, earlier, u"digital_level"_s, 2).ok());
            QVERIFY(b->store().setField(u"survey"_s, earlier, u"notes"_s, u"B was here"_s).ok());
        }
        QTest::qWait(3);
        // B: its own survey, and the same enterprise's contact (later: it wins) and address.
        const QString surveyB = fixedId(u"survey-b-"_s + r);
        QVERIFY(b->store()
                    .createRecord(u"survey"_s,
                                  gx::test::draftSurveyFields(E2eWorld::enterprise(round + 6)),
                                  surveyB)
                    .ok());
        for (int k = 0; k < kRows; ++k) {
            const QString name = u"B-%1-%2"_s.arg(round).arg(k);
            QVERIFY(b->store()
                        .createRecord(u"equipment"_s, gx::test::equipmentFields(surveyB, name),
                                      fixedId(name))
                        .ok());
        }
        QVERIFY(b->store()
                    .setField(u"enterprise"_s, E2eWorld::enterprise(round), u"contact_name"_s,
                              QString(u"B "_s + r))
                    .ok());
        QVERIFY(b->store()
                    .setField(u"enterprise"_s, E2eWorld::enterprise(round), u"address"_s,
                              QString(u"B street "_s + r))
                    .ok());
        GX_EMPTY(a->sync());
        GX_EMPTY(b->sync());
    }
    GX_EMPTY(a->sync());
    GX_EMPTY(b->sync());

    for (TestDevice *device : {a.get(), b.get()}) {
        const auto entries = device->store().outbox().entries();
        QVERIFY(entries.ok());
        QString left;
        for (const gx::OutboxEntry &e : entries.value()) {
            left += u"%1/%2 status %3 %4; "_s.arg(e.mutation.entity, e.mutation.id)
                        .arg(int(e.status))
                        .arg(e.error ? e.error->code + u' ' + e.error->message : QString());
        }
        QVERIFY2(entries.value().isEmpty(), qPrintable(u"the outbox is not empty: "_s + left));
        const auto uploads = device->store().attachments().pendingUploads();
        QVERIFY(uploads.ok() && uploads.value().isEmpty());
    }
    result.view = world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void Tst_e2e_fault::faultedRunEqualsFaultFreeRun()
{
    E2eWorld clean;
    GX_EMPTY(clean.setUp());
    RunResult expected;
    runWorkload(clean, {}, expected);
    if (QTest::currentTestFailed())
        return;

    E2eWorld faulty;
    GX_EMPTY(faulty.setUp());
    gx::e2e::FaultPlan plan;
    plan.rate = 0.4;
    plan.seed = 20241128;
    gx::e2e::FaultProxy proxy(plan);
    const quint16 port = proxy.listen(faulty.server().port());
    QVERIFY(port != 0);
    RunResult got;
    runWorkload(faulty, QUrl(u"http://127.0.0.1:%1"_s.arg(port)), got);
    qInfo().noquote() << "fault proxy:" << proxy.describe();
    if (QTest::currentTestFailed())
        return;

    // At least 20 % of the requests were broken (delays not counted).
    QVERIFY2(proxy.requests() >= 100, qPrintable(proxy.describe()));
    QVERIFY2(proxy.disrupted() * 5 >= proxy.requests(), qPrintable(proxy.describe()));
    for (gx::e2e::Fault fault : plan.kinds)
        QVERIFY2(proxy.count(fault) > 0, qPrintable(proxy.describe()));

    // The same records with the same revisions and fields; the same conflicts.
    QStringList cleanKeys;
    QStringList faultyKeys;
    for (auto it = expected.view.cbegin(); it != expected.view.cend(); ++it) {
        if (!it.key().startsWith(u"conflict/"_s))
            cleanKeys.append(it.key());
    }
    for (auto it = got.view.cbegin(); it != got.view.cend(); ++it) {
        if (!it.key().startsWith(u"conflict/"_s))
            faultyKeys.append(it.key());
    }
    cleanKeys.sort();
    faultyKeys.sort();
    QCOMPARE(faultyKeys, cleanKeys);
    QVERIFY(cleanKeys.size() >= E2eWorld::kEnterprises + 6 + 6 * kRows);
    for (const QString &key : cleanKeys)
        QCOMPARE(recordState(got.view.value(key)), recordState(expected.view.value(key)));
    int conflicts = 0;
    for (int round = 1; round <= 3; ++round) {
        for (const QString &id : {fixedId(u"survey-a-"_s + QString::number(round)),
                                  QString(E2eWorld::enterprise(round))}) {
            const QStringList wanted = gx::e2e::conflictsIn(expected.view, id);
            QCOMPARE(gx::e2e::conflictsIn(got.view, id), wanted);
            conflicts += int(wanted.size());
        }
    }
    QVERIFY(conflicts >= 5); // the workload does make clashes

    // The photo is whole on the faulted server.
    gx::test::HttpClient &office = faulty.office();
    for (const QString &sha : got.photos) {
        const gx::test::HttpResult blob = office.get(u"/api/v1/blobs/"_s + sha);
        QCOMPARE(blob.status, 200);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(blob.body, QCryptographicHash::Sha256).toHex()),
                 sha);
    }
}

void Tst_e2e_fault::serverKilledMidPush()
{
    E2eWorld world;
    GX_EMPTY(world.setUp());
    gx::SyncOptions options = gx::e2e::fastSyncOptions();
    options.pushBatchSize = 25;
    options.maxAttempts = 60; // rides out a restart of a few seconds
    QString why;
    auto a = world.device(u"insp.a"_s, u"tab-k"_s, &why, options);
    QVERIFY2(a, qPrintable(why));
    GX_EMPTY(a->sync());

    const QString survey = gx::test::newUuid();
    QVERIFY(
        a->store()
            .createRecord(u"survey"_s, gx::test::draftSurveyFields(E2eWorld::enterprise(4)), survey)
            .ok());
    QStringList rows;
    QList<QJsonObject> rowFields;
    for (int k = 0; k < 600; ++k) {
        rows.append(gx::test::newUuid());
        rowFields.append(gx::test::equipmentFields(survey, u"row %1"_s.arg(k)));
    }
    for (int k = 0; k < rows.size(); ++k)
        QVERIFY(a->store().createRecord(u"equipment"_s, rowFields.at(k), rows.at(k)).ok());

    // Kill the server once a quarter of the rows are acknowledged: the next push is then on
    // its way or in the server's hands.
    QStringList acknowledgedAtKill;
    const quint16 port = world.server().port();
    bool killed = false;
    connect(&a->client(), &gx::SyncClient::progressChanged, this, [&] {
        if (killed || a->client().phaseName() != "push"_L1 || a->client().progressDone() < 150)
            return;
        killed = true;
        world.server().kill();
        for (const QString &row : rows) {
            const auto record = a->store().record(u"equipment"_s, row);
            if (record.ok() && record.value() && record.value()->serverRev > 0)
                acknowledgedAtKill.append(row);
        }
        QTimer::singleShot(500, this, [&] {
            const QString restarted = world.server().start(port);
            if (!restarted.isEmpty())
                qWarning().noquote() << "restart failed:" << restarted;
        });
    });
    QStringList states;
    connect(&a->client(), &gx::SyncClient::stateChanged, this,
            [&] { states.append(a->client().stateName()); });
    GX_EMPTY(a->sync(60'000));
    QVERIFY(killed);
    QVERIFY(world.server().isRunning());
    QVERIFY(states.contains(u"waiting_for_network"_s)); // it noticed, waited, and carried on
    QVERIFY2(acknowledgedAtKill.size() >= 140,
             qPrintable(QString::number(acknowledgedAtKill.size())));
    QVERIFY(acknowledgedAtKill.size() < rows.size());

    const QHash<QString, QJsonObject> view = world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // Every row is on the server exactly once: created by one mutation (rev 1), with its fields.
    for (int k = 0; k < rows.size(); ++k) {
        const QJsonObject change = view.value(u"equipment/"_s + rows.at(k));
        QVERIFY2(!change.isEmpty(), qPrintable(u"lost: row %1"_s.arg(k)));
        QCOMPARE(change.value("rev"_L1).toInteger(), 1);
        QCOMPARE(change.value("fields"_L1).toObject(), rowFields.at(k));
    }
    for (const QString &row : acknowledgedAtKill)
        QVERIFY(view.contains(u"equipment/"_s + row));
    const auto entries = a->store().outbox().entries();
    QVERIFY(entries.ok() && entries.value().isEmpty());
}

QTEST_GUILESS_MAIN(Tst_e2e_fault)
#include "tst_e2e_fault.moc"
