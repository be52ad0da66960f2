#include "syncclient/synctransport.h"

#include "syncclient/logging.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/**
 * QtNetwork's errors below the HTTP status: the connection (1-99), a proxy (101-199) and a
 * broken HTTP exchange (ProtocolFailure). The other protocol errors name statuses (a 400 is
 * ProtocolInvalidOperationError) and are judged by the status.
 */
bool isNetworkLevel(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 1 && code <= 199) || error == QNetworkReply::ProtocolFailure;
}

} // namespace

SyncTransport::SyncTransport(QNetworkAccessManager *nam, QUrl baseUrl, int timeoutMillis,
                             QObject *context)
    : m_nam(nam)
    , m_base(std::move(baseUrl))
    , m_timeoutMillis(timeoutMillis)
    , m_context(context)
{}

SyncTransport::~SyncTransport()
{
    abortAll();
}

QNetworkRequest SyncTransport::request(const QString &path, const QUrlQuery &query) const
{
    QString base = m_base.toString(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    QUrl url(base + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest req(url);
    req.setTransferTimeout(m_timeoutMillis);
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    return req;
}

void SyncTransport::get(const QString &path, const QUrlQuery &query, Handler handler,
                        ReplyShape shape)
{
    watch(m_nam->get(request(path, query)), std::move(handler), shape);
}

void SyncTransport::postJson(const QString &path, const QJsonObject &body, Handler handler)
{
    QNetworkRequest req = request(path, {});
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    watch(m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)), std::move(handler));
}

void SyncTransport::put(const QString &path, const QByteArray &bytes,
                        const QByteArray &contentRange, Handler handler)
{
    QNetworkRequest req = request(path, {});
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
    if (!contentRange.isEmpty())
        req.setRawHeader("Content-Range", contentRange);
    watch(m_nam->put(req, bytes), std::move(handler));
}

void SyncTransport::watch(QNetworkReply *reply, Handler handler, ReplyShape shape)
{
    m_running.insert(reply);
    QObject::connect(reply, &QNetworkReply::finished, m_context.data(),
                     [this, reply, shape, handler = std::move(handler)] {
                         if (!m_running.remove(reply))
                             return; // aborted on purpose
                         reply->deleteLater();
                         const int status =
                             reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                         const TransportReply judged = judge(
                             status, reply->error(), reply->errorString(), reply->readAll(), shape);
                         if (!judged.ok()) {
                             qCDebug(lcSync) << reply->operation() << reply->url().path()
                                             << "failed:" << judged.reason;
                         }
                         handler(judged);
                     });
}

void SyncTransport::abortAll()
{
    const QSet<QNetworkReply *> running = std::exchange(m_running, {});
    for (QNetworkReply *reply : running) {
        reply->abort();
        reply->deleteLater();
    }
}

TransportReply SyncTransport::judge(int status, QNetworkReply::NetworkError error,
                                    const QString &errorText, const QByteArray &body,
                                    ReplyShape shape)
{
    TransportReply reply;
    reply.status = status;
    reply.body = body;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    const bool isArray = parseError.error == QJsonParseError::NoError && doc.isArray();
    if (isArray && shape == ReplyShape::Array)
        reply.array = doc.array();
    if (isObject) {
        reply.json = doc.object();
        const QJsonObject err = reply.json.value("error"_L1).toObject();
        reply.error = {err.value("code"_L1).toString(), err.value("message"_L1).toString(),
                       err.value("field"_L1).toString()};
    }

    if (status == 0 || isNetworkLevel(error)) {
        reply.kind = TransportReply::Kind::Transient;
        reply.reason = status == 0 ? u"no answer from the server (%1)"_s.arg(errorText)
                                   : u"the answer was cut off (%1)"_s.arg(errorText);
        return reply;
    }
    if (status >= 200 && status < 300) {
        const bool whole = shape == ReplyShape::Array ? isArray : isObject;
        if (whole || (status == 204 && body.isEmpty())) {
            reply.kind = TransportReply::Kind::Ok;
            return reply;
        }
        reply.kind = TransportReply::Kind::Transient;
        reply.reason =
            u"the server's answer (HTTP %1) was cut short or garbled: %2 at byte %3"_s.arg(status)
                .arg(parseError.errorString())
                .arg(parseError.offset);
        return reply;
    }
    const QString told = reply.error.message.isEmpty()
                             ? u"HTTP %1"_s.arg(status)
                             : u"HTTP %1: %2"_s.arg(QString::number(status), reply.error.message);
    reply.reason = told;
    if (status == 401)
        reply.kind = TransportReply::Kind::Unauthorized;
    else if (status >= 500 || status == 408 || status == 429)
        reply.kind = TransportReply::Kind::Transient;
    else
        reply.kind = TransportReply::Kind::Refused;
    return reply;
}

} // namespace gx
