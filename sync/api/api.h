#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "core/syncprotocol.h"
#include "sync/api/authservice.h"
#include "sync/api/readers.h"
#include "sync/http/guardedtcpserver.h"
#include "sync/records/formstore.h"
#include "sync/store/database.h"

#include <QDateTime>

#include <functional>

namespace gx::server {

class HttpFrontend;

/** Everything that tunes one server; the defaults are production's. */
struct ServerConfig
{
    /** Unix milliseconds; tests inject their own to expire tokens. */
    std::function<qint64()> clock = [] {
        return QDateTime::currentMSecsSinceEpoch();
    };
    AuthConfig auth;
    HttpLimits http;
    ProtocolLimits protocol;
    /**
     * Threads of the read pool (Readers), each with a reader connection of its own; 0 reads on
     * the event loop with the writer's connection (`serve --read-threads N`).
     */
    int readThreads = ReadPool::defaultThreads();
};

/**
 * What every feature of the server shares: the database (the writer's connection, used on the
 * event-loop thread only), the read pool whose handlers get a reader connection instead
 * (Readers), the versions of the survey definition (read from the database at
 * start, a new one added when published) and the region catalog loaded at start, the
 * configuration, and authentication.
 */
struct ServerContext
{
    Database &db;
    FormVersions &forms;
    const RegionCatalog &regions;
    const ServerConfig &config;
    AuthService &auth;
    Readers &readers;

    [[nodiscard]] qint64 now() const { return config.clock(); }
};

/**
 * One feature's HTTP calls. A feature is a class of its own (AuthApi, CatalogApi, SyncApi, ...)
 * holding a ServerContext& and registering its routes; Server lists the features.
 *
 * To add a call: in its feature's registerRoutes(), `http.route(Method::Get, u"/api/v1/x"_s,
 * [this](const QHttpServerRequest &r) { return x(r); });` and in the handler start with
 * `auto user = m_ctx.auth.requireUser(r); if (!user) return HttpFrontend::error(user.error());`.
 * To add a feature: derive from Api and add one line to Server's constructor (sync/server.cpp).
 */
class Api
{
public:
    virtual ~Api() = default;
    virtual void registerRoutes(HttpFrontend &http) = 0;
};

} // namespace gx::server
