#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storequeries.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace gx {

class DeviceStore;

/** One equipment category an enterprise plans to renew: its rows with status planned_renewal. */
struct PlannedCategory
{
    QString category;     ///< the equipment row's `category` code, e.g. "motor"
    int rows = 0;         ///< planned rows of the category
    double units = 0;     ///< their `quantity` summed (a row without one counts 1)
    int earliestYear = 0; ///< the earliest `planned_year` of them, 0 when none says
};

/** One line of the local supply of a category: a product, a provider, or "none" (a gap). */
struct SupplyMatch
{
    enum class Kind
    {
        Product,
        Provider,
        None, ///< the category has no product and no provider in the device's catalogue
    };

    Kind kind = Kind::None;
    PlannedCategory demand;  ///< the category this line answers
    QString id;              ///< the catalogue record's id (empty for None)
    QJsonObject fields;      ///< its fields as pulled
    QString county;          ///< its `county` (a product's maker's, a provider's)
    bool sameCounty = false; ///< in the enterprise's own county
};

/**
 * 本地优质供给: for the equipment categories of an enterprise's planned renewals, the products and
 * providers of the city's catalogue on the device that serve them, computed offline from the
 * records the device pulled (provider, product: city-wide, read-only).
 *
 * Per planned category (in the order the rows first name them): the products of that category,
 * then the providers whose `categories` hold it; each group those of the enterprise's county
 * first, then the rest of the city; within those, the first-of-kind products (首台套) and the
 * province's excellent providers (省优秀服务商) first, then by name. A category with neither gets
 * one Kind::None line. Deleted records are not there (a tombstone removes them from the store).
 */
class LocalSupply
{
public:
    /** The planned categories of a survey's equipment rows (status planned_renewal). */
    [[nodiscard]] static QList<PlannedCategory> plannedCategories(const QList<RowSummary> &rows);

    /** The matching itself (pure): the lines for `demand` in `county` from the catalogue. */
    [[nodiscard]] static QList<SupplyMatch> match(const QList<PlannedCategory> &demand,
                                                  const QString &county,
                                                  const QList<StoredRecord> &products,
                                                  const QList<StoredRecord> &providers);

    /**
     * The county of an enterprise: its record's `region`, else the division code inside its
     * USCC (characters 3 to 8), else empty.
     */
    [[nodiscard]] static QString countyOf(const QString &uscc, const QJsonObject &enterprise);

    /** The answer for one survey: its planned rows, its enterprise's county, the catalogue. */
    struct ForSurvey
    {
        QString county;
        QList<PlannedCategory> demand;
        QList<SupplyMatch> lines;
    };
    /** Reads the survey, its enterprise and the catalogue from the store; an unknown survey
     * answers empty. */
    [[nodiscard]] static Result<ForSurvey, StoreError> forSurvey(DeviceStore &store,
                                                                 const QString &surveyId);

    /** The statuses and entities read (the survey definition's codes). */
    static constexpr QLatin1StringView kPlannedStatus{"planned_renewal"};
    static constexpr QLatin1StringView kProductEntity{"product"};
    static constexpr QLatin1StringView kProviderEntity{"provider"};
};

} // namespace gx
