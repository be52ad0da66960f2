#include "app/enterpriselistmodel.h"

#include "app/session.h"
#include "store/devicestore.h"

using namespace Qt::StringLiterals;

namespace gx {

namespace {
struct FilterName
{
    SurveyFilter filter;
    QLatin1StringView name;
};
constexpr FilterName kFilters[] = {
    {SurveyFilter::Any, "any"_L1},
    {SurveyFilter::NotStarted, "not_started"_L1},
    {SurveyFilter::Draft, "draft"_L1},
    {SurveyFilter::Submitted, "submitted"_L1},
};
} // namespace

EnterpriseListModel::EnterpriseListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void EnterpriseListModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::dataChanged, &Session::periodChanged, &Session::sessionChanged,
                        &Session::languageChanged},
                       &EnterpriseListModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void EnterpriseListModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    emit regionChanged();
    reload();
}

void EnterpriseListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    reload();
}

QString EnterpriseListModel::filter() const
{
    for (const FilterName &f : kFilters) {
        if (f.filter == m_filter)
            return f.name;
    }
    return u"any"_s;
}

void EnterpriseListModel::setFilter(const QString &filter)
{
    SurveyFilter next = SurveyFilter::Any;
    for (const FilterName &f : kFilters) {
        if (f.name == filter)
            next = f.filter;
    }
    if (next == m_filter)
        return;
    m_filter = next;
    emit filterChanged();
    reload();
}

void EnterpriseListModel::reload()
{
    QList<EnterpriseRow> rows;
    QHash<QString, EnterpriseBadges> badges;
    QString error;
    if (m_session && m_session->store()) {
        StoreQueries &queries = m_session->store()->queries();
        const int period = m_session->period();
        auto listed = queries.enterprises(EnterpriseQuery{m_region, period, m_search, m_filter});
        auto counted = queries.enterpriseBadges(period);
        if (listed && counted) {
            rows = std::move(listed.value());
            badges = std::move(counted.value());
        } else {
            error = listed ? counted.error().message : listed.error().message;
        }
    }
    const bool countChanges = rows.size() != m_rows.size() || error != m_error;
    beginResetModel();
    m_rows = std::move(rows);
    m_badges = std::move(badges);
    m_error = error;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

int EnterpriseListModel::indexOf(const QString &uscc) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).uscc == uscc)
            return i;
    }
    return -1;
}

int EnterpriseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EnterpriseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const EnterpriseRow &row = m_rows.at(index.row());
    switch (role) {
    case UsccRole:
        return row.uscc;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case RegionRole:
        return row.region;
    case RegionNameRole: {
        const Region *r = m_session ? m_session->regions().region(row.region) : nullptr;
        return r ? r->name.text(m_session->uiLanguage()) : row.region;
    }
    case SurveyIdRole:
        return row.surveyId;
    case SurveyStateRole:
        if (row.surveyId.isEmpty())
            return u"not_started"_s;
        return row.surveyState == u"submitted"_s ? u"submitted"_s : u"draft"_s;
    case LocalStateRole:
        return row.surveyId.isEmpty() ? QString() : localStateName(row.surveyLocalState);
    case ReviewTasksRole:
        return m_badges.value(row.uscc).reviewTasks;
    case ConflictsRole:
        return m_badges.value(row.uscc).conflicts;
    default:
        return {};
    }
}

QHash<int, QByteArray> EnterpriseListModel::roleNames() const
{
    return {{UsccRole, "uscc"},
            {NameRole, "name"},
            {RegionRole, "region"},
            {RegionNameRole, "regionName"},
            {SurveyIdRole, "surveyId"},
            {SurveyStateRole, "surveyState"},
            {LocalStateRole, "localState"},
            {ReviewTasksRole, "reviewTasks"},
            {ConflictsRole, "conflicts"}};
}

} // namespace gx
