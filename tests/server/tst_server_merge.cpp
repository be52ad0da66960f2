// The per-field merge of pushes over real loopback HTTP (docs/design.md "Sync"): stale bases, HLC
// last-writer-wins with device tie-breaks, forward-only fields, deletion against edits, and the
// conflict log that devices and the office pull; on the backend named by GX_TEST_BACKEND.

#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using gx::test::HttpResult;
using gx::test::SyncFixture;
using gx::test::TestClock;

namespace {

/** "T+10:0:dev-b" -> the HLC 10 ms after the test clock's start. */
QString expandHlc(const QString &pattern)
{
    static const QRegularExpression shape(u"^T\\+(\\d+):(.*)$"_s);
    const auto match = shape.match(pattern);
    if (!match.hasMatch())
        return pattern;
    return QString::number(TestClock::kStart + match.captured(1).toLongLong()) + u':' +
           match.captured(2);
}

QString deviceOf(const QString &hlc)
{
    return hlc.section(u':', 2);
}

QJsonObject firstResult(const HttpResult &result)
{
    return gx::test::pushResults(result).at(0).toObject();
}

/** "field|kept|lost|reason|lost_by" of each conflict record about a record, sorted. */
QStringList conflictSummary(const QList<QJsonObject> &changes, const QString &recordId)
{
    QStringList out;
    for (const QJsonObject &change : changes) {
        if (change.value("entity"_L1).toString() != "conflict"_L1)
            continue;
        const QJsonObject f = change.value("fields"_L1).toObject();
        if (f.value("record_id"_L1).toString() != recordId)
            continue;
        out.append(QStringList{f.value("field"_L1).toString(),
                               gx::test::compactJson(f.value("kept_value"_L1)),
                               gx::test::compactJson(f.value("lost_value"_L1)),
                               f.value("reason"_L1).toString(), f.value("lost_by"_L1).toString()}
                       .join(u'|'));
    }
    out.sort();
    return out;
}

} // namespace

class Tst_server_merge : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void merge_data();
    void merge();
    void conflictRecordNamesTheLoser();

private:
    std::unique_ptr<gx::test::SyncFixture> m_f;
};

void Tst_server_merge::init()
{
    m_f = std::make_unique<gx::test::SyncFixture>();
    QVERIFY2(m_f->ok(), qPrintable(m_f->error()));
}

void Tst_server_merge::cleanup()
{
    m_f.reset();
}

