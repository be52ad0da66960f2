#include "sync/api/readers.h"

#include "sync/api/authservice.h"
#include "sync/api/logging.h"
#include "sync/store/statementcache.h"

#include <exception>

using namespace Qt::StringLiterals;

namespace gx::server {

ReadRequest ReadRequest::from(const QHttpServerRequest &request)
{
    ReadRequest copy;
    copy.m_url = request.url();
    copy.m_headers = request.headers();
    copy.m_peer = request.remoteAddress();
    return copy;
}

QByteArray ReadRequest::value(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Readers::Readers(Database &writer, int threads)
    : m_writer(writer)
    , m_threads(std::max(0, threads))
    , m_home(std::make_unique<QObject>())
{}

Readers::~Readers()
{
    stop();
    m_home.reset(); // the answers of reads that ended, still queued, are dropped with it
}

void Readers::stop()
{
    m_pool.reset(); // running reads end first
}

DbStatus Readers::start()
{
    if (m_threads == 0 || m_pool)
        return Done{};
    auto pool = ReadPool::start(m_writer.url(), m_threads);
    if (!pool)
        return pool.error();
    m_pool = std::move(pool).value();
    return Done{};
}

void Readers::route(HttpFrontend &http, Method method, const QString &path, Handler handler)
{
    http.routeDeferred(method, path,
                       [this, handler = std::move(handler)](const QHttpServerRequest &request,
                                                            HttpFrontend::Answer answer) {
                           serve(request, std::move(answer), handler);
                       });
}

void Readers::route(HttpFrontend &http, Method method, const QString &pattern, ArgHandler handler)
{
    http.routeDeferred(
        method, pattern,
        [this, handler = std::move(handler)](const QString &arg, const QHttpServerRequest &request,
                                             HttpFrontend::Answer answer) {
            serve(request, std::move(answer), [arg, handler](const ReadRequest &r, Database &db) {
                return handler(arg, r, db);
            });
        });
}

namespace {

ReadAnswer failed(const char *what)
{
    qCCritical(lcApi, "read failed: %s", what);
    return HttpFrontend::error(HttpError::internal(u"The server failed to answer; see its log."_s));
}

ReadAnswer runGuarded(const std::function<ReadAnswer(const ReadRequest &, Database &)> &run,
                      const ReadRequest &request, Database &db)
{
    try {
        return run(request, db);
    } catch (const std::exception &e) {
        return failed(e.what());
    }
}

void finish(ReadAnswer &read, Database &writer, HttpFrontend::Answer &answer)
{
    if (read.thenWrite) {
        read.thenWrite(writer);
        writer.statements().finishAll();
    }
    answer(std::move(read.response));
}

} // namespace

void Readers::serve(const QHttpServerRequest &request, HttpFrontend::Answer answer,
                    std::function<ReadAnswer(const ReadRequest &, Database &)> run)
{
    ReadRequest copy = ReadRequest::from(request);
    if (!m_pool) {
        ReadAnswer read = runGuarded(run, copy, m_writer);
        m_writer.statements().finishAll();
        finish(read, m_writer, answer);
        return;
    }
    QObject *home = m_home.get();
    Database *writer = &m_writer;
    // The answer (which holds the connection's responder) is moved to the event loop, never
    // copied or dropped on a worker.
    m_pool->submit([home, writer, copy = std::move(copy), run = std::move(run),
                    answer = std::move(answer)](Result<Database *, DbError> reader) mutable {
        auto read = std::make_shared<ReadAnswer>(
            reader ? runGuarded(run, copy, *reader.value())
                   : ReadAnswer(HttpFrontend::error(storageFailure(reader.error()))));
        QMetaObject::invokeMethod(
            home,
            [writer, read, answer = std::move(answer)]() mutable {
                finish(*read, *writer, answer);
            },
            Qt::QueuedConnection);
    });
}

} // namespace gx::server
