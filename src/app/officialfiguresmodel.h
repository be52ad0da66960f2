#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The statistics bureau's three figures (core's officialIndicatorNames()) for the city and every
 * region of one period, as the office enters them: one row per (region, indicator), the city's
 * first, with the value entered so far (GET /api/v1/official-figures), its target (the server's,
 * GET /api/v1/targets?period=YEAR, so one the office changed shows here too), and per row the
 * server's refusal of the last save (POST /api/v1/official-figures). Values are typed and
 * shown as percents (12.5 means 12.5 %) and sent as fractions.
 */
class OfficialFiguresModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The survey year; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role
    {
        RegionRole = Qt::UserRole + 1,
        RegionNameRole,
        IndicatorRole,
        LabelRole,
        HasValueRole,
        ValueTextRole,  ///< "11.6%" or "—"
        ValueInputRole, ///< "11.6" (percent, for the edit box) or ""
        CurrentInputRole,
        BaseInputRole,
        TargetTextRole, ///< "≥ 12.0%", or "" without a target
        ErrorRole,      ///< the server's (or the local check's) refusal of the last save
        ErrorFieldRole, ///< value | current | base | ...
        SavingRole,
    };
    Q_ENUM(Role)

    explicit OfficialFiguresModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    [[nodiscard]] QString error() const { return m_error; }

    /** Reads the period's figures from the server. */
    Q_INVOKABLE void load();
    /**
     * Saves one row: the growth in percent ("12.5" or "12.5%"), and optionally the amounts
     * behind it. Returns false when refused before sending (the row's error says why).
     */
    Q_INVOKABLE bool save(int row, const QString &valuePercent, const QString &current = {},
                          const QString &base = {});

signals:
    void sessionChanged();
    void periodChanged();
    void loadingChanged();
    void errorChanged();
    /** A row was stored by the server (ok) or refused. */
    void saved(int row, bool ok);

private:
    struct Row
    {
        QString region;
        QString regionName;
        QString indicator;
        std::optional<double> value;
        std::optional<double> current;
        std::optional<double> base;
        std::optional<double> target; ///< the server's target of the period
        QString error;
        QString errorField;
        bool saving = false;
    };

    void buildRows();
    void applyFigures(const QJsonObject &answer);
    void applyTargets(const QJsonObject &answer);
    /** One of load()'s GETs ended; loading ends with the last. */
    void finishLoad();
    void setRowError(int row, const QString &error, const QString &field);
    void setError(const QString &error);

    QPointer<Session> m_session;
    OfficeClient m_loader;
    OfficeClient m_targetsLoader;
    int m_period = 0;
    QList<Row> m_rows;
    QString m_error;
    int m_pending = 0; ///< load()'s GETs still running
    bool m_complete = true;
};

} // namespace gx
