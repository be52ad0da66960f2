// The kill test: gx_device_driver (the real store and sync client in a process of its own) is
// killed with SIGKILL at a random point of a scripted session (mid-edit, mid-push, mid-pull,
// mid-upload), restarted, and synced to the end. Every edit it had reported `saved` must then be
// on the server exactly once: its value there (or a later one of the same field), the mutation
// that carried it recorded by the server and not refused, its row not doubled, its record's
// revision no higher than the mutations the device made.
//
// GX_KILL_TRIALS sets the number of trials (10 by default); scripts/soak.sh runs 200 and reads
// the line "trials N, lost L, duplicated D" this suite prints. GX_KILL_SEED varies the timings.

#include "e2eworld.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using gx::e2e::E2eWorld;

namespace {

constexpr int kRegistry = 600; ///< enterprises of the region: an initial pull is 12+ pages
constexpr int kRows = 10;      ///< equipment rows each trial creates
constexpr qint64 kPhotoBytes = 200'000;

enum class Target
{
    Edit,
    Push,
    Pull,
    Upload,
};

const char *targetName(Target target)
{
    switch (target) {
    case Target::Edit:
        return "edit";
    case Target::Push:
        return "push";
    case Target::Pull:
        return "pull";
    case Target::Upload:
        return "upload";
    }
    return "?";
}

/** A JSON value as the driver prints it (compact). */
QString compact(const QJsonValue &value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QString compactObject(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/** The sha256 of the driver's `photo ... SIZE SEED` bytes (the same generator). */
QString photoSha(qint64 size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/** One field edit of the script, in order: "entity/id", field, value as the driver prints it. */
struct ScriptEdit
{
    QString record;
    QString field;
    QString value;
};

/** One trial's session and what came of it. */
struct Trial
{
    int number = 0;
    Target target = Target::Edit;
    QStringList script;
    QList<ScriptEdit> edits;
    QStringList rowNames;
    QString photoRecord;
    QString photoSha;

    QStringList output;  ///< whole lines the first run printed
    QString killedAfter; ///< the last marker seen before the kill ("" when not killed)
    QStringList finalOutput;
};

Trial makeTrial(int number, const QString &password)
{
    Trial t;
    t.number = number;
    t.target = Target(number % 4);
    const QString survey = gx::test::newUuid();
    const QString surveyKey = u"survey/"_s + survey;
    t.script << u"ensure-login insp.a "_s + password << u"sync"_s;
    const QJsonObject surveyFields = gx::test::draftSurveyFields(E2eWorld::enterprise(number + 1));
    t.script << u"create survey %1 %2"_s.arg(survey, compactObject(surveyFields));
    for (auto it = surveyFields.constBegin(); it != surveyFields.constEnd(); ++it)
        t.edits.append({surveyKey, it.key(), compact(it.value())});
    for (int k = 0; k < kRows; ++k) {
        const QString row = gx::test::newUuid();
        const QString name = u"t%1-row%2"_s.arg(number).arg(k);
        t.rowNames.append(name);
        const QJsonObject fields = gx::test::equipmentFields(survey, name);
        t.script << u"create equipment %1 %2"_s.arg(row, compactObject(fields));
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            t.edits.append({u"equipment/"_s + row, it.key(), compact(it.value())});
        // Its own field set once (an edit no later one overwrites, so the server shows it) ...
        const QString model = u"t%1-model%2"_s.arg(number).arg(k);
        t.script << u"set equipment %1 model %2"_s.arg(row, compact(model));
        t.edits.append({u"equipment/"_s + row, u"model"_s, compact(model)});
        // ... and the survey's note, overwritten by each row's (only the last one shows).
        const QString note = u"t%1-note%2"_s.arg(number).arg(k);
        t.script << u"set survey %1 notes %2"_s.arg(survey, compact(note));
        t.edits.append({surveyKey, u"notes"_s, compact(note)});
        if (k == 0) {
            const quint32 seed = quint32(1000 + number);
            t.photoRecord = u"equipment/"_s + row;
            t.photoSha = photoSha(kPhotoBytes, seed);
            t.script << u"photo equipment %1 photo %2 %3"_s.arg(row).arg(kPhotoBytes).arg(seed);
            t.edits.append({t.photoRecord, u"photo"_s, compact(t.photoSha)});
        }
    }
    t.script << u"sync"_s;
    const QString last = u"t%1-final"_s.arg(number);
    t.script << u"set survey %1 notes %2"_s.arg(survey, compact(last)) << u"sync"_s;
    t.edits.append({surveyKey, u"notes"_s, compact(last)});
    return t;
}

} // namespace

class Tst_e2e_kill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedDriverLosesNothing();

private:
    /** Runs the driver on a script; kills it when `trigger` says so (after its delay). */
    QStringList runDriver(const QString &store, const QString &device, const QStringList &script,
                          const std::function<int(const QString &line)> &trigger,
                          QString *killedAfter);
    /** Checks one trial against the server; adds to lost and duplicated, with reasons. */
    void check(const Trial &trial, const QHash<QString, QJsonObject> &view, int &lost,
               int &duplicated, QStringList &reasons);

    /** The server's recorded result of a mutation id (its `mutations` table), or "". */
    QString serverResult(const QString &mutationId);

    E2eWorld m_world;
};

QString Tst_e2e_kill::serverResult(const QString &mutationId)
{
    // Read-only, on the server's own file: the protocol shows a mutation's result only to the
    // device that sends it again.
    const QString name = u"server-mutations"_s;
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_world.serverDbPath());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        }
        if (!db.isOpen() && !db.open())
            return u"(cannot open the server's database)"_s;
        QSqlQuery q(db);
        q.prepare(u"SELECT result FROM mutations WHERE mutation_id = ?"_s);
        q.addBindValue(mutationId);
        if (q.exec() && q.next())
            result = q.value(0).toString();
    }
    return result;
}

