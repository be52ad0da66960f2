#pragma once

#include "app/officemodel.h"
#include "app/session.h"
#include "app/supplydemanddata.h"
#include "app/supplyoffermodel.h"

#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The drill-down of 供需对接 for one county and equipment category
 * (GET /api/v1/stats/supply-demand?period=YEAR&region=COUNTY&category=CODE): one row per
 * enterprise that plans renewals there, with its units, planned investment and planned rows;
 * `offers` the local products and providers that serve it. The last good answer of each county,
 * category and period is kept offline as SupplyDemandModel's is (shown whole, marked, while the
 * server cannot be reached). A failed or malformed answer keeps what is shown and sets a Chinese
 * error.
 */
class SupplyDemandDetailModel : public OfficeModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY queryChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY queryChanged)
    Q_PROPERTY(QString regionName READ regionName NOTIFY queryChanged)
    Q_PROPERTY(QString categoryLabel READ categoryLabel NOTIFY queryChanged)
    /** The label without its explanation in brackets (the screen's title). */
    Q_PROPERTY(QString categoryShortLabel READ categoryShortLabel NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY detailChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY detailChanged)
    Q_PROPERTY(qint64 totalUnits READ totalUnits NOTIFY detailChanged)
    Q_PROPERTY(QString totalInvestmentText READ totalInvestmentText NOTIFY detailChanged)
    Q_PROPERTY(gx::SupplyOfferModel *offers READ offers CONSTANT)

public:
    enum Role
    {
        UsccRole = Qt::UserRole + 1,
        NameRole,
        SurveyRole,
        UnitsRole,
        InvestmentTextRole,
        RowsRole, ///< [{name, model, quantity, yearText, investmentText}]
    };
    Q_ENUM(Role)

    explicit SupplyDemandDetailModel(QObject *parent = nullptr);
    ~SupplyDemandDetailModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString region() const { return m_region; }
    void setRegion(const QString &region);
    [[nodiscard]] QString category() const { return m_category; }
    void setCategory(const QString &category);
    [[nodiscard]] QString regionName() const;
    [[nodiscard]] QString categoryLabel() const;
    [[nodiscard]] QString categoryShortLabel() const
    {
        return SupplyDemandParser::shortLabel(categoryLabel());
    }
    [[nodiscard]] bool hasData() const { return m_detail.has_value(); }
    [[nodiscard]] qint64 totalUnits() const;
    [[nodiscard]] QString totalInvestmentText() const;
    [[nodiscard]] SupplyOfferModel *offers() { return &m_offers; }

    Q_INVOKABLE void refresh();
    /** The enterprises' USCCs, in order (tests). */
    Q_INVOKABLE QStringList usccs() const;
    /**
     * Shows an answer of the server (read at `when`, from the offline copy or not): false
     * (error set, nothing changed) when malformed.
     */
    [[nodiscard]] bool load(const QJsonObject &answer, const QDateTime &when = {},
                            bool fromCache = false);

signals:
    void queryChanged();
    void detailChanged();

protected:
    void reload() override;
    /** Shows m_detail again (a new answer, or the language changed). */
    void relabel() override;

private:
    /** The offline copy's name tail: PERIOD-REGION-CATEGORY. */
    [[nodiscard]] QString cacheTail() const;

    SupplyOfferModel m_offers;
    QString m_region;
    QString m_category;
    std::optional<SupplyDemandDetail> m_detail;
};

} // namespace gx
