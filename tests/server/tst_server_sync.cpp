// Push over real loopback HTTP: the round trip, idempotency under resend, validation and every
// rejection leaving the store unchanged, malformed requests, odd text stored verbatim, one survey
// per enterprise and period, rows judged as strictly as their survey; on the backend named by
// GX_TEST_BACKEND. Merge rules are in tst_server_merge, pulling in tst_server_pull.

#include "testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::test::HttpResult;
using gx::test::kRegion;
using gx::test::SyncFixture;
using gx::test::TestClock;

namespace {

constexpr qint64 kHour = qint64(60) * 60 * 1000;

QJsonObject firstResult(const HttpResult &result)
{
    return gx::test::pushResults(result).at(0).toObject();
}

} // namespace

class Tst_server_sync : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pushPullRoundTrip();
    void resendIsDuplicate();
    void rejections_data();
    void rejections();
    void rejectionUndoesOnlyItself();
    void hlcNamesTheSender_data();
    void hlcNamesTheSender();
    void batchSeesItsOwnWrites();
    void newRowsOfOneBatch();
    void malformedPushAppliesNothing_data();
    void malformedPushAppliesNothing();
    void oddTextStoredVerbatim_data();
    void oddTextStoredVerbatim();
    void unknownFieldsAreRejected();
    void duplicateSurvey();
    void rowsOfSubmittedSurvey_data();
    void rowsOfSubmittedSurvey();

private:
    std::unique_ptr<gx::test::SyncFixture> m_f;
};

void Tst_server_sync::init()
{
    m_f = std::make_unique<gx::test::SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
}

void Tst_server_sync::cleanup()
{
    m_f.reset();
}

