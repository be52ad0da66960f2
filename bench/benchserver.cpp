#include "benchserver.h"

#include "benchsupport.h"
#include "devicejson.h"
#include "servercommand.h"
#include "testclock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gx::bench {

namespace {

/** How long a set-up command may take at full scale. */
constexpr int kHourMs = 3'600'000;

} // namespace

BenchServer::BenchServer(const QString &db, const QString &logPath, const QStringList &extra)
    : ServerProcess(db, logPath)
{
    setExtraArguments(extra);
    if (const QString why = start(); !why.isEmpty())
        die(u"the server did not start (log: %1): %2"_s.arg(logPath, why));
}

BenchServer::~BenchServer()
{
    if (!stop())
        kill();
}

void setUpServer(const QString &db, const QString &dir, int enterprises)
{
    if (enterprises > 0) {
        QList<test::RegistryLine> registry;
        registry.reserve(enterprises);
        for (int n = 0; n < enterprises; ++n)
            registry.append({uscc(n), u"企业%1"_s.arg(n), kRegion});
        if (const QString why =
                test::importRegistryByCommand(db, dir + u"/registry.csv"_s, registry, kHourMs);
            !why.isEmpty())
            die(why);
    }
    for (const QString &why :
         {test::addUserByCommand(db, kInspector, u"inspector"_s, kPassword, kRegion),
          test::addUserByCommand(db, kOffice, u"office"_s, kPassword)}) {
        if (!why.isEmpty())
            die(u"user add: "_s + why);
    }
}

QString uscc(int n)
{
    return test::testUscc(kRegion, n);
}

QJsonObject surveyFields(const QString &enterprise)
{
    return {{u"enterprise"_s, enterprise},
            {u"period"_s, 2024},
            {u"state"_s, u"draft"_s},
            {u"visit_date"_s, u"2024-11-20"_s},
            {u"digital_level"_s, 2},
            {u"renovation_status"_s, u"in_progress"_s},
            {u"design_tools"_s, true},
            {u"key_processes"_s, 5},
            {u"key_processes_cnc"_s, 3},
            {u"robots_total"_s, 4},
            {u"notes"_s, u"车间二楼，设备较旧，计划明年更新。"_s}};
}

QJsonObject equipmentFields(const QString &survey, int k)
{
    return {{u"survey"_s, survey},
            {u"category"_s, k % 2 ? u"machine_tool"_s : u"motor"_s},
            {u"name"_s, u"设备 %1"_s.arg(k)},
            {u"model"_s, u"CK6140"_s},
            {u"manufacturer"_s, u"浙江机床厂"_s},
            {u"quantity"_s, 2},
            {u"commissioned_year"_s, 2010 + k % 10},
            {u"is_cnc"_s, k % 2 == 1},
            {u"status"_s, u"in_service"_s}};
}

QJsonObject createUpsert(const QString &entity, const QString &id, const QJsonObject &fields,
                         const QString &device)
{
    return test::upsertJson(entity, id, fields, 0, test::hlcText(test::TestClock::kStart, device));
}

double floorInsertMs(const QString &path, const QList<QJsonObject> &records)
{
    double ms = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"floor"_s);
        db.setDatabaseName(path);
        if (!db.open())
            die(u"cannot open the floor database"_s);
        QSqlQuery q(db);
        q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA synchronous=FULL"_s);
        q.exec(u"CREATE TABLE records (entity TEXT NOT NULL, id TEXT NOT NULL, rev INTEGER NOT "
               u"NULL, fields TEXT NOT NULL, PRIMARY KEY (entity, id))"_s);
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        q.prepare(u"INSERT INTO records (entity, id, rev, fields) VALUES (?, ?, ?, ?)"_s);
        for (const QJsonObject &r : records) {
            q.bindValue(0, r.value("entity"_L1).toString());
            q.bindValue(1, r.value("id"_L1).toString());
            q.bindValue(2, r.value("rev"_L1).toInteger(1));
            q.bindValue(
                3,
                QString::fromUtf8(
                    QJsonDocument(r.value("fields"_L1).toObject()).toJson(QJsonDocument::Compact)));
            if (!q.exec())
                die(u"floor insert failed"_s);
        }
        db.commit();
        ms = double(timer.nsecsElapsed()) / 1e6;
    }
    QSqlDatabase::removeDatabase(u"floor"_s);
    return ms;
}

} // namespace gx::bench
