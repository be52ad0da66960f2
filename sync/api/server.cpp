#include "sync/api/server.h"

#include "sync/api/auditapi.h"
#include "sync/api/authapi.h"
#include "sync/api/blobapi.h"
#include "sync/api/catalogapi.h"
#include "sync/api/catalogueimportapi.h"
#include "sync/api/exportapi.h"
#include "sync/api/formsapi.h"
#include "sync/api/logging.h"
#include "sync/api/officialfiguresapi.h"
#include "sync/api/registryapi.h"
#include "sync/api/reviewapi.h"
#include "sync/api/statsapi.h"
#include "sync/api/supplydemandapi.h"
#include "sync/api/syncapi.h"
#include "sync/api/targetsapi.h"
#include "sync/api/usersapi.h"
#include "sync/store/statementcache.h"

using namespace Qt::StringLiterals;

namespace gx::server {

Server::Server(Database &db, FormVersions forms, RegionCatalog regions, ServerConfig config)
    : m_forms(std::move(forms))
    , m_regions(std::move(regions))
    , m_config(std::move(config))
    , m_auth(db, m_config.auth, m_config.clock)
    , m_readers(db, m_config.readThreads)
    , m_context{db, m_forms, m_regions, m_config, m_auth, m_readers}
    , m_http(m_config.http)
{
    // The features of the server, one class each; add new ones here.
    m_apis.push_back(std::make_unique<AuthApi>(m_context));
    m_apis.push_back(std::make_unique<CatalogApi>(m_context));
    m_apis.push_back(std::make_unique<FormsApi>(m_context));
    m_apis.push_back(std::make_unique<StatsApi>(m_context));
    m_apis.push_back(std::make_unique<SupplyDemandApi>(m_context));
    m_apis.push_back(std::make_unique<OfficialFiguresApi>(m_context));
    m_apis.push_back(std::make_unique<TargetsApi>(m_context));
    m_apis.push_back(std::make_unique<RegistryApi>(m_context));
    m_apis.push_back(std::make_unique<CatalogueImportApi>(m_context));
    m_apis.push_back(std::make_unique<ReviewApi>(m_context));
    m_apis.push_back(std::make_unique<ExportApi>(m_context));
    m_apis.push_back(std::make_unique<AuditApi>(m_context));
    m_apis.push_back(std::make_unique<UsersApi>(m_context));
    m_apis.push_back(std::make_unique<SyncApi>(m_context));
    m_apis.push_back(std::make_unique<BlobApi>(m_context));

    for (const auto &api : m_apis)
        api->registerRoutes(m_http);
    // Statements stay prepared across requests; their results must not outlive one.
    m_http.setAfterRequest([&db] { db.statements().finishAll(); });
    if (auto background = db.checkpointInBackground(); !background) {
        qCWarning(lcApi, "WAL checkpoints stay in the commits: %s",
                  qUtf8Printable(background.error().message));
    }
}

Server::~Server() = default;

Server::StopReaders::~StopReaders()
{
    readers.stop();
}

Result<quint16, QString> Server::listen(const QHostAddress &address, quint16 port,
                                        const std::optional<QSslConfiguration> &tls)
{
    if (auto started = m_readers.start(); !started)
        return QString(u"cannot open the read pool's connections: "_s + started.error().message);
    return m_http.listen(address, port, tls);
}

} // namespace gx::server
