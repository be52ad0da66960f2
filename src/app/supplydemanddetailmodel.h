#pragma once

#include "app/officeclient.h"
#include "app/session.h"
#include "app/supplydemanddata.h"
#include "app/supplyoffermodel.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The drill-down of 供需对接 for one county and equipment category
 * (GET /api/v1/stats/supply-demand?period=YEAR&region=COUNTY&category=CODE): one row per
 * enterprise that plans renewals there, with its units, planned investment and planned rows;
 * `offers` the local products and providers that serve it. A failed or malformed answer keeps
 * what is shown and sets a Chinese error.
 */
class SupplyDemandDetailModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY queryChanged)
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY queryChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY queryChanged)
    Q_PROPERTY(QString regionName READ regionName NOTIFY queryChanged)
    Q_PROPERTY(QString categoryLabel READ categoryLabel NOTIFY queryChanged)
    /** The label without its explanation in brackets (the screen's title). */
    Q_PROPERTY(QString categoryShortLabel READ categoryShortLabel NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY detailChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
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

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
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
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool hasData() const { return m_detail.has_value(); }
    [[nodiscard]] qint64 totalUnits() const;
    [[nodiscard]] QString totalInvestmentText() const;
    [[nodiscard]] SupplyOfferModel *offers() { return &m_offers; }

    Q_INVOKABLE void refresh();
    /** The enterprises' USCCs, in order (tests). */
    Q_INVOKABLE QStringList usccs() const;
    /** Shows an answer of the server: false (error set, nothing changed) when malformed. */
    [[nodiscard]] bool load(const QJsonObject &answer);

signals:
    void sessionChanged();
    void queryChanged();
    void loadingChanged();
    void errorChanged();
    void detailChanged();
    void refreshed(bool ok);

private:
    void reload();
    /** Shows m_detail again (a new answer, or the language changed). */
    void relabel();
    void setLoading(bool loading);
    void setError(const QString &error);

    QPointer<Session> m_session;
    OfficeClient m_client;
    SupplyOfferModel m_offers;
    int m_period = 0;
    QString m_region;
    QString m_category;
    std::optional<SupplyDemandDetail> m_detail;
    QString m_error;
    bool m_loading = false;
    bool m_complete = true;
};

} // namespace gx
