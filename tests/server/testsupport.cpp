#include "testsupport.h"

#include "sync/cli/serverassets.h"
#include "sync/figures/registryimport.h"
#include "sync/records/coveragefacts.h"
#include "sync/records/serverschema.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace gx::test {

bool usingPostgres()
{
    return qEnvironmentVariable("GX_TEST_BACKEND") == "postgres"_L1;
}

QString backendName()
{
    return usingPostgres() ? u"postgres"_s : u"sqlite"_s;
}

TestDatabase::TestDatabase()
{
    if (!usingPostgres()) {
        if (!m_dir.isValid()) {
            m_error = u"cannot create a temporary directory"_s;
            return;
        }
        m_url = u"sqlite:"_s + m_dir.filePath(u"store.db"_s);
        return;
    }
    m_url = qEnvironmentVariable("GX_TEST_PG_URL");
    if (m_url.isEmpty()) {
        m_error = u"GX_TEST_BACKEND=postgres but GX_TEST_PG_URL is not set: run the pg suites "
                  "through scripts/with-postgres.sh (e.g. scripts/with-postgres.sh ctest -L pg)"_s;
        return;
    }
    auto admin = server::Database::open(m_url);
    if (!admin) {
        m_error = admin.error().message;
        return;
    }
    // A fresh schema per test case: everything the previous case made goes with it.
    for (const QString &statement :
         {u"DROP SCHEMA IF EXISTS public CASCADE"_s, u"CREATE SCHEMA public"_s}) {
        auto status = admin.value()->run(statement);
        if (!status) {
            m_error = u"cannot reset the PostgreSQL schema: "_s + status.error().message;
            return;
        }
    }
}

TestDatabase::~TestDatabase() = default;

server::Database &TestDatabase::db()
{
    if (!m_db) {
        auto opened = openAnother();
        if (!opened)
            qFatal("test database: %s", qUtf8Printable(opened.error().message));
        m_db = std::move(opened).value();
    }
    return *m_db;
}

Result<std::unique_ptr<server::Database>, server::DbError> TestDatabase::openAnother() const
{
    auto opened = server::Database::open(m_url);
    if (!opened)
        return opened.error();
    auto migrated =
        server::ServerSchema::apply(*opened.value(), TestClock::kStart, testRegions(), testForm());
    if (!migrated)
        return migrated.error();
    return std::move(opened).value();
}

const FormDefinition &testForm()
{
    static const FormDefinition form = [] {
        auto loaded = server::ServerAssets::loadFirstForm(server::ServerAssets::resolveDir());
        if (!loaded)
            qFatal("survey definition: %s", qUtf8Printable(loaded.error().toString()));
        return loaded.value();
    }();
    return form;
}

const RegionCatalog &testRegions()
{
    static const RegionCatalog regions = [] {
        auto loaded = server::ServerAssets::loadRegions(server::ServerAssets::resolveDir());
        if (!loaded)
            qFatal("regions: %s", qUtf8Printable(loaded.error().toString()));
        return loaded.value();
    }();
    return regions;
}

server::FormVersions formVersions(server::Database &db)
{
    auto forms = server::FormVersions::load(db);
    if (!forms)
        qFatal("form versions: %s", qUtf8Printable(forms.error().message));
    return std::move(forms).value();
}

TestServer::TestServer(server::Database &db, server::ServerConfig config)
    : m_server(
          std::make_unique<server::Server>(db, formVersions(db), testRegions(), std::move(config)))
{
    auto port = m_server->listen(QHostAddress::LocalHost, 0);
    if (port)
        m_port = port.value();
    else
        m_error = port.error();
}

QUrl TestServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString addUser(server::Database &db, const QString &username, server::Role role,
                const QString &password, const QString &region, const QString &enterprise)
{
    server::UserStore users(db, testRegions());
    auto added =
        users.add({username, role, region, enterprise, password}, u"test"_s, TestClock::kStart);
    return added ? QString() : added.error().message;
}

