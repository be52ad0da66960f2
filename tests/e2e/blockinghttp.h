#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

namespace gx::e2e {

/** What came back from one call; status 0 when no HTTP answer arrived. */
struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QString networkError;

    [[nodiscard]] QJsonObject json() const;
    /** "STATUS BODY", for failure messages. */
    [[nodiscard]] QByteArray describe() const;
};

/**
 * A blocking HTTP client for what the tests do as other users than the device's (an office user
 * reading the server's state, creating a review): each call spins a local event loop until the
 * reply ends or 30 s pass.
 */
class BlockingHttp
{
public:
    explicit BlockingHttp(QUrl base);

    void setBase(const QUrl &base) { m_base = base; }
    /** POST /api/v1/login; keeps the token on success; returns "" or why it failed. */
    [[nodiscard]] QString login(const QString &username, const QString &password);

    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] const QString &token() const { return m_token; }

    [[nodiscard]] HttpAnswer get(const QString &pathAndQuery);
    [[nodiscard]] HttpAnswer send(const QByteArray &verb, const QString &pathAndQuery,
                                  const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] HttpAnswer postJson(const QString &path, const QJsonObject &body);

    /**
     * Every change of the feed from the start, folded into the records' current state: a map
     * "entity/id" -> change object ({"entity","id","rev","deleted","fields"}). Sets *error when
     * a page fails.
     */
    [[nodiscard]] QHash<QString, QJsonObject> pullAll(QString *error, int limit = 1000);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

} // namespace gx::e2e
