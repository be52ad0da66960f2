#pragma once

// The fixture of tst_server_stats and the figures it should give, worked out here by plain
// loops over the fixture from docs/design.md "Indicators" (never by core's engine).

#include "sync/records/recordstore.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <tuple>

namespace gx::test::stats {

inline constexpr int kPeriod = 2024;

struct FxEnterprise
{
    QString uscc;
    QString region;
    bool inRegistry = true;
    bool aboveSize = true;
};

struct FxSurvey
{
    QString id;
    QString uscc;
    int period = kPeriod;
    QString state = QStringLiteral("submitted");
    QStringList reviews; ///< states in the order given; the last one counts
    bool deleted = false;
    int digital = 0;
    bool design = false;
    int key = 0;
    int cnc = 0;
    double techBase = 0;
    double tech = 0;
    double equipmentBase = 0;
    double equipment = 0;
    std::optional<double> firstOfKind;
    QString tier = QStringLiteral("none");
    int tierYear = 0;
    int robotsAdded = 0;
};

struct FxEquipment
{
    QString survey;
    QString category;
    int quantity = 1;
    int year = 2020;
    bool keyEnergy = false;
    QString level;
    QString status = QStringLiteral("in_service");
};

struct Fixture
{
    QList<FxEnterprise> enterprises;
    QList<FxSurvey> surveys;
    QList<FxEquipment> equipment;
};

/** A figure as expected: value (nullopt when undefined), numerator, denominator. */
using ExpectedFigure = std::tuple<std::optional<double>, double, double>;

struct Expected
{
    int registry = 0;
    int surveyed = 0;
    int counted = 0;
    QMap<QString, ExpectedFigure> figures;
    QStringList flagged;
};

/** A UUID-shaped survey id numbered n. */
[[nodiscard]] QString surveyId(int n);
/** The generated city (see statsfixture.cpp for what it covers). */
[[nodiscard]] Fixture makeFixture();
/** Its records, as written into the store (reviews last, in the order given). */
[[nodiscard]] QList<server::StoredRecord> fixtureRecords(const Fixture &fx);
/** The figures of one region, or of the whole city for region "". */
[[nodiscard]] Expected expectedFor(const Fixture &fx, const QString &region);

} // namespace gx::test::stats