void Tst_server_sync::pushPullRoundTrip()
{
    const QString survey = gx::test::newUuid();
    const QString equipment = gx::test::newUuid();
    const QString process = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"tablet-7"_s);
    const HttpResult pushed = m_f->push(
        u"insp"_s, u"tablet-7"_s,
        {gx::test::upsertJson(u"enterprise"_s, m_f->enterprise(),
                              {{u"contact_name"_s, u"王丽"_s}, {u"employees"_s, 120}}, 1, hlc),
         gx::test::upsertJson(u"survey"_s, survey, gx::test::draftSurveyFields(m_f->enterprise()),
                              0, hlc),
         gx::test::upsertJson(u"equipment"_s, equipment, gx::test::equipmentFields(survey), 0, hlc),
         gx::test::upsertJson(u"key_process"_s, process,
                              {{u"survey"_s, survey}, {u"name"_s, u"焊接"_s}, {u"is_cnc"_s, true}},
                              0, hlc)});
    QCOMPARE(pushed.status, 200);
    const QJsonArray answer = gx::test::pushResults(pushed);
    QCOMPARE(answer.size(), 4);
    const QList<qint64> revs{2, 1, 1, 1};
    for (int i = 0; i < 4; ++i) {
        const QJsonObject r = answer.at(i).toObject();
        QCOMPARE(r.value("status"_L1).toString(), u"applied"_s);
        QCOMPARE(r.value("rev"_L1).toInteger(), revs.at(i));
        QVERIFY(r.value("error"_L1).isNull());
    }

    // The pushing device reads back the whole records, in push order after the registry's.
    QString error;
    const QList<QJsonObject> changes = gx::test::pullEverything(m_f->client(u"insp"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(changes.size(), 4); // the other region's enterprise is not visible
    QCOMPARE(changes.at(0).value("id"_L1).toString(), m_f->enterprise());
    const QJsonObject enterprise = changes.at(0).value("fields"_L1).toObject();
    QCOMPARE(enterprise.value("contact_name"_L1).toString(), u"王丽"_s);
    QCOMPARE(enterprise.value("region"_L1).toString(), kRegion); // from the registry, kept
    QCOMPARE(changes.at(1).value("id"_L1).toString(), survey);
    QCOMPARE(changes.at(1).value("fields"_L1).toObject(),
             gx::test::draftSurveyFields(m_f->enterprise()));
    QCOMPARE(changes.at(2).value("fields"_L1).toObject(), gx::test::equipmentFields(survey));
    QCOMPARE(changes.at(3).value("entity"_L1).toString(), u"key_process"_s);
    QCOMPARE(changes.at(3).value("rev"_L1).toInteger(), 1);
    QCOMPARE(changes.at(3).value("deleted"_L1).toBool(), false);

    // Every record carries the scope columns of its enterprise.
    auto query = m_f->db().exec(u"SELECT entity, region, enterprise FROM records WHERE "
                                "id IN (?, ?, ?, ?)"_s,
                                {m_f->enterprise(), survey, equipment, process});
    QVERIFY(query.ok());
    int rows = 0;
    while (query.value().next()) {
        ++rows;
        QCOMPARE(query.value().value(1).toString(), kRegion);
        QCOMPARE(query.value().value(2).toString(), m_f->enterprise());
    }
    QCOMPARE(rows, 4);
}

void Tst_server_sync::resendIsDuplicate()
{
    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"tablet-7"_s);
    const QJsonArray batch{
        gx::test::upsertJson(u"survey"_s, survey, gx::test::draftSurveyFields(m_f->enterprise()), 0,
                             hlc),
        gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(), gx::test::equipmentFields(survey),
                             0, hlc),
        gx::test::upsertJson(u"survey"_s, survey, {{u"notes"_s, u"second visit"_s}}, 1,
                             gx::test::hlcText(TestClock::kStart + 1, u"tablet-7"_s)),
        gx::test::upsertJson(u"widget"_s, gx::test::newUuid(), {{u"x"_s, 1}}, 0, hlc),
    };
    const HttpResult first = m_f->push(u"insp"_s, u"tablet-7"_s, batch);
    QCOMPARE(first.status, 200);
    const QStringList statuses{u"applied"_s, u"applied"_s, u"applied"_s, u"rejected"_s};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(gx::test::pushResults(first).at(i)["status"_L1].toString(), statuses.at(i));
    const qint64 seq = m_f->lastSeq();
    const QList<QJsonObject> before = gx::test::pullEverything(m_f->client(u"office"_s));

    // The same batch again, even from another user's session, has no second effect.
    for (const QString &user : {u"insp"_s, u"office"_s}) {
        const HttpResult again = m_f->push(user, u"tablet-7"_s, batch);
        QCOMPARE(again.status, 200);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject was = gx::test::pushResults(first).at(i).toObject();
            const QJsonObject now = gx::test::pushResults(again).at(i).toObject();
            QCOMPARE(now.value("status"_L1).toString(), u"duplicate"_s);
            QCOMPARE(now.value("mutation_id"_L1), was.value("mutation_id"_L1));
            QCOMPARE(now.value("rev"_L1), was.value("rev"_L1));
            QCOMPARE(now.value("error"_L1), was.value("error"_L1));
        }
        QCOMPARE(m_f->lastSeq(), seq);
        QCOMPARE(gx::test::pullEverything(m_f->client(u"office"_s)), before);
    }

    // A mutation repeated inside one batch: the second copy is the duplicate.
    const QJsonObject edit =
        gx::test::upsertJson(u"survey"_s, survey, {{u"notes"_s, u"third"_s}}, 2,
                             gx::test::hlcText(TestClock::kStart + 2, u"tablet-7"_s));
    const HttpResult twice = m_f->push(u"insp"_s, u"tablet-7"_s, {edit, edit});
    QCOMPARE(gx::test::pushResults(twice).at(0)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(gx::test::pushResults(twice).at(1)["status"_L1].toString(), u"duplicate"_s);
    QCOMPARE(gx::test::pushResults(twice).at(1)["rev"_L1].toInteger(), 3);
    QCOMPARE(m_f->lastSeq(), seq + 1);
}

