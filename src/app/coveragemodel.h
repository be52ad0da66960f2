#pragma once

#include "app/officemodel.h"
#include "app/session.h"

#include <QJsonObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The office dashboard's figures (GET /api/v1/stats/coverage): one row per county and the
 * development zone in the catalog's order, with the city apart. Every figure reaches QML already
 * formatted by FigureFormatter (value, target, met or the gap, numerator and denominator, why
 * it is missing).
 *
 * The last answer of each period is kept offline (OfficeModel's offline copy), so the dashboard
 * opens offline with the last figures it saw; fromCache and lastUpdated say so. A failed refresh
 * keeps what is shown and sets a readable error. The periods it offers are OfficeModel's.
 */
class CoverageModel : public OfficeModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool hasData READ hasData NOTIFY figuresChanged)
    /** {region, name, registry, surveyed, figures: {INDICATOR: figure}} of the city. */
    Q_PROPERTY(QVariantMap city READ city NOTIFY figuresChanged)
    /** The city's figures in display order (the dashboard's cards). */
    Q_PROPERTY(QVariantList cityFigures READ cityFigures NOTIFY figuresChanged)
    /** Every indicator name, in display order. */
    Q_PROPERTY(QStringList indicators READ indicators CONSTANT)
    /** The few indicators the county table shows. */
    Q_PROPERTY(QStringList keyIndicators READ keyIndicators CONSTANT)
    /** Bumped whenever figures change: bind figure()/chart() calls to it. */
    Q_PROPERTY(int revision READ revision NOTIFY figuresChanged)

public:
    enum Role
    {
        RegionRole = Qt::UserRole + 1,
        NameRole,
        RegistryRole,
        SurveyedRole,
        FiguresRole,    ///< {INDICATOR: figure}
        KeyFiguresRole, ///< the key indicators' figures, in order
    };
    Q_ENUM(Role)

    explicit CoverageModel(QObject *parent = nullptr);
    ~CoverageModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool hasData() const { return !m_report.isEmpty(); }
    [[nodiscard]] QVariantMap city() const { return m_city; }
    [[nodiscard]] QVariantList cityFigures() const;
    [[nodiscard]] QStringList indicators() const;
    [[nodiscard]] QStringList keyIndicators() const;
    [[nodiscard]] int revision() const { return m_revision; }

    /** Asks the server for the period's figures and the periods (the cache is shown meanwhile). */
    Q_INVOKABLE void refresh();
    /** One formatted figure of a region code or the city's code; {} when unknown. */
    Q_INVOKABLE QVariantMap figure(const QString &region, const QString &indicator) const;
    /**
     * One indicator across the regions, for a chart: {label, kind, unit ("%" or ""),
     * categories: [names], values: [display units], targets: [display units, 0 without],
     * hasTarget, max (a round axis maximum)}.
     */
    Q_INVOKABLE QVariantMap chart(const QString &indicator) const;

signals:
    void figuresChanged();

protected:
    void reload() override;
    void relabel() override { rebuild(); }

private:
    struct Row
    {
        QString region;
        QString name;
        int registry = 0;
        int surveyed = 0;
        QVariantMap figures;
    };

    void applyReport(const QJsonObject &report, const QDateTime &when, bool fromCache);
    void rebuild();
    [[nodiscard]] Row rowOf(const QJsonObject &region) const;

    QJsonObject m_report;
    QList<Row> m_rows;
    QVariantMap m_city;
    int m_revision = 0;
};

} // namespace gx
