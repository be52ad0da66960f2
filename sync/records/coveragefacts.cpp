#include "sync/records/coveragefacts.h"

#include "core/indicators.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** Above this many enterprises one statement recomputes them all. */
constexpr qsizetype kRebuildAbove = 2000;
/** Enterprises (or surveys) per statement. */
constexpr qsizetype kPerStatement = 200;

const QString kColumns =
    u"enterprise, period, survey, region, above, digital, design, rated, rate, cnc, kp, "
    "tech_now, tech_base, equip_now, equip_base, future, smart, robots, backward, eq_all, "
    "planned, renewed, eliminated, aged_of, aged, energy_of, advanced, saving, running, safety, "
    "flagged"_s;

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    for (const QString &name : names)
        quoted.append(u'\'' + QString(name).replace(u'\'', u"''"_s) + u'\'');
    return quoted.join(u", "_s);
}

QString placeholders(qsizetype n)
{
    QStringList list;
    for (qsizetype i = 0; i < n; ++i)
        list.append(u"?"_s);
    return list.join(u", "_s);
}

/** An enumerator as the integer the fact tables store it as. */
template <class E>
QString sqlValue(E value)
{
    return QString::number(static_cast<int>(value));
}

/** A set of enumerators as the list of an SQL `IN (...)`. */
template <class E, std::size_t N>
QString sqlList(const std::array<E, N> &set)
{
    QStringList values;
    for (E value : set)
        values.append(sqlValue(value));
    return values.join(u", "_s);
}

/** The aged-equipment tests on equipment_facts q of chosen survey c, from core's age limits. */
struct AgedSql
{
    QString categories; ///< the categories whose age is an indicator, for an IN (...)
    QString isAged;     ///< true when the row's equipment is past its category's limit
};

AgedSql agedSql()
{
    QStringList categories;
    QStringList tests;
    for (const rule::AgedCategory &aged : rule::kAgedCategories) {
        const QString name =
            QString::fromUtf8(aged.category.data(), qsizetype(aged.category.size()));
        categories.append(name);
        tests.append(u"(q.category = '%1' AND c.period - q.commissioned_year > %2)"_s.arg(
            name, QString::number(aged.years)));
    }
    return {quotedList(categories), tests.join(u" OR "_s)};
}

/**
 * The statement that inserts the rows of the surveys matching `filter` (on survey_facts s): the
 * SQL form of the engine's rules (core/indicators.cpp), every enumerator and constant taken from
 * core/indicatorrules.h.
 */
QString insertSql(const QString &filter)
{
    using namespace rule;
    static const QString safety = quotedList(safetyEquipmentCategories());
    static const AgedSql aged = agedSql();
    const QString running = u"q.status IN (%1)"_s.arg(sqlList(kInOperationStatuses));
    const QString energy =
        u"q.key_energy = 1 AND q.status <> %1"_s.arg(sqlValue(kEliminatedStatus));
    const QString rated = u"c.above = 1 AND c.key_processes > 0 AND c.key_processes_cnc IS NOT "
                          "NULL AND c.key_processes_cnc <= c.key_processes"_s;
    const QString tech = u"c.tech_invest_base IS NOT NULL AND c.tech_invest IS NOT NULL"_s;
    const QString equip =
        u"c.equipment_invest_base IS NOT NULL AND c.equipment_invest IS NOT NULL"_s;
    const QString window = u"c.factory_tier_year IS NOT NULL AND c.factory_tier_year >= %1 AND "
                           "c.factory_tier_year <= c.period"_s.arg(kProgrammeStartYear);
    const QString counted =
        u"s.state = %1 AND COALESCE((SELECT r.state FROM review_facts r WHERE r.survey = s.id "
        "AND r.deleted = 0 ORDER BY r.seq DESC LIMIT 1), %2) <> %3"_s.arg(
            sqlValue(kCountedState), sqlValue(ReviewState::None), sqlValue(kExcludingReview));
    const QString status = u"SUM(CASE WHEN q.status = %1 THEN q.quantity ELSE 0 END)"_s;
    return uR"(WITH ranked AS (
  SELECT s.*, ROW_NUMBER() OVER (PARTITION BY COALESCE(s.enterprise, ''), s.period
                                 ORDER BY s.id DESC) AS pick
  FROM survey_facts s
  WHERE (%1) AND s.deleted = 0 AND %12),