void Tst_server_sync::rejections_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("id"); // "new" = a new UUID, "survey" = the existing survey
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<qint64>("hlcOffset");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const QString bad = u"91331102MA00000199"_s; // the check character is wrong
    const QString unknown = gx::test::testUscc(kRegion, 999);
    QJsonObject tooManyCnc = gx::test::submittedSurveyFields(u"ENTERPRISE"_s);
    tooManyCnc.insert(u"key_processes"_s, 3);
    tooManyCnc.insert(u"key_processes_cnc"_s, 5);
    QJsonObject submittedIncomplete = gx::test::draftSurveyFields(u"ENTERPRISE"_s);
    submittedIncomplete.insert(u"state"_s, u"submitted"_s);

    QTest::newRow("survey of a bad USCC")
        << u"survey"_s << u"new"_s << gx::test::draftSurveyFields(bad) << qint64(0) << u"uscc"_s
        << u"enterprise"_s;
    QTest::newRow("enterprise whose id is a bad USCC")
        << u"enterprise"_s << bad << QJsonObject{{u"name"_s, u"x"_s}} << qint64(0) << u"bad_id"_s
        << QString();
    QTest::newRow("enterprise whose uscc differs from its id")
        << u"enterprise"_s << u"ENTERPRISE"_s << QJsonObject{{u"uscc"_s, unknown}} << qint64(0)
        << u"id_mismatch"_s << u"uscc"_s;
    QTest::newRow("submitted survey with more cnc than key processes")
        << u"survey"_s << u"new"_s << tooManyCnc << qint64(0) << u"cnc_le_key"_s
        << u"key_processes_cnc"_s;
    QTest::newRow("submitted survey missing required answers")
        << u"survey"_s << u"new"_s << submittedIncomplete << qint64(0) << u"required"_s
        << u"visit_date"_s;
    QTest::newRow("wrong type") << u"survey"_s << u"survey"_s
                                << QJsonObject{{u"key_processes"_s, u"many"_s}} << qint64(0)
                                << u"type"_s << u"key_processes"_s;
    QTest::newRow("unknown option")
        << u"survey"_s << u"survey"_s << QJsonObject{{u"state"_s, u"finished"_s}} << qint64(0)
        << u"option"_s << u"state"_s;
    QTest::newRow("out of range") << u"survey"_s << u"survey"_s
                                  << QJsonObject{{u"digital_level"_s, 9}} << qint64(0)
                                  << u"option"_s << u"digital_level"_s;
    QTest::newRow("unknown entity") << u"widget"_s << u"new"_s << QJsonObject{{u"a"_s, 1}}
                                    << qint64(0) << u"unknown_entity"_s << QString();
    QTest::newRow("devices cannot write reviews")
        << u"review"_s << u"new"_s << QJsonObject{{u"state"_s, u"approved"_s}} << qint64(0)
        << u"unknown_entity"_s << QString();
    QTest::newRow("devices cannot write conflicts")
        << u"conflict"_s << u"new"_s << QJsonObject{{u"field"_s, u"x"_s}} << qint64(0)
        << u"unknown_entity"_s << QString();
    QTest::newRow("equipment of an unknown survey")
        << u"equipment"_s << u"new"_s << gx::test::equipmentFields(gx::test::newUuid()) << qint64(0)
        << u"unknown_parent"_s << u"survey"_s;
    QTest::newRow("survey of an enterprise nobody registered")
        << u"survey"_s << u"new"_s << gx::test::draftSurveyFields(unknown) << qint64(0)
        << u"unknown_enterprise"_s << u"enterprise"_s;
    QTest::newRow("survey id that is no UUID")
        << u"survey"_s << u"S-1"_s << gx::test::draftSurveyFields(u"ENTERPRISE"_s) << qint64(0)
        << u"bad_id"_s << QString();
    QTest::newRow("hlc 25 hours ahead")
        << u"survey"_s << u"survey"_s << QJsonObject{{u"notes"_s, u"x"_s}} << 25 * kHour
        << u"bad_hlc"_s << u"hlc"_s;
}

