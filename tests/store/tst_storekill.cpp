#include "storefixture.h"

#include "store/devicestore.h"

#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using gx::DeviceStore;
using gx::test::StoreFixture;

namespace {

const QString kHelper = QStringLiteral(GX_STORE_HELPER);

/** Where edit i of store_helper's plan goes: the record and the field it sets to i. */
struct PlannedEdit
{
    QString record;
    QString field;
};

PlannedEdit plannedEdit(int i)
{
    const int made = i / 25;
    if (i % 25 == 0)
        return {u"rec-%1"_s.arg(made), u"n"_s}; // the create of rec-K, with n = i
    return {u"rec-%1"_s.arg((i * 7) % (made + 1)), u"f%1"_s.arg(i)};
}

/**
 * Starts the helper in mode, lets it report between minLines and maxLines lines (plus a random
 * pause, so the kill lands anywhere in an edit), SIGKILLs it and returns the numbers of every
 * line "WORD N" it printed, in order.
 */
QList<int> runAndKill(const QString &mode, const QString &path, const QString &word,
                      QRandomGenerator &random, int minLines, int maxLines, QString *errors)
{
    QProcess child;
    child.start(kHelper, {mode, path, u"tablet-7"_s});
    if (!child.waitForStarted(30000))
        return {};
    const int target = int(random.bounded(minLines, maxLines));
    QByteArray out;
    while (out.count('\n') < target + 1 && child.state() == QProcess::Running) {
        child.waitForReadyRead(100);
        out += child.readAllStandardOutput();
    }
    QThread::usleep(random.bounded(4000u));
    ::kill(pid_t(child.processId()), SIGKILL);
    child.waitForFinished(30000);
    out += child.readAllStandardOutput();

    QList<int> numbers;
    const QRegularExpression line(u"^"_s + word + u" (\\d+)$"_s);
    for (const QByteArray &raw : out.split('\n')) {
        const QString text = QString::fromUtf8(raw);
        if (const auto m = line.match(text); m.hasMatch())
            numbers.append(m.captured(1).toInt());
        else if (text.startsWith(u"error"_s) || text.startsWith(u"refused"_s))
            errors->append(text + u'\n');
    }
    return numbers;
}

} // namespace

class Tst_storekill : public QObject
{
    Q_OBJECT

private slots:
    void killDuringEdits_data();
    void killDuringEdits();
    void killDuringPull_data();
    void killDuringPull();
};

void Tst_storekill::killDuringEdits_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 trial = 1; trial <= 8; ++trial)
        QTest::addRow("trial %u", trial) << trial * 7919u;
}

void Tst_storekill::killDuringEdits()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    StoreFixture file;
    QCOMPARE(file.setUpClosed(), QString());
    QString errors;
    const QList<int> saved =
        runAndKill(u"edit"_s, file.path(), u"saved"_s, random, 5, 300, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY(!saved.isEmpty());
    for (int i = 0; i < saved.size(); ++i)
        QCOMPARE(saved.at(i), i);
    const int last = saved.last();

    QCOMPARE(file.reopen(), QString());
    DeviceStore &store = file.store();
    const auto entries = store.outbox().entries();
    GX_OK(entries);
    // (record, field) -> how many mutations carry it, and the value of the last one.
    QHash<QString, int> carried;
    QHash<QString, QJsonValue> carriedValue;
    for (const gx::OutboxEntry &e : entries.value()) {
        QCOMPARE(e.status, gx::OutboxStatus::Pending); // nothing stays in flight after a crash
        for (auto it = e.mutation.fields.begin(); it != e.mutation.fields.end(); ++it) {
            const QString key = e.mutation.id + u'/' + it.key();
            ++carried[key];
            carriedValue.insert(key, it.value());
        }
    }
    // Every edit reported saved is in its record and in exactly one mutation; the edit after it
    // (possibly committed, never reported) is in both or in neither; nothing later exists.
    for (int i = 0; i <= last + 3; ++i) {
        const PlannedEdit edit = plannedEdit(i);
        const auto record = store.record(u"survey"_s, edit.record);
        GX_OK(record);
        const bool inRecord =
            record.value() && record.value()->fields.value(edit.field) == QJsonValue(i);
        const QString key = edit.record + u'/' + edit.field;
        const int times = carried.value(key);
        if (i <= last) {
            QVERIFY2(inRecord, qPrintable(u"edit %1 (saved) missing from %2"_s.arg(i).arg(key)));
            QVERIFY2(times == 1,
                     qPrintable(u"edit %1 (saved) in %2 mutations"_s.arg(i).arg(times)));
            QCOMPARE(carriedValue.value(key), QJsonValue(i));
        } else if (i == last + 1) {
            QCOMPARE(times, inRecord ? 1 : 0);
        } else {
            QVERIFY(!inRecord);
            QCOMPARE(times, 0);
        }
    }
}

void Tst_storekill::killDuringPull_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 trial = 1; trial <= 4; ++trial)
        QTest::addRow("trial %u", trial) << trial * 104729u;
}

void Tst_storekill::killDuringPull()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    StoreFixture file;
    QCOMPARE(file.setUpClosed(), QString());
    QString errors;
    const QList<int> pulled =
        runAndKill(u"pull"_s, file.path(), u"pulled"_s, random, 1, 40, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY(!pulled.isEmpty());
    const int last = pulled.last();

    QCOMPARE(file.reopen(), QString());
    DeviceStore &store = file.store();
    const auto cursor = store.pull().cursor();
    GX_OK(cursor);
    const auto decoded = gx::PullCursor::decode(cursor.value());
    QVERIFY(decoded.ok());
    const qint64 held = decoded.value().seq;
    QVERIFY2(held == last || held == last + 1,
             qPrintable(u"cursor %1 after page %2 was reported"_s.arg(held).arg(last)));
    // Every page up to the cursor is there in full, nothing of the next one.
    for (int k = 1; k <= held + 1; ++k) {
        for (int j : {0, 57, 99}) {
            const auto record = store.record(u"equipment"_s, u"p%1-%2"_s.arg(k).arg(j));
            GX_OK(record);
            QCOMPARE(record.value().has_value(), k <= held);
        }
    }
    const auto entries = store.outbox().entries();
    GX_OK(entries);
    QVERIFY(entries.value().isEmpty());
}

QTEST_GUILESS_MAIN(Tst_storekill)
#include "tst_storekill.moc"
