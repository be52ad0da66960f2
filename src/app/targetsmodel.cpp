#include "app/targetsmodel.h"

#include "app/figureformatter.h"
#include "app/session.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** Whether two targets are the same number (a percent typed back gives 0.95 again). */
bool sameValue(const std::optional<double> &a, const std::optional<double> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || std::abs(*a - *b) <= 1e-9 * std::max(1.0, std::abs(*a));
}

QString opSymbol(const QString &indicator)
{
    return indicatorComparison(indicator) == Comparison::Above ? u">"_s : u"≥"_s;
}

} // namespace

TargetsModel::TargetsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

TargetsModel::~TargetsModel() = default;

int TargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TargetsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case RegionRole:
        return row.region;
    case RegionNameRole:
        return regionName(row.region);
    case IndicatorRole:
        return row.indicator;
    case LabelRole:
    case Qt::DisplayRole:
        return label(row.indicator);
    case KindRole:
        return isCount(row.indicator) ? u"count"_s : u"rate"_s;
    case UnitRole:
        return isCount(row.indicator) ? QString() : u"%"_s;
    case OpRole:
        return opSymbol(row.indicator);
    case HasValueRole:
        return row.value.has_value();
    case ValueTextRole:
        return row.value ? valueText(row.indicator, *row.value) : u"—"_s;
    case InputRole:
        if (row.edit)
            return *row.edit;
        return row.value ? inputText(row.indicator, *row.value) : QString();
    case EditedRole: {
        std::optional<Change> change;
        return !changeOf(int(index.row()), change) || change.has_value();
    }
    case ReferenceTextRole:
        return row.reference
                   ? opSymbol(row.indicator) + u' ' + valueText(row.indicator, *row.reference)
                   : QString();
    case ErrorRole:
        return row.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> TargetsModel::roleNames() const
{
    return {{RegionRole, "region"},
            {RegionNameRole, "regionName"},
            {IndicatorRole, "indicator"},
            {LabelRole, "label"},
            {KindRole, "kind"},
            {UnitRole, "unit"},
            {OpRole, "op"},
            {HasValueRole, "hasValue"},
            {ValueTextRole, "valueText"},
            {InputRole, "input"},
            {EditedRole, "edited"},
            {ReferenceTextRole, "referenceText"},
            {ErrorRole, "error"}};
}

void TargetsModel::componentComplete()
{
    m_complete = true;
    load();
}

void TargetsModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::periodChanged,
                         [this] {
                             if (m_period == 0)
                                 load();
                         }},
                        {&Session::languageChanged, [this] {
                             if (!m_rows.isEmpty())
                                 emit dataChanged(index(0), index(int(m_rows.size()) - 1));
                         }}}))
        return;
    m_loader.setSession(session);
    m_referenceLoader.setSession(session);
    m_saver.setSession(session);
    emit sessionChanged();
    load();
}

int TargetsModel::period() const
{
    if (m_period != 0)
        return m_period;
    return m_session ? m_session->period() : Session::kDefaultPeriod;
}

void TargetsModel::setPeriod(int period)
{
    if (period == m_period)
        return;
    m_period = period;
    emit periodChanged();
    load();
}

int TargetsModel::changeCount() const
{
    int count = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        std::optional<Change> change;
        if (m_rows.at(i).edit && (!changeOf(i, change) || change))
            ++count;
    }
    return count;
}

void TargetsModel::buildRows()
{
    beginResetModel();
    m_rows.clear();
    if (m_session) {
        QStringList regions{m_session->regions().city().code};
        regions += m_session->regions().regionCodes();
        for (const QString &region : std::as_const(regions)) {
            for (const QString &name : indicatorNames())
                m_rows.append({region, name, {}, {}, {}, {}});
        }
    }
    endResetModel();
    emit editsChanged();
}

void TargetsModel::load()
{
    if (!m_complete || !m_session)
        return;
    m_saver.abort();
    setSaving(false);
    const bool wasLoading = isLoading();
    buildRows();
    setError({});
    setMessage({});
    m_pending = 0;
    fetch(m_loader, period(), false);
    if (period() != kReferencePeriod)
        fetch(m_referenceLoader, kReferencePeriod, true);
    else
        m_referenceLoader.abort();
    if (wasLoading != isLoading())
        emit loadingChanged();
}

