#include "app/officialfiguresmodel.h"

#include "app/figureformatter.h"
#include "app/session.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString inputText(const std::optional<double> &value, double scale = 1.0)
{
    return value ? FigureFormatter::number(std::round(*value * scale * 1e6) / 1e6) : QString();
}

} // namespace

OfficialFiguresModel::OfficialFiguresModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int OfficialFiguresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OfficialFiguresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const Language language = m_session ? m_session->uiLanguage() : Language::Zh;
    switch (role) {
    case RegionRole:
        return row.region;
    case RegionNameRole:
        return row.regionName;
    case IndicatorRole:
        return row.indicator;
    case LabelRole:
    case Qt::DisplayRole:
        return indicatorLabel(row.indicator).text(language);
    case HasValueRole:
        return row.value.has_value();
    case ValueTextRole:
        return row.value ? FigureFormatter::percent(*row.value) : u"—"_s;
    case ValueInputRole:
        return inputText(row.value, 100.0);
    case CurrentInputRole:
        return inputText(row.current);
    case BaseInputRole:
        return inputText(row.base);
    case TargetTextRole:
        if (!row.target)
            return QString();
        return QString(
            (indicatorComparison(row.indicator) == Comparison::Above ? u"> "_s : u"≥ "_s) +
            FigureFormatter::percent(*row.target));
    case ErrorRole:
        return row.error;
    case ErrorFieldRole:
        return row.errorField;
    case SavingRole:
        return row.saving;
    default:
        return {};
    }
}

QHash<int, QByteArray> OfficialFiguresModel::roleNames() const
{
    return {{RegionRole, "region"},         {RegionNameRole, "regionName"},
            {IndicatorRole, "indicator"},   {LabelRole, "label"},
            {HasValueRole, "hasValue"},     {ValueTextRole, "valueText"},
            {ValueInputRole, "valueInput"}, {CurrentInputRole, "currentInput"},
            {BaseInputRole, "baseInput"},   {TargetTextRole, "targetText"},
            {ErrorRole, "error"},           {ErrorFieldRole, "errorField"},
            {SavingRole, "saving"}};
}

void OfficialFiguresModel::componentComplete()
{
    m_complete = true;
    load();
}

void OfficialFiguresModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {{&Session::periodChanged, [this] {
                                                       if (m_period == 0)
                                                           load();
                                                   }}}))
        return;
    m_loader.setSession(session);
    m_targetsLoader.setSession(session);
    emit sessionChanged();
    load();
}

int OfficialFiguresModel::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void OfficialFiguresModel::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
    load();
}

void OfficialFiguresModel::buildRows()
{
    beginResetModel();
    m_rows.clear();
    if (m_session) {
        const Language language = m_session->uiLanguage();
        QList<const Region *> regions{&m_session->regions().city()};
        for (const Region &region : m_session->regions().regions())
            regions.append(&region);
        for (const Region *region : regions) {
            for (const QString &name : officialIndicatorNames()) {
                Row row;
                row.region = region->code;
                row.regionName = region->name.text(language);
                row.indicator = name;
                m_rows.append(row);
            }
        }
    }
    endResetModel();
}

void OfficialFiguresModel::load()
{
    if (!m_complete || !m_session)
        return;
    buildRows();
    const bool wasLoading = isLoading();
    m_pending = 2;
    if (!wasLoading)
        emit loadingChanged();
    const int asked = period();
    m_loader.get(u"/api/v1/official-figures?period=%1"_s.arg(asked),
                 [this, asked](const OfficeReply &reply) {
                     if (asked != period())
                         return;
                     if (!reply.ok()) {
                         setError(reply.message);
                     } else {
                         setError({});
                         applyFigures(reply.json);
                     }
                     finishLoad();
                 });
    m_targetsLoader.get(u"/api/v1/targets?period=%1"_s.arg(asked),
                        [this, asked](const OfficeReply &reply) {
                            if (asked != period())
                                return;
                            if (reply.ok())
                                applyTargets(reply.json); // else the figures' call says why
                            finishLoad();
                        });
}

void OfficialFiguresModel::finishLoad()
{
    if (m_pending > 0 && --m_pending == 0)
        emit loadingChanged();
}

void OfficialFiguresModel::applyTargets(const QJsonObject &answer)
{
    QHash<QString, QJsonObject> byRegion;
    for (const QJsonValue &item : answer.value("regions"_L1).toArray())
        byRegion.insert(item["region"_L1].toString(), item["targets"_L1].toObject());
    for (Row &row : m_rows)
        row.target = optionalDouble(byRegion.value(row.region).value(row.indicator));
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
}

void OfficialFiguresModel::applyFigures(const QJsonObject &answer)
{
    for (const QJsonValue &item : answer.value("figures"_L1).toArray()) {
        const QJsonObject figure = item.toObject();
        for (int i = 0; i < m_rows.size(); ++i) {
            Row &row = m_rows[i];
            if (row.region != figure.value("region"_L1).toString() ||
                row.indicator != figure.value("indicator"_L1).toString())
                continue;
            row.value = optionalDouble(figure.value("value"_L1));
            row.current = optionalDouble(figure.value("current"_L1));
            row.base = optionalDouble(figure.value("base"_L1));
            emit dataChanged(index(i), index(i));
        }
    }
}

bool OfficialFiguresModel::save(int row, const QString &valuePercent, const QString &current,
                                const QString &base)
{
    if (row < 0 || row >= m_rows.size() || !m_session)
        return false;
    bool ok = false;
    const std::optional<double> value = FigureFormatter::parseNumber(valuePercent, &ok);
    if (!ok || !value) {
        setRowError(row, tr("Enter the growth as a percent, e.g. 12.5."), u"value"_s);
        return false;
    }
    QJsonObject body{{"region"_L1, m_rows[row].region},
                     {"period"_L1, period()},
                     {"indicator"_L1, m_rows[row].indicator},
                     {"value"_L1, *value / 100.0}};
    const std::pair<QLatin1StringView, QString> amounts[] = {{"current"_L1, current},
                                                             {"base"_L1, base}};
    for (const auto &[name, text] : amounts) {
        const std::optional<double> amount = FigureFormatter::parseNumber(text, &ok);
        if (!ok) {
            setRowError(row, tr("Enter a number, or leave it empty."), QString(name));
            return false;
        }
        if (amount)
            body.insert(name, *amount);
    }
    m_rows[row].saving = true;
    setRowError(row, {}, {});
    auto *client = new OfficeClient(this);
    client->setSession(m_session);
    client->post(u"/api/v1/official-figures"_s, body, [this, client, row](const OfficeReply &r) {
        client->deleteLater();
        if (row >= m_rows.size())
            return;
        m_rows[row].saving = false;
        if (!r.ok()) {
            setRowError(row, r.message, r.field);
            emit saved(row, false);
            return;
        }
        m_rows[row].value = optionalDouble(r.json.value("value"_L1));
        m_rows[row].current = optionalDouble(r.json.value("current"_L1));
        m_rows[row].base = optionalDouble(r.json.value("base"_L1));
        setRowError(row, {}, {});
        emit saved(row, true);
    });
    return true;
}

void OfficialFiguresModel::setRowError(int row, const QString &error, const QString &field)
{
    m_rows[row].error = error;
    m_rows[row].errorField = field;
    emit dataChanged(index(row), index(row));
}

void OfficialFiguresModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace gx
