#pragma once

#include "supplydemandcity.h"

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace gx {

/** SupplyDemandCity for the Qt Quick suite of 供需对接 (tests/qml/supplydemand). */
class SupplyDemandFixture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit SupplyDemandFixture(QObject *parent = nullptr);
    ~SupplyDemandFixture() override;

    /** Starts the city (once) and logs the current Session in as office; "" or why not. */
    Q_INVOKABLE QString startAndLogin();
    Q_INVOKABLE int period() const { return test::SupplyDemandCity::kPeriod; }
    /** GET /api/v1/stats/supply-demand?period=YEAR as the server answers it. */
    Q_INVOKABLE QVariantMap report(int period) const;
    /** The drill-down of a county and category as the server answers it. */
    Q_INVOKABLE QVariantMap detail(int period, const QString &region,
                                   const QString &category) const;
    /** The server's workbook of the period, its first sheet as tab-separated lines. */
    Q_INVOKABLE QStringList exportLines(int period) const;
    /** A workbook file's first sheet as tab-separated lines (the server's reader). */
    Q_INVOKABLE QStringList fileLines(const QString &path) const;
    /** Stops the city's server (its database stays): the app finds it unreachable. */
    Q_INVOKABLE void stopServer();
    /** Where the tests save screenshots (GX_SCREENSHOT_DIR, else a temporary directory). */
    Q_INVOKABLE QString screenshotDir() const;

private:
    std::unique_ptr<test::SupplyDemandCity> m_city;
};

} // namespace gx
