#pragma once

#include "sync/http/httpfrontend.h"
#include "sync/store/database.h"
#include "sync/store/readpool.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

namespace gx::server {

/**
 * What a call needs of its request, copied so that it can be read on any thread (the
 * QHttpServerRequest is valid only during the handler's call, on the event loop): the URL, the
 * headers and the peer. A read call has no body.
 */
class ReadRequest
{
public:
    [[nodiscard]] static ReadRequest from(const QHttpServerRequest &request);

    [[nodiscard]] const QUrl &url() const { return m_url; }
    [[nodiscard]] QUrlQuery query() const { return QUrlQuery(m_url); }
    /** The first header of that name (case-insensitive), or empty. */
    [[nodiscard]] QByteArray value(const QByteArray &name) const;
    [[nodiscard]] const QHostAddress &remoteAddress() const { return m_peer; }

private:
    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QHostAddress m_peer;
};

/**
 * A read's answer, and what the writer records before it is sent (an export's audit row: reads
 * never write, so `thenWrite` runs on the event-loop thread with the writer's Database).
 */
struct ReadAnswer
{
    ReadAnswer(QHttpServerResponse answer) // NOLINT: a response is an answer
        : response(std::move(answer))
    {}
    QHttpServerResponse response;
    std::function<void(Database &writer)> thenWrite;
};

/**
 * The calls that only read (GET sync/pull, the figures, the exports, blob reads), served beside
 * the writer: each is registered as a deferred call of the frontend whose request is copied
 * (ReadRequest) and run on the ReadPool, with the worker's reader connection inside one snapshot
 * of committed data; the answer goes back to the event loop, where the writer records what the
 * read asks (ReadAnswer::thenWrite) and the answer is written. Pushes and every other write stay
 * on the event-loop thread with the writer's Database.
 *
 * With 0 threads (`serve --read-threads 0`) a read runs on the event loop with the writer's
 * connection and answers at once, as every call did before the pool. Handlers run on several
 * threads at once: they may use only their `Database &` (never the writer's), constant data
 * and thread-safe services (AuthService's token check on the given connection).
 */
class Readers
{
public:
    using Handler = std::function<ReadAnswer(const ReadRequest &, Database &)>;
    using ArgHandler = std::function<ReadAnswer(const QString &, const ReadRequest &, Database &)>;

    /** Reads on the writer until start() (0 threads: always). */
    Readers(Database &writer, int threads);
    ~Readers();
    Readers(const Readers &) = delete;
    Readers &operator=(const Readers &) = delete;

    /** Opens the pool's connections (once; a no-op with 0 threads); says why it cannot. */
    [[nodiscard]] DbStatus start();
    /** Lets running reads end and drops queued ones (their answers are never sent). */
    void stop();
    /** Threads asked for (0: on the writer). */
    [[nodiscard]] int threads() const { return m_threads; }

    void route(HttpFrontend &http, Method method, const QString &path, Handler handler);
    /** A path with one "<arg>" segment. */
    void route(HttpFrontend &http, Method method, const QString &pattern, ArgHandler handler);

private:
    void serve(const QHttpServerRequest &request, HttpFrontend::Answer answer,
               std::function<ReadAnswer(const ReadRequest &, Database &)> run);

    Database &m_writer;
    int m_threads = 0;
    std::unique_ptr<QObject> m_home;  ///< on the event-loop thread: where answers are sent from
    std::unique_ptr<ReadPool> m_pool; ///< after m_home: ends (its jobs with it) before m_home
};

} // namespace gx::server
