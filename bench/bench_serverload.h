#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

/** bench_server's database per part and its concurrent load (the rest is in benchserver.h). */
namespace gx::bench {

/** The database of one part: a new SQLite file, or the PostgreSQL of GX_TEST_PG_URL emptied. */
class Backend
{
public:
    explicit Backend(QString name);
    [[nodiscard]] const QString &name() const { return m_name; }
    /** The --db URL of an empty database for the part called `part`. */
    [[nodiscard]] QString fresh(const QString &dir, const QString &part) const;

private:
    QString m_name;
    QString m_pgUrl;
};

struct LoadResult
{
    QList<double> latenciesMs;
    int errors = 0;
    double seconds = 0;
    QString firstError;
};

/** The device_id client `client` of runLoad() pushes as; its batches' hlcs must name it. */
[[nodiscard]] QString loadDeviceId(int client);

/**
 * `clients` clients, each alternating a push of makeBatch(client, round) and a pull from its
 * cursor, for `seconds`, all in this thread (one HttpClient, so one QNetworkAccessManager, per
 * client).
 */
[[nodiscard]] LoadResult runLoad(const QUrl &server, const QString &user, const QString &password,
                                 int clients, int seconds,
                                 const std::function<QJsonArray(int, int)> &makeBatch);

/**
 * `devices` simulated devices, each on one keep-alive connection of its own (plain sockets, all
 * in this thread, so a thousand cost the client little): a device syncs every `intervalMs`
 * (its first sync at a random point of the first interval), a sync being a push of
 * makeBatch(device, round) and then pulls from its cursor until there is no more. New syncs
 * start for `seconds`; those under way then finish. Every answer but 200 (and every push
 * result but applied) is an error; latencies are per request.
 */
[[nodiscard]] LoadResult runDevices(const QUrl &server, const QString &token, int devices,
                                    int seconds, int intervalMs,
                                    const std::function<QJsonArray(int, int)> &makeBatch);

/** Raises this process's open-file limit to its hard limit (a child server inherits it). */
void raiseFileLimit();

} // namespace gx::bench
