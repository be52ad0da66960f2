#pragma once

#include "core/formdefinition.h"
#include "core/localizedtext.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace gx {

/**
 * How a figure is compared with its target. The policy says either 达到 / 以上 ("reach",
 * "or more": AtLeast, written ">=" in assets/regions) or 超过 ("exceed": Above, written ">").
 */
enum class Comparison
{
    AtLeast,
    Above
};

/** ">=" or ">", the form used in assets/regions and in the coverage JSON. */
[[nodiscard]] QString comparisonSymbol(Comparison op);
[[nodiscard]] std::optional<Comparison> comparisonFromSymbol(const QString &symbol);

/**
 * One target of the policy: a number (a fraction for rates, 0.9 = 90 %; a count for counts)
 * and how a figure must compare with it.
 */
struct Target
{
    /**
     * Figures are ratios of sums, so a figure that is exactly on target in decimal may be a few
     * ulps off in binary (115/100 - 1 = 0.1499999...). Comparisons therefore treat values within
     * this relative tolerance of the target as equal to it: 0.15 meets ">= 0.15", 0.93 does not
     * meet "> 0.93".
     */
    static constexpr double kRelativeTolerance = 1e-9;

    double value = 0;
    Comparison op = Comparison::AtLeast;

    /** True when `actual` meets the target (see kRelativeTolerance). */
    [[nodiscard]] bool isMetBy(double actual) const;

    friend bool operator==(const Target &, const Target &) = default;
};

/**
 * A region of the city (a county, the development zone, or the city itself) with its targets
 * per year and indicator. `annexName` is the row label of the policy's annex table, kept so
 * that a reader can trace every number back to the document.
 */
struct Region
{
    QString code;
    LocalizedText name;
    QString annexName;
    QMap<int, QMap<QString, Target>> targets; ///< year -> indicator name -> target

    /** The target for (indicator, year), or nothing when the policy sets none. */
    [[nodiscard]] std::optional<Target> target(const QString &indicator, int year) const;
    /**
     * The GB/T 2260 division code that the USCCs of its enterprises carry (usccDivisionCode()):
     * the first six characters of its code, e.g. 331121 for 青田县, and the city's 331100 for the
     * development zone 331100-EDZ, whose enterprises register with the city.
     */
    [[nodiscard]] QStringView divisionCode() const
    {
        return QStringView(code).first(std::min<qsizetype>(code.size(), 6));
    }
};

/**
 * The regions of the city and their targets, read from assets/regions/lishui.json.
 *
 * Format: {"comment": "...", "city": REGION, "regions": [REGION, ...]} where REGION is
 * {"code", "name": {"zh_CN", "en"}, "annex_name", "targets": {"YEAR": {INDICATOR:
 * {"value": NUMBER, "op": ">=" | ">"}}}}. "comment" is allowed on the document and on every
 * region.
 *
 * Loading is strict because a typo in a target would otherwise silently show no target:
 * unknown members, a missing or empty code or name, duplicate region codes (the city's
 * included), year keys that are not four-digit years, indicator names that the indicator
 * engine does not know (gx::indicatorNames()), values that are not finite numbers and
 * operators other than ">=" and ">" (and other than the indicator's own, indicatorComparison())
 * are all refused with a DefinitionError naming the file,
 * the JSON path of the offending member and the reason.
 */
class RegionCatalog
{
public:
    /** An empty catalog: no regions and a city without code or targets. */
    RegionCatalog() = default;

    [[nodiscard]] static Result<RegionCatalog, DefinitionError> load(const QString &path);
    [[nodiscard]] static Result<RegionCatalog, DefinitionError> fromJson(const QByteArray &json,
                                                                         const QString &sourceName);

    /** The city as a whole (331100, 全市 in the annex). */
    [[nodiscard]] const Region &city() const { return m_city; }
    /** The counties and the development zone, in the order of the file. */
    [[nodiscard]] const QList<Region> &regions() const { return m_regions; }
    /** The region with this code, the city included; nullptr when unknown. */
    [[nodiscard]] const Region *region(const QString &code) const;
    /** The codes of regions(), in order; the city's code is not among them. */
    [[nodiscard]] QStringList regionCodes() const;
    /** The target of a region (or the city) for (indicator, year), or nothing. */
    [[nodiscard]] std::optional<Target> target(const QString &regionCode, const QString &indicator,
                                               int year) const;

    /** Region code -> year -> indicator -> target. */
    using TargetTable = QMap<QString, QMap<int, QMap<QString, Target>>>;
    /**
     * This catalog with the targets of `targets` instead of the file's: the server keeps the
     * targets of every period in its database (seeded from the file) and judges its figures
     * against those. A region that `targets` does not name has none; codes that are not the
     * catalog's are ignored.
     */
    [[nodiscard]] RegionCatalog withTargets(const TargetTable &targets) const;

private:
    Region m_city;
    QList<Region> m_regions;
};

} // namespace gx