void TargetsModel::fetch(OfficeClient &client, int year, bool reference)
{
    ++m_pending;
    const int asked = period();
    client.get(u"/api/v1/targets?period=%1"_s.arg(year), [this, asked,
                                                          reference](const OfficeReply &reply) {
        if (asked != period())
            return;
        if (!reply.ok() || !reply.json.value("regions"_L1).isArray())
            setError(reply.ok() ? tr("The server's answer holds no targets.") : reply.message);
        else
            applyTargets(reply.json, reference);
        finishFetch();
    });
}

void TargetsModel::finishFetch()
{
    if (m_pending > 0 && --m_pending == 0)
        emit loadingChanged();
}

void TargetsModel::applyTargets(const QJsonObject &answer, bool reference)
{
    QHash<QString, QJsonObject> byRegion;
    for (const QJsonValue &item : answer.value("regions"_L1).toArray()) {
        const QJsonObject region = item.toObject();
        byRegion.insert(region.value("region"_L1).toString(),
                        region.value("targets"_L1).toObject());
    }
    const bool alsoReference = !reference && period() == kReferencePeriod;
    for (Row &row : m_rows) {
        const QJsonValue value = byRegion.value(row.region).value(row.indicator);
        const std::optional<double> target =
            value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
        if (reference || alsoReference)
            row.reference = target;
        if (!reference)
            row.value = target;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    emit editsChanged();
}

void TargetsModel::setInput(int row, const QString &text)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    if (r.edit == text)
        return;
    r.edit = text;
    if (!r.error.isEmpty()) {
        r.error.clear();
        if (m_errorRow == row)
            setError({});
    }
    setMessage({});
    emit dataChanged(index(row), index(row));
    emit editsChanged();
}

void TargetsModel::revert()
{
    for (Row &row : m_rows) {
        row.edit.reset();
        row.error.clear();
    }
    setError({});
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
    emit editsChanged();
}

bool TargetsModel::changeOf(int row, std::optional<Change> &change) const
{
    change.reset();
    const Row &r = m_rows.at(row);
    if (!r.edit)
        return true;
    QString text = *r.edit;
    if (isCount(r.indicator)) // a count is whole: a comma separates thousands
        text.remove(u',').remove(u'，');
    bool ok = false;
    std::optional<double> value = FigureFormatter::parseNumber(text, &ok);
    if (!ok)
        return false;
    if (value && !isCount(r.indicator))
        *value /= 100.0;
    if (!sameValue(value, r.value))
        change = Change{row, value};
    return true;
}

bool TargetsModel::save()
{
    if (!m_session || m_saving || isLoading())
        return false;
    clearErrors();
    setMessage({});
    QList<Change> changes;
    int firstBad = -1;
    for (int i = 0; i < m_rows.size(); ++i) {
        std::optional<Change> change;
        if (!changeOf(i, change)) {
            m_rows[i].error = tr("\"%1\" is not a number.").arg(m_rows.at(i).edit->left(40));
            emit dataChanged(index(i), index(i));
            if (firstBad < 0)
                firstBad = i;
        } else if (change) {
            changes.append(*change);
        }
    }
    if (firstBad >= 0) {
        refuse(firstBad, m_rows.at(firstBad).error);
        return false;
    }
    if (changes.isEmpty()) {
        setMessage(tr("Nothing to save: no target was changed."));
        return false;
    }

    // One entry per region, in the rows' order; the server names an entry by its place.
    QStringList regions;
    QHash<QString, QJsonObject> targets;
    for (const Change &change : std::as_const(changes)) {
        const Row &row = m_rows.at(change.row);
        if (!targets.contains(row.region))
            regions.append(row.region);
        targets[row.region].insert(row.indicator, change.value ? QJsonValue(*change.value)
                                                               : QJsonValue(QJsonValue::Null));
    }
    QJsonArray entries;
    for (const QString &region : std::as_const(regions))
        entries.append(QJsonObject{{"region"_L1, region}, {"targets"_L1, targets.value(region)}});

    setSaving(true);
    const int asked = period();
    const auto count = changes.size();
    m_saver.put(
        u"/api/v1/targets?period=%1"_s.arg(asked), QJsonObject{{"regions"_L1, entries}},
        [this, asked, count, regions](const OfficeReply &reply) {
            setSaving(false);
            if (asked != period())
                return;
            if (!reply.ok() || !reply.json.value("regions"_L1).isArray()) {
                refusedByServer(reply, regions);
                emit saved(false);
                return;
            }
            for (Row &row : m_rows)
                row.edit.reset();
            applyTargets(reply.json, false);
            setMessage(
                tr("Saved: %1 target(s) of %2 changed on the server.").arg(count).arg(asked));
            emit saved(true);
        });
    return true;
}

