#pragma once

#include <array>
#include <optional>
#include <string_view>

/**
 * The rules of the indicators as data: the enumerations survey and equipment facts are read into
 * (and stored as, by their integer value, in the server's fact tables) and the constants and sets
 * each indicator tests against. The C++ engine (indicators.cpp) and the server's SQL
 * (sync/records/coveragefacts.cpp) are both written from these, so that a rule changed here
 * changes both, or fails to compile. docs/indicators.md gives the policy sentence behind each.
 */
namespace gx {

enum class SurveyState
{
    Draft,
    Submitted
};
enum class ReviewState
{
    None,
    Approved,
    HasIssues,
    Rejected
};
enum class FactoryTier
{
    None,
    DigitalWorkshop,
    SmartFactory,
    FutureFactory
};
enum class EquipmentStatus
{
    InService,
    PlannedRenewal,
    Renewed,
    Eliminated
};
enum class EfficiencyLevel
{
    Advanced,
    EnergySaving,
    Access,
    BelowAccess,
    Unknown
};

/** The first year whose new factories count: the programme began in 2024. */
inline constexpr int kProgrammeStartYear = 2024;
/** Machine tools and inspection equipment older than this many years are aged (超过10年). */
inline constexpr int kAgedYearsMachineTool = 10;
/** Small hydro generator sets older than this many years are aged (超过15年). */
inline constexpr int kAgedYearsHydroGenerator = 15;

namespace rule {

/** A survey counts when it is in this state and its review is not kExcludingReview. */
inline constexpr SurveyState kCountedState = SurveyState::Submitted;
inline constexpr ReviewState kExcludingReview = ReviewState::Rejected;

/** An enterprise is digitally renovated from this digital_level up (数字化改造). */
inline constexpr int kDigitalRenovationMinLevel = 1;

/** Share of first-of-kind (首台套) investment added on top of equipment investment. */
inline constexpr double kFirstOfKindWeight = 0.5;

/** A new factory of the programme window that counts as a future factory (未来工厂). */
inline constexpr FactoryTier kFutureFactoryTier = FactoryTier::FutureFactory;
/** Tiers that count as a new smart factory or digital workshop (智能工厂、数字化车间). */
inline constexpr std::array kSmartFactoryTiers{FactoryTier::DigitalWorkshop,
                                               FactoryTier::SmartFactory};

/** Statuses of equipment still in operation: the base of the aged and safety shares. */
inline constexpr std::array kInOperationStatuses{EquipmentStatus::InService,
                                                 EquipmentStatus::PlannedRenewal};
/** Equipment eliminated as backward capacity; it leaves the energy-efficiency base. */
inline constexpr EquipmentStatus kEliminatedStatus = EquipmentStatus::Eliminated;
inline constexpr EquipmentStatus kPlannedStatus = EquipmentStatus::PlannedRenewal;
inline constexpr EquipmentStatus kRenewedStatus = EquipmentStatus::Renewed;

/** Key energy equipment at the advanced level (能效先进水平). */
inline constexpr EfficiencyLevel kAdvancedLevel = EfficiencyLevel::Advanced;
/** Levels that are energy-saving or better (节能水平及以上). */
inline constexpr std::array kSavingOrBetterLevels{EfficiencyLevel::Advanced,
                                                  EfficiencyLevel::EnergySaving};

/** An equipment category with an age limit: older than `years` it is aged. */
struct AgedCategory
{
    std::string_view category;
    int years;
};
inline constexpr std::array kAgedCategories{
    AgedCategory{"hydro_generator", kAgedYearsHydroGenerator},
    AgedCategory{"machine_tool", kAgedYearsMachineTool},
    AgedCategory{"inspection_equipment", kAgedYearsMachineTool},
};

/** The age limit of `category`, or nothing when its age is not an indicator. */
[[nodiscard]] constexpr std::optional<int> agedAfterYears(std::string_view category)
{
    for (const AgedCategory &aged : kAgedCategories)
        if (aged.category == category)
            return aged.years;
    return std::nullopt;
}

/** Whether `value` is one of `set`. */
template <class E, std::size_t N>
[[nodiscard]] constexpr bool isOneOf(E value, const std::array<E, N> &set)
{
    for (E member : set)
        if (member == value)
            return true;
    return false;
}

} // namespace rule
} // namespace gx
