#pragma once

#include "core/formdefinition.h"
#include "core/localizedtext.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The local supply of one county and category in the drill-down of 供需对接: the catalogue's
 * products (made in the county) and providers (of the county, serving the category), products
 * first, each as a title and a line of details in the UI language (labels of the catalogue's
 * options from the definition).
 */
class SupplyOfferModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("filled by SupplyDemandDetailModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< "product" or "provider"
        KindLabelRole,
        TitleRole,
        DetailRole,
        ContactRole,
        ExcellentRole,   ///< a provider on the province's list of excellent providers
        FirstOfKindRole, ///< a first-of-kind (首台套) product
    };
    Q_ENUM(Role)

    explicit SupplyOfferModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Shows these products and providers (catalogue fields), labelled from form. */
    void reset(const QList<QJsonObject> &products, const QList<QJsonObject> &providers,
               const FormDefinition &form, Language language);
    /** The titles, in order (tests). */
    Q_INVOKABLE QStringList titles() const;

signals:
    void countChanged();

private:
    struct Offer
    {
        QString kind;
        QString title;
        QString detail;
        QString contact;
        bool excellent = false;
        bool firstOfKind = false;
    };
    QList<Offer> m_offers;
};

} // namespace gx
