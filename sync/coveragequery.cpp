#include "sync/coveragequery.h"

#include "sync/serverlogging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonObject parseFields(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

std::optional<double> optionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

} // namespace

CoverageQuery::CoverageQuery(Database &db, const RegionCatalog &catalog)
    : m_db(db)
    , m_catalog(catalog)
{}

Result<IndicatorInput, DbError> CoverageQuery::load(int period)
{
    IndicatorInput input;
    input.period = period;
    input.catalog = m_catalog;
    QElapsedTimer timer;
    timer.start();
    QList<qint64> millis;
    for (auto step : {&CoverageQuery::loadRegistry, &CoverageQuery::loadEnterprises,
                      &CoverageQuery::loadSurveys, &CoverageQuery::loadEquipment,
                      &CoverageQuery::loadOfficial}) {
        if (auto loaded = (this->*step)(input); !loaded)
            return loaded.error();
        millis.append(timer.restart());
    }
    qCDebug(lcServer,
            "coverage input %d: registry %lld ms, enterprises %lld ms, surveys and "
            "reviews %lld ms, equipment %lld ms, official %lld ms",
            period, millis.at(0), millis.at(1), millis.at(2), millis.at(3), millis.at(4));
    return input;
}

DbStatus CoverageQuery::loadRegistry(IndicatorInput &input)
{
    auto query = m_db.exec(u"SELECT uscc, name, region, industry_code, above_size FROM registry "
                           "ORDER BY uscc"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        input.registry.append(RegistryEntry{q.value(0).toString(), q.value(1).toString(),
                                            q.value(2).toString(), q.value(3).toString(),
                                            q.value(4).toInt() != 0});
    }
    return Done{};
}

DbStatus CoverageQuery::loadEnterprises(IndicatorInput &input)
{
    auto query = m_db.exec(u"SELECT id, fields FROM records "
                           "WHERE entity = 'enterprise' AND deleted = 0 ORDER BY id"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        input.enterprises.append(
            EnterpriseFacts::fromFields(q.value(0).toString(), parseFields(q.value(1))));
    }
    return Done{};
}

Result<QHash<QString, ReviewState>, DbError> CoverageQuery::loadReviewStates()
{
    auto query = m_db.exec(u"SELECT fields FROM records "
                           "WHERE entity = 'review' AND deleted = 0 ORDER BY seq"_s);
    if (!query)
        return query.error();
    QHash<QString, ReviewState> latest; // survey id -> state of its latest review
    QSqlQuery &q = query.value();
    while (q.next()) {
        const QJsonObject review = parseFields(q.value(0));
        if (review.value("entity"_L1).toString() != "survey"_L1)
            continue;
        const auto state = reviewStateFromName(review.value("state"_L1).toString());
        latest.insert(review.value("record_id"_L1).toString(), state.value_or(ReviewState::None));
    }
    return latest;
}

DbStatus CoverageQuery::loadSurveys(IndicatorInput &input)
{
    auto reviews = loadReviewStates();
    if (!reviews)
        return reviews.error();
    auto query = m_db.exec(u"SELECT id, fields FROM records "
                           "WHERE entity = 'survey' AND deleted = 0 ORDER BY id"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        const QString id = q.value(0).toString();
        SurveyFacts survey = SurveyFacts::fromFields(id, parseFields(q.value(1)),
                                                     reviews.value().value(id, ReviewState::None));
        if (survey.period == input.period)
            input.surveys.append(std::move(survey));
    }
    return Done{};
}

DbStatus CoverageQuery::loadEquipment(IndicatorInput &input)
{
    QSet<QString> surveys;
    for (const SurveyFacts &survey : std::as_const(input.surveys))
        surveys.insert(survey.id);
    auto query = m_db.exec(u"SELECT fields FROM records "
                           "WHERE entity = 'equipment' AND deleted = 0"_s);
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        EquipmentFacts equipment = EquipmentFacts::fromFields(parseFields(q.value(0)));
        if (surveys.contains(equipment.survey))
            input.equipment.append(std::move(equipment));
    }
    return Done{};
}

DbStatus CoverageQuery::loadOfficial(IndicatorInput &input)
{
    auto query = m_db.exec(u"SELECT region, indicator, value, numerator, denominator "
                           "FROM official_figures WHERE period = ?"_s,
                           {input.period});
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    while (q.next()) {
        input.official[q.value(0).toString()][q.value(1).toString()] = OfficialFigure{
            optionalDouble(q.value(2)), optionalDouble(q.value(3)), optionalDouble(q.value(4))};
    }
    return Done{};
}

} // namespace gx::server