void TargetsModel::refusedByServer(const OfficeReply &reply, const QStringList &sentRegions)
{
    // regions[i].targets.INDICATOR or regions[i].region (docs/api.md, PUT /api/v1/targets).
    static const QRegularExpression member(u"^regions\\[(\\d+)\\](?:\\.targets\\.(.+))?"_s);
    const auto match = member.match(reply.field);
    const int entry = match.hasMatch() ? match.captured(1).toInt() : -1;
    if (reply.code != u"invalid_targets"_s || entry < 0 || entry >= sentRegions.size()) {
        setError(reply.ok() ? tr("The server's answer holds no targets.") : reply.message);
        return;
    }
    const QString region = sentRegions.at(entry);
    int row = rowOf(region, match.captured(2));
    if (row < 0)
        row = rowOf(region, indicatorNames().value(0));
    if (row < 0) {
        setError(reply.message);
        return;
    }
    const QString reason = isCount(m_rows.at(row).indicator)
                               ? tr("a count's target is a whole number from 0 to 1,000,000,000.")
                               : tr("a rate's target is a percent from 0 to 1000 (90 for 90%).");
    m_rows[row].error = tr("The server refused it: %1").arg(reason);
    emit dataChanged(index(row), index(row));
    refuse(row, m_rows.at(row).error);
}

void TargetsModel::refuse(int row, const QString &reason)
{
    setError(tr("%1, %2: %3 Nothing was saved.")
                 .arg(regionName(m_rows.at(row).region), label(m_rows.at(row).indicator), reason),
             row);
}

void TargetsModel::clearErrors()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).error.isEmpty()) {
            m_rows[i].error.clear();
            emit dataChanged(index(i), index(i));
        }
    }
    setError({});
}

int TargetsModel::rowOf(const QString &region, const QString &indicator) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).region == region && m_rows.at(i).indicator == indicator)
            return i;
    }
    return -1;
}

void TargetsModel::setError(const QString &error, int row)
{
    if (error == m_error && row == m_errorRow)
        return;
    m_error = error;
    m_errorRow = row;
    emit errorChanged();
}

void TargetsModel::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

void TargetsModel::setSaving(bool saving)
{
    if (saving == m_saving)
        return;
    m_saving = saving;
    emit savingChanged();
}

QString TargetsModel::regionName(const QString &code) const
{
    if (!m_session)
        return code;
    const Language language = m_session->uiLanguage();
    const RegionCatalog &catalog = m_session->regions();
    if (code == catalog.city().code)
        return catalog.city().name.text(language);
    const Region *region = catalog.region(code);
    return region ? region->name.text(language) : code;
}

QString TargetsModel::label(const QString &indicator) const
{
    return indicatorLabel(indicator).text(m_session ? m_session->uiLanguage() : Language::Zh);
}

bool TargetsModel::isCount(const QString &indicator)
{
    return indicatorKind(indicator) == FigureKind::Count;
}

QString TargetsModel::inputText(const QString &indicator, double value)
{
    const double shown = isCount(indicator) ? value : value * 100.0;
    return QString::number(std::round(shown * 1e6) / 1e6, 'g', 12);
}

QString TargetsModel::valueText(const QString &indicator, double value)
{
    return isCount(indicator) ? FigureFormatter::number(value) : FigureFormatter::percent(value);
}

} // namespace gx
