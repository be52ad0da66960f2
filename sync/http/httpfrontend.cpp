#include "sync/http/httpfrontend.h"

#include "sync/http/connectionguard.h"
#include "sync/http/logging.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>

#include <exception>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

HttpError makeError(StatusCode status, QLatin1StringView code, const QString &message,
                    const QString &field = {})
{
    return HttpError{status, ApiError{QString(code), message, field}, {}};
}

/** "/api/v1/blobs/<arg>" -> ^/api/v1/blobs/[^/]+$ */
QRegularExpression pathExpression(const QString &pattern)
{
    QString expression = QRegularExpression::escape(pattern);
    expression.replace(QRegularExpression::escape(u"<arg>"_s), u"[^/]+"_s);
    return QRegularExpression(u'^' + expression + u'$');
}

} // namespace

HttpError HttpError::badRequest(const QString &message, const QString &field)
{
    return makeError(StatusCode::BadRequest, ErrorCode::BadRequest, message, field);
}

HttpError HttpError::unprocessable(QLatin1StringView code, const QString &message,
                                   const QString &field)
{
    return makeError(StatusCode::UnprocessableEntity, code, message, field);
}

HttpError HttpError::unauthorized(const QString &message)
{
    return makeError(StatusCode::Unauthorized, ErrorCode::Unauthorized, message);
}

HttpError HttpError::forbidden(const QString &message)
{
    return makeError(StatusCode::Forbidden, ErrorCode::Forbidden, message);
}

HttpError HttpError::notFound(const QString &message)
{
    return makeError(StatusCode::NotFound, ErrorCode::NotFound, message);
}

HttpError HttpError::internal(const QString &message)
{
    return makeError(StatusCode::InternalServerError, ErrorCode::Internal, message);
}

HttpFrontend::HttpFrontend(HttpLimits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_server.setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            answerMissing(request, std::move(responder));
        });
}

HttpFrontend::~HttpFrontend() = default;

QString HttpFrontend::methodName(Method method)
{
    const char *key = QMetaEnum::fromType<Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : u"UNKNOWN"_s;
}

void HttpFrontend::logRequest(const Received &request, int status, qint64 millis) const
{
    // What the client sent, escaped: a decoded %0a or a raw ESC must not forge a line or reach
    // a terminal.
    qCInfo(lcHttp, "%s %s %d %lld ms %s",
           HttpRequestReader::escapedForLog(request.method, 16).constData(),
           HttpRequestReader::escapedForLog(request.target).constData(), status,
           static_cast<long long>(millis), qUtf8Printable(request.peer.toString()));
}

HttpFrontend::Received HttpFrontend::received(const QHttpServerRequest &request,
                                              QHttpServerResponder &responder)
{
    if (const ConnectionGuard *guard = ConnectionGuard::of(responder.socket())) {
        if (const RequestHead *head = guard->current())
            return Received{head->method, head->target, request.remoteAddress()};
    }
    return Received{methodName(request.method()).toLatin1(),
                    request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                    request.remoteAddress()};
}

void HttpFrontend::run(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                       const std::function<QHttpServerResponse()> &handler)
{
    QElapsedTimer timer;
    timer.start();
    QHttpServerResponse response = [&handler]() -> QHttpServerResponse {
        try {
            return handler();
        } catch (const std::exception &e) {
            qCCritical(lcHttp, "handler failed: %s", e.what());
            return error(HttpError::internal(u"The server failed to answer; see its log."_s));
        }
    }();
    if (m_afterRequest)
        m_afterRequest();
    logRequest(received(request, responder), int(response.statusCode()), timer.elapsed());
    response.write(std::move(responder));
}

void HttpFrontend::runDeferred(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                               const DeferredHandler &handler)
{
    QElapsedTimer timer;
    timer.start();
    const Received what = received(request, responder);
    // The request object is reused for the connection's next request and the socket may go
    // before the answer: only copies and guarded pointers go into the answer.
    QPointer<QTcpSocket> socket = responder.socket();
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->deferAnswer();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    auto done = std::make_shared<bool>(false);
    QPointer<HttpFrontend> self = this;
    Answer answer = [self, what, timer, socket, held, done](QHttpServerResponse &&response) {
        if (*done || !self)
            return;
        *done = true;
        if (self->m_afterRequest)
            self->m_afterRequest();
        self->logRequest(what, int(response.statusCode()), timer.elapsed());
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        response.write(std::move(*held));
        if (ConnectionGuard *guard = ConnectionGuard::of(socket))
            guard->answered();
    };
    try {
        handler(request, answer);
    } catch (const std::exception &e) {
        qCCritical(lcHttp, "handler failed: %s", e.what());
        answer(error(HttpError::internal(u"The server failed to answer; see its log."_s)));
    }
    if (m_afterRequest)
        m_afterRequest();
}

