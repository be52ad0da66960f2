#pragma once

#include "devicejson.h"
#include "httpclient.h"
#include "rawhttp.h"
#include "servercommand.h"
#include "serverprocess.h"
#include "testclock.h"
#include "testworld.h"

#include "core/indicators.h"
#include "sync/api/server.h"
#include "sync/records/recordstore.h"
#include "sync/store/database.h"
#include "sync/store/userstore.h"

#include <QHash>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/**
 * Shared helpers of the server suites (tests/server), on top of those of every suite that talks
 * to a server (tests/support: the HTTP client, the server process, the JSON a device pushes, the
 * clock). Every suite runs against the backend named by GX_TEST_BACKEND: `sqlite` (a temporary
 * file per test case) or `postgres` (the database of GX_TEST_PG_URL, its schema dropped and
 * recreated per test case; scripts/with-postgres.sh provides one). A postgres run without
 * GX_TEST_PG_URL fails, it never skips.
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

/** The survey definition and regions of assets/ (GX_ASSETS_DIR), loaded once; aborts when broken.
 */
[[nodiscard]] const FormDefinition &testForm();
[[nodiscard]] const RegionCatalog &testRegions();

/** The versions of the survey definition in db, as a server holds them; aborts when unreadable. */
[[nodiscard]] server::FormVersions formVersions(server::Database &db);

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
    /** The --db URL of the database, for gengxin-server commands beside the server. */
    [[nodiscard]] QString dbUrl() const { return m_db->url(); }
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

/**
 * Puts enterprises into the registry (each pair: USCC, region; above size) through the registry
 * import, which also makes their enterprise records. Returns "" or why it failed.
 */
[[nodiscard]] QString importEnterprises(server::Database &db,
                                        const QList<QPair<QString, QString>> &usccAndRegion);

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
