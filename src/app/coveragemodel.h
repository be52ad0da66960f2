#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QQmlParserStatus>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The office dashboard's figures (GET /api/v1/stats/coverage): one row per county and the
 * development zone in the catalog's order, with the city apart. Every figure reaches QML already
 * formatted by FigureFormatter (value, target, met or the gap, numerator and denominator, why
 * it is missing).
 *
 * The last answer of each period is cached in the data directory, so the dashboard opens
 * offline with the last figures it saw; fromCache and lastUpdated say so. A failed refresh keeps
 * what is shown and sets a readable error.
 *
 * The periods the dashboard offers come from the server too (GET /api/v1/targets without a
 * period: every year with targets, surveys or official figures), cached the same way; the
 * period shown is always among them, so a year nobody has data for yet can still be looked at.
 */
class CoverageModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool hasData READ hasData NOTIFY figuresChanged)
    /** The figures shown are the cached ones of lastUpdated, not a fresh answer. */
    Q_PROPERTY(bool fromCache READ isFromCache NOTIFY figuresChanged)
    Q_PROPERTY(QDateTime lastUpdated READ lastUpdated NOTIFY figuresChanged)
    Q_PROPERTY(QString lastUpdatedText READ lastUpdatedText NOTIFY figuresChanged)
    /** {region, name, registry, surveyed, figures: {INDICATOR: figure}} of the city. */
    Q_PROPERTY(QVariantMap city READ city NOTIFY figuresChanged)
    /** The city's figures in display order (the dashboard's cards). */
    Q_PROPERTY(QVariantList cityFigures READ cityFigures NOTIFY figuresChanged)
    /** Every indicator name, in display order. */
    Q_PROPERTY(QStringList indicators READ indicators CONSTANT)
    /** The few indicators the county table shows. */
    Q_PROPERTY(QStringList keyIndicators READ keyIndicators CONSTANT)
    /**
     * The periods to choose from, ascending: the server's (or the cached) list with period()
     * added when it is missing.
     */
    Q_PROPERTY(QVariantList periods READ periods NOTIFY periodsChanged)
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

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool hasData() const { return !m_report.isEmpty(); }
    [[nodiscard]] bool isFromCache() const { return m_fromCache; }
    [[nodiscard]] QDateTime lastUpdated() const { return m_lastUpdated; }
    [[nodiscard]] QString lastUpdatedText() const;
    [[nodiscard]] QVariantMap city() const { return m_city; }
    [[nodiscard]] QVariantList cityFigures() const;
    [[nodiscard]] QStringList indicators() const;
    [[nodiscard]] QStringList keyIndicators() const;
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QVariantList periods() const;

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
    void sessionChanged();
    void periodChanged();
    void loadingChanged();
    void errorChanged();
    void figuresChanged();
    void periodsChanged();
    /** A refresh ended (ok: the server answered). */
    void refreshed(bool ok);

private:
    struct Row
    {
        QString region;
        QString name;
        int registry = 0;
        int surveyed = 0;
        QVariantMap figures;
    };

    void reload();
    void applyReport(const QJsonObject &report, const QDateTime &when, bool fromCache);
    void rebuild();
    [[nodiscard]] Row rowOf(const QJsonObject &region) const;
    /** DATA/office/NAME-HOST_PORTTAIL.json: a cache file of this server. */
    [[nodiscard]] QString cacheFile(const QString &name, const QString &tail = {}) const;
    [[nodiscard]] QString cachePath() const;
    [[nodiscard]] QString periodsCachePath() const;
    void refreshPeriods();
    void setPeriods(const QList<int> &periods);
    [[nodiscard]] bool loadCache();
    void writeCache(const QJsonObject &report, const QDateTime &when) const;
    void setLoading(bool loading);
    void setError(const QString &error);

    QPointer<Session> m_session;
    OfficeClient m_client;
    OfficeClient m_periodsClient;
    int m_period = 0;
    QJsonObject m_report;
    QList<Row> m_rows;
    QVariantMap m_city;
    QList<int> m_periods; ///< the server's (or cached) periods, without period() added
    QDateTime m_lastUpdated;
    QString m_error;
    int m_revision = 0;
    bool m_loading = false;
    bool m_fromCache = false;
    bool m_complete = true;
};

} // namespace gx
