#include "sync/http/httpfrontend.h"

#include "sync/http/logging.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMetaEnum>

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

void HttpFrontend::logRequest(const QString &method, const QString &path, int status, qint64 millis,
                              const QHostAddress &peer) const
{
    qCInfo(lcHttp, "%s %s %d %lld ms %s", qUtf8Printable(method), qUtf8Printable(path.left(200)),
           status, static_cast<long long>(millis), qUtf8Printable(peer.toString()));
}

QHttpServerResponse HttpFrontend::run(const QHttpServerRequest &request,
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
    logRequest(methodName(request.method()), request.url().path(), int(response.statusCode()),
               timer.elapsed(), request.remoteAddress());
    return response;
}

void HttpFrontend::route(Method method, const QString &path, Handler handler)
{
    m_routes.append(RouteInfo{method, pathExpression(path)});
    m_server.route(path, method, [this, handler = std::move(handler)](const QHttpServerRequest &r) {
        return run(r, [&] { return handler(r); });
    });
}

void HttpFrontend::route(Method method, const QString &pattern, ArgHandler handler)
{
    m_routes.append(RouteInfo{method, pathExpression(pattern)});
    m_server.route(
        pattern, method,
        [this, handler = std::move(handler)](const QString &arg, const QHttpServerRequest &r) {
            return run(r, [&] { return handler(arg, r); });
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
            : makeError(StatusCode::MethodNotAllowed, ErrorCode::MethodNotAllowed,
                        u"%1 takes %2, not %3."_s.arg(path, allowed.join(u", "_s), method));
    const QByteArray body = QJsonDocument(failure.error.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray allow = allowed.join(u", "_s).toLatin1();
    if (allowed.isEmpty())
        responder.write(body, {{"Content-Type", "application/json"}}, failure.status);
    else
        responder.write(body, {{"Content-Type", "application/json"}, {"Allow", allow}},
                        failure.status);
    logRequest(method, path, int(failure.status), 0, request.remoteAddress());
}

Result<quint16, QString> HttpFrontend::listen(const QHostAddress &address, quint16 port,
                                              const std::optional<QSslConfiguration> &tls)
{
    auto *tcp = new GuardedTcpServer(m_limits, this);
    if (tls)
        tcp->setTlsConfiguration(*tls);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why);
    }
    connect(tcp, &GuardedTcpServer::rejected, this,
            [this](const QString &method, const QString &path, int status,
                   const QHostAddress &peer) { logRequest(method, path, status, 0, peer); });
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
