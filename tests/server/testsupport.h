#pragma once

#include "core/indicators.h"
#include "sync/api/server.h"
#include "sync/records/recordstore.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

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
    /** QNetworkReply's error code when no HTTP answer arrived (e.g. SslHandshakeFailedError). */
    QNetworkReply::NetworkError networkErrorCode = QNetworkReply::NoError;

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
    /** Used for every https:// request from now on (e.g. to trust a test certificate). */
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

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
    std::optional<QSslConfiguration> m_ssl;
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

/**
 * What most push and pull suites start from: a fresh database with two inspectors of 331102
 * ("insp", "insp2"), an office user ("office"), all with kPassword, the registry enterprises
 * enterprise() in 331102 and otherEnterprise() in 331121, an in-process server on clock(), and
 * a logged-in client per user on demand. Make one in init() (check ok()), drop it in cleanup().
 */
class SyncFixture
{
public:
    static inline const QString kPassword = QStringLiteral("correct horse 9");
    static inline const QString kRegion = QStringLiteral("331102");      ///< 莲都区
    static inline const QString kOtherRegion = QStringLiteral("331121"); ///< 青田县

    SyncFixture();
    ~SyncFixture();

    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }

    /** A client logged in as `username` (made on first use). */
    [[nodiscard]] HttpClient &client(const QString &username);
    /** POST /api/v1/sync/push as `username` from `device`. */
    [[nodiscard]] HttpResult push(const QString &username, const QString &device,
                                  const QJsonArray &mutations);
    /** The change feed's last sequence number (-1 if it cannot be read). */
    [[nodiscard]] qint64 lastSeq();

    [[nodiscard]] server::Database &db() { return m_db->db(); }
    [[nodiscard]] TestServer &server() { return *m_server; }
    [[nodiscard]] TestClock &clock() { return m_clock; }
    [[nodiscard]] const QString &enterprise() const { return m_enterprise; }
    [[nodiscard]] const QString &otherEnterprise() const { return m_otherEnterprise; }

private:
    std::unique_ptr<TestDatabase> m_db;
    TestClock m_clock;
    std::unique_ptr<TestServer> m_server;
    QHash<QString, std::shared_ptr<HttpClient>> m_clients;
    QString m_enterprise;
    QString m_otherEnterprise;
    QString m_error;
};

/** The "results" of a push answer. */
[[nodiscard]] QJsonArray pushResults(const HttpResult &result);
/** The last change of one record in a pulled list, or {}. */
[[nodiscard]] QJsonObject changeOf(const QList<QJsonObject> &changes, const QString &entity,
                                   const QString &id);
/** Any JSON value as compact text ("\"a\"", "3", "null", "{...}"). */
[[nodiscard]] QString compactJson(const QJsonValue &value);

/**
 * A real gengxin-server process (serverBinary()) serving a database on 127.0.0.1, port chosen by
 * the system: for tests that kill it or run several at once. Its log goes to a file in a
 * temporary directory (log() reads it). The destructor kills a process still running.
 */
class ServerProcess
{
public:
    explicit ServerProcess(QString dbUrl);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /** Passed to `serve` after --db and --listen by the next start(), e.g. --tls-cert FILE. */
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    /** Starts `serve` and waits for "listening on"; returns "" or why it did not come up. */
    [[nodiscard]] QString start();
    /** SIGKILL, and waits for the process to be gone. */
    void kill();
    /** SIGTERM; returns whether it exited cleanly with code 0 within 10 s. */
    [[nodiscard]] bool stop();
    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QUrl baseUrl() const;
    /** Everything the process wrote to stderr so far. */
    [[nodiscard]] QString log() const;

private:
    QString m_dbUrl;
    QTemporaryDir m_dir;
    QProcess m_process;
    QStringList m_extraArguments;
    quint16 m_port = 0;
};

/** The gengxin-server executable under test (GX_SERVER_BIN, set by CTest). */
[[nodiscard]] QString serverBinary();

// ---- Sync helpers (push, pull, blobs): the JSON a device sends and reads -------------------

/** A valid USCC registered in a county (6-digit region code), distinct for each n < 10^6. */
[[nodiscard]] QString testUscc(const QString &region, int n);
/** A new lower-case UUID, as devices make record and mutation ids. */
[[nodiscard]] QString newUuid();
/** "MILLIS:COUNTER:DEVICE", an HLC as devices write it. */
[[nodiscard]] QString hlcText(qint64 millis, const QString &device, quint32 counter = 0);
/**
 * Puts enterprises into the registry (each pair: USCC, region; above size) through the registry
 * import, which also makes their enterprise records. Returns "" or why it failed.
 */
[[nodiscard]] QString importEnterprises(server::Database &db,
                                        const QList<QPair<QString, QString>> &usccAndRegion);

/** An upsert as a device pushes it; mutationId "" makes a new one. */
[[nodiscard]] QJsonObject upsertJson(const QString &entity, const QString &id,
                                     const QJsonObject &fields, qint64 baseRev, const QString &hlc,
                                     const QString &mutationId = {});
/** A delete as a device pushes it; mutationId "" makes a new one. */
[[nodiscard]] QJsonObject deleteJson(const QString &entity, const QString &id, qint64 baseRev,
                                     const QString &hlc, const QString &mutationId = {});
/** {"device_id","mutations"}, the body of POST /api/v1/sync/push. */
[[nodiscard]] QJsonObject pushBody(const QString &deviceId, const QJsonArray &mutations);

/** The fields of a draft survey that validates (state draft). */
[[nodiscard]] QJsonObject draftSurveyFields(const QString &uscc, int period = 2024);
/** The fields of a complete survey that validates on submission (state submitted). */
[[nodiscard]] QJsonObject submittedSurveyFields(const QString &uscc, int period = 2024);
/** The fields of an equipment row of a survey that validates. */
[[nodiscard]] QJsonObject equipmentFields(const QString &surveyId,
                                          const QString &name = QStringLiteral("CNC lathe"));

/**
 * A push load of `batches` request bodies from one device: batch 0 creates one draft survey per
 * enterprise and `rows` equipment rows spread over them (quantity 1); batch b >= 1 sets every
 * row's quantity to b + 1 with base_rev b. Used by the kill and two-server suites, which check
 * that each mutation has exactly one effect.
 */
struct QuantityLoad
{
    QList<QJsonObject> batches; ///< push bodies, in order
    QStringList rows;           ///< equipment ids
};
[[nodiscard]] QuantityLoad makeQuantityLoad(const QString &device, const QStringList &enterprises,
                                            int rows, int batches);

/**
 * Pulls every page from the start as the client's user; returns the changes in order (each
 * {"entity","id","rev","deleted","fields"}), or sets *error and returns what it had.
 */
[[nodiscard]] QList<QJsonObject> pullEverything(HttpClient &client, QString *error = nullptr,
                                                int limit = 1000);

// ---- Figures helpers (stats, reviews, exports): a store filled without the sync calls --------

/**
 * Writes records straight through RecordStore in one transaction (each gets rev 1 and a new seq;
 * `deleted` ones become tombstones), as if synced. Returns "" or why it failed.
 */
[[nodiscard]] QString storeRecords(server::Database &db,
                                   const QList<server::StoredRecord> &records);
/** Inserts rows into the registry table in one transaction. Returns "" or why it failed. */
[[nodiscard]] QString storeRegistry(server::Database &db, const QList<RegistryEntry> &entries);

} // namespace gx::test