void Tst_e2e_kill::initTestCase()
{
    const QString why = m_world.setUp(kRegistry);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

QStringList Tst_e2e_kill::runDriver(const QString &store, const QString &device,
                                    const QStringList &script,
                                    const std::function<int(const QString &line)> &trigger,
                                    QString *killedAfter)
{
    QDir().mkpath(QFileInfo(store).absolutePath());
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(store + u".driver.log"_s, QIODevice::Append);
    QStringList lines;
    QByteArray pending;
    QString lastMarker;
    bool killScheduled = false;
    QEventLoop loop;
    connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        pending += process.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end));
            pending.remove(0, end + 1);
            lines.append(line);
            if (line.startsWith(u"phase "_s))
                lastMarker = u"mid-"_s + line.mid(6);
            else if (line.startsWith(u"saved "_s))
                lastMarker = u"mid-edit"_s;
            else if (line == "synced"_L1)
                lastMarker = u"between syncs"_s;
            if (killScheduled || !trigger)
                continue;
            const int delay = trigger(line);
            if (delay < 0)
                continue;
            killScheduled = true;
            QTimer::singleShot(delay, &process, [&] {
                if (process.state() == QProcess::Running) {
                    *killedAfter = lastMarker.isEmpty() ? u"start"_s : lastMarker;
                    process.kill(); // SIGKILL
                }
            });
        }
    });
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    process.start(qEnvironmentVariable("GX_DRIVER_BIN", QStringLiteral(GX_DRIVER_BIN)),
                  {u"--store"_s, store, u"--device"_s, device, u"--server"_s,
                   m_world.baseUrl().toString(), u"--batch"_s, u"5"_s, u"--page"_s, u"50"_s,
                   u"--chunk"_s, u"16384"_s});
    if (!process.waitForStarted(10'000))
        return {u"error cannot start the driver: "_s + process.errorString()};
    process.write(script.join(u'\n').toUtf8() + '\n');
    process.closeWriteChannel();
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        lines.append(u"error the driver did not finish"_s);
    }
    return lines;
}

