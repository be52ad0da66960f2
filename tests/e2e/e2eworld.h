#pragma once

#include "testdevice.h"

#include "devicejson.h"
#include "httpclient.h"
#include "servercommand.h"
#include "serverprocess.h"
#include "testworld.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

/** Fails the test function when expression, "" or why something failed, is not empty. */
#define GX_EMPTY(expression)                                                                       \
    do {                                                                                           \
        const QString gxWhy_ = (expression);                                                       \
        QVERIFY2(gxWhy_.isEmpty(), qPrintable(gxWhy_));                                            \
    } while (false)

namespace gx::e2e {

/**
 * The world the end-to-end suites share: one gengxin-server process over a fresh database (a
 * SQLite file, or with GX_TEST_BACKEND=postgres the empty schema of GX_TEST_PG_URL, as
 * scripts/with-postgres.sh gives it; backend()), set up through its own command line (`registry
 * import`, `user add`): a registry of two counties (test::kRegion, test::kOtherRegion), inspectors
 * of each ("insp.a", "insp.b" of the first, "insp.c" of the other), an office user ("office"), all
 * with test::kPassword, and devices made on demand (each with its own store file), all over
 * loopback.
 */
class E2eWorld
{
public:
    /** enterprise(1..kEnterprises) are in kRegion, otherEnterprise(1..kOtherEnterprises) in
     * kOtherRegion. */
    static constexpr int kEnterprises = 12;
    static constexpr int kOtherEnterprises = 3;

    E2eWorld();

    /**
     * Sets everything up and starts the server; returns "" or why it failed. enterprises: how
     * many of kRegion the registry holds (at least kEnterprises).
     */
    [[nodiscard]] QString setUp(int enterprises = kEnterprises);

    [[nodiscard]] test::ServerProcess &server() { return m_server; }
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }
    /** The server's SQLite file (with the SQLite backend). */
    [[nodiscard]] QString serverDbPath() const;
    /** The server's --db URL. */
    [[nodiscard]] const QString &serverDbUrl() const { return m_dbUrl; }
    /** "sqlite" or "postgres" (GX_TEST_BACKEND). */
    [[nodiscard]] static QString backend();

    /**
     * A new device (own store) of the user, logged in; nullptr and *why on failure. via: the URL
     * the device talks to (a proxy), else the server's. A login that fails on the way (not a
     * refusal) is tried again, up to 20 times.
     */
    [[nodiscard]] std::unique_ptr<TestDevice> device(const QString &user, const QString &deviceId,
                                                     QString *why,
                                                     SyncOptions options = fastSyncOptions(),
                                                     const QUrl &via = {});
    /** A new device store path in the world's directory. */
    [[nodiscard]] QString storePath(const QString &deviceId);

    /** The office user's view of the server: every record by "entity/id". */
    [[nodiscard]] QHash<QString, QJsonObject> officeView(QString *why);
    /** A blocking client logged in as the office user. */
    [[nodiscard]] test::HttpClient &office() { return *m_office; }

    /** The USCC of enterprise n of kRegion (see kEnterprises). */
    [[nodiscard]] static QString enterprise(int n);
    /** The USCC of enterprise n of kOtherRegion. */
    [[nodiscard]] static QString otherEnterprise(int n);

private:
    /** With PostgreSQL: drops and recreates the schema, so the world starts empty. */
    [[nodiscard]] QString resetDatabase();

    QTemporaryDir m_dir;
    QString m_dbUrl;
    test::ServerProcess m_server;
    std::unique_ptr<test::HttpClient> m_office;
    int m_stores = 0;
};

/** The conflict records of a view whose record_id is id, as "field:lost_value:reason". */
[[nodiscard]] QStringList conflictsIn(const QHash<QString, QJsonObject> &view, const QString &id);

} // namespace gx::e2e