void Tst_server_sync::rejections()
{
    QFETCH(QString, entity);
    QFETCH(QString, id);
    QFETCH(QJsonObject, fields);
    QFETCH(qint64, hlcOffset);
    QFETCH(QString, code);
    QFETCH(QString, field);

    const QString survey = gx::test::newUuid();
    const QString t0 = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QCOMPARE(
        firstResult(m_f->push(u"insp"_s, u"dev-a"_s,
                              {gx::test::upsertJson(u"survey"_s, survey,
                                                    gx::test::draftSurveyFields(m_f->enterprise()),
                                                    0, t0)}))["status"_L1]
            .toString(),
        u"applied"_s);
    if (id == "new"_L1)
        id = gx::test::newUuid();
    else if (id == "survey"_L1)
        id = survey;
    else if (id == "ENTERPRISE"_L1)
        id = m_f->enterprise();
    if (fields.value("enterprise"_L1).toString() == "ENTERPRISE"_L1)
        fields.insert(u"enterprise"_s, m_f->enterprise());

    const qint64 seq = m_f->lastSeq();
    const QList<QJsonObject> before = gx::test::pullEverything(m_f->client(u"office"_s));
    const qint64 base = id == survey || id == m_f->enterprise() ? 1 : 0;
    const HttpResult answer = m_f->push(
        u"office"_s, u"dev-o"_s,
        {gx::test::upsertJson(entity, id, fields, base,
                              gx::test::hlcText(TestClock::kStart + hlcOffset, u"dev-o"_s))});
    QVERIFY2(answer.status == 200, answer.describe().constData());
    const QJsonObject result = firstResult(answer);
    QCOMPARE(result.value("status"_L1).toString(), u"rejected"_s);
    const QJsonObject error = result.value("error"_L1).toObject();
    QCOMPARE(error.value("code"_L1).toString(), code);
    QCOMPARE(error.value("field"_L1).toString(), field);
    QVERIFY2(error.value("message"_L1).toString().size() > 10,
             qPrintable(gx::test::compactJson(error)));
    QCOMPARE(result.value("rev"_L1).toInteger(), base);

    QCOMPARE(m_f->lastSeq(), seq);
    QCOMPARE(gx::test::pullEverything(m_f->client(u"office"_s)), before);
}

void Tst_server_sync::hlcNamesTheSender_data()
{
    // The conflict log takes each clash's device from the hlc: it must be the pushing device.
    QTest::addColumn<QString>("hlcDevice");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the push's device") << u"dev-o"_s << u"applied"_s;
    QTest::newRow("another device") << u"dev-a"_s << u"rejected:bad_hlc:hlc"_s;
    QTest::newRow("a device that never pushed") << u"forged-1"_s << u"rejected:bad_hlc:hlc"_s;
}

void Tst_server_sync::hlcNamesTheSender()
{
    QFETCH(QString, hlcDevice);
    QFETCH(QString, expected);
    const qint64 seq = m_f->lastSeq();
    const HttpResult answer =
        m_f->push(u"office"_s, u"dev-o"_s,
                  {gx::test::upsertJson(u"survey"_s, gx::test::newUuid(),
                                        gx::test::draftSurveyFields(m_f->enterprise()), 0,
                                        gx::test::hlcText(TestClock::kStart, hlcDevice))});
    QVERIFY2(answer.status == 200, answer.describe().constData());
    const QJsonObject result = firstResult(answer);
    QString got = result.value("status"_L1).toString();
    if (got == "rejected"_L1)
        got += u':' + result["error"_L1]["code"_L1].toString() + u':' +
               result["error"_L1]["field"_L1].toString();
    QCOMPARE(got, expected);
    QCOMPARE(m_f->lastSeq(), seq + (expected == "applied"_L1 ? 1 : 0));
}

void Tst_server_sync::rejectionUndoesOnlyItself()
{
    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    const HttpResult answer =
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"survey"_s, survey,
                                        gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc),
                   gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                        {{u"survey"_s, survey}, {u"quantity"_s, -3}}, 0, hlc),
                   gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                        gx::test::equipmentFields(survey), 0, hlc)});
    QCOMPARE(gx::test::pushResults(answer).at(0)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(gx::test::pushResults(answer).at(1)["status"_L1].toString(), u"rejected"_s);
    QCOMPARE(gx::test::pushResults(answer).at(1)["error"_L1]["field"_L1].toString(), u"quantity"_s);
    QCOMPARE(gx::test::pushResults(answer).at(2)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(m_f->lastSeq(), 2 + 2); // two registry enterprises, then two records
}

void Tst_server_sync::batchSeesItsOwnWrites()
{
    // Within one batch, a survey created and then deleted is a parent first and then not.
    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    const HttpResult answer =
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"survey"_s, survey,
                                        gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc),
                   gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                        gx::test::equipmentFields(survey), 0, hlc),
                   gx::test::deleteJson(u"survey"_s, survey, 1, hlc),
                   gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                        gx::test::equipmentFields(survey), 0, hlc)});
    const QJsonArray results = gx::test::pushResults(answer);
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(results.at(1)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(results.at(2)["status"_L1].toString(), u"applied"_s);
    QCOMPARE(results.at(2)["rev"_L1].toInteger(), 2);
    QCOMPARE(results.at(3)["status"_L1].toString(), u"rejected"_s);
    QCOMPARE(results.at(3)["error"_L1]["code"_L1].toString(), u"unknown_parent"_s);
}

