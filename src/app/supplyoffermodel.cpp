#include "app/supplyoffermodel.h"

#include "app/figureformatter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** The label of an option of entity.field in the definition (the value itself when unknown). */
QString optionLabel(const FormDefinition &form, const QString &entity, const QString &field,
                    const QJsonValue &value, Language language)
{
    if (const EntityDefinition *e = form.entity(entity)) {
        if (const FieldDefinition *f = e->field(field)) {
            if (const ChoiceOption *option = f->option(value))
                return option->label.text(language);
        }
    }
    return value.toVariant().toString();
}

} // namespace

SupplyOfferModel::SupplyOfferModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int SupplyOfferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_offers.size());
}

QVariant SupplyOfferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_offers.size())
        return {};
    const Offer &offer = m_offers.at(index.row());
    switch (role) {
    case KindRole:
        return offer.kind;
    case KindLabelRole:
        return offer.kind == u"product"_s ? tr("Product") : tr("Provider");
    case TitleRole:
    case Qt::DisplayRole:
        return offer.title;
    case DetailRole:
        return offer.detail;
    case ContactRole:
        return offer.contact;
    case ExcellentRole:
        return offer.excellent;
    case FirstOfKindRole:
        return offer.firstOfKind;
    default:
        return {};
    }
}

QHash<int, QByteArray> SupplyOfferModel::roleNames() const
{
    return {{KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {TitleRole, "title"},
            {DetailRole, "detail"},
            {ContactRole, "contact"},
            {ExcellentRole, "excellent"},
            {FirstOfKindRole, "firstOfKind"}};
}

void SupplyOfferModel::reset(const QList<QJsonObject> &products,
                             const QList<QJsonObject> &providers, const FormDefinition &form,
                             Language language)
{
    beginResetModel();
    m_offers.clear();
    for (const QJsonObject &p : products) {
        Offer offer{u"product"_s, p.value("name"_L1).toString(),       {}, {},
                    false,        p.value("first_of_kind"_L1).toBool()};
        QStringList parts{p.value("maker"_L1).toString()};
        if (const QString model = p.value("model"_L1).toString(); !model.isEmpty())
            parts.append(tr("model %1").arg(model));
        if (const QJsonValue level = p.value("efficiency_level"_L1); level.isString())
            parts.append(optionLabel(form, u"product"_s, u"efficiency_level"_s, level, language));
        const QJsonValue low = p.value("price_min_10k"_L1);
        const QJsonValue high = p.value("price_max_10k"_L1);
        if (low.isDouble() && high.isDouble())
            parts.append(tr("%1–%2 (10k yuan)")
                             .arg(FigureFormatter::number(low.toDouble()),
                                  FigureFormatter::number(high.toDouble())));
        parts.removeAll(QString());
        offer.detail = parts.join(u" · "_s);
        m_offers.append(offer);
    }
    for (const QJsonObject &p : providers) {
        Offer offer{
            u"provider"_s, p.value("name"_L1).toString(), {}, {}, p.value("excellent"_L1).toBool(),
            false};
        QStringList services;
        for (const QJsonValue &s : p.value("services"_L1).toArray())
            services.append(optionLabel(form, u"provider"_s, u"services"_s, s, language));
        offer.detail = services.join(language == Language::Zh ? u"、"_s : u", "_s);
        QStringList contact{p.value("contact_name"_L1).toString(),
                            p.value("contact_phone"_L1).toString()};
        contact.removeAll(QString());
        offer.contact = contact.join(u' ');
        m_offers.append(offer);
    }
    endResetModel();
    emit countChanged();
}

QStringList SupplyOfferModel::titles() const
{
    QStringList out;
    for (const Offer &offer : m_offers)
        out.append(offer.title);
    return out;
}

} // namespace gx
