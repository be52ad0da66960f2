#pragma once

#include "core/regioncatalog.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gx::server {

/**
 * One statistics-bureau figure for a region (or the city) and period: one of core's
 * officialIndicatorNames(), its published growth `value` (a fraction: 0.12 is 12 %), and, when
 * the bureau gives them, the amounts behind it (`current` and `base`, shown as the figure's
 * numerator and denominator).
 */
struct OfficialFigureEntry
{
    QString region;
    int period = 0;
    QString indicator;
    double value = 0;
    std::optional<double> current;
    std::optional<double> base;

    /** {"region","period","indicator","value","current","base"} (null when absent). */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Why a figure was refused: the member (or CSV column) concerned and a sentence. */
struct OfficialFigureProblem
{
    QString field;
    QString message;
};

/** A bad line of an import file (line 0: the file as a whole). */
struct OfficialFigureLineError
{
    int line = 0;
    QString message;
};

/** Every row of an import file, or every problem found in it (then nothing is imported). */
struct OfficialFigureFile
{
    QList<OfficialFigureEntry> rows;
    QList<OfficialFigureLineError> errors;

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

/**
 * The official figures the office enters (POST /api/v1/official-figures) or imports
 * (`gengxin-server official import FILE.csv`) into table official_figures, one per (region,
 * period, indicator): a new entry replaces the old. The indicator engine shows them beside their
 * targets; nothing derives them from survey data.
 *
 * Rules: region is a code of the catalog or the city's; period 2000-2100; indicator one of
 * officialIndicatorNames(); value, current and base finite numbers (current and base optional).
 * Import files are UTF-8 CSV with the header region,period,indicator,value[,current,base] (any
 * order); every bad line is reported by number and nothing is imported if any is bad; a
 * (region, period, indicator) twice in one file is an error. Every change has an audit row.
 */
class OfficialFigures
{
public:
    static constexpr int kMinPeriod = 2000;
    static constexpr int kMaxPeriod = 2100;

    /** Reads and checks a request body. */
    [[nodiscard]] static Result<OfficialFigureEntry, OfficialFigureProblem>
    fromJson(const QJsonObject &body, const RegionCatalog &catalog);
    /** The first problem of an entry, or nothing. */
    [[nodiscard]] static std::optional<OfficialFigureProblem>
    check(const OfficialFigureEntry &entry, const RegionCatalog &catalog);
    [[nodiscard]] static OfficialFigureFile parseCsv(const QByteArray &csv,
                                                     const RegionCatalog &catalog);

    /** Inserts or replaces one figure; inside the caller's WriteTransaction. */
    [[nodiscard]] static DbStatus upsert(Database &db, const OfficialFigureEntry &entry);
    /** Upserts one figure with its audit row, in a transaction of its own. */
    [[nodiscard]] static DbStatus set(Database &db, const OfficialFigureEntry &entry,
                                      const QString &actor, qint64 now);
    /** Upserts every row with one audit row, in one transaction; returns how many. */
    [[nodiscard]] static Result<int, DbError> import(Database &db,
                                                     const QList<OfficialFigureEntry> &rows,
                                                     const QString &actor, const QString &source,
                                                     qint64 now);
    /** The figures of one period, ordered by region and indicator. */
    [[nodiscard]] static Result<QList<OfficialFigureEntry>, DbError> list(Database &db, int period);
};

} // namespace gx::server