void Tst_server_sync::newRowsOfOneBatch()
{
    // New rows are written a hundred at a time before the commit: whatever else the batch does
    // with them (edit, move to another survey, delete) lands after, in order, facts included.
    const QString first = gx::test::newUuid();
    const QString second = gx::test::newUuid();
    const QString moved = gx::test::newUuid();
    const QString removed = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QJsonArray batch{gx::test::upsertJson(u"survey"_s, first,
                                          gx::test::draftSurveyFields(m_f->enterprise()), 0, hlc),
                     gx::test::upsertJson(u"survey"_s, second,
                                          gx::test::draftSurveyFields(m_f->enterprise(), 2025), 0,
                                          hlc)};
    constexpr int kRows = 250; // three multi-row INSERTs
    for (int n = 0; n < kRows; ++n) {
        batch.append(gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(),
                                          gx::test::equipmentFields(first), 0, hlc));
    }
    batch.append(
        gx::test::upsertJson(u"equipment"_s, moved, gx::test::equipmentFields(first), 0, hlc));
    batch.append(
        gx::test::upsertJson(u"equipment"_s, removed, gx::test::equipmentFields(first), 0, hlc));
    batch.append(gx::test::upsertJson(u"equipment"_s, moved,
                                      gx::test::equipmentFields(second, u"moved"_s), 1, hlc));
    batch.append(gx::test::deleteJson(u"equipment"_s, removed, 1, hlc));
    const qint64 before = m_f->lastSeq();
    const QJsonArray results = gx::test::pushResults(m_f->push(u"insp"_s, u"dev-a"_s, batch));
    QCOMPARE(results.size(), batch.size());
    for (const QJsonValue &result : results)
        QCOMPARE(result["status"_L1].toString(), u"applied"_s);
    QCOMPARE(m_f->lastSeq(), before + batch.size());

    gx::server::Database &db = m_f->db();
    const auto one = [&db](const QString &sql, const QVariantList &params) {
        auto q = db.exec(sql, params);
        return q.ok() && q.value().next() ? q.value().value(0).toString() : u"(none)"_s;
    };
    // Every row once, with the seq of its mutation: one per write, in the batch's order.
    QCOMPARE(
        one(u"SELECT COUNT(*) FROM records WHERE entity = 'equipment' AND seq > ?"_s, {before}),
        QString::number(kRows + 2));
    QCOMPARE(one(u"SELECT COUNT(DISTINCT seq) FROM records WHERE seq > ?"_s, {before}),
             QString::number(kRows + 4));
    QCOMPARE(one(u"SELECT rev FROM records WHERE id = ?"_s, {moved}), u"2"_s);
    QCOMPARE(one(u"SELECT seq FROM records WHERE id = ?"_s, {moved}),
             QString::number(before + batch.size() - 1));
    QCOMPARE(one(u"SELECT deleted FROM records WHERE id = ?"_s, {removed}), u"1"_s);
    // The facts follow: the moved row counts for the second survey, the deleted one for none.
    QCOMPARE(one(u"SELECT survey FROM equipment_facts WHERE id = ?"_s, {moved}), second);
    QCOMPARE(one(u"SELECT deleted FROM equipment_facts WHERE id = ?"_s, {removed}), u"1"_s);
    QCOMPARE(
        one(u"SELECT COUNT(*) FROM equipment_facts WHERE survey = ? AND deleted = 0"_s, {first}),
        QString::number(kRows));
    QCOMPARE(
        one(u"SELECT COUNT(*) FROM equipment_facts WHERE survey = ? AND deleted = 0"_s, {second}),
        u"1"_s);
}

