#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace gx {

class Session;

namespace test {

class TestDatabase;
class TestServer;

/**
 * The city of the office's 供需对接 tests: `gengxin-server demo` (run in-process through the
 * server's Cli, so with the demo's catalogue of providers, products and cases) on a fresh
 * database of the backend GX_TEST_BACKEND names, an in-process server on loopback port 0, and
 * an office user. What the screens must show is read from the server's own answers (api()).
 */
class SupplyDemandCity
{
public:
    static inline const QString kUser = QStringLiteral("sd-office");
    static inline const QString kPassword = QStringLiteral("correct horse 12");
    /** Enterprises of the demo city: enough for matches and gaps in several counties. */
    static constexpr int kEnterprises = 80;
    static constexpr int kPeriod = 2024;

    SupplyDemandCity();
    ~SupplyDemandCity();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QUrl baseUrl() const;

    /** GET pathAndQuery as the office user: the JSON object of a 200, else {}. */
    [[nodiscard]] QJsonObject api(const QString &pathAndQuery) const;
    /** GET pathAndQuery as the office user: the bytes of a 200, else empty. */
    [[nodiscard]] QByteArray apiBytes(const QString &pathAndQuery) const;
    /** The first sheet of a workbook as lines of tab-separated cells (the server's reader). */
    [[nodiscard]] static QStringList sheetLines(const QByteArray &xlsx);

    /** Stops the server (the database stays): the app finds it unreachable from now on. */
    void stopServer();

    /** Logs the session in as the office user and waits for the first sync; "" or why not. */
    [[nodiscard]] QString login(Session &session) const;

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QString m_error;
};

} // namespace test

} // namespace gx
