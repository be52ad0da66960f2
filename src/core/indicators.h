#pragma once

#include "core/indicatorrules.h"
#include "core/localizedtext.h"
#include "core/regioncatalog.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The indicator engine: the programme's figures per region and period, and citywide, computed
 * from the registry, the surveys and their equipment rows. Everything here is a pure function of
 * its input (no I/O, no clock): the server feeds it from its store, tests feed it fixtures.
 * docs/indicators.md explains every indicator against the sentence of the policy it serves.
 *
 * Rules shared by all indicators:
 * - A counted survey is an enterprise's survey for the period whose state is `submitted` and
 *   whose review is not `rejected` (`has_issues` still counts). Should an enterprise have more
 *   than one counted survey for a period (the server prevents it), the one with the
 *   lexicographically greatest id is used and the others are ignored.
 * - A survey belongs to the region of its enterprise: the registry entry's region first, else
 *   the enterprise record's. A counted survey whose enterprise is in neither, or whose region is
 *   not one of the catalog's regions, enters no figure and is counted in
 *   CoverageReport::unassignedSurveys. Registry entries of unknown regions likewise are counted
 *   in CoverageReport::unassignedRegistry. USCCs and region codes are compared exactly. A USCC
 *   listed twice in the registry (or in the enterprise records) counts once, first entry wins.
 * - Registry-based rates (digital_renovation_coverage, design_tool_penetration,
 *   survey_completion) and the CNC rates count only the above-size registry enterprises of the
 *   region; an unsurveyed one counts as not covered. Surveys of enterprises below size or
 *   outside the registry never enter them, but do enter investment growth, equipment figures
 *   and counts.
 * - Every figure carries a numerator and a denominator. A zero denominator gives a null value
 *   (never NaN or infinity), and then `met` is null. Rates are fractions (0.9, not 90).
 * - Counts (factories, robots, enterprises) have value = numerator = the count and
 *   denominator = the number of counted surveys of the region they were counted over.
 * - Growth figures have numerator = this period's sum, denominator = the base sum, and value =
 *   (numerator - denominator) / denominator.
 * - target: the catalog's target of the region (the city's, for the city) for the indicator and
 *   the report's period; met = target.isMetBy(value) when both exist, else null.
 * - Citywide figures are computed over the whole city's data pooled, never averaged from the
 *   counties. The three official figures are the exception: the city's is the one entered for
 *   the city's code.
 */
namespace gx {

/** The fixed indicator names: the server's JSON, the app, exports and the targets use them. */
namespace indicator {
inline constexpr QLatin1StringView kDigitalRenovationCoverage{"digital_renovation_coverage"};
inline constexpr QLatin1StringView kDesignToolPenetration{"design_tool_penetration"};
inline constexpr QLatin1StringView kKeyProcessCncRate{"key_process_cnc_rate"};
inline constexpr QLatin1StringView kKeyProcessCncRatePooled{"key_process_cnc_rate_pooled"};
inline constexpr QLatin1StringView kTechInvestGrowth{"tech_invest_growth"};
inline constexpr QLatin1StringView kEquipmentInvestGrowth{"equipment_invest_growth_vs_2023"};
inline constexpr QLatin1StringView kAgedEquipmentShare{"aged_equipment_share"};
inline constexpr QLatin1StringView kPlannedRenewalShare{"equipment_planned_renewal_share"};
inline constexpr QLatin1StringView kRenewedShare{"equipment_renewed_share"};
inline constexpr QLatin1StringView kEliminatedShare{"equipment_eliminated_share"};
inline constexpr QLatin1StringView kEnergyAdvancedShare{"energy_advanced_share"};
inline constexpr QLatin1StringView kEnergySavingOrBetterShare{"energy_saving_or_better_share"};
inline constexpr QLatin1StringView kNewFutureFactories{"new_future_factories"};
inline constexpr QLatin1StringView kNewSmartFactories{"new_smart_factories"};
inline constexpr QLatin1StringView kRobotsAdded{"robots_added"};
inline constexpr QLatin1StringView kBackwardCapacityEnterprises{"backward_capacity_enterprises"};
inline constexpr QLatin1StringView kSurveyCompletion{"survey_completion"};
inline constexpr QLatin1StringView kSafetyEquipment{"safety_equipment"};
inline constexpr QLatin1StringView kEquipmentMfgValueAddedGrowth{
    "equipment_mfg_value_added_growth"};
inline constexpr QLatin1StringView kConsumerGoodsRevenueGrowth{"consumer_goods_revenue_growth"};
inline constexpr QLatin1StringView kDigitalCoreValueAddedGrowth{"digital_core_value_added_growth"};
} // namespace indicator

/** Every indicator name, in display order (the annex's columns first). */
[[nodiscard]] const QStringList &indicatorNames();
/** The three indicators that only the statistics bureau can give (entered by the office). */
[[nodiscard]] const QStringList &officialIndicatorNames();

/** Equipment categories named by the policy for replacement on safety grounds. */
[[nodiscard]] const QStringList &safetyEquipmentCategories();

/** One row of the statistics bureau's list (the registry): the denominator of coverage rates. */
struct RegistryEntry
{
    QString uscc;
    QString name;
    QString region;
    QString industryCode;
    bool aboveSize = false;
};

/**
 * An enterprise known from its record, possibly absent from the registry (found in the field).
 * It gives the region of its surveys when the registry does not list it. `aboveSize` is kept as
 * the record says but no formula reads it: for rates the registry alone decides size.
 */
struct EnterpriseFacts
{
    QString uscc;
    QString region;
    bool aboveSize = false;