qint64 HttpFrontend::bodyLimit(const RequestHead &head) const
{
    for (const RouteInfo &route : std::as_const(m_routes)) {
        if (methodName(route.method).toLatin1() == head.method && route.options.maxBodyBytes > 0 &&
            route.path.match(head.path).hasMatch())
            return route.options.maxBodyBytes;
    }
    return m_limits.maxBodyBytes;
}

void HttpFrontend::route(Method method, const QString &path, Handler handler, RouteOptions options)
{
    m_routes.append(RouteInfo{method, pathExpression(path), options});
    m_server.route(path, method,
                   [this, handler = std::move(handler)](const QHttpServerRequest &r,
                                                        QHttpServerResponder &&responder) {
                       run(r, std::move(responder), [&] { return handler(r); });
                   });
}

void HttpFrontend::route(Method method, const QString &pattern, ArgHandler handler,
                         RouteOptions options)
{
    m_routes.append(RouteInfo{method, pathExpression(pattern), options});
    m_server.route(pattern, method,
                   [this, handler = std::move(handler)](const QString &arg,
                                                        const QHttpServerRequest &r,
                                                        QHttpServerResponder &&responder) {
                       run(r, std::move(responder), [&] { return handler(arg, r); });
                   });
}

void HttpFrontend::routeDeferred(Method method, const QString &path, DeferredHandler handler,
                                 RouteOptions options)
{
    m_routes.append(RouteInfo{method, pathExpression(path), options});
    m_server.route(path, method,
                   [this, handler = std::move(handler)](const QHttpServerRequest &r,
                                                        QHttpServerResponder &&responder) {
                       runDeferred(r, std::move(responder), handler);
                   });
}

void HttpFrontend::routeDeferred(Method method, const QString &pattern, ArgDeferredHandler handler,
                                 RouteOptions options)
{
    m_routes.append(RouteInfo{method, pathExpression(pattern), options});
    m_server.route(
        pattern, method,
        [this, handler = std::move(handler)](const QString &arg, const QHttpServerRequest &r,
                                             QHttpServerResponder &&responder) {
            runDeferred(r, std::move(responder),
                        [&arg, &handler](const QHttpServerRequest &request, Answer answer) {
                            handler(arg, request, std::move(answer));
                        });
        });
}

void HttpFrontend::answerMissing(const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder)
{
    const QString path = request.url().path();
    const QString method = methodName(request.method());
    QStringList allowed;
    for (const RouteInfo &route : std::as_const(m_routes)) {
        if (route.path.match(path).hasMatch())
            allowed.append(methodName(route.method));
    }
    HttpError failure =
        allowed.isEmpty()
            ? HttpError::notFound(u"There is no call %1 %2."_s.arg(method, path.left(200)))
            : makeError(
                  StatusCode::MethodNotAllowed, ErrorCode::MethodNotAllowed,
                  u"%1 takes %2, not %3."_s.arg(path.left(200), allowed.join(u", "_s), method));
    const QByteArray body = QJsonDocument(failure.error.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray allow = allowed.join(u", "_s).toLatin1();
    logRequest(received(request, responder), int(failure.status), 0);
    if (allowed.isEmpty())
        responder.write(body, {{"Content-Type", "application/json"}}, failure.status);
    else
        responder.write(body, {{"Content-Type", "application/json"}, {"Allow", allow}},
                        failure.status);
}

Result<quint16, QString> HttpFrontend::listen(const QHostAddress &address, quint16 port,
                                              const std::optional<QSslConfiguration> &tls)
{
    auto *tcp = new GuardedTcpServer(
        m_limits, [this](const RequestHead &head) { return bodyLimit(head); }, this);
    if (tls)
        tcp->setTlsConfiguration(*tls);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why);
    }
    connect(tcp, &GuardedTcpServer::rejected, this,
            [this](const QByteArray &method, const QByteArray &target, int status,
                   const QHostAddress &peer) {
                logRequest(Received{method, target, peer}, status, 0);
            });
    m_server.bind(tcp);
    return tcp->serverPort();
}

QHttpServerResponse HttpFrontend::json(const QJsonObject &body, StatusCode status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse HttpFrontend::json(const QJsonArray &body, StatusCode status)
{
    return QHttpServerResponse(body, status);
}

QHttpServerResponse HttpFrontend::jsonText(const QByteArray &body, StatusCode status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

QHttpServerResponse HttpFrontend::error(const HttpError &error)
{
    QHttpServerResponse response(error.error.toJson(), error.status);
    for (const auto &[name, value] : error.headers)
        response.addHeader(name, value);
    return response;
}

Result<QJsonObject, HttpError> HttpFrontend::jsonObjectBody(const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    if (body.trimmed().isEmpty())
        return HttpError::badRequest(u"The request needs a JSON object as its body."_s);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return HttpError::badRequest(u"The body is not valid JSON: %1 at byte %2."_s.arg(
            parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!document.isObject())
        return HttpError::badRequest(u"The body must be a JSON object."_s);
    return document.object();
}

} // namespace gx::server
