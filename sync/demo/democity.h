#pragma once

#include "core/regioncatalog.h"
#include "sync/demo/demorandom.h"
#include "sync/figures/officialfigures.h"
#include "sync/figures/registryimport.h"
#include "sync/records/reviewstore.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <functional>

namespace gx::server {

struct DemoPlace;
struct DemoIndustry;

/** What `gengxin-server demo` generates: how many enterprises, from which seed, for which year. */
struct DemoOptions
{
    static constexpr int kMinEnterprises = 10; ///< one per region at least
    static constexpr int kMaxEnterprises = 50000;

    quint64 seed = 20241128;
    int enterprises = 300; ///< registry size; a few enterprises outside it are added
    int period = 2024;     ///< the survey year (the annex's targets are for 2024)
    /**
     * A later version of the survey definition to publish after the city is written (the bytes
     * of assets/forms/survey.v2.json), or empty. See Demo::run().
     */
    QByteArray nextVersion;
    /**
     * The catalogue's entities (assets/forms/catalogue.json), published after nextVersion by
     * CatalogueForm::ensure(), or empty.
     */
    QByteArray catalogue;
    /** entity -> the demo's list of it as CSV (assets/demo/catalogue-ENTITY.csv), imported after.
     */
    QMap<QString, QByteArray> catalogueLists;
};

/** One generated record, before it is written: entity, id, scope columns and fields. */
struct DemoRecord
{
    QString entity;
    QString id;
    QString region;     ///< scope column
    QString enterprise; ///< scope column
    QJsonObject fields;
};

/** A review the demo office gives, in the order given (the last one of a record counts). */
struct DemoReview
{
    ReviewRequest request;
    QString id;
    qint64 at = 0; ///< when the office reviewed it (Unix ms), some days after the visit
};

/** A generated city, ready to be written (Demo does that). */
struct DemoCity
{
    int period = 0;
    QList<RegistryRow> registry;
    /** Enterprises first, then per survey: the survey, its equipment, its key processes. */
    QList<DemoRecord> records;
    QList<DemoReview> reviews;
    QList<OfficialFigureEntry> official;
    /** A surveyed enterprise of 331102 for the demo enterprise user. */
    QString enterpriseUserUscc;
};

/**
 * Generates a realistic, deterministic city (same seed, same city): every region of the catalog
 * with enterprises in proportion to its industry, a registry of the asked size (valid USCCs of
 * each region's division code, GB/T 4754 manufacturing classes, about 85 % above size) and a few
 * enterprises found in the field outside it, surveys for about 75 % of them in every state
 * (drafts; submitted and unreviewed, approved, has_issues with a comment pinned to a field,
 * rejected), equipment of the kinds the policy names (aged machine tools, key energy-using
 * motors and pumps with efficiency levels, a few fixed melting furnaces and wire-rope hoists to
 * flag), key processes consistent with the survey's counts, and the statistics bureau's figures
 * for the city and every region. Pure: no I/O, no clock.
 */
class DemoCityBuilder
{
public:
    DemoCityBuilder(const RegionCatalog &catalog, DemoOptions options);

    /** The whole city at once (tests, small cities). */
    [[nodiscard]] DemoCity build();
    /**
     * The city a batch of enterprises at a time, so that a large one never sits in memory
     * whole: `sink` gets each part (registry rows, records and reviews of `batch` enterprises;
     * the last part also the official figures) and returns false to stop. Returns whether every
     * part was taken. enterpriseUserUscc is carried in every part once known.
     */
    bool build(const std::function<bool(const DemoCity &)> &sink, int batch);

private:
    enum class Plan
    {
        None, ///< not surveyed
        Draft,
        Submitted, ///< not reviewed yet
        Approved,
        HasIssues,
        Rejected,
    };

    void addEnterprise(int index, bool inRegistry);
    void addSurvey(const DemoRecord &enterprise, const DemoPlace &place,
                   const DemoIndustry &industry, Plan plan);
    [[nodiscard]] QJsonObject surveyFields(const QString &uscc, const DemoPlace &place,
                                           const DemoIndustry &industry, bool aboveSize);
    void addEquipment(const DemoRecord &survey, const DemoPlace &place,
                      const DemoIndustry &industry, int rows);
    void addKeyProcesses(const DemoRecord &survey, int count, int cnc);
    void addReviews(const DemoRecord &survey, Plan plan);
    void addOfficialFigures();
    [[nodiscard]] Plan nextPlan();
    [[nodiscard]] QString newUscc(const DemoPlace &place);
    [[nodiscard]] QString newName(const DemoPlace &place, const DemoIndustry &industry);
    [[nodiscard]] const DemoIndustry &pickIndustry(const DemoPlace &place);

    const RegionCatalog &m_catalog;
    DemoOptions m_options;
    DemoRandom m_random;
    DemoCity m_city;
    QSet<QString> m_usccs;
    QSet<QString> m_names;
    int m_surveys = 0;
    int m_registryRows = 0;
};

} // namespace gx::server