chosen AS (
  SELECT c.*, COALESCE(g.above_size, 0) AS above,
    CASE WHEN g.uscc IS NOT NULL THEN g.region
         ELSE (SELECT e.region FROM enterprise_facts e WHERE e.uscc = c.enterprise
               AND e.deleted = 0 ORDER BY e.id LIMIT 1) END AS home
  FROM ranked c LEFT JOIN registry g ON g.uscc = c.enterprise
  WHERE c.pick = 1),
eq AS (
  SELECT q.survey,
    SUM(q.quantity) AS eq_all,
    %13 AS planned,
    %14 AS renewed,
    %15 AS eliminated,
    MAX(CASE WHEN q.status = %16 THEN 1 ELSE 0 END) AS backward,
    SUM(CASE WHEN %2 THEN q.quantity ELSE 0 END) AS energy_of,
    SUM(CASE WHEN %2 AND q.efficiency_level = %17 THEN q.quantity ELSE 0 END) AS advanced,
    SUM(CASE WHEN %2 AND q.efficiency_level IN (%18) THEN q.quantity ELSE 0 END) AS saving,
    SUM(CASE WHEN %3 THEN q.quantity ELSE 0 END) AS running,
    SUM(CASE WHEN %3 AND q.category IN (%4) THEN q.quantity ELSE 0 END) AS safety,
    MAX(CASE WHEN %3 AND q.category IN (%4) THEN 1 ELSE 0 END) AS flagged,
    SUM(CASE WHEN %3 AND q.commissioned_year IS NOT NULL AND q.category IN (%5)
        THEN q.quantity ELSE 0 END) AS aged_of,
    SUM(CASE WHEN %3 AND q.commissioned_year IS NOT NULL AND (%6)
        THEN q.quantity ELSE 0 END) AS aged
  FROM chosen c JOIN equipment_facts q ON q.survey = c.id AND q.deleted = 0
  GROUP BY q.survey)
INSERT INTO coverage_facts (%7)
SELECT COALESCE(c.enterprise, ''), c.period, c.id, c.home, c.above,
  CASE WHEN c.above = 1 AND COALESCE(c.digital_level, 0) >= %19 THEN 1 ELSE 0 END,
  CASE WHEN c.above = 1 AND c.design_tools = 1 THEN 1 ELSE 0 END,
  CASE WHEN %8 THEN 1 ELSE 0 END,
  CASE WHEN %8 THEN CAST(c.key_processes_cnc AS DOUBLE PRECISION) / c.key_processes ELSE 0 END,
  CASE WHEN %8 THEN c.key_processes_cnc ELSE 0 END,
  CASE WHEN %8 THEN c.key_processes ELSE 0 END,
  CASE WHEN %9 THEN c.tech_invest ELSE 0 END,
  CASE WHEN %9 THEN c.tech_invest_base ELSE 0 END,
  CASE WHEN %10 THEN c.equipment_invest + %20 * COALESCE(c.first_of_kind_invest, 0) ELSE 0 END,
  CASE WHEN %10 THEN c.equipment_invest_base ELSE 0 END,
  CASE WHEN %11 AND c.factory_tier = %21 THEN 1 ELSE 0 END,
  CASE WHEN %11 AND c.factory_tier IN (%22) THEN 1 ELSE 0 END,
  COALESCE(c.robots_added, 0),
  COALESCE(eq.backward, 0), COALESCE(eq.eq_all, 0), COALESCE(eq.planned, 0),
  COALESCE(eq.renewed, 0), COALESCE(eq.eliminated, 0), COALESCE(eq.aged_of, 0),
  COALESCE(eq.aged, 0), COALESCE(eq.energy_of, 0), COALESCE(eq.advanced, 0),
  COALESCE(eq.saving, 0), COALESCE(eq.running, 0), COALESCE(eq.safety, 0),
  COALESCE(eq.flagged, 0)
FROM chosen c LEFT JOIN eq ON eq.survey = c.id)"_s
        .arg(filter, energy, running, safety, aged.categories, aged.isAged, kColumns, rated, tech)
        .arg(equip, window, counted, status.arg(sqlValue(kPlannedStatus)),
             status.arg(sqlValue(kRenewedStatus)), status.arg(sqlValue(kEliminatedStatus)),
             sqlValue(kEliminatedStatus), sqlValue(kAdvancedLevel))
        .arg(sqlList(kSavingOrBetterLevels), QString::number(kDigitalRenovationMinLevel),
             QString::number(kFirstOfKindWeight), sqlValue(kFutureFactoryTier),
             sqlList(kSmartFactoryTiers));
}