void Tst_server_sync::malformedPushAppliesNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    const QString survey = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    const QJsonObject good = gx::test::upsertJson(
        u"survey"_s, survey, gx::test::draftSurveyFields(u"ENTERPRISE"_s), 0, hlc);
    auto body = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson();
    };
    QJsonObject negative = good;
    negative.insert(u"base_rev"_s, -1);
    negative.insert(u"mutation_id"_s, gx::test::newUuid());
    QJsonObject nul = good;
    nul.insert(u"fields"_s, QJsonObject{{u"notes"_s, u"a\u0000b"_s}});
    nul.insert(u"mutation_id"_s, gx::test::newUuid());
    QJsonObject badOp = good;
    badOp.insert(u"op"_s, u"replace"_s);
    badOp.insert(u"mutation_id"_s, gx::test::newUuid());
    QJsonArray tooMany;
    for (int i = 0; i < 1001; ++i)
        tooMany.append(good);

    QTest::newRow("not JSON") << QByteArray("{\"device_id\": ") << QString();
    QTest::newRow("negative base_rev, after a good mutation")
        << body(gx::test::pushBody(u"dev-a"_s, {good, negative})) << u"mutations[1].base_rev"_s;
    QTest::newRow("NUL in a text")
        << body(gx::test::pushBody(u"dev-a"_s, {good, nul})) << u"mutations[1].fields.notes"_s;
    QTest::newRow("unknown op") << body(gx::test::pushBody(u"dev-a"_s, {good, badOp}))
                                << u"mutations[1].op"_s;
    QTest::newRow("bad device id")
        << body(gx::test::pushBody(u"dev a"_s, {good})) << u"device_id"_s;
    QTest::newRow("1001 mutations")
        << body(gx::test::pushBody(u"dev-a"_s, tooMany)) << u"mutations"_s;
    QTest::newRow("unknown member")
        << body(QJsonObject{
               {u"device_id"_s, u"dev-a"_s}, {u"mutations"_s, QJsonArray{good}}, {u"extra"_s, 1}})
        << u"extra"_s;
}

void Tst_server_sync::malformedPushAppliesNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    body.replace("ENTERPRISE", m_f->enterprise().toUtf8());
    const qint64 seq = m_f->lastSeq();
    const HttpResult answer = m_f->client(u"insp"_s).post(u"/api/v1/sync/push"_s, body);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.errorCode(), u"bad_request"_s);
    const QJsonValue reported = answer.json()["error"_L1]["field"_L1];
    if (field.isEmpty())
        QVERIFY(reported.isNull() || reported.toString().isEmpty());
    else
        QCOMPARE(reported.toString(), field);
    QVERIFY(answer.errorMessage().contains("nothing was applied"_L1));
    QCOMPARE(m_f->lastSeq(), seq);
    auto count = m_f->db().exec(u"SELECT COUNT(*) FROM mutations"_s);
    QVERIFY(count.ok() && count.value().next());
    QCOMPARE(count.value().value(0).toInt(), 0);
}

void Tst_server_sync::oddTextStoredVerbatim_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("emoji") << u"设备 🏭⚙️ 👩🏽‍🔧"_s;
    QTest::newRow("right to left") << u"\u202Eمصنع\u202C עברית"_s;
    QTest::newRow("combining marks") << u"e\u0301 a\u030A Z\u0351\u0362"_s;
    QTest::newRow("SQL") << u"'; DROP TABLE records; --"_s;
    QTest::newRow("quotes and backslashes") << u"\"\\' \\\\ %s %n ${x} $1"_s;
    QTest::newRow("line breaks in long text") << u"line 1\nline 2\n\tindented"_s;
    QTest::newRow("private use and noncharacter") << u"\uE000\uFDD0\uFFFD"_s;
}

void Tst_server_sync::oddTextStoredVerbatim()
{
    QFETCH(QString, text);
    const QString survey = gx::test::newUuid();
    QJsonObject fields = gx::test::draftSurveyFields(m_f->enterprise());
    fields.insert(u"notes"_s, text);
    const HttpResult answer =
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"survey"_s, survey, fields, 0,
                                        gx::test::hlcText(TestClock::kStart, u"dev-a"_s))});
    QCOMPARE(firstResult(answer)["status"_L1].toString(), u"applied"_s);
    const QJsonObject record =
        gx::test::changeOf(gx::test::pullEverything(m_f->client(u"insp"_s)), u"survey"_s, survey);
    QCOMPARE(record.value("fields"_L1)["notes"_L1].toString(), text);
    auto count = m_f->db().exec(u"SELECT COUNT(*) FROM records"_s);
    QVERIFY(count.ok() && count.value().next());
    QCOMPARE(count.value().value(0).toInt(), 3);
}

