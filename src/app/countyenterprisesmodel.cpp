#include "app/countyenterprisesmodel.h"

#include "app/session.h"
#include "store/devicestore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

int intField(const QJsonObject &fields, QLatin1StringView name)
{
    const QJsonValue value = fields.value(name);
    return value.isDouble() ? value.toInt(-1) : -1;
}

} // namespace

CountyEnterprisesModel::CountyEnterprisesModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int CountyEnterprisesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CountyEnterprisesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case UsccRole:
        return row.uscc;
    case NameRole:
    case Qt::DisplayRole:
        return row.name;
    case SurveyIdRole:
        return row.surveyId;
    case SurveyStateRole:
        return row.surveyState;
    case SurveyStateTextRole:
        return surveyStateText(row.surveyState);
    case ReviewStateRole:
        return row.reviewState;
    case ReviewStateTextRole:
        return reviewStateText(row.reviewState);
    case DigitalLevelRole:
        return row.digitalLevel;
    case KeyProcessesRole:
        return row.keyProcesses;
    case KeyProcessesCncRole:
        return row.keyProcessesCnc;
    case EquipmentCountRole:
        return row.equipmentCount;
    case FiguresTextRole:
        return figuresText(row);
    default:
        return {};
    }
}

QHash<int, QByteArray> CountyEnterprisesModel::roleNames() const
{
    return {{UsccRole, "uscc"},
            {NameRole, "name"},
            {SurveyIdRole, "surveyId"},
            {SurveyStateRole, "surveyState"},
            {SurveyStateTextRole, "surveyStateText"},
            {ReviewStateRole, "reviewState"},
            {ReviewStateTextRole, "reviewStateText"},
            {DigitalLevelRole, "digitalLevel"},
            {KeyProcessesRole, "keyProcesses"},
            {KeyProcessesCncRole, "keyProcessesCnc"},
            {EquipmentCountRole, "equipmentCount"},
            {FiguresTextRole, "figuresText"}};
}

void CountyEnterprisesModel::componentComplete()
{
    m_complete = true;
    reload();
}

void CountyEnterprisesModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::dataChanged, &Session::periodChanged, &Session::sessionChanged},
                       &CountyEnterprisesModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void CountyEnterprisesModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    emit regionChanged();
    reload();
}

QString CountyEnterprisesModel::regionName() const
{
    const Region *region = m_session ? m_session->regions().region(m_region) : nullptr;
    return region ? region->name.text(m_session->uiLanguage()) : m_region;
}

void CountyEnterprisesModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    reload();
}

int CountyEnterprisesModel::surveyedCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const Row &row) { return row.surveyState == u"submitted"_s; }));
}

void CountyEnterprisesModel::reload()
{
    if (!m_complete)
        return;
    QList<Row> rows;
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (store && !m_region.isEmpty()) {
        EnterpriseQuery query;
        query.region = m_region;
        query.period = m_session->period();
        query.search = m_search.trimmed();
        auto found = store->queries().enterprises(query);
        if (!found) {
            setError(found.error().message);
        } else {
            setError({});
            for (const EnterpriseRow &e : found.value()) {
                Row row;
                row.uscc = e.uscc;
                row.name = e.name;
                row.surveyId = e.surveyId;
                row.surveyState = e.surveyId.isEmpty()              ? u"none"_s
                                  : e.surveyState == u"submitted"_s ? u"submitted"_s
                                                                    : u"draft"_s;
                row.reviewState = u"none"_s;
                if (!e.surveyId.isEmpty()) {
                    auto view = store->queries().survey(e.surveyId);
                    if (view && view.value()) {
                        const QJsonObject &fields = view.value()->survey.fields;
                        row.digitalLevel = intField(fields, "digital_level"_L1);
                        row.keyProcesses = intField(fields, "key_processes"_L1);
                        row.keyProcessesCnc = intField(fields, "key_processes_cnc"_L1);
                        row.equipmentCount = int(view.value()->equipment.size());
                    }
                    auto review = store->inbox().latestReview(u"survey"_s, e.surveyId);
                    if (review && review.value())
                        row.reviewState = review.value()->state;
                }
                rows.append(row);
            }
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

QString CountyEnterprisesModel::surveyStateText(const QString &state)
{
    if (state == u"submitted"_s)
        return tr("Submitted");
    if (state == u"draft"_s)
        return tr("Draft");
    return tr("Not surveyed");
}

QString CountyEnterprisesModel::reviewStateText(const QString &state)
{
    if (state == u"approved"_s)
        return tr("Approved");
    if (state == u"has_issues"_s)
        return tr("Has issues");
    if (state == u"rejected"_s)
        return tr("Rejected");
    return tr("Not reviewed");
}

QString CountyEnterprisesModel::figuresText(const Row &row) const
{
    if (row.surveyId.isEmpty())
        return {};
    const QString none = u"—"_s;
    const QString level = row.digitalLevel < 0 ? none : QString::number(row.digitalLevel);
    const QString cnc = row.keyProcesses < 0
                            ? none
                            : u"%1/%2"_s.arg(row.keyProcessesCnc < 0 ? 0 : row.keyProcessesCnc)
                                  .arg(row.keyProcesses);
    return tr("Digital level %1 · CNC key processes %2 · %n equipment row(s)", nullptr,
              row.equipmentCount)
        .arg(level, cnc);
}

void CountyEnterprisesModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

} // namespace gx
