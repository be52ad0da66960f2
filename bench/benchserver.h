#pragma once

#include "serverprocess.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

/**
 * What the benchmarks against a real gengxin-server (bench_sync, bench_server) share: the server
 * process of one part, its users and registry, and the records the benchmarks push, all made the
 * same way in both.
 */
namespace gx::bench {

inline const QString kRegion = QStringLiteral("331102");
inline const QString kPassword = QStringLiteral("bench password 1");
/** An inspector of kRegion and an office user, both with kPassword (setUpServer()). */
inline const QString kInspector = QStringLiteral("bench.insp");
inline const QString kOffice = QStringLiteral("bench.office");

/**
 * `gengxin-server serve` for one part of a benchmark, on a port the system picks: it is running
 * when the constructor returns, or the benchmark dies; it is stopped (SIGTERM) when destroyed.
 */
class BenchServer : public test::ServerProcess
{
public:
    /** Starts `serve` on db, with `extra` arguments after --db and --listen. */
    BenchServer(const QString &db, const QString &logPath, const QStringList &extra = {});
    ~BenchServer();
    [[nodiscard]] QUrl url() const { return baseUrl(); }
};

/**
 * Imports a registry of `enterprises` enterprises of kRegion (uscc(0) ...; its CSV written in
 * dir) and adds kInspector and kOffice, through the server's command line; dies on failure.
 */
void setUpServer(const QString &db, const QString &dir, int enterprises);

/** The USCC of the benchmark's enterprise n of kRegion. */
[[nodiscard]] QString uscc(int n);
/** A draft survey of an enterprise as an inspector fills it on the visit (11 fields). */
[[nodiscard]] QJsonObject surveyFields(const QString &enterprise);
/** Equipment row k of a survey (9 fields). */
[[nodiscard]] QJsonObject equipmentFields(const QString &survey, int k);
/** The upsert that creates a record, stamped by `device` (the push's device_id must be it). */
[[nodiscard]] QJsonObject createUpsert(const QString &entity, const QString &id,
                                       const QJsonObject &fields,
                                       const QString &device = QStringLiteral("bench-device"));

/**
 * The floor of a write: the records (each {"entity","id","fields"}, with "rev" or rev 1)
 * inserted with QtSql into a bare SQLite table of a new file at `path` in one transaction, WAL
 * and synchronous=FULL as the stores have it. Returns the milliseconds the transaction took.
 */
[[nodiscard]] double floorInsertMs(const QString &path, const QList<QJsonObject> &records);

} // namespace gx::bench