void Tst_server_sync::unknownFieldsAreRejected()
{
    // A field its version does not define (survey versions: tst_server_forms) writes nothing.
    const QString survey = gx::test::newUuid();
    QJsonObject fields = gx::test::draftSurveyFields(m_f->enterprise());
    fields.insert(u"future_question"_s, QJsonArray{1, 2});
    const qint64 before = m_f->lastSeq();
    const HttpResult answer =
        m_f->push(u"insp"_s, u"dev-a"_s,
                  {gx::test::upsertJson(u"survey"_s, survey, fields, 0,
                                        gx::test::hlcText(TestClock::kStart, u"dev-a"_s))});
    QCOMPARE(firstResult(answer)["status"_L1].toString(), u"rejected"_s);
    QCOMPARE(firstResult(answer)["error"_L1]["code"_L1].toString(), u"unknown_field"_s);
    QCOMPARE(firstResult(answer)["error"_L1]["field"_L1].toString(), u"future_question"_s);
    QCOMPARE(m_f->lastSeq(), before);
}

void Tst_server_sync::duplicateSurvey()
{
    const QString first = gx::test::newUuid();
    const QString second = gx::test::newUuid();
    const QString hlc = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    QCOMPARE(
        firstResult(m_f->push(u"insp"_s, u"dev-a"_s,
                              {gx::test::upsertJson(u"survey"_s, first,
                                                    gx::test::draftSurveyFields(m_f->enterprise()),
                                                    0, hlc)}))["status"_L1]
            .toString(),
        u"applied"_s);

    // Another inspector started one offline for the same enterprise and period.
    const HttpResult answer = m_f->push(
        u"insp2"_s, u"dev-b"_s,
        {gx::test::upsertJson(u"survey"_s, second, gx::test::draftSurveyFields(m_f->enterprise()),
                              0, gx::test::hlcText(TestClock::kStart, u"dev-b"_s)),
         gx::test::upsertJson(u"survey"_s, gx::test::newUuid(),
                              gx::test::draftSurveyFields(m_f->enterprise(), 2025), 0,
                              gx::test::hlcText(TestClock::kStart, u"dev-b"_s))});
    const QJsonObject rejected = gx::test::pushResults(answer).at(0).toObject();
    QCOMPARE(rejected.value("status"_L1).toString(), u"rejected"_s);
    QCOMPARE(rejected["error"_L1]["code"_L1].toString(), u"duplicate_survey"_s);
    QCOMPARE(rejected["error"_L1]["existing_id"_L1].toString(), first);
    QCOMPARE(rejected["error"_L1]["field"_L1].toString(), u"period"_s);
    // Another period is another survey.
    QCOMPARE(gx::test::pushResults(answer).at(1)["status"_L1].toString(), u"applied"_s);

    // Once the first is deleted, the enterprise may have a new one for the period.
    QCOMPARE(firstResult(m_f->push(u"insp"_s, u"dev-a"_s,
                                   {gx::test::deleteJson(u"survey"_s, first, 1, hlc)}))["status"_L1]
                 .toString(),
             u"applied"_s);
    QCOMPARE(firstResult(m_f->push(
                 u"insp2"_s, u"dev-b"_s,
                 {gx::test::upsertJson(
                     u"survey"_s, second, gx::test::draftSurveyFields(m_f->enterprise()), 0,
                     gx::test::hlcText(TestClock::kStart + 1, u"dev-b"_s))}))["status"_L1]
                 .toString(),
             u"applied"_s);
}

