#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QNetworkReply;

namespace gx {

class Session;

/**
 * What one office call to the server brought back. ok() when the server answered 2xx; otherwise
 * `message` is a sentence a person can read (the server's own error message when it sent one,
 * else why no answer came) and `field` names the member the server refused, if any.
 */
struct OfficeReply
{
    int status = 0; ///< HTTP status; 0 when no answer arrived
    QByteArray body;
    QJsonObject json; ///< the body as a JSON object, when it is one
    QString code;     ///< the server's error.code ("" on success or without answer)
    QString message;  ///< readable reason when !ok()
    QString field;    ///< the server's error.field
    QString fileName; ///< from Content-Disposition (exports)

    [[nodiscard]] bool ok() const { return status >= 200 && status < 300; }
};

/**
 * The office screens' authenticated calls to gengxin-server (docs/api.md, "Figures, official
 * statistics, reviews, exports"): the Session's server address, bearer token and network, one
 * JSON call at a time per caller. It exists so that every office model reports failures the same
 * readable way (not logged in online, server unreachable, token expired, the server's message).
 */
class OfficeClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const OfficeReply &)>;

    explicit OfficeClient(QObject *parent = nullptr);
    ~OfficeClient() override;

    /** The session whose server, token and network are used (not owned). */
    void setSession(Session *session) { m_session = session; }

    /** GET path (with its query); answers through done, also when the call cannot start. */
    void get(const QString &pathAndQuery, Callback done);
    /** POST path with a JSON body. */
    void post(const QString &path, const QJsonObject &body, Callback done);
    /** PUT path (with its query) with a JSON body. */
    void put(const QString &pathAndQuery, const QJsonObject &body, Callback done);
    /** POST path (with its query) with a body of another type (a file: CSV, XLSX). */
    void postBytes(const QString &pathAndQuery, const QByteArray &body,
                   const QByteArray &contentType, Callback done);
    /** Drops the running call, if any, without answering it. */
    void abort();
    [[nodiscard]] bool isBusy() const { return !m_reply.isNull(); }

private:
    void send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body,
              const QByteArray &contentType, Callback done);
    void finished(QNetworkReply *reply, const Callback &done);

    QPointer<Session> m_session;
    QPointer<QNetworkReply> m_reply;
};

} // namespace gx
