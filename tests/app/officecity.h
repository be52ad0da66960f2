#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTemporaryDir;

namespace gx {

class Session;

namespace test {

class TestDatabase;
class TestServer;

/**
 * Logs the session in at server as user and waits for its first sync (the office's device
 * store then holds its scope); "" or why not.
 */
[[nodiscard]] QString loginAndFirstSync(Session &session, const QUrl &server, const QString &user,
                                        const QString &password);

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
    /**
     * What the server holds as the targets of a period (GET /api/v1/targets?period=YEAR as the
     * office user): region code -> {INDICATOR: number}; empty when the call fails.
     */
    [[nodiscard]] QHash<QString, QJsonObject> targetsOnServer(int period) const;
    /** A valid USCC of 331123 that the city does not hold (n from 0 to 99). */
    [[nodiscard]] static QString newUscc(int n);
    /** The city's registry as CSV lines (uscc,name,region,industry_code,above_size), A to D. */
    [[nodiscard]] QStringList registryLines() const;
    /** A registry file: the header, then the lines as they are. */
    [[nodiscard]] static QByteArray registryCsv(const QStringList &lines);
    /** The name of the enterprise record the server holds ("" when none), by the office's pull. */
    [[nodiscard]] QString serverEnterpriseName(const QString &uscc) const;
    /** The `registry_imported` rows of the server's audit log, newest first (their detail). */
    [[nodiscard]] QList<QJsonObject> registryAudit() const;
    /** Stops the server (the city's data stays): calls fail as with no network. */
    void stopServer();

    /** Logs the session in as the office user and waits for the first sync; "" or why not. */
    [[nodiscard]] QString login(Session &session);

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QStringList m_usccs;
    QStringList m_names;
    QStringList m_surveyIds;
    QUrl m_baseUrl;
    QString m_error;
};

/**
 * What every office suite of tests/app starts from: a Session in its own temporary data
 * directory, logged in to a fresh OfficeCity as its office user, after the first sync.
 */
class OfficeDesk
{
public:
    OfficeDesk();
    ~OfficeDesk();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] OfficeCity &city() { return *m_city; }
    [[nodiscard]] Session &session() { return *m_session; }
    /** A path inside the session's temporary data directory. */
    [[nodiscard]] QString filePath(const QString &name) const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OfficeCity> m_city;
    std::unique_ptr<Session> m_session;
    QString m_error;
};

} // namespace test

} // namespace gx
