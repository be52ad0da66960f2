#include "app/coveragemodel.h"

#include "app/figureformatter.h"
#include "app/session.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** A round axis maximum at or above the largest value (e.g. 87 -> 100, 430 -> 500). */
double niceMax(double largest)
{
    if (largest <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(largest)));
    for (const double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= largest)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

CoverageModel::CoverageModel(QObject *parent)
    : OfficeModel(parent)
{}

CoverageModel::~CoverageModel() = default;

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case RegionRole:
        return row.region;
    case NameRole:
    case Qt::DisplayRole:
        return row.name;
    case RegistryRole:
        return row.registry;
    case SurveyedRole:
        return row.surveyed;
    case FiguresRole:
        return row.figures;
    case KeyFiguresRole: {
        QVariantList list;
        for (const QString &name : keyIndicators())
            list.append(row.figures.value(name));
        return list;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> CoverageModel::roleNames() const
{
    return {{RegionRole, "region"},     {NameRole, "name"},       {RegistryRole, "registry"},
            {SurveyedRole, "surveyed"}, {FiguresRole, "figures"}, {KeyFiguresRole, "keyFigures"}};
}

QVariantList CoverageModel::cityFigures() const
{
    QVariantList list;
    const QVariantMap figures = m_city.value(u"figures"_s).toMap();
    for (const QString &name : indicators()) {
        if (figures.contains(name))
            list.append(figures.value(name));
    }
    return list;
}

QStringList CoverageModel::indicators() const
{
    return indicatorNames();
}

QStringList CoverageModel::keyIndicators() const
{
    return {indicator::kDigitalRenovationCoverage, indicator::kDesignToolPenetration,
            indicator::kKeyProcessCncRate, indicator::kSurveyCompletion,
            indicator::kTechInvestGrowth};
}

void CoverageModel::reload()
{
    if (!isReady())
        return;
    client().abort();
    setLoading(false);
    // The period's offline copy meanwhile, or nothing: never another period's figures.
    const auto cached = readCache(u"coverage"_s, QString::number(period()));
    if (cached && cached->answer.value("regions"_L1).isArray())
        applyReport(cached->answer, cached->fetchedAt, true);
    else
        applyReport({}, {}, false);
    loadCachedPeriods();
    refresh();
}

void CoverageModel::refresh()
{
    if (!session())
        return;
    refreshPeriods();
    const int asked = period();
    setLoading(true);
    client().get(u"/api/v1/stats/coverage?period=%1"_s.arg(asked), [this,
                                                                    asked](const OfficeReply &r) {
        setLoading(false);
        if (asked != period())
            return;
        if (!r.ok() || !r.json.value("regions"_L1).isArray()) {
            setError(m_report.isEmpty() || !lastUpdated().isValid()
                         ? r.message
                         : tr("%1 Showing the figures of %2.").arg(r.message, lastUpdatedText()));
            emit refreshed(false);
            return;
        }
        const QDateTime fetched = now();
        writeCache(u"coverage"_s, QString::number(asked), r.json, fetched);
        setError({});
        applyReport(r.json, fetched, false);
        emit refreshed(true);
    });
}

QVariantMap CoverageModel::figure(const QString &region, const QString &indicator) const
{
    if (region == m_city.value(u"region"_s).toString())
        return m_city.value(u"figures"_s).toMap().value(indicator).toMap();
    for (const Row &row : m_rows) {
        if (row.region == region)
            return row.figures.value(indicator).toMap();
    }
    return {};
}

QVariantMap CoverageModel::chart(const QString &indicator) const
{
    QVariantList categories;
    QVariantList values;
    QVariantList targets;
    bool hasTarget = false;
    double largest = 0;
    for (const Row &row : m_rows) {
        const QVariantMap f = row.figures.value(indicator).toMap();
        categories.append(row.name);
        values.append(f.value(u"chartValue"_s).toDouble());
        targets.append(f.value(u"chartTarget"_s).toDouble());
        hasTarget = hasTarget || f.value(u"hasTarget"_s).toBool();
        largest = std::max(
            {largest, f.value(u"chartValue"_s).toDouble(), f.value(u"chartTarget"_s).toDouble()});
    }
    const QString kind = FigureFormatter::kindOf(indicator);
    const Language language = session() ? session()->uiLanguage() : Language::Zh;
    return {{u"label"_s, indicatorLabel(indicator).text(language)},
            {u"kind"_s, kind},
            {u"unit"_s, kind == u"count"_s ? QString() : u"%"_s},
            {u"categories"_s, categories},
            {u"values"_s, values},
            {u"targets"_s, targets},
            {u"hasTarget"_s, hasTarget},
            {u"max"_s, kind == u"count"_s ? std::max(5.0, niceMax(largest)) : niceMax(largest)}};
}

void CoverageModel::applyReport(const QJsonObject &report, const QDateTime &when, bool fromCache)
{
    m_report = report;
    setAnswerTime(when, fromCache);
    rebuild();
}

void CoverageModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    for (const QJsonValue &region : m_report.value("regions"_L1).toArray())
        m_rows.append(rowOf(region.toObject()));
    m_city.clear();
    if (m_report.contains("city"_L1)) {
        const Row city = rowOf(m_report.value("city"_L1).toObject());
        m_city = {{u"region"_s, city.region},
                  {u"name"_s, city.name},
                  {u"registry"_s, city.registry},
                  {u"surveyed"_s, city.surveyed},
                  {u"figures"_s, city.figures}};
    }
    endResetModel();
    ++m_revision;
    emit figuresChanged();
}

CoverageModel::Row CoverageModel::rowOf(const QJsonObject &region) const
{
    const Language language = session() ? session()->uiLanguage() : Language::Zh;
    Row row;
    row.region = region.value("region"_L1).toString();
    const QString en = region.value("name_en"_L1).toString();
    row.name = language == Language::En && !en.isEmpty() ? en : region.value("name"_L1).toString();
    row.registry = region.value("registry"_L1).toInt();
    row.surveyed = region.value("surveyed"_L1).toInt();
    const QJsonObject indicators = region.value("indicators"_L1).toObject();
    for (auto it = indicators.begin(); it != indicators.end(); ++it)
        row.figures.insert(it.key(),
                           FigureFormatter::describe(it.key(), it.value().toObject(), language));
    return row;
}

} // namespace gx
