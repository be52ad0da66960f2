#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gx {

/** One figure of one region as GET /api/v1/stats/coverage gives it (docs/api.md). */
struct ReportFigure
{
    std::optional<double> value; ///< none when the denominator is 0 (or not entered)
    double numerator = 0;
    double denominator = 0;
    std::optional<double> target;
    QString targetOp;        ///< ">=" or ">", "" without a target
    std::optional<bool> met; ///< none without a target or a value

    /** The figure as the server's JSON, which FigureFormatter reads. */
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static ReportFigure fromJson(const QJsonObject &json);
};

/** A county, the development zone or the city, with every figure. */
struct ReportRegion
{
    QString code;
    QString name;                        ///< Chinese
    QString nameEn;                      ///< "" when the server sent none
    int registry = 0;                    ///< above-size enterprises of the registry
    int surveyed = 0;                    ///< of those, with a counted survey
    QMap<QString, ReportFigure> figures; ///< indicator -> figure
};

/**
 * What a report shows: the figures of one period for the city and each region, and when they
 * were taken from the server (the date of the data). A plain struct, filled from the server's
 * JSON by fromCoverage() or by hand in a test.
 */
struct ReportData
{
    int period = 0;
    QDateTime dataDate; ///< when the figures were read from the server
    QString source;     ///< where from (the server's address), "" when unknown
    ReportRegion city;
    QList<ReportRegion> regions; ///< the counties and the development zone, in the server's order

    /**
     * Reads GET /api/v1/stats/coverage's answer; an error says what is missing (a report of
     * another period than expected, no regions, no city).
     */
    [[nodiscard]] static Result<ReportData, QString>
    fromCoverage(const QJsonObject &json, int expectedPeriod, const QDateTime &dataDate);
};

} // namespace gx
