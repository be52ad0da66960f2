#pragma once

#include "core/regioncatalog.h"
#include "sync/store/database.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace gx::server {

/** Planned renewals of one group (a county and category, or one planned year of it). */
struct DemandSums
{
    int enterprises = 0;   ///< distinct enterprises with at least one planned row
    qint64 units = 0;      ///< the rows' quantities
    double investment = 0; ///< planned_invest_10k, 万元 (a row without it adds 0)
    int rows = 0;
};

/** One county and equipment category: the demand of its counted surveys beside local supply. */
struct SupplyDemandRow
{
    QString region;
    QString category;
    DemandSums demand;
    QMap<int, DemandSums> byYear; ///< planned year -> its part of demand
    int products = 0;             ///< catalogue products of the category made in the county
    int providers = 0;            ///< catalogue providers of the county serving the category
    /** Demand with no local product or provider. */
    [[nodiscard]] bool isGap() const { return demand.rows > 0 && products + providers == 0; }
};

/** One county's (or the city's) figure: categories with demand that have local supply. */
struct SupplyDemandRegion
{
    QString region;
    int categoriesWithDemand = 0; ///< the denominator
    int categoriesSupplied = 0;   ///< the numerator: of those, with a local product or provider
    int gaps = 0;                 ///< categoriesWithDemand - categoriesSupplied
    DemandSums demand;
};

struct SupplyDemandReport
{
    int period = 0;
    QList<SupplyDemandRow> rows;       ///< by region in catalog order, then category
    QList<SupplyDemandRegion> regions; ///< every county of the catalog, in its order
    SupplyDemandRegion city;           ///< over every (county, category) pair

    [[nodiscard]] QJsonObject toJson() const;
};

/** One enterprise's planned rows of a county and category, for the drill-down. */
struct DemandEnterprise
{
    QString uscc;
    QString name;
    QString survey;
    QList<QJsonObject>
        rows; ///< {"id","name","model","quantity","planned_year","planned_invest_10k"}
};

/** The drill-down of one county and category: who plans what, and the local supply. */
struct SupplyDemandDetail
{
    int period = 0;
    QString region;
    QString category;
    QList<DemandEnterprise> enterprises;
    QList<QJsonObject> products;  ///< the catalogue records' fields with their "id"
    QList<QJsonObject> providers; ///< idem

    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * 供需对接: the demand that the counted surveys of a period hold (equipment rows with status
 * `planned_renewal`: their category, quantity, planned_year and planned_invest_10k; never typed
 * again), per county, equipment category and planned year, beside the catalogue's local supply
 * (products whose maker's `county` is the county and whose `category` is the category; providers
 * of the county whose `categories` hold it). A counted survey is the one `coverage_facts` holds
 * for the enterprise and period (the submitted survey not rejected in review), and its county the
 * one the coverage figures give it. The figure `local_supply_coverage` of a county is the
 * categories with demand that have local supply / the categories with demand; the city's counts
 * (county, category) pairs. docs/indicators.md "Supply and demand".
 */
class SupplyDemandQuery
{
public:
    SupplyDemandQuery(Database &db, const RegionCatalog &catalog)
        : m_db(db)
        , m_catalog(catalog)
    {}

    [[nodiscard]] Result<SupplyDemandReport, DbError> report(int period);
    [[nodiscard]] Result<SupplyDemandDetail, DbError> detail(int period, const QString &region,
                                                             const QString &category);

private:
    struct PlannedRow
    {
        QString region;
        QString enterprise;
        QString survey;
        QString id;
        QString category;
        int quantity = 1;
        QJsonObject fields;
    };
    struct Supply
    {
        QString entity;
        QString id;
        QString county;
        QStringList categories;
        QJsonObject fields;
    };
    [[nodiscard]] Result<QList<PlannedRow>, DbError> planned(int period);
    [[nodiscard]] Result<QList<Supply>, DbError> supply();

    Database &m_db;
    const RegionCatalog &m_catalog;
};

} // namespace gx::server