void Tst_server_sync::rowsOfSubmittedSurvey_data()
{
    // stored: the survey's state before the push (it has one complete equipment row and key
    // process); steps: the batch, in order; expected: each step's "status[:code:field]".
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("expected");
    const QString clearName = u"clear the row's name"_s;
    const QString newRow = u"new row without status"_s;
    const QString clearCnc = u"clear the key process's is_cnc"_s;
    const QString submit = u"submit the survey"_s;
    const QString reopen = u"reopen the survey"_s;
    const QString required = u"rejected:required:"_s;

    QTest::newRow("submitted: a row's required answer cleared")
        << u"submitted"_s << QStringList{clearName} << QStringList{required + u"name"_s};
    QTest::newRow("submitted: a new row missing a required answer")
        << u"submitted"_s << QStringList{newRow} << QStringList{required + u"status"_s};
    QTest::newRow("submitted: a key process's required answer cleared")
        << u"submitted"_s << QStringList{clearCnc} << QStringList{required + u"is_cnc"_s};
    QTest::newRow("submitted earlier in the batch")
        << u"draft"_s << QStringList{submit, clearName}
        << QStringList{u"applied"_s, required + u"name"_s};
    QTest::newRow("submitted later in the batch")
        << u"draft"_s << QStringList{clearName, newRow, submit}
        << QStringList{required + u"name"_s, required + u"status"_s, u"applied"_s};
    QTest::newRow("draft: rows may be incomplete")
        << u"draft"_s << QStringList{clearName, newRow, clearCnc}
        << QStringList{u"applied"_s, u"applied"_s, u"applied"_s};
    QTest::newRow("reopened earlier in the batch")
        << u"submitted"_s << QStringList{reopen, clearName}
        << QStringList{u"applied"_s, u"applied"_s};
}

void Tst_server_sync::rowsOfSubmittedSurvey()
{
    QFETCH(QString, stored);
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);

    const QString survey = gx::test::newUuid();
    const QString row = gx::test::newUuid();
    const QString process = gx::test::newUuid();
    const QString t0 = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    const QJsonObject surveyFields = stored == "submitted"_L1
                                         ? gx::test::submittedSurveyFields(m_f->enterprise())
                                         : gx::test::draftSurveyFields(m_f->enterprise());
    const QJsonArray setUp{
        gx::test::upsertJson(u"survey"_s, survey, surveyFields, 0, t0),
        gx::test::upsertJson(u"equipment"_s, row, gx::test::equipmentFields(survey), 0, t0),
        gx::test::upsertJson(u"key_process"_s, process,
                             {{u"survey"_s, survey}, {u"name"_s, u"焊接"_s}, {u"is_cnc"_s, true}},
                             0, t0)};
    for (const QJsonValue &result : gx::test::pushResults(m_f->push(u"insp"_s, u"dev-a"_s, setUp)))
        QCOMPARE(result["status"_L1].toString(), u"applied"_s);

    const QString t1 = gx::test::hlcText(TestClock::kStart + 1000, u"dev-a"_s);
    QJsonArray batch;
    for (const QString &step : std::as_const(steps)) {
        if (step.startsWith("clear the row"_L1)) {
            batch.append(
                gx::test::upsertJson(u"equipment"_s, row, {{u"name"_s, QJsonValue::Null}}, 1, t1));
        } else if (step.startsWith("new row"_L1)) {
            QJsonObject fields = gx::test::equipmentFields(survey);
            fields.remove(u"status"_s);
            batch.append(gx::test::upsertJson(u"equipment"_s, gx::test::newUuid(), fields, 0, t1));
        } else if (step.startsWith("clear the key"_L1)) {
            batch.append(gx::test::upsertJson(u"key_process"_s, process,
                                              {{u"is_cnc"_s, QJsonValue::Null}}, 1, t1));
        } else if (step.startsWith("submit"_L1)) {
            batch.append(gx::test::upsertJson(
                u"survey"_s, survey, gx::test::submittedSurveyFields(m_f->enterprise()), 1, t1));
        } else {
            QCOMPARE(step, u"reopen the survey"_s);
            batch.append(
                gx::test::upsertJson(u"survey"_s, survey, {{u"state"_s, u"draft"_s}}, 1, t1));
        }
    }
    const qint64 before = m_f->lastSeq();
    const HttpResult answer = m_f->push(u"insp"_s, u"dev-a"_s, batch);
    QVERIFY2(answer.status == 200, answer.describe().constData());
    const QJsonArray results = gx::test::pushResults(answer);
    QCOMPARE(results.size(), steps.size());
    QStringList got;
    for (const QJsonValue &result : results) {
        const QString status = result["status"_L1].toString();
        got.append(status == "rejected"_L1
                       ? status + u':' + result["error"_L1]["code"_L1].toString() + u':' +
                             result["error"_L1]["field"_L1].toString()
                       : status);
    }
    QCOMPARE(got, expected);
    // A rejected row writes nothing.
    QCOMPARE(m_f->lastSeq(), before + expected.count(u"applied"_s));
}

QTEST_GUILESS_MAIN(Tst_server_sync)
#include "tst_server_sync.moc"
