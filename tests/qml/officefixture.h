#pragma once

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace gx {

class Session;

namespace test {

class TestDatabase;
class TestServer;

/**
 * The office's test city: an in-process gengxin-server on loopback with an office user and four
 * above-size enterprises of 遂昌县 (331123) whose figures are worked out by hand:
 *
 *   A 甲 submitted, digital level 2, design tools, key processes 6/10 CNC, tech invest 100 -> 120,
 *        two equipment rows
 *   B 乙 draft (digital level 3: not counted)
 *   C 丙 submitted, digital level 0, no design tools, key processes 1/4 CNC, tech invest 50 -> 50
 *   D 丁 not surveyed
 *
 * So in 331123 and in the city: digital_renovation_coverage 1/4 = 25.0 % (targets 95 % and
 * 90 %), design_tool_penetration 1/4, key_process_cnc_rate (0.6 + 0.25) / 2 = 42.5 %,
 * survey_completion 2/4, tech_invest_growth 170/150 - 1 = 13.3 % (target 15 %).
 */
class OfficeCity
{
public:
    static inline const QString kRegion = QStringLiteral("331123");
    static inline const QString kUser = QStringLiteral("office");
    static inline const QString kPassword = QStringLiteral("correct horse 9");

    OfficeCity();
    ~OfficeCity();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const;
    /** USCCs of A, B, C, D. */
    [[nodiscard]] const QStringList &usccs() const { return m_usccs; }
    /** Survey ids of A, B and C. */
    [[nodiscard]] const QStringList &surveyIds() const { return m_surveyIds; }
    /** Stops the server (the city's data stays): calls fail as with no network. */
    void stopServer();

    /** Logs the session in as the office user and waits for the first sync; "" or why not. */
    [[nodiscard]] QString login(Session &session);

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QStringList m_usccs;
    QStringList m_surveyIds;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace test

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
    /** The latest review state of a survey on the server ("" when none). */
    Q_INVOKABLE QString serverReviewState(const QString &surveyId) const;
    /** The field the latest review of a survey on the server is pinned to ("" when none). */
    Q_INVOKABLE QString serverReviewField(const QString &surveyId) const;

private:
    [[nodiscard]] QJsonObject latestServerReview(const QString &surveyId) const;

    std::unique_ptr<test::OfficeCity> m_city;
};

} // namespace gx