/** The marks of one transaction, recomputed before it commits. */
class PendingCoverage final : public TransactionHook
{
public:
    static inline const QString kKey = QStringLiteral("coverage_facts");

    static PendingCoverage *of(Database &db)
    {
        if (auto *hook = static_cast<PendingCoverage *>(db.transactionHook(kKey)))
            return hook;
        auto owned = std::make_unique<PendingCoverage>();
        PendingCoverage *hook = owned.get();
        db.addTransactionHook(kKey, std::move(owned));
        return hook;
    }

    QSet<QString> enterprises;
    QSet<QString> surveys;

    DbStatus beforeCommit(Database &db) override
    {
        if (auto resolved = resolveSurveys(db); !resolved)
            return resolved;
        const QStringList list(enterprises.cbegin(), enterprises.cend());
        enterprises.clear();
        if (list.size() > kRebuildAbove)
            return CoverageFacts::rebuild(db);
        return CoverageFacts::recompute(db, list);
    }

private:
    DbStatus resolveSurveys(Database &db)
    {
        const QStringList ids(surveys.cbegin(), surveys.cend());
        surveys.clear();
        for (qsizetype at = 0; at < ids.size(); at += kPerStatement) {
            const QStringList chunk = ids.mid(at, kPerStatement);
            auto query =
                db.exec(u"SELECT DISTINCT COALESCE(enterprise, '') FROM survey_facts WHERE id "
                        "IN (%1)"_s.arg(placeholders(chunk.size())),
                        QVariantList(chunk.cbegin(), chunk.cend()));
            if (!query)
                return query.error();
            while (query.value().next())
                enterprises.insert(query.value().value(0).toString());
        }
        return Done{};
    }
};

} // namespace

DbStatus CoverageFacts::markEnterprise(Database &db, const QString &uscc)
{
    if (!db.inTransaction())
        return recompute(db, {uscc});
    PendingCoverage::of(db)->enterprises.insert(uscc);
    return Done{};
}

DbStatus CoverageFacts::markSurvey(Database &db, const QString &surveyId)
{
    if (surveyId.isEmpty())
        return Done{};
    if (!db.inTransaction()) {
        PendingCoverage pending;
        pending.surveys.insert(surveyId);
        return pending.beforeCommit(db);
    }
    PendingCoverage::of(db)->surveys.insert(surveyId);
    return Done{};
}

DbStatus CoverageFacts::rebuild(Database &db)
{
    if (auto cleared = db.run(u"DELETE FROM coverage_facts"_s); !cleared)
        return cleared;
    return db.run(insertSql(u"1 = 1"_s));
}

DbStatus CoverageFacts::recompute(Database &db, const QStringList &usccs)
{
    for (qsizetype at = 0; at < usccs.size(); at += kPerStatement) {
        QStringList chunk = usccs.mid(at, kPerStatement);
        // A survey without an enterprise is stored with NULL: it is the enterprise "".
        const bool none = chunk.removeAll(QString()) > 0;
        QString keys = placeholders(chunk.size());
        if (chunk.isEmpty())
            keys = u"NULL"_s;
        const QVariantList params(chunk.cbegin(), chunk.cend());
        const QString orNone = none ? u" OR enterprise = ''"_s : QString();
        auto deleted = params.isEmpty()
                           ? db.run(u"DELETE FROM coverage_facts WHERE enterprise = ''"_s)
                           : db.run(u"DELETE FROM coverage_facts WHERE enterprise IN (%1)%2"_s.arg(
                                        keys, orNone),
                                    params);
        if (!deleted)
            return deleted;
        const QString filter = u"s.enterprise IN (%1)%2"_s.arg(
            keys, none ? u" OR s.enterprise IS NULL OR s.enterprise = ''"_s : QString());
        auto inserted =
            params.isEmpty() ? db.run(insertSql(filter)) : db.run(insertSql(filter), params);
        if (!inserted)
            return inserted;
    }
    return Done{};
}

} // namespace gx::server