SyncFixture::SyncFixture()
    : m_db(std::make_unique<TestDatabase>())
{
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    server::Database &database = m_db->db();
    for (const auto &[name, role, region] :
         {std::tuple{u"insp"_s, server::Role::Inspector, kRegion},
          std::tuple{u"insp2"_s, server::Role::Inspector, kRegion},
          std::tuple{u"office"_s, server::Role::Office, QString()}}) {
        m_error = addUser(database, name, role, kPassword, region);
        if (!m_error.isEmpty())
            return;
    }
    m_enterprise = testUscc(kRegion, 1);
    m_otherEnterprise = testUscc(kOtherRegion, 2);
    m_error =
        importEnterprises(database, {{m_enterprise, kRegion}, {m_otherEnterprise, kOtherRegion}});
    if (!m_error.isEmpty())
        return;
    server::ServerConfig config;
    config.clock = m_clock.function();
    m_server = std::make_unique<TestServer>(database, config);
    if (!m_server->ok())
        m_error = m_server->error();
}

SyncFixture::~SyncFixture()
{
    m_clients.clear();
    m_server.reset();
    m_db.reset();
}

HttpClient &SyncFixture::client(const QString &username)
{
    auto &slot = m_clients[username];
    if (!slot) {
        slot = std::make_shared<HttpClient>(m_server->baseUrl());
        if (slot->login(username, kPassword).isEmpty())
            qWarning("login of %s failed", qPrintable(username));
    }
    return *slot;
}

HttpResult SyncFixture::push(const QString &username, const QString &device,
                             const QJsonArray &mutations)
{
    return client(username).postJson(u"/api/v1/sync/push"_s, pushBody(device, mutations));
}

qint64 SyncFixture::lastSeq()
{
    auto query = m_db->db().exec(u"SELECT value FROM counters WHERE name = 'seq'"_s);
    if (!query || !query.value().next())
        return -1;
    return query.value().value(0).toLongLong();
}

QString importEnterprises(server::Database &db, const QList<QPair<QString, QString>> &usccAndRegion)
{
    QList<server::RegistryRow> rows;
    int line = 2;
    for (const auto &[uscc, region] : usccAndRegion)
        rows.append({line++, uscc, u"企业 "_s + uscc.right(6), region, u"3311"_s, true});
    auto applied =
        server::RegistryImport::apply(db, rows, u"test"_s, u"test.csv"_s, TestClock::kStart);
    return applied ? QString() : applied.error().message;
}

QString storeRecords(server::Database &db, const QList<server::StoredRecord> &records)
{
    auto transaction = server::WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error().message;
    server::RecordStore store(db);
    for (qsizetype i = 0; i < records.size(); ++i) {
        server::StoredRecord record = records.at(i);
        record.fields = {};
        record.rev = 0;
        (void)server::RecordStore::applyServerChanges(
            record, records.at(i).fields,
            Hlc{TestClock::kStart, quint32(i), server::RecordStore::kServerDevice});
        record.deleted = records.at(i).deleted;
        if (auto written = store.write(record); !written)
            return written.error().message;
    }
    auto committed = transaction.value().commit();
    return committed ? QString() : committed.error().message;
}

QString storeRegistry(server::Database &db, const QList<RegistryEntry> &entries)
{
    auto transaction = server::WriteTransaction::begin(db);
    if (!transaction)
        return transaction.error().message;
    for (const RegistryEntry &entry : entries) {
        auto inserted = db.run(u"INSERT INTO registry (uscc, name, region, industry_code, "
                               "above_size, imported_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                               {entry.uscc, entry.name, entry.region, entry.industryCode,
                                entry.aboveSize ? 1 : 0, TestClock::kStart});
        if (!inserted)
            return inserted.error().message;
        // Registry writers mark the enterprise for the coverage rows (CoverageFacts).
        if (auto marked = server::CoverageFacts::markEnterprise(db, entry.uscc); !marked)
            return marked.error().message;
    }
    auto committed = transaction.value().commit();
    return committed ? QString() : committed.error().message;
}

} // namespace gx::test
