#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

namespace gx::test {

/** What came back from one HTTP call. status is 0 when no HTTP answer arrived. */
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QString networkError;
    /** QNetworkReply's error code when no HTTP answer arrived (e.g. SslHandshakeFailedError). */
    QNetworkReply::NetworkError networkErrorCode = QNetworkReply::NoError;

    /** The body as a JSON object (empty when it is not one). */
    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QJsonArray jsonArray() const;
    /** error.code of an error body, or "". */
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] QString errorMessage() const;
    /** A response header (case-insensitive), or empty. */
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /** "STATUS BODY [NETWORK ERROR]" for failure messages. */
    [[nodiscard]] QByteArray describe() const;
};

/**
 * The blocking HTTP client of the tests and benchmarks, over its own QNetworkAccessManager: each
 * call spins a local event loop (so an in-process server answers meanwhile) until the reply
 * finishes or the timeout (30 s unless set) passes. Paths are resolved against the base URL.
 */
class HttpClient
{
public:
    explicit HttpClient(QUrl base);

    [[nodiscard]] const QUrl &base() const { return m_base; }
    /** Sent as `Authorization: Bearer TOKEN` from now on ("" sends none). */
    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] const QString &token() const { return m_token; }
    /** Used for every https:// request from now on (e.g. to trust a test certificate). */
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    /** How long a call waits for its answer. */
    void setTimeout(int millis) { m_timeoutMs = millis; }

    [[nodiscard]] HttpResult get(const QString &pathAndQuery);
    [[nodiscard]] HttpResult postJson(const QString &path, const QJsonObject &body);
    [[nodiscard]] HttpResult post(const QString &path, const QByteArray &body,
                                  const QByteArray &contentType = "application/json");
    [[nodiscard]] HttpResult put(const QString &path, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] HttpResult send(const QByteArray &verb, const QString &pathAndQuery,
                                  const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /** POST /api/v1/login; on 200 keeps and returns the token, else keeps the old one and
     * returns "". */
    QString login(const QString &username, const QString &password);

    /**
     * Sends a request without waiting (send() is start() then finish()): for a caller that does
     * something else meanwhile, such as encoding the next body, or runs many clients at once.
     */
    [[nodiscard]] QNetworkReply *start(const QByteArray &verb, const QString &pathAndQuery,
                                       const QByteArray &body,
                                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
    /** A POST of body by start(), as post() sends it. */
    [[nodiscard]] QNetworkReply *startPost(const QString &path, const QByteArray &body,
                                           const QByteArray &contentType = "application/json");
    /** Waits for a reply of start() to finish (or the timeout) and reads it; deletes the reply. */
    [[nodiscard]] HttpResult finish(QNetworkReply *reply);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    std::optional<QSslConfiguration> m_ssl;
    int m_timeoutMs = 30'000;
};

/**
 * Pulls every page of the change feed from the start as the client's user (pages of `limit`);
 * returns the changes in order (each {"entity","id","rev","deleted","fields"}), or sets *error
 * and returns what it had.
 */
[[nodiscard]] QList<QJsonObject> pullEverything(HttpClient &client, QString *error = nullptr,
                                                int limit = 1000);
/** The last change of each record in a pulled list, by "entity/id": the records as they are. */
[[nodiscard]] QHash<QString, QJsonObject> latestByRecord(const QList<QJsonObject> &changes);
/** The last change of one record in a pulled list, or {}. */
[[nodiscard]] QJsonObject changeOf(const QList<QJsonObject> &changes, const QString &entity,
                                   const QString &id);

} // namespace gx::test
