#pragma once

#include "core/syncprotocol.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace gx {

/** One HTTP exchange as the sync engine judges it. */
struct TransportReply
{
    enum class Kind
    {
        Ok,           ///< 2xx with a whole JSON object (or array, when asked for; or 204)
        Unauthorized, ///< 401: the token is missing, expired or revoked
        Refused,      ///< another 4xx: retrying the same request cannot help
        Transient,    ///< no answer, a cut or garbled one, a timeout, 5xx, 408 or 429: retry later
    };

    Kind kind = Kind::Transient;
    int status = 0;   ///< the HTTP status; 0 when no answer arrived
    QByteArray body;  ///< the raw body
    QJsonObject json; ///< the body, for Ok (and error bodies that parse)
    QJsonArray array; ///< the body, for Ok when ReplyShape::Array was asked for
    ApiError error;   ///< the server's {"error":{...}} when it sent one
    QString reason;   ///< why it failed, for a person (empty for Ok)

    [[nodiscard]] bool ok() const { return kind == Kind::Ok; }
};

/** The JSON a 2xx answer must be to be whole: an object (every call but one) or an array. */
enum class ReplyShape
{
    Object,
    Array, ///< GET /api/v1/forms
};

/**
 * The HTTP side of the sync engine over an injected QNetworkAccessManager: builds requests
 * against the server's base URL with the bearer token and a transfer timeout, and judges every
 * answer into one of four kinds (judge()), so that the steps above it only decide what each
 * kind means for them. Handlers run on the context object's thread and never after it is gone.
 */
class SyncTransport
{
public:
    using Handler = std::function<void(const TransportReply &)>;

    SyncTransport(QNetworkAccessManager *nam, QUrl baseUrl, int timeoutMillis, QObject *context);
    ~SyncTransport();
    SyncTransport(const SyncTransport &) = delete;
    SyncTransport &operator=(const SyncTransport &) = delete;

    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] const QString &token() const { return m_token; }
    [[nodiscard]] const QUrl &baseUrl() const { return m_base; }
    void setTimeoutMillis(int millis) { m_timeoutMillis = millis; }

    /** A GET; its 2xx answer is whole only when its body is JSON of that shape. */
    void get(const QString &path, const QUrlQuery &query, Handler handler,
             ReplyShape shape = ReplyShape::Object);
    void postJson(const QString &path, const QJsonObject &body, Handler handler);
    /** A PUT of raw bytes; contentRange (e.g. "bytes 0-99/1000") is sent when not empty. */
    void put(const QString &path, const QByteArray &bytes, const QByteArray &contentRange,
             Handler handler);
    /** Aborts every exchange still running; their handlers are not called. */
    void abortAll();
    /** Exchanges still running. */
    [[nodiscard]] int running() const { return int(m_running.size()); }

    /**
     * Judges one answer: the HTTP status (0 when none arrived), the network error QtNetwork
     * reported with its text, and the body. A network-level error (connection refused, reset,
     * closed before the answer was whole, timeout) is Transient even when a status line arrived,
     * and so is a 2xx whose body is not a whole JSON value of the shape asked for (a cut answer).
     */
    [[nodiscard]] static TransportReply judge(int status, QNetworkReply::NetworkError error,
                                              const QString &errorText, const QByteArray &body,
                                              ReplyShape shape = ReplyShape::Object);

private:
    [[nodiscard]] QNetworkRequest request(const QString &path, const QUrlQuery &query) const;
    void watch(QNetworkReply *reply, Handler handler, ReplyShape shape = ReplyShape::Object);

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    int m_timeoutMillis;
    QPointer<QObject> m_context;
    QString m_token;
    QSet<QNetworkReply *> m_running;
};

} // namespace gx