    /** Reads an `enterprise` record (uscc falls back to the record id). */
    [[nodiscard]] static EnterpriseFacts fromFields(const QString &id, const QJsonObject &fields);
};

/** The value of the survey's `factory_tier` choice for `tier` ("none", "smart_factory", ...). */
[[nodiscard]] QString factoryTierName(FactoryTier tier);
/** The value of the survey's `state` choice for `state` ("draft", "submitted"). */
[[nodiscard]] QString surveyStateName(SurveyState state);

/** "approved", "has_issues", "rejected"; "" and "none" are None; anything else is nothing. */
[[nodiscard]] std::optional<ReviewState> reviewStateFromName(const QString &name);

/**
 * The survey fields the indicators read. A field that is absent, null, of the wrong JSON type,
 * or negative where only counts and amounts make sense reads as nothing (unreported).
 */
struct SurveyFacts
{
    QString id;
    QString enterprise; ///< USCC
    int period = 0;
    SurveyState state = SurveyState::Draft; ///< anything but "submitted" reads as Draft
    ReviewState review = ReviewState::None;
    std::optional<int> digitalLevel;
    std::optional<bool> designTools;
    std::optional<int> keyProcesses;
    std::optional<int> keyProcessesCnc;
    std::optional<FactoryTier> factoryTier;
    std::optional<int> factoryTierYear;
    std::optional<int> robotsAdded;
    std::optional<double> techInvestBase;      ///< tech_invest_base_10k (2023)
    std::optional<double> techInvest;          ///< tech_invest_10k
    std::optional<double> equipmentInvestBase; ///< equipment_invest_base_10k (2023)
    std::optional<double> equipmentInvest;     ///< equipment_invest_10k
    std::optional<double> firstOfKindInvest;   ///< first_of_kind_invest_10k, part of the above

    /** Reads a `survey` record's fields, named as in docs/design.md "Records"; the review comes
     * separately. */
    [[nodiscard]] static SurveyFacts fromFields(const QString &id, const QJsonObject &fields,
                                                ReviewState review);
    /** Submitted and not rejected (the period is checked by the engine). */
    [[nodiscard]] bool isCounted() const;
};

/**
 * The equipment fields the indicators read. A row with no valid quantity counts as one unit; a
 * row with no valid status counts as in service; an absent efficiency level is Unknown.
 */
struct EquipmentFacts
{
    QString survey; ///< id of the parent survey
    QString category;
    int quantity = 1;
    std::optional<int> commissionedYear;
    bool keyEnergy = false;
    EfficiencyLevel efficiencyLevel = EfficiencyLevel::Unknown;
    EquipmentStatus status = EquipmentStatus::InService;

    [[nodiscard]] static EquipmentFacts fromFields(const QJsonObject &fields);
    /** In service or planned for renewal: still running. */
    [[nodiscard]] bool isInOperation() const;
};

/**
 * A statistics-bureau figure entered by the office for one region and period. `value` is the
 * growth as published; `current` and `base` are the amounts behind it when the bureau gives
 * them (they become the figure's numerator and denominator, else both are 0). The value is
 * never derived from the amounts: it stays null until entered.
 */
struct OfficialFigure
{
    std::optional<double> value;
    std::optional<double> current;
    std::optional<double> base;
};

/** Everything the engine reads for one period. */
struct IndicatorInput
{
    int period = 0;
    RegionCatalog catalog;
    QList<RegistryEntry> registry;
    QList<EnterpriseFacts> enterprises;
    QList<SurveyFacts> surveys;      ///< of any period and state; the engine filters
    QList<EquipmentFacts> equipment; ///< rows of any survey; those of counted surveys are read
    /** region code (the city's for the city) -> official indicator name -> figure */
    QMap<QString, QMap<QString, OfficialFigure>> official;
};

/** One indicator of one region: its value, how it was obtained and how it compares. */
struct Figure
{
    std::optional<double> value; ///< null when the denominator is 0 (or not entered)
    double numerator = 0;
    double denominator = 0;
    std::optional<Target> target;
    std::optional<bool> met;

    /** {"value","numerator","denominator","target","target_op","met"}; absent -> null. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** The figures of one region (or of the city). */
struct RegionFigures
{
    QString region;
    LocalizedText name;
    int registry = 0;       ///< above-size registry enterprises
    int surveyed = 0;       ///< of those, with a counted survey
    int countedSurveys = 0; ///< every counted survey of the region, in the registry or not
    QMap<QString, Figure> indicators;
    QStringList flaggedEnterprises; ///< USCCs still running safety equipment, sorted

    /**
     * {"region","name" (zh_CN),"name_en","registry","surveyed","counted_surveys",
     *  "indicators":{NAME: Figure},"flagged_enterprises":[...]}
     */
    [[nodiscard]] QJsonObject toJson() const;
};

struct CoverageReport
{
    int period = 0;
    QList<RegionFigures> regions; ///< the catalog's regions, in its order
    RegionFigures city;
    int unassignedSurveys = 0;  ///< counted surveys that belong to no known region
    int unassignedRegistry = 0; ///< registry entries (any size) of no known region

    /** {"period","regions":[...],"city":{...},"unassigned_surveys","unassigned_registry"} */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Computes every indicator for every region of the catalog and for the city. */
[[nodiscard]] CoverageReport computeCoverage(const IndicatorInput &input);

} // namespace gx