void Tst_server_merge::merge_data()
{
    // The survey starts at rev 1 (draft fields + `initial`, by insp on dev-a at T+0). Then
    // insp2 on dev-b changes it (`other`, or deletes it when other is "delete") at otherHlc
    // with base_rev 1, making rev 2 — unless other is empty. Then insp pushes `mine` (or a
    // delete) with base_rev mineBase at mineHlc. Conflicts: "field|kept|lost|reason|lost_by".
    QTest::addColumn<QJsonObject>("initial");
    QTest::addColumn<QJsonValue>("other");
    QTest::addColumn<QString>("otherHlc");
    QTest::addColumn<QJsonValue>("mine");
    QTest::addColumn<qint64>("mineBase");
    QTest::addColumn<QString>("mineHlc");
    QTest::addColumn<QString>("status");
    QTest::addColumn<qint64>("rev");
    QTest::addColumn<bool>("deleted");
    QTest::addColumn<QJsonObject>("expect");
    QTest::addColumn<QStringList>("conflicts");

    const QJsonValue none(QJsonValue::Null);
    const QJsonValue remove(u"delete"_s);
    auto f = [](const QJsonObject &o) {
        return QJsonValue(o);
    };
    QTest::newRow("nobody else changed it: applied")
        << QJsonObject{} << none << QString() << f({{u"notes"_s, u"C"_s}}) << qint64(1)
        << u"T+20:0:dev-c"_s << u"applied"_s << qint64(2) << false
        << QJsonObject{{u"notes"_s, u"C"_s}} << QStringList();
    QTest::newRow("disjoint fields on a stale base: merged")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"key_processes"_s, 7}}) << qint64(1) << u"T+20:0:dev-c"_s << u"merged"_s
        << qint64(3) << false << QJsonObject{{u"notes"_s, u"B"_s}, {u"key_processes"_s, 7}}
        << QStringList();
    QTest::newRow("same field, later hlc wins")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(1) << u"T+20:0:dev-c"_s << u"conflict"_s << qint64(3)
        << false << QJsonObject{{u"notes"_s, u"C"_s}}
        << QStringList{u"notes|\"C\"|\"B\"|hlc|insp2"_s};
    QTest::newRow("same field, earlier hlc loses and is logged")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+30:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(1) << u"T+20:0:dev-c"_s << u"conflict"_s << qint64(2)
        << false << QJsonObject{{u"notes"_s, u"B"_s}}
        << QStringList{u"notes|\"B\"|\"C\"|hlc|insp"_s};
    QTest::newRow("same value on both sides is no clash")
        << QJsonObject{} << f({{u"notes"_s, u"S"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"notes"_s, u"S"_s}}) << qint64(1) << u"T+20:0:dev-c"_s << u"merged"_s << qint64(2)
        << false << QJsonObject{{u"notes"_s, u"S"_s}} << QStringList();
    QTest::newRow("renovation_status moves forward against a later hlc")
        << QJsonObject{{u"renovation_status"_s, u"not_started"_s}}
        << f({{u"renovation_status"_s, u"in_progress"_s}}) << u"T+30:0:dev-b"_s
        << f({{u"renovation_status"_s, u"completed"_s}}) << qint64(1) << u"T+20:0:dev-c"_s
        << u"conflict"_s << qint64(3) << false
        << QJsonObject{{u"renovation_status"_s, u"completed"_s}}
        << QStringList{u"renovation_status|\"completed\"|\"in_progress\"|forward_only|insp2"_s};
    QTest::newRow("renovation_status never moves back, even with a later hlc")
        << QJsonObject{} << f({{u"renovation_status"_s, u"completed"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"renovation_status"_s, u"in_progress"_s}}) << qint64(1) << u"T+20:0:dev-c"_s
        << u"conflict"_s << qint64(2) << false
        << QJsonObject{{u"renovation_status"_s, u"completed"_s}}
        << QStringList{u"renovation_status|\"completed\"|\"in_progress\"|forward_only|insp"_s};
    QTest::newRow("digital_level moves forward against a later hlc")
        << QJsonObject{} << f({{u"digital_level"_s, 2}}) << u"T+30:0:dev-b"_s
        << f({{u"digital_level"_s, 3}}) << qint64(1) << u"T+20:0:dev-c"_s << u"conflict"_s
        << qint64(3) << false << QJsonObject{{u"digital_level"_s, 3}}
        << QStringList{u"digital_level|3|2|forward_only|insp2"_s};
    QTest::newRow("digital_level never moves back, even with a later hlc")
        << QJsonObject{} << f({{u"digital_level"_s, 3}}) << u"T+10:0:dev-b"_s
        << f({{u"digital_level"_s, 1}}) << qint64(1) << u"T+20:0:dev-c"_s << u"conflict"_s
        << qint64(2) << false << QJsonObject{{u"digital_level"_s, 3}}
        << QStringList{u"digital_level|3|1|forward_only|insp"_s};
    QTest::newRow("a forward-only field nobody else touched may be corrected down")
        << QJsonObject{} << none << QString() << f({{u"digital_level"_s, 0}}) << qint64(1)
        << u"T+20:0:dev-c"_s << u"applied"_s << qint64(2) << false
        << QJsonObject{{u"digital_level"_s, 0}} << QStringList();
    QTest::newRow("same millisecond: the higher device id wins")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(1) << u"T+10:0:dev-c"_s << u"conflict"_s << qint64(3)
        << false << QJsonObject{{u"notes"_s, u"C"_s}}
        << QStringList{u"notes|\"C\"|\"B\"|hlc|insp2"_s};
    QTest::newRow("same millisecond: the lower device id loses")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(1) << u"T+10:0:dev-a"_s << u"conflict"_s << qint64(2)
        << false << QJsonObject{{u"notes"_s, u"B"_s}}
        << QStringList{u"notes|\"B\"|\"C\"|hlc|insp"_s};
    QTest::newRow("same millisecond: the counter orders before the device")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:5:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(1) << u"T+10:2:dev-z"_s << u"conflict"_s << qint64(2)
        << false << QJsonObject{{u"notes"_s, u"B"_s}}
        << QStringList{u"notes|\"B\"|\"C\"|hlc|insp"_s};
    QTest::newRow("one field clashes, another applies")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+30:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}, {u"key_processes"_s, 7}}) << qint64(1) << u"T+20:0:dev-c"_s
        << u"conflict"_s << qint64(3) << false
        << QJsonObject{{u"notes"_s, u"B"_s}, {u"key_processes"_s, 7}}
        << QStringList{u"notes|\"B\"|\"C\"|hlc|insp"_s};
    QTest::newRow("delete vs edit: an edit of a record deleted meanwhile is logged")
        << QJsonObject{} << remove << u"T+10:0:dev-b"_s << f({{u"notes"_s, u"C"_s}}) << qint64(1)
        << u"T+20:0:dev-c"_s << u"conflict"_s << qint64(2) << true << QJsonObject{}
        << QStringList{u"notes|null|\"C\"|deleted|insp"_s};
    QTest::newRow("edit vs delete: a stale delete still deletes")
        << QJsonObject{} << f({{u"notes"_s, u"B"_s}}) << u"T+10:0:dev-b"_s << remove << qint64(1)
        << u"T+20:0:dev-c"_s << u"merged"_s << qint64(3) << true << QJsonObject{} << QStringList();
    QTest::newRow("an edit made after seeing the deletion revives the record")
        << QJsonObject{{u"key_processes"_s, 4}} << remove << u"T+10:0:dev-b"_s
        << f({{u"notes"_s, u"C"_s}}) << qint64(2) << u"T+20:0:dev-c"_s << u"applied"_s << qint64(3)
        << false << QJsonObject{{u"notes"_s, u"C"_s}, {u"key_processes"_s, 4}} << QStringList();
    QTest::newRow("deleting a tombstone changes nothing")
        << QJsonObject{} << remove << u"T+10:0:dev-b"_s << remove << qint64(2) << u"T+20:0:dev-c"_s
        << u"applied"_s << qint64(2) << true << QJsonObject{} << QStringList();
}

