#pragma once

#include "core/regioncatalog.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gx::server {

/** The targets of one period: region code -> indicator -> value (a fraction for rates). */
using PeriodTargets = QMap<QString, QMap<QString, double>>;

/** One change to a period's targets: set `value`, or remove the target when it is absent. */
struct TargetChange
{
    QString region;
    QString indicator;
    std::optional<double> value;
};

/**
 * Why a change was refused: the member of the request concerned (`regions[2].targets.X`, or
 * for a CSV file `line 3, X`), a sentence, and whether it is a 422 (a value the contract
 * refuses: unknown region or indicator, not a finite number, out of range) or a 400 (the body's
 * shape: a member missing or of the wrong type, an unknown member).
 */
struct TargetProblem
{
    QString field;
    QString message;
    bool unprocessable = true;
};

/**
 * The targets of every period in table `targets` (period, region, indicator, value): the one
 * place the server reads them from. The figures (GET /api/v1/stats/coverage, the exports, through
 * CoverageQuery) and GET /api/v1/regions judge against catalog(), and GET/PUT /api/v1/targets
 * and `gengxin-server targets import` read and change it.
 *
 * The migration that adds the table seeds it with every target of assets/regions/lishui.json
 * (seed(): the annex's 2024 targets per region and the policy's 2024 and 2027 citywide ones), so
 * a store starts with the figures it had before and the office changes them from there. How a
 * figure compares with its target is the indicator's (core's indicatorComparison()), so the table
 * keeps only the number.
 *
 * Rules (check()): a region is the catalog's (a county, the development zone, or the city's
 * 331100); an indicator is one of core's indicatorNames(); a value a finite number, for a rate
 * (indicatorKind() Rate, growth included) within [0, 10], for a count a whole number from 0 to
 * 1,000,000,000. A change is all or nothing, and is written with one audit row that names every
 * target changed, its value before and after, who changed it and when.
 */
class TargetStore
{
public:
    static constexpr double kMaxRate = 10;
    static constexpr double kMaxCount = 1e9;

    explicit TargetStore(Database &db)
        : m_db(db)
    {}

    /** Writes every target of `catalog` (the backfill of the migration that adds the table). */
    [[nodiscard]] static DbStatus seed(Database &db, const RegionCatalog &catalog);

    /** The targets of one period (regions and indicators without one are absent). */
    [[nodiscard]] Result<PeriodTargets, DbError> period(int period);
    /** `catalog` with the targets of `period` from the table, and no other year's. */
    [[nodiscard]] Result<RegionCatalog, DbError> catalogFor(const RegionCatalog &catalog,
                                                            int period);
    /** `catalog` with the targets of every period from the table. */
    [[nodiscard]] Result<RegionCatalog, DbError> catalog(const RegionCatalog &catalog);
    /** The periods that have at least one target, ascending. */
    [[nodiscard]] Result<QList<int>, DbError> periods();

    /**
     * Applies changes to one period in one transaction with their audit row (`action`: who and
     * when, `source`: "api" or the imported file), and returns how many targets changed. The
     * changes must have passed check(); a failure writes nothing.
     */
    [[nodiscard]] Result<int, DbError> apply(int period, const QList<TargetChange> &changes,
                                             const QString &actor, QLatin1StringView action,
                                             const QString &source, qint64 now);

    /** The first problem of one change (`field` names its member), or nothing. */
    [[nodiscard]] static std::optional<TargetProblem> check(const TargetChange &change,
                                                            const RegionCatalog &catalog,
                                                            const QString &regionField,
                                                            const QString &valueField);
    /**
     * The body of PUT /api/v1/targets: {"regions":[{"region","targets":{INDICATOR: number or
     * null}}]} (no other members), every change checked; a region named twice is refused.
     */
    [[nodiscard]] static Result<QList<TargetChange>, TargetProblem>
    fromJson(const QJsonObject &body, const RegionCatalog &catalog);
    /**
     * A CSV file of `targets import`: UTF-8, header `region,INDICATOR,...`, one row per region
     * (each at most once), a number per cell; an empty cell changes nothing. Every bad line is
     * reported (`line N, COLUMN: why`), and then the list of changes is empty.
     */
    [[nodiscard]] static Result<QList<TargetChange>, QList<TargetProblem>>
    parseCsv(const QByteArray &csv, const RegionCatalog &catalog);

    /** {"period","regions":[{"region","targets":{INDICATOR: number}}]}, every region of the
     * catalog (the city first, then the catalog's order), those without targets with {}. */
    [[nodiscard]] static QJsonObject toJson(int period, const PeriodTargets &targets,
                                            const RegionCatalog &catalog);

private:
    Database &m_db;
};

} // namespace gx::server
