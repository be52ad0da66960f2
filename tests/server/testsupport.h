#pragma once

#include "sync/database.h"
#include "sync/server.h"
#include "sync/userstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>

/**
 * Shared helpers of the server suites (tests/server). Every suite runs against the backend named
 * by GX_TEST_BACKEND: `sqlite` (a temporary file per test case) or `postgres` (the database of
 * GX_TEST_PG_URL, its schema dropped and recreated per test case; scripts/with-postgres.sh
 * provides one). A postgres run without GX_TEST_PG_URL fails, it never skips.
 */
namespace gx::test {

/** True when GX_TEST_BACKEND is "postgres". */
[[nodiscard]] bool usingPostgres();
/** "sqlite" or "postgres", for messages. */
[[nodiscard]] QString backendName();

/**
 * A fresh database for one test case: on SQLite a new file in a temporary directory (not yet
 * created: url() is good for `gengxin-server user add` on a new file), on PostgreSQL the test
 * database with an empty schema. db() opens and migrates a connection on first use.
 * Use in init(): `m_db = std::make_unique<TestDatabase>(); QVERIFY2(m_db->ok(), ...)`.
 */
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    /** The --db URL of this database. */
    [[nodiscard]] QString url() const { return m_url; }
    /** A migrated connection owned by this object (opened on first call; aborts if it fails). */
    [[nodiscard]] server::Database &db();
    /** Another connection to the same database, migrated: e.g. for a second server. */
    [[nodiscard]] Result<std::unique_ptr<server::Database>, server::DbError> openAnother() const;

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_error;
    std::unique_ptr<server::Database> m_db;
};

/** A clock that tests move by hand; copies share the time. Starts at 2024-11-28 12:00 UTC. */
class TestClock
{
public:
    static constexpr qint64 kStart = 1732795200000;

    TestClock();
    [[nodiscard]] qint64 now() const { return *m_now; }
    void set(qint64 millis) { *m_now = millis; }
    void advance(qint64 millis) { *m_now += millis; }
    [[nodiscard]] std::function<qint64()> function() const;

private:
    std::shared_ptr<qint64> m_now;
};

/** The survey definition and regions of assets/ (GX_ASSETS_DIR), loaded once; aborts when broken.
 */
[[nodiscard]] const FormDefinition &testForm();
[[nodiscard]] const RegionCatalog &testRegions();

/** An in-process gengxin-server on 127.0.0.1, port chosen by the system. */
class TestServer
{
public:
    explicit TestServer(server::Database &db, server::ServerConfig config = {});

    [[nodiscard]] bool ok() const { return m_port != 0; }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    [[nodiscard]] server::Server &server() { return *m_server; }

private:
    std::unique_ptr<server::Server> m_server;
    quint16 m_port = 0;
    QString m_error;
};

/** What came back from one HTTP call. status is 0 when no HTTP answer arrived. */
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QString networkError;

    /** The body as a JSON object (empty when it is not one). */
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QJsonArray jsonArray() const;
    /** error.code of an error body, or "". */
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] QString errorMessage() const;
    /** A response header (case-insensitive), or empty. */
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /** "STATUS BODY" for failure messages. */
    [[nodiscard]] QByteArray describe() const;
};

/**
 * A blocking HTTP client over QNetworkAccessManager: each call spins a local event loop (so an
 * in-process server answers meanwhile) until the reply finishes or 30 s pass.
 */
class HttpClient
{
public:
    explicit HttpClient(QUrl base);

    /** Sent as `Authorization: Bearer TOKEN` from now on ("" sends none). */
    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] const QString &token() const { return m_token; }

    [[nodiscard]] HttpResult get(const QString &pathAndQuery);
    [[nodiscard]] HttpResult postJson(const QString &path, const QJsonObject &body);
    [[nodiscard]] HttpResult post(const QString &path, const QByteArray &body,
                                  const QByteArray &contentType = "application/json");
    [[nodiscard]] HttpResult put(const QString &path, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] HttpResult send(const QByteArray &verb, const QString &pathAndQuery,
                                  const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /** POST /api/v1/login; on 200 keeps and returns the token, else returns "". */
    QString login(const QString &username, const QString &password);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

/**
 * Sends raw bytes to 127.0.0.1:port and returns everything the server sent until it closed the
 * connection or timeoutMs passed (for requests QNetworkAccessManager will not make).
 */
[[nodiscard]] QByteArray rawExchange(quint16 port, const QByteArray &request,
                                     int timeoutMs = 10000);
/** The status code of a raw HTTP answer ("HTTP/1.1 413 ..."), or 0. */
[[nodiscard]] int rawStatus(const QByteArray &response);
/** The body of a raw HTTP answer parsed as a JSON object. */
[[nodiscard]] QJsonObject rawJsonBody(const QByteArray &response);

/** Adds a user straight into the store; returns "" or why it failed. */
[[nodiscard]] QString addUser(server::Database &db, const QString &username, server::Role role,
                              const QString &password, const QString &region = {},
                              const QString &enterprise = {});

/** The gengxin-server executable under test (GX_SERVER_BIN, set by CTest). */
[[nodiscard]] QString serverBinary();

} // namespace gx::test
