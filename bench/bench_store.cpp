// bench_store: the device store's figures, each beside a floor measured in the same run on the
// same disk, as a ratio (never asserted; docs/performance.md holds measured figures).
//   1. one durable field edit (value + outbox mutation, one transaction, synchronous=FULL)
//      against a bare SQLite INSERT + COMMIT with the same pragmas: median and p99, goal <= 1.5x;
//   2. opening a survey with 1,000 equipment rows (DeviceStore's SurveyView) against a bare
//      SELECT of the same rows: goal <= 50 ms;
//   3. applying an initial pull of 12,000 records (pages of 1,000) against bare INSERTs of the
//      same rows in the same transactions with the cursor: goal <= 1.5x.
// Usage: bench_store [--dir DIR] [--edits N] [--only edit|open|pull]   (DIR: where the databases
// go; a real disk, since fsync is the cost being measured; default: the current directory)
#include "benchsupport.h"

#include "core/compactjson.h"
#include "store/devicestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using gx::bench::die;
using gx::bench::print;

namespace {

struct Stats
{
    double median = 0;
    double p99 = 0;
};

Stats statsOf(const QList<double> &samples)
{
    return {gx::bench::median(samples), gx::bench::percentile(samples, 0.99)};
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/** Wall time and this thread's CPU time: on a loaded machine the CPU time swings less. */
struct Timing
{
    double wallMs = 0;
    double cpuMs = 0;
};

class Stopwatch
{
public:
    Stopwatch()
        : m_cpuStart(threadCpuMs())
    {
        m_wall.start();
    }
    [[nodiscard]] Timing elapsed() const { return {msSince(m_wall), threadCpuMs() - m_cpuStart}; }

private:
    QElapsedTimer m_wall;
    double m_cpuStart;
};

/** A bare QSQLITE connection with the store's pragmas, for the floors. */
QSqlDatabase bareDatabase(const QString &name, const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    if (!db.open())
        die(u"cannot open "_s + path);
    QSqlQuery q(db);
    for (const QString &sql : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                               u"PRAGMA foreign_keys=ON"_s}) {
        if (!q.exec(sql))
            die(sql + u": "_s + q.lastError().text());
    }
    return db;
}

void exec(QSqlQuery &q)
{
    if (!q.exec())
        die(q.lastQuery() + u": "_s + q.lastError().text());
}

/** A survey as an inspector fills it: ~25 fields. */
QJsonObject surveyFields()
{
    return QJsonObject{{u"enterprise"_s, u"91331102710000371F"_s},
                       {u"period"_s, 2024},
                       {u"state"_s, u"draft"_s},
                       {u"visit_date"_s, u"2024-11-18"_s},
                       {u"digital_level"_s, 2},
                       {u"renovation_status"_s, u"in_progress"_s},
                       {u"design_tools"_s, true},
                       {u"key_processes"_s, 8},
                       {u"key_processes_cnc"_s, 6},
                       {u"factory_tier"_s, u"smart_factory"_s},
                       {u"robots_total"_s, 12},
                       {u"robots_added"_s, 3},
                       {u"tech_invest_base_10k"_s, 1200},
                       {u"tech_invest_10k"_s, 1380.5},
                       {u"equipment_invest_base_10k"_s, 800},
                       {u"equipment_invest_10k"_s, 950},
                       {u"first_of_kind_invest_10k"_s, 120},
                       {u"uses_5g"_s, true},
                       {u"notes"_s, u"车间二期改造进行中，数控化工序数待企业核实。"_s}};
}

QJsonObject equipmentFields(const QString &survey, int i)
{
    static const char *kCategories[] = {
        "machine_tool", "inspection_equipment", "motor",       "pump",
        "fan",          "compressor",           "transformer", "boiler"};
    return QJsonObject{{u"survey"_s, survey},
                       {u"category"_s, QString::fromLatin1(kCategories[i % 8])},
                       {u"name"_s, u"数控车床 CK%1"_s.arg(6100 + i)},
                       {u"model"_s, u"CK6150-%1"_s.arg(i)},
                       {u"manufacturer"_s, u"浙江机床厂"_s},
                       {u"quantity"_s, 1 + i % 5},
                       {u"commissioned_year"_s, 2005 + i % 19},
                       {u"is_cnc"_s, i % 3 != 0},
                       {u"key_energy"_s, i % 4 == 0},
                       {u"efficiency_level"_s, u"energy_saving"_s},
                       {u"rated_power_kw"_s, 7.5 + i % 40},
                       {u"status"_s, u"in_service"_s}};
}

std::unique_ptr<gx::DeviceStore> openStore(const QString &path)
{
    auto opened = gx::DeviceStore::open(path, u"bench-1"_s,
                                        [] { return QDateTime::currentMSecsSinceEpoch(); });
    if (!opened)
        die(opened.error().toString());
    return std::move(opened).value();
}

void benchFieldEdit(const QString &dir, int edits)
{
    auto store = openStore(dir + u"/edit.db"_s);
    const auto survey = store->createRecord(u"survey"_s, surveyFields());
    if (!survey)
        die(survey.error().toString());
    const QString id = survey.value().id;
    QSqlDatabase bare = bareDatabase(u"floor-edit"_s, dir + u"/floor-edit.db"_s);
    QSqlQuery create(bare);
    if (!create.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)"_s))
        die(create.lastError().text());
    QSqlQuery begin(bare), insert(bare), commit(bare);
    begin.prepare(u"BEGIN IMMEDIATE"_s);
    insert.prepare(u"INSERT INTO t (v) VALUES (?)"_s);
    commit.prepare(u"COMMIT"_s);

    QList<double> floor, edit;
    const QStringList fields{u"robots_total"_s, u"notes"_s, u"tech_invest_10k"_s,
                             u"key_processes_cnc"_s};
    const auto floorOnce = [&](int i) {
        QElapsedTimer timer;
        timer.start();
        exec(begin);
        insert.bindValue(0, u"value %1"_s.arg(i));
        exec(insert);
        exec(commit);
        floor.append(msSince(timer));
    };
    const auto editOnce = [&](int i) {
        const QString field = fields.at(i % fields.size());
        const QJsonValue value =
            field == u"notes"_s ? QJsonValue(u"备注 %1"_s.arg(i)) : QJsonValue(i);
        QElapsedTimer timer;
        timer.start();
        const auto r = store->setField(u"survey"_s, id, field, value);
        edit.append(msSince(timer));
        if (!r)
            die(r.error().toString());
    };
    // Interleaved, in alternating order, so that both see the same disk weather.
    for (int i = 0; i < edits; ++i) {
        if (i % 2 == 0) {
            floorOnce(i);
            editOnce(i);
        } else {
            editOnce(i);
            floorOnce(i);
        }
        if (i % 50 == 49) {
            // Like a real session: now and then the client pushes and the edits start a new
            // mutation (coalescing into one pending mutation is the cheap case).
            const auto batch = store->outbox().takeBatch(100);
            QList<gx::MutationResult> results;
            for (const gx::Mutation &m : batch.value().mutations)
                results.append({m.mutationId, gx::MutationResult::Status::Applied, m.baseRev + 1,
                                std::nullopt});
            if (!store->outbox().applyPushResults(results))
                die(u"push results"_s);
        }
    }
    const Stats f = statsOf(floor), e = statsOf(edit);
    print(u"durable field edit (value + outbox), %1 edits:"_s.arg(edits));
    print(u"  store  median %1 ms  p99 %2 ms"_s.arg(e.median, 0, 'f', 3).arg(e.p99, 0, 'f', 3));
    print(u"  floor  median %1 ms  p99 %2 ms  (bare INSERT + COMMIT, same pragmas)"_s
              .arg(f.median, 0, 'f', 3)
              .arg(f.p99, 0, 'f', 3));
    print(u"  ratio  median %1x  p99 %2x  (goal <= 1.5x)"_s.arg(e.median / f.median, 0, 'f', 2)
              .arg(e.p99 / f.p99, 0, 'f', 2));
}

void benchSurveyOpen(const QString &dir)
{
    const QString path = dir + u"/survey.db"_s;
    auto store = openStore(path);
    const auto survey = store->createRecord(u"survey"_s, surveyFields());
    const QString id = survey.value().id;
    QList<QJsonObject> rows;
    for (int i = 0; i < 1000; ++i)
        rows.append(equipmentFields(id, i));
    if (!store->createRecords(u"equipment"_s, rows))
        die(u"cannot create the rows"_s);
    // Other surveys' rows around it, so that the index has to do its work.
    for (int s = 0; s < 4; ++s) {
        QList<QJsonObject> others;
        for (int i = 0; i < 1000; ++i)
            others.append(equipmentFields(u"other-%1"_s.arg(s), i));
        if (!store->createRecords(u"equipment"_s, others))
            die(u"cannot create the rows"_s);
    }

    QSqlDatabase bare = bareDatabase(u"floor-open"_s, path);
    QSqlQuery select(bare);
    select.setForwardOnly(true);
    select.prepare(
        u"SELECT id, fields FROM records WHERE parent_id = ? AND entity = 'equipment'"_s);
    QList<double> floor, open, openParsed;
    for (int round = 0; round < 30; ++round) {
        QElapsedTimer timer;
        timer.start();
        select.bindValue(0, id);
        exec(select);
        int n = 0;
        while (select.next()) {
            const QString rowId = select.value(0).toString();
            const QString fields = select.value(1).toString();
            n += rowId.isEmpty() || fields.isEmpty() ? 0 : 1;
        }
        select.finish();
        floor.append(msSince(timer));
        if (n != 1000)
            die(u"the floor read %1 rows"_s.arg(n));

        timer.restart();
        const auto view = store->queries().survey(id);
        open.append(msSince(timer));
        if (!view || view.value()->equipment.size() != 1000)
            die(u"the survey view is wrong"_s);

        timer.restart();
        const auto parsed = store->queries().survey(id);
        qsizetype total = 0;
        for (const gx::RowSummary &row : parsed.value()->equipment)
            total += row.fields().size();
        openParsed.append(msSince(timer));
        if (total < 1000)
            die(u"parsing failed"_s);
    }
    const Stats f = statsOf(floor), o = statsOf(open), p = statsOf(openParsed);
    print(u"open a survey with 1,000 equipment rows (30 rounds):"_s);
    print(u"  store  median %1 ms  p99 %2 ms  (goal <= 50 ms)"_s.arg(o.median, 0, 'f', 2)
              .arg(o.p99, 0, 'f', 2));
    print(u"  floor  median %1 ms  (bare SELECT id, fields of the same rows)"_s.arg(f.median, 0,
                                                                                    'f', 2));
    print(u"  ratio  median %1x"_s.arg(o.median / f.median, 0, 'f', 2));
    print(u"  with every row's JSON parsed too: median %1 ms"_s.arg(p.median, 0, 'f', 2));
}

void benchPullApply(const QString &dir)
{
    constexpr int kPages = 12, kPerPage = 1000;
    QList<gx::PullPage> pages;
    for (int p = 0; p < kPages; ++p) {
        gx::PullPage page;
        for (int i = 0; i < kPerPage; ++i) {
            const int n = p * kPerPage + i;
            page.changes.append({u"equipment"_s, u"e-%1"_s.arg(n), 1, false,
                                 equipmentFields(u"s-%1"_s.arg(n / 20), n)});
        }
        page.cursor = gx::PullCursor{p + 1}.encode();
        pages.append(page);
    }
    const auto storeRun = [&](int round) {
        auto store = openStore(dir + u"/pull-%1.db"_s.arg(round));
        const Stopwatch watch;
        for (const gx::PullPage &page : std::as_const(pages)) {
            if (!store->pull().applyPullPage(page))
                die(u"pull failed"_s);
        }
        return watch.elapsed();
    };
    // The floor writes the same rows (every column the store writes, the same JSON text by the
    // same writer, the parent id taken from the fields), in the same transactions of 1,000 with
    // the page's cursor, with the same pragmas, as bare INSERTs: no upsert, no checks of the
    // change, no secondary index. A second floor adds the store's index of parents
    // (records_parent), which a device needs for its survey screens: the difference between the
    // two is what that index costs.
    const auto floorRun = [&](int round, bool parentIndex) {
        const QString name = u"floor-pull-%1-%2"_s.arg(round).arg(parentIndex ? 1 : 0);
        QSqlDatabase bare = bareDatabase(name, dir + u"/"_s + name + u".db"_s);
        QSqlQuery create(bare);
        for (const QString &sql :
             {u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
              u"CREATE TABLE records (entity TEXT NOT NULL, id TEXT NOT NULL,"
              u" fields TEXT NOT NULL, server_rev INTEGER NOT NULL, local_state INTEGER NOT NULL,"
              u" deleted INTEGER NOT NULL, parent_id TEXT, updated_at INTEGER NOT NULL,"
              u" form_version INTEGER NOT NULL, PRIMARY KEY (entity, id))"_s}) {
            if (!create.exec(sql))
                die(create.lastError().text());
        }
        if (parentIndex &&
            !create.exec(u"CREATE INDEX records_parent ON records (parent_id, entity)"_s))
            die(create.lastError().text());
        QSqlQuery begin(bare), insert(bare), cursor(bare), commit(bare);
        begin.prepare(u"BEGIN IMMEDIATE"_s);
        insert.prepare(u"INSERT INTO records (entity, id, fields, server_rev, local_state,"
                       u" deleted, parent_id, updated_at, form_version)"
                       u" VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)"_s);
        cursor.prepare(u"INSERT INTO meta (key, value) VALUES ('pull_cursor', ?)"
                       u" ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        commit.prepare(u"COMMIT"_s);
        const Stopwatch watch;
        for (const gx::PullPage &page : std::as_const(pages)) {
            exec(begin);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (const gx::Change &c : page.changes) {
                insert.bindValue(0, c.entity);
                insert.bindValue(1, c.id);
                insert.bindValue(2, gx::toCompactJson(c.fields));
                insert.bindValue(3, c.rev);
                insert.bindValue(4, c.fields.value("survey"_L1).toString());
                insert.bindValue(5, now);
                insert.bindValue(6, c.formVersion);
                exec(insert);
            }
            cursor.bindValue(0, page.cursor);
            exec(cursor);
            exec(commit);
        }
        return watch.elapsed();
    };
    // Rounds on fresh databases, the order turning each round, so that all three see the same
    // disk weather; the medians are compared.
    constexpr int kRounds = 5;
    QList<double> storeWall, floorWall, indexedWall, storeCpu, floorCpu, indexedCpu;
    QStringList ratios;
    for (int round = 0; round < kRounds; ++round) {
        Timing store, floor, indexed;
        for (int k = 0; k < 3; ++k) {
            switch ((round + k) % 3) {
            case 0:
                store = storeRun(round);
                break;
            case 1:
                floor = floorRun(round, false);
                break;
            default:
                indexed = floorRun(round, true);
            }
        }
        storeWall.append(store.wallMs);
        floorWall.append(floor.wallMs);
        indexedWall.append(indexed.wallMs);
        storeCpu.append(store.cpuMs);
        floorCpu.append(floor.cpuMs);
        indexedCpu.append(indexed.cpuMs);
        ratios.append(QString::number(store.wallMs / floor.wallMs, 'f', 2));
    }
    using gx::bench::median;
    const double storeMs = median(storeWall), floorMs = median(floorWall);
    const double indexedMs = median(indexedWall);
    const double records = kPages * kPerPage;
    print(u"apply an initial pull of 12,000 records (12 pages of 1,000, decoded already),"
          u" median of %1 rounds:"_s.arg(kRounds));
    print(u"  store  %1 ms  = %2 records/s  (CPU %3 ms)"_s.arg(storeMs, 0, 'f', 1)
              .arg(records / storeMs * 1000, 0, 'f', 0)
              .arg(median(storeCpu), 0, 'f', 1));
    print(u"  floor  %1 ms  = %2 records/s  (CPU %3 ms; bare INSERTs of the same rows, same JSON"
          u" text, same transactions with the cursor)"_s.arg(floorMs, 0, 'f', 1)
              .arg(records / floorMs * 1000, 0, 'f', 0)
              .arg(median(floorCpu), 0, 'f', 1));
    print(u"  ratio  %1x  CPU %2x  (goal <= 1.5x; wall, each round: %3)"_s
              .arg(storeMs / floorMs, 0, 'f', 2)
              .arg(median(storeCpu) / median(floorCpu), 0, 'f', 2)
              .arg(ratios.join(u" "_s)));
    print(u"  the floor with the index of parents too: %1 ms, CPU %2 ms;"
          u" store / it = %3x, CPU %4x"_s.arg(indexedMs, 0, 'f', 1)
              .arg(median(indexedCpu), 0, 'f', 1)
              .arg(storeMs / indexedMs, 0, 'f', 2)
              .arg(median(storeCpu) / median(indexedCpu), 0, 'f', 2));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The device store's benchmarks, as ratios to floors."_s);
    parser.addHelpOption();
    parser.addOption({u"dir"_s, u"Where the databases go (a real disk)."_s, u"DIR"_s, u"."_s});
    parser.addOption({u"edits"_s, u"How many field edits to time."_s, u"N"_s, u"500"_s});
    parser.addOption({u"only"_s, u"Run only this one: edit, open or pull."_s, u"NAME"_s});
    parser.process(app);
    const QString only = parser.value(u"only"_s);
    QTemporaryDir dir(parser.value(u"dir"_s) + u"/bench-store-XXXXXX"_s);
    if (!dir.isValid())
        die(u"cannot create a directory in "_s + parser.value(u"dir"_s));
    QLoggingCategory::setFilterRules(u"gx.store.info=false"_s);
    if (only.isEmpty() || only == u"edit"_s)
        benchFieldEdit(dir.path(), std::max(50, parser.value(u"edits"_s).toInt()));
    if (only.isEmpty() || only == u"open"_s)
        benchSurveyOpen(dir.path());
    if (only.isEmpty() || only == u"pull"_s)
        benchPullApply(dir.path());
    return 0;
}