void Tst_server_merge::merge()
{
    QFETCH(QJsonObject, initial);
    QFETCH(QJsonValue, other);
    QFETCH(QString, otherHlc);
    QFETCH(QJsonValue, mine);
    QFETCH(qint64, mineBase);
    QFETCH(QString, mineHlc);
    QFETCH(QString, status);
    QFETCH(qint64, rev);
    QFETCH(bool, deleted);
    QFETCH(QJsonObject, expect);
    QFETCH(QStringList, conflicts);

    const QString survey = gx::test::newUuid();
    QJsonObject fields = gx::test::draftSurveyFields(m_f->enterprise());
    for (auto it = initial.constBegin(); it != initial.constEnd(); ++it)
        fields.insert(it.key(), it.value());
    const HttpResult created = m_f->push(
        u"insp"_s, u"dev-a"_s,
        {gx::test::upsertJson(u"survey"_s, survey, fields, 0, expandHlc(u"T+0:0:dev-a"_s))});
    QCOMPARE(firstResult(created)["status"_L1].toString(), u"applied"_s);

    if (!other.isNull()) {
        const QString hlc = expandHlc(otherHlc);
        const QJsonObject mutation =
            other.isString() ? gx::test::deleteJson(u"survey"_s, survey, 1, hlc)
                             : gx::test::upsertJson(u"survey"_s, survey, other.toObject(), 1, hlc);
        const HttpResult theirs = m_f->push(u"insp2"_s, deviceOf(hlc), {mutation});
        QCOMPARE(firstResult(theirs)["rev"_L1].toInteger(), 2);
    }

    const QString hlc = expandHlc(mineHlc);
    const QJsonObject mutation =
        mine.isString() ? gx::test::deleteJson(u"survey"_s, survey, mineBase, hlc)
                        : gx::test::upsertJson(u"survey"_s, survey, mine.toObject(), mineBase, hlc);
    const HttpResult answer = m_f->push(u"insp"_s, deviceOf(hlc), {mutation});
    QVERIFY2(answer.status == 200, answer.describe().constData());
    const QJsonObject result = firstResult(answer);
    QCOMPARE(result.value("status"_L1).toString(), status);
    QCOMPARE(result.value("rev"_L1).toInteger(), rev);
    if (status == "conflict"_L1) {
        QCOMPARE(result.value("error"_L1)["code"_L1].toString(), u"conflict"_s);
        QVERIFY(!result.value("error"_L1)["message"_L1].toString().isEmpty());
    } else {
        QVERIFY(result.value("error"_L1).isNull());
    }

    // The device concerned pulls the record and the conflict log; the office sees the same.
    QString error;
    const QList<QJsonObject> changes = gx::test::pullEverything(m_f->client(u"insp"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonObject record = gx::test::changeOf(changes, u"survey"_s, survey);
    QCOMPARE(record.value("rev"_L1).toInteger(), rev);
    QCOMPARE(record.value("deleted"_L1).toBool(), deleted);
    const QJsonObject stored = record.value("fields"_L1).toObject();
    if (deleted)
        QVERIFY(stored.isEmpty());
    for (auto it = expect.constBegin(); it != expect.constEnd(); ++it)
        QCOMPARE(stored.value(it.key()), it.value());
    if (!deleted)
        QCOMPARE(stored.value("enterprise"_L1).toString(), m_f->enterprise());
    QCOMPARE(conflictSummary(changes, survey), conflicts);
    QCOMPARE(conflictSummary(gx::test::pullEverything(m_f->client(u"office"_s)), survey),
             conflicts);
}

void Tst_server_merge::conflictRecordNamesTheLoser()
{
    const QString survey = gx::test::newUuid();
    const QString t0 = gx::test::hlcText(TestClock::kStart, u"dev-a"_s);
    const QString t1 = gx::test::hlcText(TestClock::kStart + 50, u"dev-b"_s);
    const QString t2 = gx::test::hlcText(TestClock::kStart + 10, u"dev-c"_s);
    QVERIFY(m_f->push(u"insp"_s, u"dev-a"_s,
                      {gx::test::upsertJson(u"survey"_s, survey,
                                            gx::test::draftSurveyFields(m_f->enterprise()), 0, t0)})
                .status == 200);
    QVERIFY(m_f->push(u"insp2"_s, u"dev-b"_s,
                      {gx::test::upsertJson(u"survey"_s, survey, {{u"notes"_s, u"kept"_s}}, 1, t1)})
                .status == 200);
    const QJsonObject mutation =
        gx::test::upsertJson(u"survey"_s, survey, {{u"notes"_s, u"lost"_s}}, 1, t2);
    QVERIFY(m_f->push(u"insp"_s, u"dev-c"_s, {mutation}).status == 200);

    QList<QJsonObject> conflicts;
    for (const QJsonObject &change : gx::test::pullEverything(m_f->client(u"insp"_s))) {
        if (change.value("entity"_L1).toString() == "conflict"_L1)
            conflicts.append(change);
    }
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.constFirst();
    QCOMPARE(c.value("rev"_L1).toInteger(), 1);
    const QJsonObject expected{{u"entity"_s, u"survey"_s},
                               {u"record_id"_s, survey},
                               {u"field"_s, u"notes"_s},
                               {u"kept_value"_s, u"kept"_s},
                               {u"lost_value"_s, u"lost"_s},
                               {u"kept_hlc"_s, t1},
                               {u"lost_hlc"_s, t2},
                               {u"lost_device"_s, u"dev-c"_s},
                               {u"lost_by"_s, u"insp"_s},
                               {u"reason"_s, u"hlc"_s},
                               {u"mutation_id"_s, mutation.value("mutation_id"_L1)},
                               {u"at"_s, TestClock::kStart}};
    QCOMPARE(c.value("fields"_L1).toObject(), expected);
}

QTEST_GUILESS_MAIN(Tst_server_merge)
#include "tst_server_merge.moc"
