#pragma once

#include "core/result.h"
#include "core/syncprotocol.h"
#include "sync/http/guardedtcpserver.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QSslConfiguration>

#include <functional>
#include <optional>

namespace gx::server {

using StatusCode = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

/** Machine-readable error codes of HTTP answers (besides those of gx::SyncErrorCode). */
namespace ErrorCode {
inline constexpr QLatin1StringView BadRequest{"bad_request"};
inline constexpr QLatin1StringView Unauthorized{"unauthorized"};
inline constexpr QLatin1StringView Forbidden{"forbidden"};
inline constexpr QLatin1StringView NotFound{"not_found"};
inline constexpr QLatin1StringView MethodNotAllowed{"method_not_allowed"};
inline constexpr QLatin1StringView TooManyAttempts{"too_many_attempts"};
inline constexpr QLatin1StringView Internal{"internal"};
/** 422: a target of PUT /api/v1/targets refused (unknown region or indicator, bad value). */
inline constexpr QLatin1StringView InvalidTargets{"invalid_targets"};
/** 403: the caller holds a one-time password and must set their own first. */
inline constexpr QLatin1StringView PasswordChangeRequired{"password_change_required"};
/** 409: a user name that is taken. */
inline constexpr QLatin1StringView Conflict{"conflict"};
/** 422: an account that POST /api/v1/users refuses (name, role, region, enterprise). */
inline constexpr QLatin1StringView InvalidUser{"invalid_user"};
/** 422: a new password that breaks the rules (8-256 characters, no control characters). */
inline constexpr QLatin1StringView InvalidPassword{"invalid_password"};
/** 422: POST /api/v1/password with an old password that is not right. */
inline constexpr QLatin1StringView WrongPassword{"wrong_password"};
} // namespace ErrorCode

/**
 * A failed call's answer: its status, the {"error":{"code","message","field"}} body and any extra
 * headers (Retry-After). Handlers and helpers return one instead of a response so that the body
 * is always the same shape.
 */
struct HttpError
{
    StatusCode status = StatusCode::BadRequest;
    ApiError error;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] static HttpError badRequest(const QString &message, const QString &field = {});
    /** 422: the request is well formed but a value is refused (`code` says which kind). */
    [[nodiscard]] static HttpError unprocessable(QLatin1StringView code, const QString &message,
                                                 const QString &field = {});
    [[nodiscard]] static HttpError unauthorized(const QString &message);
    [[nodiscard]] static HttpError forbidden(const QString &message);
    [[nodiscard]] static HttpError notFound(const QString &message);
    [[nodiscard]] static HttpError internal(const QString &message);
};

/** What one call allows beyond the frontend's limits. */
struct RouteOptions
{
    /** The largest body of this call; 0 takes HttpLimits::maxBodyBytes. */
    qint64 maxBodyBytes = 0;
};

/**
 * The HTTP side of gengxin-server: QHttpServer on a GuardedTcpServer (limits before buffering),
 * one log line per request (method, target as received and escaped, status, milliseconds,
 * peer), JSON answers and a JSON 404/405 for calls that do not exist.
 *
 * Features do not touch QHttpServer: each registers its calls with route() from its own
 * `registerRoutes(HttpFrontend &)` (see sync/api.h). Handlers run on the event-loop thread, one
 * at a time, and may use the server's Database. A call whose work would hold that thread (a
 * password hash, a read served by the read pool) registers with routeDeferred(): it answers
 * through a callback later, the event loop serves other connections meanwhile, and its own
 * connection takes no further request until the answer is written.
 */
