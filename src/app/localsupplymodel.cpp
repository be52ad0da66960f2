#include "app/localsupplymodel.h"

#include "app/session.h"
#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "store/devicestore.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

const QString kProduct = u"product"_s;
const QString kProvider = u"provider"_s;
const QString kEquipment = u"equipment"_s;

bool isTrue(const QJsonValue &value)
{
    return value.isBool() ? value.toBool() : value.toInt() != 0;
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

LocalSupplyModel::LocalSupplyModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void LocalSupplyModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::dataChanged, &Session::formChanged, &Session::languageChanged},
                       &LocalSupplyModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void LocalSupplyModel::setSurveyId(const QString &surveyId)
{
    if (surveyId == m_surveyId)
        return;
    m_surveyId = surveyId;
    emit surveyIdChanged();
    reload();
}

void LocalSupplyModel::reload()
{
    LocalSupply::ForSurvey answer;
    QString error;
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (store && !m_surveyId.isEmpty()) {
        auto read = LocalSupply::forSurvey(*store, m_surveyId);
        if (read)
            answer = std::move(read.value());
        else
            error = tr("The local supply could not be read: %1").arg(read.error().message);
    }
    beginResetModel();
    m_answer = std::move(answer);
    m_lastError = error;
    endResetModel();
    emit countChanged();
}

int LocalSupplyModel::gapCount() const
{
    return int(
        std::count_if(m_answer.lines.begin(), m_answer.lines.end(),
                      [](const SupplyMatch &l) { return l.kind == SupplyMatch::Kind::None; }));
}

QString LocalSupplyModel::countyName() const
{
    return regionName(m_answer.county);
}

QString LocalSupplyModel::regionName(const QString &code) const
{
    if (code.isEmpty() || !m_session)
        return {};
    const Region *region = m_session->regions().region(code);
    return region ? region->name.text(m_session->uiLanguage()) : code;
}

QString LocalSupplyModel::optionLabel(const QString &entity, const QString &field,
                                      const QString &value, const QString &fallbackEntity) const
{
    if (value.isEmpty() || !m_session)
        return value;
    for (const QString &name : {entity, fallbackEntity}) {
        const EntityDefinition *def = name.isEmpty() ? nullptr : m_session->form().entity(name);
        const FieldDefinition *f = def ? def->field(field) : nullptr;
        if (const ChoiceOption *option = f ? f->option(QJsonValue(value)) : nullptr)
            return option->label.text(m_session->uiLanguage());
    }
    return value;
}

QString LocalSupplyModel::sectionText(const PlannedCategory &demand) const
{
    const QString label = optionLabel(kEquipment, u"category"_s, demand.category);
    const QString planned =
        demand.earliestYear > 0
            ? tr("%1 planned from %2").arg(number(demand.units)).arg(demand.earliestYear)
            : tr("%1 planned").arg(number(demand.units));
    return label + u" · "_s + planned;
}

int LocalSupplyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_answer.lines.size());
}

QHash<int, QByteArray> LocalSupplyModel::roleNames() const
{
    return {{IdRole, "recordId"},
            {KindRole, "kind"},
            {CategoryRole, "category"},
            {CategoryLabelRole, "categoryLabel"},
            {SectionRole, "section"},
            {NameRole, "name"},
            {MakerRole, "maker"},
            {ModelRole, "productModel"},
            {EfficiencyLabelRole, "efficiencyLabel"},
            {FirstOfKindRole, "firstOfKind"},
            {ServicesRole, "services"},
            {ContactRole, "contact"},
            {ExcellentRole, "excellent"},
            {CountyNameRole, "countyName"},
            {SameCountyRole, "sameCounty"}};
}

QVariant LocalSupplyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_answer.lines.size() || !m_session)
        return {};
    const SupplyMatch &line = m_answer.lines.at(index.row());
    const QJsonObject &f = line.fields;
    switch (role) {
    case IdRole:
        return line.id;
    case KindRole:
        return line.kind == SupplyMatch::Kind::Product    ? kProduct
               : line.kind == SupplyMatch::Kind::Provider ? kProvider
                                                          : u"none"_s;
    case CategoryRole:
        return line.demand.category;
    case CategoryLabelRole:
        return optionLabel(kEquipment, u"category"_s, line.demand.category);
    case SectionRole:
        return sectionText(line.demand);
    case NameRole:
        return f.value("name"_L1).toString();
    case MakerRole:
        return f.value("maker"_L1).toString();
    case ModelRole:
        return f.value("model"_L1).toString();
    case EfficiencyLabelRole:
        return optionLabel(kProduct, u"efficiency_level"_s,
                           f.value("efficiency_level"_L1).toString(), kEquipment);
    case FirstOfKindRole:
        return line.kind == SupplyMatch::Kind::Product && isTrue(f.value("first_of_kind"_L1));
    case ServicesRole: {
        QStringList labels;
        for (const QJsonValue &s : f.value("services"_L1).toArray())
            labels.append(optionLabel(kProvider, u"services"_s, s.toString()));
        return labels.join(m_session->uiLanguage() == Language::Zh ? u"、"_s : u", "_s);
    }
    case ContactRole:
        return QString(f.value("contact_name"_L1).toString() + u' ' +
                       f.value("contact_phone"_L1).toString())
            .trimmed();
    case ExcellentRole:
        return line.kind == SupplyMatch::Kind::Provider && isTrue(f.value("excellent"_L1));
    case CountyNameRole:
        return regionName(line.county);
    case SameCountyRole:
        return line.sameCounty;
    default:
        return {};
    }
}

} // namespace gx