void Tst_e2e_kill::killedDriverLosesNothing()
{
    const int trials = qEnvironmentVariableIsSet("GX_KILL_TRIALS")
                           ? qEnvironmentVariableIntValue("GX_KILL_TRIALS")
                           : 10;
    QVERIFY2(trials >= 1 && trials <= kRegistry - 1, "GX_KILL_TRIALS out of range");
    const quint32 seed = qEnvironmentVariableIsSet("GX_KILL_SEED")
                             ? quint32(qEnvironmentVariableIntValue("GX_KILL_SEED"))
                             : 1u;
    QRandomGenerator rng(seed);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QList<Trial> done;
    QHash<QString, int> killedIn;
    for (int n = 0; n < trials; ++n) {
        Trial trial = makeTrial(n, gx::test::kPassword);
        const QString store = dir.filePath(u"t%1/device.db"_s.arg(n));
        const QString device = u"kill-%1"_s.arg(n);
        const int savedLines = int(trial.edits.size()) - 1; // the final note comes after
        const int killAtSaved = 1 + int(rng.bounded(quint32(savedLines - 1)));
        const int delay = int(rng.bounded(quint32(trial.target == Target::Edit ? 4 : 60)));
        int saved = 0;
        QHash<QString, int> phases;
        const auto trigger = [&](const QString &line) -> int {
            if (line.startsWith(u"phase "_s))
                ++phases[line.mid(6)];
            switch (trial.target) {
            case Target::Edit:
                if (line.startsWith(u"saved "_s) && ++saved == killAtSaved)
                    return delay;
                break;
            case Target::Pull:
                if (line == "phase pull"_L1 && phases.value(u"pull"_s) == 1)
                    return delay;
                break;
            case Target::Push:
                if (line == "phase push"_L1 && phases.value(u"push"_s) == 2)
                    return delay / 2;
                break;
            case Target::Upload:
                if (line == "phase upload"_L1 && phases.value(u"upload"_s) == 2)
                    return delay / 2;
                break;
            }
            return -1;
        };
        trial.output = runDriver(store, device, trial.script, trigger, &trial.killedAfter);
        ++killedIn[trial.killedAfter.isEmpty() ? u"(not killed)"_s : trial.killedAfter];
        for (const QString &line : trial.output)
            QVERIFY2(!line.startsWith(u"error "_s), qPrintable(u"trial %1: %2"_s.arg(n).arg(line)));

        // Restarted, it syncs to the end and holds nothing back.
        trial.finalOutput = runDriver(
            store, device,
            {u"ensure-login insp.a "_s + gx::test::kPassword, u"sync"_s, u"outbox"_s}, {}, nullptr);
        QVERIFY2(trial.finalOutput.contains(u"synced"_s) &&
                     trial.finalOutput.contains(u"outbox 0 0"_s),
                 qPrintable(u"trial %1 (%2, killed after %3): %4"_s.arg(n).arg(
                     QLatin1StringView(targetName(trial.target)), trial.killedAfter,
                     trial.finalOutput.join(u" | "_s))));
        done.append(trial);
    }

    QString why;
    const QHash<QString, QJsonObject> view = m_world.officeView(&why);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    int lost = 0;
    int duplicated = 0;
    QStringList reasons;
    for (const Trial &trial : done)
        check(trial, view, lost, duplicated, reasons);

    QStringList where;
    for (auto it = killedIn.cbegin(); it != killedIn.cend(); ++it)
        where.append(u"%1: %2"_s.arg(it.key()).arg(it.value()));
    where.sort();
    qInfo().noquote() << "killed after:" << where.join(u", "_s);
    qInfo().noquote() << u"trials %1, lost %2, duplicated %3"_s.arg(trials).arg(lost).arg(
        duplicated);
    for (const QString &reason : std::as_const(reasons).mid(0, 20))
        qWarning().noquote() << reason;
    QCOMPARE(lost, 0);
    QCOMPARE(duplicated, 0);
}

