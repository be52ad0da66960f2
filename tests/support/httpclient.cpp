#include "httpclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace gx::test {

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonArray HttpResult::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

QString HttpResult::errorCode() const
{
    return json().value("error"_L1).toObject().value("code"_L1).toString();
}

QString HttpResult::errorMessage() const
{
    return json().value("error"_L1).toObject().value("message"_L1).toString();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpResult::describe() const
{
    return QByteArray::number(status) + ' ' + body.left(2000) +
           (networkError.isEmpty() ? QByteArray() : " [" + networkError.toUtf8() + ']');
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{
    m_nam.setAutoDeleteReplies(false);
}

QNetworkReply *HttpClient::start(const QByteArray &verb, const QString &pathAndQuery,
                                 const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(m_base.resolved(QUrl(pathAndQuery)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (m_ssl)
        request.setSslConfiguration(*m_ssl);
    return body.isNull() && verb == "GET" ? m_nam.get(request)
                                          : m_nam.sendCustomRequest(request, verb, body);
}

HttpResult HttpClient::finish(QNetworkReply *started)
{
    const std::unique_ptr<QNetworkReply> reply(started);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = u"timed out"_s;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && result.status == 0) {
        result.networkError = reply->errorString();
        result.networkErrorCode = reply->error();
    }
    return result;
}

HttpResult HttpClient::send(const QByteArray &verb, const QString &pathAndQuery,
                            const QByteArray &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return finish(start(verb, pathAndQuery, body, headers));
}

HttpResult HttpClient::get(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery, QByteArray());
}

HttpResult HttpClient::postJson(const QString &path, const QJsonObject &body)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::post(const QString &path, const QByteArray &body,
                            const QByteArray &contentType)
{
    return finish(startPost(path, body, contentType));
}

QNetworkReply *HttpClient::startPost(const QString &path, const QByteArray &body,
                                     const QByteArray &contentType)
{
    return start("POST", path, body.isNull() ? QByteArray("") : body,
                 {{"Content-Type", contentType}});
}

HttpResult HttpClient::put(const QString &path, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("PUT", path, body.isNull() ? QByteArray("") : body, headers);
}

QString HttpClient::login(const QString &username, const QString &password)
{
    const QString previous = m_token;
    m_token.clear();
    const HttpResult result =
        postJson(u"/api/v1/login"_s, {{u"username"_s, username}, {u"password"_s, password}});
    if (result.status != 200) {
        m_token = previous;
        return {};
    }
    m_token = result.json().value("token"_L1).toString();
    return m_token;
}

QList<QJsonObject> pullEverything(HttpClient &client, QString *error, int limit)
{
    QList<QJsonObject> changes;
    QString cursor;
    for (int page = 0; page < 100000; ++page) {
        QUrlQuery query;
        if (!cursor.isEmpty())
            query.addQueryItem(u"since"_s, cursor);
        query.addQueryItem(u"limit"_s, QString::number(limit));
        const HttpResult result = client.get(u"/api/v1/sync/pull?"_s + query.toString());
        if (result.status != 200) {
            if (error)
                *error = QString::fromUtf8(result.describe());
            return changes;
        }
        const QJsonObject body = result.json();
        for (const QJsonValue &change : body.value("changes"_L1).toArray())
            changes.append(change.toObject());
        cursor = body.value("cursor"_L1).toString();
        if (!body.value("more"_L1).toBool())
            return changes;
    }
    if (error)
        *error = u"more than 100000 pages"_s;
    return changes;
}

QHash<QString, QJsonObject> latestByRecord(const QList<QJsonObject> &changes)
{
    QHash<QString, QJsonObject> records;
    for (const QJsonObject &change : changes) {
        records.insert(
            change.value("entity"_L1).toString() + u'/' + change.value("id"_L1).toString(), change);
    }
    return records;
}

QJsonObject changeOf(const QList<QJsonObject> &changes, const QString &entity, const QString &id)
{
    QJsonObject found;
    for (const QJsonObject &change : changes) {
        if (change.value("entity"_L1).toString() == entity &&
            change.value("id"_L1).toString() == id)
            found = change;
    }
    return found;
}

} // namespace gx::test
