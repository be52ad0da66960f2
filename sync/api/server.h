#pragma once

#include "sync/api/api.h"
#include "sync/http/httpfrontend.h"

#include <memory>
#include <vector>

namespace gx::server {

/**
 * One gengxin-server: the HTTP frontend with every feature's calls, over one Database (already
 * migrated) with the versions of the survey definition it holds (FormVersions::load()) and the
 * regions it serves. Tests create one in-process and
 * listen on 127.0.0.1 port 0; `gengxin-server serve` does the same on its --listen address.
 */
class Server
{
public:
    Server(Database &db, FormVersions forms, RegionCatalog regions, ServerConfig config = {});
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    /**
     * Opens the read pool's connections (ServerConfig::readThreads) and starts accepting;
     * returns the bound port (port 0 picks one) or why it cannot. With `tls` it speaks HTTPS
     * only.
     */
    [[nodiscard]] Result<quint16, QString>
    listen(const QHostAddress &address, quint16 port,
           const std::optional<QSslConfiguration> &tls = std::nullopt);

    [[nodiscard]] HttpFrontend &http() { return m_http; }
    [[nodiscard]] ServerContext &context() { return m_context; }

private:
    FormVersions m_forms;
    RegionCatalog m_regions;
    ServerConfig m_config;
    AuthService m_auth;
    Readers m_readers;
    ServerContext m_context;
    HttpFrontend m_http;
    std::vector<std::unique_ptr<Api>> m_apis;
    /** Ends the read pool first: its jobs use the features' handlers. */
    struct StopReaders
    {
        Readers &readers;
        ~StopReaders();
    } m_stopReaders{m_readers};
};

} // namespace gx::server
