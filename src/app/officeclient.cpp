#include "app/officeclient.h"

#include "app/logging.h"
#include "app/session.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr int kTimeoutMillis = 30000;
const QByteArray kJson = "application/json";

QString fileNameOf(const QByteArray &disposition)
{
    static const QRegularExpression pattern(u"filename=\"?([^\";]+)\"?"_s);
    const auto match = pattern.match(QString::fromUtf8(disposition));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

OfficeClient::OfficeClient(QObject *parent)
    : QObject(parent)
{}

OfficeClient::~OfficeClient()
{
    abort();
}

void OfficeClient::get(const QString &pathAndQuery, Callback done)
{
    send("GET", pathAndQuery, {}, kJson, std::move(done));
}

void OfficeClient::post(const QString &path, const QJsonObject &body, Callback done)
{
    send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), kJson, std::move(done));
}

void OfficeClient::put(const QString &pathAndQuery, const QJsonObject &body, Callback done)
{
    send("PUT", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact), kJson,
         std::move(done));
}

void OfficeClient::postBytes(const QString &pathAndQuery, const QByteArray &body,
                             const QByteArray &contentType, Callback done)
{
    send("POST", pathAndQuery, body, contentType, std::move(done));
}

void OfficeClient::abort()
{
    if (QNetworkReply *reply = m_reply.data()) {
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void OfficeClient::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
                        const QByteArray &contentType, Callback done)
{
    abort();
    OfficeReply refused;
    if (!m_session) {
        refused.message = tr("Nobody is logged in.");
        done(refused);
        return;
    }
    const QString token = m_session->token();
    const QUrl base(m_session->serverUrl());
    if (token.isEmpty() || !base.isValid() || base.host().isEmpty()) {
        refused.message = tr("This needs the server: log in online to see and change the "
                             "office's figures.");
        done(refused);
        return;
    }
    QString root = base.toString();
    while (root.endsWith(u'/'))
        root.chop(1);
    QNetworkRequest request(QUrl(root + pathAndQuery));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(kTimeoutMillis);
    QNetworkReply *reply = verb == "GET"   ? m_session->network()->get(request)
                           : verb == "PUT" ? m_session->network()->put(request, body)
                                           : m_session->network()->post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        if (m_reply == reply)
            m_reply.clear();
        finished(reply, done);
    });
}

void OfficeClient::finished(QNetworkReply *reply, const Callback &done)
{
    reply->deleteLater();
    OfficeReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    out.fileName = fileNameOf(reply->rawHeader("Content-Disposition"));
    if (out.ok()) {
        done(out);
        return;
    }
    const QJsonObject error = out.json.value("error"_L1).toObject();
    out.code = error.value("code"_L1).toString();
    out.field = error.value("field"_L1).toString();
    if (out.status == 0) {
        out.message = tr("The server cannot be reached (%1). Check the network and try "
                         "again.")
                          .arg(reply->errorString());
    } else if (out.status == 401) {
        out.message = tr("The login has expired: log in again.");
    } else if (out.code == "password_change_required"_L1) {
        out.message = tr("You logged in with a one-time password: log out and log in again to "
                         "set your own password first.");
    } else if (out.status == 403) {
        out.message = tr("Only office and admin users may do this.");
    } else {
        const QString serverMessage = error.value("message"_L1).toString();
        out.message = serverMessage.isEmpty()
                          ? tr("The server answered with an error (HTTP %1).").arg(out.status)
                          : serverMessage;
    }
    qCInfo(lcApp) << "office call failed:" << reply->url().path() << out.status << out.message;
    done(out);
}

} // namespace gx
