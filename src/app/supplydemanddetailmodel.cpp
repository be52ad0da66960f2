#include "app/supplydemanddetailmodel.h"

#include "app/figureformatter.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx {

SupplyDemandDetailModel::SupplyDemandDetailModel(QObject *parent)
    : OfficeModel(parent)
{}

SupplyDemandDetailModel::~SupplyDemandDetailModel() = default;

int SupplyDemandDetailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_detail ? 0 : int(m_detail->enterprises.size());
}

QVariant SupplyDemandDetailModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_detail || index.row() >= m_detail->enterprises.size())
        return {};
    const DemandEnterprise &e = m_detail->enterprises.at(index.row());
    qint64 units = 0;
    double investment = 0;
    for (const PlannedRenewal &row : e.rows) {
        units += row.quantity;
        investment += row.investment.value_or(0);
    }
    switch (role) {
    case UsccRole:
        return e.uscc;
    case NameRole:
    case Qt::DisplayRole:
        return e.name.isEmpty() ? e.uscc : e.name;
    case SurveyRole:
        return e.survey;
    case UnitsRole:
        return units;
    case InvestmentTextRole:
        return SupplyDemandParser::investmentText(investment);
    case RowsRole: {
        QVariantList rows;
        for (const PlannedRenewal &row : e.rows) {
            rows.append(QVariantMap{
                {u"name"_s, row.name.isEmpty() ? categoryLabel() : row.name},
                {u"model"_s, row.model},
                {u"quantity"_s, row.quantity},
                {u"yearText"_s, row.plannedYear > 0 ? tr("renewal in %1").arg(row.plannedYear)
                                                    : tr("year not given")},
                {u"investmentText"_s, row.investment
                                          ? SupplyDemandParser::investmentText(*row.investment)
                                          : tr("investment not given")}});
        }
        return rows;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SupplyDemandDetailModel::roleNames() const
{
    return {{UsccRole, "uscc"},
            {NameRole, "name"},
            {SurveyRole, "survey"},
            {UnitsRole, "units"},
            {InvestmentTextRole, "investmentText"},
            {RowsRole, "rows"}};
}

void SupplyDemandDetailModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    emit queryChanged();
    reload();
}

void SupplyDemandDetailModel::setCategory(const QString &category)
{
    if (category == m_category)
        return;
    m_category = category;
    emit queryChanged();
    reload();
}

QString SupplyDemandDetailModel::regionName() const
{
    if (!session())
        return m_region;
    const Region *region = session()->regions().region(m_region);
    return region ? region->name.text(session()->uiLanguage()) : m_region;
}

QString SupplyDemandDetailModel::categoryLabel() const
{
    return session() ? SupplyDemandParser::categoryLabel(session()->form(), m_category,
                                                         session()->uiLanguage())
                     : m_category;
}

qint64 SupplyDemandDetailModel::totalUnits() const
{
    qint64 units = 0;
    if (m_detail) {
        for (const DemandEnterprise &e : m_detail->enterprises) {
            for (const PlannedRenewal &row : e.rows)
                units += row.quantity;
        }
    }
    return units;
}

QString SupplyDemandDetailModel::totalInvestmentText() const
{
    double investment = 0;
    if (m_detail) {
        for (const DemandEnterprise &e : m_detail->enterprises) {
            for (const PlannedRenewal &row : e.rows)
                investment += row.investment.value_or(0);
        }
    }
    return SupplyDemandParser::investmentText(investment);
}

QStringList SupplyDemandDetailModel::usccs() const
{
    QStringList out;
    if (m_detail) {
        for (const DemandEnterprise &e : m_detail->enterprises)
            out.append(e.uscc);
    }
    return out;
}

void SupplyDemandDetailModel::reload()
{
    if (!isReady())
        return;
    client().abort();
    setLoading(false);
    if (m_region.isEmpty() || m_category.isEmpty())
        return;
    if (m_detail && (m_detail->region != m_region || m_detail->category != m_category ||
                     m_detail->period != period())) {
        beginResetModel();
        m_detail.reset();
        endResetModel();
        m_offers.reset({}, {}, session()->form(), session()->uiLanguage());
        setAnswerTime({}, false);
        emit detailChanged();
    }
    // The offline copy of this question meanwhile, if one is kept.
    if (const auto cached = readCache(u"supply-demand-detail"_s, cacheTail()))
        (void)load(cached->answer, cached->fetchedAt, true);
    setError({});
    refresh();
}

QString SupplyDemandDetailModel::cacheTail() const
{
    return u"%1-%2-%3"_s.arg(period()).arg(m_region, m_category);
}

void SupplyDemandDetailModel::refresh()
{
    if (!session() || m_region.isEmpty() || m_category.isEmpty())
        return;
    QUrlQuery query;
    query.addQueryItem(u"period"_s, QString::number(period()));
    query.addQueryItem(u"region"_s, m_region);
    query.addQueryItem(u"category"_s, m_category);
    setLoading(true);
    const int asked = period();
    const QString region = m_region;
    const QString category = m_category;
    client().get(u"/api/v1/stats/supply-demand?"_s + query.toString(QUrl::FullyEncoded),
                 [this, asked, region, category](const OfficeReply &r) {
                     setLoading(false);
                     if (asked != period() || region != m_region || category != m_category)
                         return;
                     if (!r.ok()) {
                         setError(r.message);
                         emit refreshed(false);
                         return;
                     }
                     const QDateTime fetched = now();
                     const bool read = load(r.json, fetched, false);
                     // Only a good answer replaces the offline copy.
                     if (read)
                         writeCache(u"supply-demand-detail"_s, cacheTail(), r.json, fetched);
                     emit refreshed(read);
                 });
}

bool SupplyDemandDetailModel::load(const QJsonObject &answer, const QDateTime &when, bool fromCache)
{
    auto parsed = SupplyDemandParser::detail(answer, period(), m_region, m_category);
    if (!parsed) {
        setError(parsed.error().message);
        return false;
    }
    setError({});
    m_detail = std::move(parsed).value();
    setAnswerTime(when, fromCache);
    relabel();
    return true;
}

void SupplyDemandDetailModel::relabel()
{
    beginResetModel();
    endResetModel();
    if (session() && m_detail)
        m_offers.reset(m_detail->products, m_detail->providers, session()->form(),
                       session()->uiLanguage());
    emit queryChanged(); // the names of the county and category
    emit detailChanged();
}

} // namespace gx
