#include "app/coveragemodel.h"

#include "app/figureformatter.h"
#include "app/session.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

QString safeName(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.isLetterOrNumber() && c.unicode() < 128 ? c : u'_';
    return out;
}

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
    : QAbstractListModel(parent)
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

void CoverageModel::componentComplete()
{
    m_complete = true;
    reload();
}

void CoverageModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::periodChanged,
                         [this] {
                             if (m_period == 0)
                                 reload();
                         }},
                        {&Session::languageChanged, [this] {
                             rebuild();
                         }}}))
        return;
    m_client.setSession(session);
    m_periodsClient.setSession(session);
    emit sessionChanged();
    reload();
}

int CoverageModel::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void CoverageModel::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
    reload();
}

QString CoverageModel::lastUpdatedText() const
{
    if (!m_lastUpdated.isValid())
        return {};
    return QLocale().toString(m_lastUpdated.toLocalTime(), u"yyyy-MM-dd HH:mm"_s);
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

QVariantList CoverageModel::periods() const
{
    QList<int> all = m_periods;
    if (!all.contains(period())) {
        all.append(period());
        std::sort(all.begin(), all.end());
    }
    QVariantList out;
    for (const int year : std::as_const(all))
        out.append(year);
    return out;
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
    if (!m_complete || !m_session)
        return;
    m_client.abort();
    setLoading(false);
    if (!loadCache())
        applyReport({}, {}, false);
    // This server's periods as last seen (none from another server or session).
    m_periods.clear();
    QFile periods(periodsCachePath());
    if (periods.open(QIODevice::ReadOnly)) {
        for (const QJsonValue &year :
             QJsonDocument::fromJson(periods.readAll()).object().value("periods"_L1).toArray())
            m_periods.append(year.toInt());
    }
    emit periodsChanged();
    refresh();
}

void CoverageModel::refresh()
{
    if (!m_session)
        return;
    refreshPeriods();
    const int asked = period();
    setLoading(true);
    m_client.get(u"/api/v1/stats/coverage?period=%1"_s.arg(asked), [this,
                                                                    asked](const OfficeReply &r) {
        setLoading(false);
        if (asked != period())
            return;
        if (!r.ok() || !r.json.value("regions"_L1).isArray()) {
            setError(m_report.isEmpty() || !m_lastUpdated.isValid()
                         ? r.message
                         : tr("%1 Showing the figures of %2.").arg(r.message, lastUpdatedText()));
            emit refreshed(false);
            return;
        }
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_session->now(), Qt::UTC);
        writeCache(r.json, now);
        setError({});
        applyReport(r.json, now, false);
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
    const Language language = m_session ? m_session->uiLanguage() : Language::Zh;
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
    m_lastUpdated = when;
    m_fromCache = fromCache;
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
    const Language language = m_session ? m_session->uiLanguage() : Language::Zh;
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

void CoverageModel::refreshPeriods()
{
    m_periodsClient.get(u"/api/v1/targets"_s, [this](const OfficeReply &r) {
        const QJsonValue list = r.json.value("periods"_L1);
        if (!r.ok() || !list.isArray())
            return; // the figures' call says why; the cached periods stay
        QList<int> periods;
        for (const QJsonValue &year : list.toArray()) {
            if (year.isDouble())
                periods.append(year.toInt());
        }
        const QString path = periodsCachePath();
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(
                QJsonDocument(QJsonObject{{"periods"_L1, list}}).toJson(QJsonDocument::Compact));
            if (!file.commit())
                qWarning("periods cache not written: %s", qPrintable(file.errorString()));
        }
        setPeriods(periods);
    });
}

void CoverageModel::setPeriods(const QList<int> &periods)
{
    if (periods == m_periods)
        return;
    m_periods = periods;
    emit periodsChanged();
}

QString CoverageModel::cacheFile(const QString &name, const QString &tail) const
{
    const QUrl server(m_session->serverUrl());
    const QString host = server.host().isEmpty()
                             ? u"local"_s
                             : server.host() + u'_' + QString::number(server.port(80));
    return m_session->environment().dataDir + u"/office/"_s + name + u'-' + safeName(host) + tail +
           u".json"_s;
}

QString CoverageModel::cachePath() const
{
    return cacheFile(u"coverage"_s, u'-' + QString::number(period()));
}

QString CoverageModel::periodsCachePath() const
{
    return cacheFile(u"periods"_s);
}

bool CoverageModel::loadCache()
{
    QFile file(cachePath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject cached = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject report = cached.value("report"_L1).toObject();
    if (!report.value("regions"_L1).isArray())
        return false;
    applyReport(report,
                QDateTime::fromMSecsSinceEpoch(cached.value("fetched_at"_L1).toInteger(), Qt::UTC),
                true);
    return true;
}

void CoverageModel::writeCache(const QJsonObject &report, const QDateTime &when) const
{
    const QString path = cachePath();
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QJsonObject cached{{"fetched_at"_L1, when.toMSecsSinceEpoch()}, {"report"_L1, report}};
    file.write(QJsonDocument(cached).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qWarning("coverage cache not written: %s", qPrintable(file.errorString()));
}

void CoverageModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void CoverageModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace gx
