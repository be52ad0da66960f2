#pragma once

#include "core/formdefinition.h"
#include "core/localizedtext.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace gx {

/** Planned renewals of one group: a county and category, one planned year of it, a county. */
struct DemandFigures
{
    int enterprises = 0;
    qint64 units = 0;
    double investment = 0; ///< 万元
    int rows = 0;
};

/** One row of GET /api/v1/stats/supply-demand: a county and category. */
struct SupplyDemandLine
{
    QString region;
    QString category;
    DemandFigures demand;
    QMap<int, DemandFigures> byYear; ///< planned year -> its part of demand
    int products = 0;
    int providers = 0;
    bool gap = false;
};

/** One county's (or the city's) figure local_supply_coverage with what it counts. */
struct SupplyCoverage
{
    QString region;
    int categoriesWithDemand = 0; ///< the denominator
    int categoriesSupplied = 0;   ///< the numerator
    int gaps = 0;
    DemandFigures demand;
};

/** The whole answer of GET /api/v1/stats/supply-demand?period=YEAR. */
struct SupplyDemandReport
{
    int period = 0;
    QList<SupplyDemandLine> rows;
    QList<SupplyCoverage> regions;
    SupplyCoverage city;
};

/** One planned row of the drill-down. */
struct PlannedRenewal
{
    QString id;
    QString name;
    QString model;
    int quantity = 1;
    int plannedYear = 0;              ///< 0: none given
    std::optional<double> investment; ///< planned_invest_10k
};

/** One enterprise of the drill-down with its planned rows. */
struct DemandEnterprise
{
    QString uscc;
    QString name;
    QString survey;
    QList<PlannedRenewal> rows;
};

/** The drill-down answer (&region=&category=): who plans what, and the local supply. */
struct SupplyDemandDetail
{
    int period = 0;
    QString region;
    QString category;
    QList<DemandEnterprise> enterprises;
    QList<QJsonObject> products;  ///< catalogue fields with "id"
    QList<QJsonObject> providers; ///< idem
};

/** Why an answer of the server could not be read; nothing was applied. */
struct SupplyDemandParseError
{
    enum class Code
    {
        Missing,       ///< a member the answer must have is absent
        WrongType,     ///< a member is of another JSON type
        OutOfRange,    ///< a negative count, a numerator above its denominator, ...
        WrongQuestion, ///< the answer is for another period, county or category
    };
    Code code = Code::Missing;
    QString member;  ///< where, e.g. "rows[3].demand.units"
    QString message; ///< for a person (Chinese in the UI), naming the member
};

/**
 * Reads the answers of GET /api/v1/stats/supply-demand (docs/api.md) into plain structs, checking
 * every member the office's screen shows: a malformed answer is refused whole with the member
 * named, so a model keeps what it showed before. Also the texts every supply-and-demand screen
 * shares (category labels from the definition, 万元 amounts).
 */
class SupplyDemandParser
{
    Q_DECLARE_TR_FUNCTIONS(gx::SupplyDemandParser)
public:
    [[nodiscard]] static Result<SupplyDemandReport, SupplyDemandParseError>
    report(const QJsonObject &answer, int period);
    [[nodiscard]] static Result<SupplyDemandDetail, SupplyDemandParseError>
    detail(const QJsonObject &answer, int period, const QString &region, const QString &category);

    /** The equipment category's label in the definition (the code itself when unknown). */
    [[nodiscard]] static QString categoryLabel(const FormDefinition &form, const QString &category,
                                               Language language);
    /** The label without its explanation in brackets: 机床（车、铣…） -> 机床. */
    [[nodiscard]] static QString shortLabel(const QString &label);
    /** 212.5 -> "212.5 万元" (English: "212.5 (10k yuan)"). */
    [[nodiscard]] static QString investmentText(double tenThousands);
};

} // namespace gx
