#pragma once

#include "officecity.h"

#include <QJsonObject>
#include <QObject>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace gx {
/** OfficeCity for the office's Qt Quick tests (tests/qml/office). */
class OfficeFixture : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    explicit OfficeFixture(QObject *parent = nullptr);
    ~OfficeFixture() override;

    /** Starts the city (once) and logs the current Session in as office; "" or why not. */
    Q_INVOKABLE QString startAndLogin();
    Q_INVOKABLE QStringList usccs() const;
    /** Where the tests save screenshots (GX_SCREENSHOT_DIR, else a temporary directory). */
    Q_INVOKABLE QString screenshotDir() const;
    Q_INVOKABLE QStringList surveyIds() const;
    Q_INVOKABLE QString region() const { return test::OfficeCity::kRegion; }
    /** The test server's base URL ("" before startAndLogin()). */
    Q_INVOKABLE QString serverUrl() const
    {
        return m_city ? m_city->baseUrl().toString() : QString();
    }
    /** The target the server holds for (period, region, indicator); undefined when none. */
    Q_INVOKABLE QVariant serverTarget(int period, const QString &region,
                                      const QString &indicator) const;
    /** A valid USCC of 331123 the city does not hold (OfficeCity::newUscc). */
    Q_INVOKABLE QString newUscc(int n) const { return test::OfficeCity::newUscc(n); }
    /**
     * Writes a registry CSV into the session's data directory: the header, the city's four
     * enterprises as the server holds them, then `extraLines` as they are. Returns its path.
     */
    Q_INVOKABLE QString writeRegistryFile(const QString &name, const QStringList &extraLines) const;
    /** The name of the enterprise record the server holds ("" when none). */
    Q_INVOKABLE QString serverEnterpriseName(const QString &uscc) const;
    /** The latest review state of a survey on the server ("" when none). */
    Q_INVOKABLE QString serverReviewState(const QString &surveyId) const;
    /** The field the latest review of a survey on the server is pinned to ("" when none). */
    Q_INVOKABLE QString serverReviewField(const QString &surveyId) const;

private:
    [[nodiscard]] QJsonObject latestServerReview(const QString &surveyId) const;

    std::unique_ptr<test::OfficeCity> m_city;
};

} // namespace gx
