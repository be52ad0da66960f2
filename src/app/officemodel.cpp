#include "app/officemodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>

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

} // namespace

OfficeModel::OfficeModel(QObject *parent)
    : QAbstractListModel(parent)
{}

OfficeModel::~OfficeModel() = default;

void OfficeModel::componentComplete()
{
    m_complete = true;
    reload();
}

void OfficeModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::periodChanged,
                         [this] {
                             if (m_period == 0)
                                 reload();
                         }},
                        {&Session::languageChanged, [this] {
                             relabel();
                         }}}))
        return;
    m_client.setSession(session);
    m_periodsClient.setSession(session);
    emit sessionChanged();
    reload();
}

int OfficeModel::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void OfficeModel::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
    reload();
}

QVariantList OfficeModel::periods() const
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

QString OfficeModel::lastUpdatedText() const
{
    if (!m_lastUpdated.isValid())
        return {};
    return QLocale().toString(m_lastUpdated.toLocalTime(), u"yyyy-MM-dd HH:mm"_s);
}

QString OfficeModel::offlineText() const
{
    return m_fromCache && m_lastUpdated.isValid()
               ? tr("Offline data, as of %1").arg(lastUpdatedText())
               : QString();
}

void OfficeModel::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void OfficeModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void OfficeModel::setAnswerTime(const QDateTime &when, bool fromCache)
{
    if (when == m_lastUpdated && fromCache == m_fromCache)
        return;
    m_lastUpdated = when;
    m_fromCache = fromCache;
    emit answerTimeChanged();
}

QDateTime OfficeModel::now() const
{
    return m_session ? QDateTime::fromMSecsSinceEpoch(m_session->now(), Qt::UTC)
                     : QDateTime::currentDateTimeUtc();
}

void OfficeModel::loadCachedPeriods()
{
    QList<int> periods;
    if (const auto cached = readCache(u"periods"_s, {})) {
        for (const QJsonValue &year : cached->answer.value("periods"_L1).toArray())
            periods.append(year.toInt());
    }
    // This server's periods as last seen (none from another server or session).
    m_periods = periods;
    emit periodsChanged();
}

void OfficeModel::refreshPeriods()
{
    m_periodsClient.get(u"/api/v1/targets"_s, [this](const OfficeReply &r) {
        const QJsonValue list = r.json.value("periods"_L1);
        if (!r.ok() || !list.isArray())
            return; // the figures' own call says why; the cached periods stay
        QList<int> periods;
        for (const QJsonValue &year : list.toArray()) {
            if (year.isDouble())
                periods.append(year.toInt());
        }
        writeCache(u"periods"_s, {}, QJsonObject{{"periods"_L1, list}}, now());
        setPeriods(periods);
    });
}

void OfficeModel::setPeriods(const QList<int> &periods)
{
    if (periods == m_periods)
        return;
    m_periods = periods;
    emit periodsChanged();
}

QString OfficeModel::cacheFile(const QString &name, const QString &tail) const
{
    const QUrl server(m_session->serverUrl());
    const QString host = server.host().isEmpty()
                             ? u"local"_s
                             : server.host() + u'_' + QString::number(server.port(80));
    return m_session->environment().dataDir + u"/office/"_s + name + u'-' + safeName(host) +
           (tail.isEmpty() ? QString() : u'-' + safeName(tail)) + u".json"_s;
}

std::optional<OfficeModel::Cached> OfficeModel::readCache(const QString &name,
                                                          const QString &tail) const
{
    if (!m_session)
        return std::nullopt;
    QFile file(cacheFile(name, tail));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject cached = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonValue answer = cached.value("report"_L1);
    if (!answer.isObject())
        return std::nullopt;
    return Cached{answer.toObject(), QDateTime::fromMSecsSinceEpoch(
                                         cached.value("fetched_at"_L1).toInteger(), Qt::UTC)};
}

void OfficeModel::writeCache(const QString &name, const QString &tail, const QJsonObject &answer,
                             const QDateTime &when) const
{
    if (!m_session)
        return;
    const QString path = cacheFile(name, tail);
    QDir().mkpath(QFileInfo(path).path());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qWarning("offline copy %s not written: %s", qPrintable(path),
                 qPrintable(file.errorString()));
        return;
    }
    const QJsonObject cached{{"fetched_at"_L1, when.toMSecsSinceEpoch()}, {"report"_L1, answer}};
    file.write(QJsonDocument(cached).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qWarning("offline copy %s not written: %s", qPrintable(path),
                 qPrintable(file.errorString()));
}

} // namespace gx
