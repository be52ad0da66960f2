#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <functional>

/** What bench_server needs around a real gengxin-server process: start it, call it, load it. */
namespace gx::bench {

void print(const QString &line);
[[noreturn]] void die(const QString &why);

/** Runs `gengxin-server ARGS` to the end; returns "" or its stderr when it failed. */
[[nodiscard]] QString runServerCommand(const QStringList &args, const QByteArray &input = {});
/** Adds bench.insp (inspector of region) and bench.office with the CLI; dies on failure. */
void addUsers(const QString &db, const QString &region, const QString &password);

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

/** `gengxin-server serve` on 127.0.0.1, port chosen by the system; killed when destroyed. */
class ServerRun
{
public:
    ServerRun(const QString &db, const QString &logPath);
    ~ServerRun();
    ServerRun(const ServerRun &) = delete;
    ServerRun &operator=(const ServerRun &) = delete;
    [[nodiscard]] QUrl url() const { return m_url; }
    /** VmHWM of the process, in KiB (0 if unreadable). */
    [[nodiscard]] qint64 peakRssKb() const;
    /** CPU time the process has used so far (user + system), in seconds (0 if unreadable). */
    [[nodiscard]] double cpuSeconds() const;

private:
    QProcess m_process;
    QUrl m_url;
};

struct Reply
{
    int status = 0;
    QByteArray body;
};

/** A blocking client (spins a local event loop per call). */
class Http
{
public:
    explicit Http(QUrl base)
        : m_base(std::move(base))
    {}
    [[nodiscard]] bool login(const QString &user, const QString &password);
    [[nodiscard]] const QString &token() const { return m_token; }
    [[nodiscard]] Reply get(const QString &pathAndQuery);
    [[nodiscard]] Reply post(const QString &path, const QJsonObject &body);
    /** Sends a POST of an encoded JSON body without waiting; wait() reads its answer. */
    [[nodiscard]] class QNetworkReply *send(const QString &path, const QByteArray &body);
    [[nodiscard]] static Reply wait(class QNetworkReply *reply);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};

struct LoadResult
{
    QList<double> latenciesMs;
    int errors = 0;
    double seconds = 0;
    QString firstError;
};

/**
 * `clients` clients, each alternating a push of makeBatch(client, round) and a pull from its
 * cursor, for `seconds`, all in this thread (one QNetworkAccessManager per client).
 */
[[nodiscard]] LoadResult runLoad(const QUrl &server, const QString &user, const QString &password,
                                 int clients, int seconds,
                                 const std::function<QJsonArray(int, int)> &makeBatch);

} // namespace gx::bench