class HttpFrontend : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
    /** For paths with one "<arg>" segment, e.g. "/api/v1/blobs/<arg>". */
    using ArgHandler =
        std::function<QHttpServerResponse(const QString &, const QHttpServerRequest &)>;
    /** Sends the answer of a deferred call (once; later calls are ignored). Call it on the
     * event-loop thread. */
    using Answer = std::function<void(QHttpServerResponse &&)>;
    /**
     * Starts the work of a call and answers through `answer`, now or later (e.g. from a
     * QMetaObject::invokeMethod back on the event-loop thread when work on a pool is done). The
     * request is valid only during the call: copy what the work needs.
     */
    using DeferredHandler = std::function<void(const QHttpServerRequest &, Answer answer)>;
    /** A deferred call whose path has one "<arg>" segment. */
    using ArgDeferredHandler =
        std::function<void(const QString &, const QHttpServerRequest &, Answer answer)>;

    explicit HttpFrontend(HttpLimits limits = {}, QObject *parent = nullptr);
    ~HttpFrontend() override;

    /** Registers a call; path is exact (no trailing slash, no query). */
    void route(Method method, const QString &path, Handler handler, RouteOptions options = {});
    /** Registers a call whose path has one "<arg>" segment (any characters but '/'). */
    void route(Method method, const QString &pattern, ArgHandler handler,
               RouteOptions options = {});
    /** Registers a call whose answer comes later (see DeferredHandler). */
    void routeDeferred(Method method, const QString &path, DeferredHandler handler,
                       RouteOptions options = {});
    void routeDeferred(Method method, const QString &pattern, ArgDeferredHandler handler,
                       RouteOptions options = {});
    /** Runs after every handler, before the next request: e.g. releasing database cursors. */
    void setAfterRequest(std::function<void()> afterRequest)
    {
        m_afterRequest = std::move(afterRequest);
    }

    /**
     * Starts accepting on address:port (0 picks a free port) and returns the bound port, or a
     * sentence saying why not (e.g. the port is in use). With `tls` it speaks HTTPS only (see
     * TlsIdentity::serverConfiguration()), else plain HTTP.
     */
    [[nodiscard]] Result<quint16, QString>
    listen(const QHostAddress &address, quint16 port,
           const std::optional<QSslConfiguration> &tls = std::nullopt);
    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }

    [[nodiscard]] static QHttpServerResponse json(const QJsonObject &body,
                                                  StatusCode status = StatusCode::Ok);
    [[nodiscard]] static QHttpServerResponse json(const QJsonArray &body,
                                                  StatusCode status = StatusCode::Ok);
    /** A body already written as JSON text (UTF-8). */
    [[nodiscard]] static QHttpServerResponse jsonText(const QByteArray &body,
                                                      StatusCode status = StatusCode::Ok);
    [[nodiscard]] static QHttpServerResponse error(const HttpError &error);
    /**
     * The request body as a JSON object, or the 400 to answer when it is empty, not JSON (with
     * the parser's reason and byte offset) or not an object.
     */
    [[nodiscard]] static Result<QJsonObject, HttpError>
    jsonObjectBody(const QHttpServerRequest &request);
    /** "GET", "POST", ... */
    [[nodiscard]] static QString methodName(Method method);

private:
    struct RouteInfo
    {
        Method method;
        QRegularExpression path;
        RouteOptions options;
    };
    /** What the log line of a request says about it: as received, from the connection guard. */
    struct Received
    {
        QByteArray method;
        QByteArray target;
        QHostAddress peer;
    };

    void logRequest(const Received &request, int status, qint64 millis) const;
    [[nodiscard]] static Received received(const QHttpServerRequest &request,
                                           QHttpServerResponder &responder);
    void run(const QHttpServerRequest &request, QHttpServerResponder &&responder,
             const std::function<QHttpServerResponse()> &handler);
    void runDeferred(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                     const DeferredHandler &handler);
    void answerMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /** The body limit of a request by its head: its call's, else the frontend's. */
    [[nodiscard]] qint64 bodyLimit(const RequestHead &head) const;

    HttpLimits m_limits;
    QHttpServer m_server;
    QList<RouteInfo> m_routes;
    std::function<void()> m_afterRequest;
};

} // namespace gx::server