void Tst_e2e_kill::check(const Trial &trial, const QHash<QString, QJsonObject> &view, int &lost,
                         int &duplicated, QStringList &reasons)
{
    const QString tag = u"trial %1 (%2, killed after %3)"_s.arg(trial.number)
                            .arg(QLatin1StringView(targetName(trial.target)), trial.killedAfter);
    // What the driver reported: the edits it saved, and the mutations that carry them.
    QHash<QString, int> lastSaved; // "record field" -> index in trial.edits
    QHash<QString, QSet<QString>> mutations;
    for (const QString &line : trial.output) {
        const QStringList words = line.split(u' ');
        if (words.size() == 3 && words.at(0) == "receipt"_L1)
            mutations[words.at(1)].insert(words.at(2));
        if (words.size() < 4 || words.at(0) != "saved"_L1)
            continue;
        const QString value = words.mid(3).join(u' ');
        for (qsizetype i = 0; i < trial.edits.size(); ++i) {
            const ScriptEdit &e = trial.edits.at(i);
            if (e.record == words.at(1) && e.field == words.at(2) && e.value == value) {
                const QString key = e.record + u' ' + e.field;
                lastSaved[key] = std::max(lastSaved.value(key, -1), int(i));
                break;
            }
        }
    }
    // Each saved field holds its last saved value on the server, or a later one of the script
    // (an edit committed while the kill came, before it was reported).
    for (auto it = lastSaved.cbegin(); it != lastSaved.cend(); ++it) {
        const ScriptEdit &saved = trial.edits.at(it.value());
        QStringList allowed;
        for (qsizetype i = it.value(); i < trial.edits.size(); ++i) {
            const ScriptEdit &e = trial.edits.at(i);
            if (e.record == saved.record && e.field == saved.field)
                allowed.append(e.value);
        }
        const QJsonObject change = view.value(saved.record);
        const QString onServer =
            change.isEmpty() || change.value("deleted"_L1).toBool()
                ? u"(absent)"_s
                : compact(change.value("fields"_L1).toObject().value(saved.field));
        if (!allowed.contains(onServer)) {
            ++lost;
            reasons.append(u"%1: lost %2 %3 = %4 (server has %5)"_s.arg(
                tag, saved.record, saved.field, saved.value, onServer));
        }
    }
    // Every mutation that carried a saved edit reached the server once and was not refused
    // (overwritten edits show only here).
    for (auto it = mutations.cbegin(); it != mutations.cend(); ++it) {
        for (const QString &mutation : it.value()) {
            const QString result = serverResult(mutation);
            if (result.isEmpty() || result.contains(u"\"rejected\""_s)) {
                ++lost;
                reasons.append(u"%1: mutation %2 of %3 on the server: %4"_s.arg(
                    tag, mutation, it.key(), result.isEmpty() ? u"missing"_s : result));
            }
        }
    }
    // A saved photo is whole on the server.
    if (lastSaved.contains(trial.photoRecord + u" photo"_s)) {
        const gx::test::HttpResult status =
            m_world.office().get(u"/api/v1/blobs/%1/status"_s.arg(trial.photoSha));
        if (!status.json().value("complete"_L1).toBool()) {
            ++lost;
            reasons.append(u"%1: the photo is not whole on the server: %2"_s.arg(
                tag, QString::fromUtf8(status.describe())));
        }
    }
    // Nothing twice: one row per name, and no record at a revision beyond the mutations the
    // device made for it (those reported, and at most one cut off by the kill).
    for (const QString &name : trial.rowNames) {
        int rows = 0;
        for (const QJsonObject &change : view) {
            if (change.value("entity"_L1).toString() == "equipment"_L1 &&
                change.value("fields"_L1).toObject().value("name"_L1).toString() == name)
                ++rows;
        }
        if (rows > 1) {
            ++duplicated;
            reasons.append(u"%1: row %2 is on the server %3 times"_s.arg(tag, name).arg(rows));
        }
    }
    for (auto it = mutations.cbegin(); it != mutations.cend(); ++it) {
        const qint64 rev = view.value(it.key()).value("rev"_L1).toInteger();
        if (rev > it.value().size() + 1) {
            ++duplicated;
            reasons.append(u"%1: %2 is at rev %3 after %4 mutations"_s.arg(tag, it.key())
                               .arg(rev)
                               .arg(it.value().size()));
        }
    }
}

QTEST_GUILESS_MAIN(Tst_e2e_kill)
#include "tst_e2e_kill.moc"
