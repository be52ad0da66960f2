#include "blockinghttp.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::e2e {

QJsonObject HttpAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpAnswer::describe() const
{
    return QByteArray::number(status) + ' ' + body.left(2000) + ' ' + networkError.toUtf8();
}

BlockingHttp::BlockingHttp(QUrl base)
    : m_base(std::move(base))
{}

HttpAnswer BlockingHttp::send(const QByteArray &verb, const QString &pathAndQuery,
                              const QByteArray &body,
                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_base.toString() + pathAndQuery));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer;
    if (!reply->isFinished()) {
        reply->abort();
        answer.networkError = u"timed out"_s;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.networkError = reply->errorString();
    reply->deleteLater();
    return answer;
}

QString BlockingHttp::login(const QString &username, const QString &password)
{
    const HttpAnswer answer = postJson(
        u"/api/v1/login"_s, QJsonObject{{u"username"_s, username}, {u"password"_s, password}});
    if (answer.status != 200)
        return QString::fromUtf8(answer.describe());
    m_token = answer.json().value("token"_L1).toString();
    return {};
}

HttpAnswer BlockingHttp::get(const QString &pathAndQuery)
{
    return send("GET", pathAndQuery, {});
}

HttpAnswer BlockingHttp::postJson(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QHash<QString, QJsonObject> BlockingHttp::pullAll(QString *error, int limit)
{
    QHash<QString, QJsonObject> records;
    QString cursor;
    for (int page = 0; page < 100'000; ++page) {
        QUrlQuery query;
        if (!cursor.isEmpty())
            query.addQueryItem(u"since"_s, cursor);
        query.addQueryItem(u"limit"_s, QString::number(limit));
        const HttpAnswer answer = get(u"/api/v1/sync/pull?"_s + query.toString());
        if (answer.status != 200) {
            if (error)
                *error = QString::fromUtf8(answer.describe());
            return records;
        }
        const QJsonObject body = answer.json();
        for (const QJsonValue &value : body.value("changes"_L1).toArray()) {
            const QJsonObject change = value.toObject();
            records.insert(change.value("entity"_L1).toString() + u'/' +
                               change.value("id"_L1).toString(),
                           change);
        }
        cursor = body.value("cursor"_L1).toString();
        if (!body.value("more"_L1).toBool())
            return records;
    }
    if (error)
        *error = u"the feed did not end"_s;
    return records;
}

} // namespace gx::e2e
