#pragma once

#include "app/officemodel.h"
#include "app/session.h"
#include "app/supplydemanddata.h"

#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The office's match table of 供需对接 (GET /api/v1/stats/supply-demand?period=YEAR): one row
 * per county and equipment category with demand or local supply, in the server's order (county
 * in the catalog's order, then category), filtered to one county, one planned year and, when
 * asked, to the gaps only. Beside it the figure "categories with local supply / categories with
 * demand" with its numerator and denominator (the city's or the county's as the server computed
 * it; with a planned year, counted over that year's rows by the same rule), the demand it sums,
 * and a chart of the planned investment per category split into what local supply serves and
 * the gaps (缺口).
 *
 * The last good answer of each period is kept offline (OfficeModel's offline copy): while the
 * server is asked, and when it cannot be reached, the period's copy is shown whole, marked with
 * the time it was read (fromCache, offlineText); a fresh answer replaces it whole. A failed or
 * malformed answer keeps what is shown and sets a Chinese error naming the member.
 */
class SupplyDemandModel : public OfficeModel
{
    Q_OBJECT
    QML_ELEMENT
    /** "" for the whole city, else a county's code. */
    Q_PROPERTY(QString county READ county WRITE setCounty NOTIFY filterChanged)
    /** 0 for every planned year, else one. */
    Q_PROPERTY(int plannedYear READ plannedYear WRITE setPlannedYear NOTIFY filterChanged)
    Q_PROPERTY(bool gapsOnly READ gapsOnly WRITE setGapsOnly NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY reportChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY reportChanged)
    /**
     * {label, hasValue, valueText, numerator, denominator, fractionText, gaps, hasEnterprises,
     * enterprises, units, investmentText, scope (the city's or county's name)}.
     */
    Q_PROPERTY(QVariantMap figure READ figure NOTIFY reportChanged)
    /**
     * {categories: [short labels], supplied: [万元], gaps: [万元], max, count, total, title}: the
     * planned investment per category of the county and planned year shown, split into what
     * local supply serves and the gaps; the kChartBars largest (count of total), the largest
     * last, as a horizontal bar chart draws its first category at the bottom.
     */
    Q_PROPERTY(QVariantMap chart READ chart NOTIFY reportChanged)
    /** [{code, name}] of the counties, in the catalog's order, for the filter. */
    Q_PROPERTY(QVariantList counties READ counties NOTIFY sessionChanged)
    /** The planned years the answer holds, ascending. */
    Q_PROPERTY(QVariantList plannedYears READ plannedYears NOTIFY reportChanged)

public:
    /** The categories the chart shows at most. */
    static constexpr int kChartBars = 12;

    enum Role
    {
        RegionRole = Qt::UserRole + 1,
        RegionNameRole,
        CategoryRole,
        CategoryLabelRole,
        EnterprisesRole,
        UnitsRole,
        InvestmentRole,
        InvestmentTextRole,
        ProductsRole,
        ProvidersRole,
        GapRole,
        HasDemandRole,
    };
    Q_ENUM(Role)

    explicit SupplyDemandModel(QObject *parent = nullptr);
    ~SupplyDemandModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString county() const { return m_county; }
    void setCounty(const QString &county);
    [[nodiscard]] int plannedYear() const { return m_plannedYear; }
    void setPlannedYear(int year);
    [[nodiscard]] bool gapsOnly() const { return m_gapsOnly; }
    void setGapsOnly(bool gapsOnly);
    [[nodiscard]] bool hasData() const { return m_report.has_value(); }
    [[nodiscard]] QVariantMap figure() const;
    [[nodiscard]] QVariantMap chart() const;
    [[nodiscard]] QVariantList counties() const;
    [[nodiscard]] QVariantList plannedYears() const;

    /** Asks the server for the period's answer (and the periods to offer). */
    Q_INVOKABLE void refresh();
    /** The row's values as a map of its role names (tests, the drill-down's title). */
    Q_INVOKABLE QVariantMap get(int row) const;

    /**
     * Shows an answer of the server for period() (read at `when`, from the offline copy or
     * not): false (error set, nothing shown changed) when it is malformed.
     */
    [[nodiscard]] bool load(const QJsonObject &answer, const QDateTime &when = {},
                            bool fromCache = false);

signals:
    void filterChanged();
    void reportChanged();

protected:
    void reload() override;
    void relabel() override { rebuild(); }

private:
    struct Shown
    {
        SupplyDemandLine line;
        DemandFigures demand; ///< of the planned year shown, or the whole
        bool gap = false;
    };

    void rebuild();
    [[nodiscard]] QString regionName(const QString &code) const;
    [[nodiscard]] QString categoryLabel(const QString &category) const;
    [[nodiscard]] const SupplyCoverage *coverageOfScope() const;

    QString m_county;
    int m_plannedYear = 0;
    bool m_gapsOnly = false;
    std::optional<SupplyDemandReport> m_report;
    QJsonObject m_answer; ///< the answer m_report was read from
    QList<Shown> m_rows;
};

} // namespace gx
