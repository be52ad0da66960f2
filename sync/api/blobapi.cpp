#include "sync/api/blobapi.h"

#include "sync/http/httpfrontend.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonObject statusJson(const BlobStatus &status)
{
    return QJsonObject{{u"sha256"_s, status.sha256},
                       {u"received"_s, status.received},
                       {u"size"_s, status.size ? QJsonValue(*status.size) : QJsonValue()},
                       {u"complete"_s, status.complete}};
}

HttpError badName()
{
    return HttpError::badRequest(
        u"A blob is named by the SHA-256 of its bytes: 64 lower-case hexadecimal digits."_s,
        u"sha256"_s);
}

/** 409 with the offset the client must continue from. */
QHttpServerResponse conflict(const QString &code, const QString &message, const BlobStatus &status)
{
    QJsonObject body = ApiError{code, message, u"Content-Range"_s}.toJson();
    body.insert(u"received"_s, status.received);
    return HttpFrontend::json(body, StatusCode::Conflict);
}

/** The chunk a PUT carries, or the 400/413 to answer. */
Result<BlobChunk, HttpError> readChunk(const QHttpServerRequest &request)
{
    BlobChunk chunk;
    chunk.bytes = request.body();
    const QByteArray range = request.value("Content-Range").trimmed();
    if (range.isEmpty()) {
        chunk.total = chunk.bytes.size();
    } else {
        static const QRegularExpression shape(u"^bytes (\\d{1,15})-(\\d{1,15})/(\\d{1,15})$"_s);
        const auto match = shape.match(QString::fromLatin1(range));
        if (!match.hasMatch()) {
            return HttpError::badRequest(
                u"Content-Range must read 'bytes START-END/TOTAL' (END inclusive)."_s,
                u"Content-Range"_s);
        }
        chunk.start = match.captured(1).toLongLong();
        const qint64 end = match.captured(2).toLongLong();
        chunk.total = match.captured(3).toLongLong();
        if (end < chunk.start || end >= chunk.total ||
            end - chunk.start + 1 != qint64(chunk.bytes.size())) {
            return HttpError::badRequest(
                u"Content-Range %1 does not match the %2 bytes sent (END is inclusive and below "
                "TOTAL)."_s.arg(QString::fromLatin1(range))
                    .arg(chunk.bytes.size()),
                u"Content-Range"_s);
        }
    }
    if (chunk.total > BlobStore::kMaxBlobBytes) {
        return HttpError{StatusCode::PayloadTooLarge,
                         ApiError{u"payload_too_large"_s,
                                  u"A blob may have at most %1 bytes; this one has %2."_s
                                      .arg(BlobStore::kMaxBlobBytes)
                                      .arg(chunk.total),
                                  u"Content-Range"_s},
                         {}};
    }
    return chunk;
}

} // namespace

void BlobApi::registerRoutes(HttpFrontend &http)
{
    m_ctx.readers.route(http, Method::Get, u"/api/v1/blobs/<arg>/status"_s,
                        [this](const QString &name, const ReadRequest &request, Database &db) {
                            return status(name, request, db);
                        });
    http.route(
        Method::Put, u"/api/v1/blobs/<arg>"_s,
        [this](const QString &name, const QHttpServerRequest &request) {
            return put(name, request);
        },
        RouteOptions{kMaxChunkBytes});
    m_ctx.readers.route(http, Method::Get, u"/api/v1/blobs/<arg>"_s,
                        [this](const QString &name, const ReadRequest &request, Database &db) {
                            return get(name, request, db);
                        });
}

QHttpServerResponse BlobApi::put(const QString &name, const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireUser(request);
    if (!user)
        return HttpFrontend::error(user.error());
    if (!BlobStore::isValidName(name))
        return HttpFrontend::error(badName());
    auto chunk = readChunk(request);
    if (!chunk)
        return HttpFrontend::error(chunk.error());
    BlobStore store(m_ctx.db);
    auto written = store.write(name, user.value().username, chunk.value());
    if (!written)
        return HttpFrontend::error(storageFailure(written.error()));
    const BlobStatus &now = written.value().status;
    switch (written.value().outcome) {
    case BlobWrite::Outcome::Partial:
        return HttpFrontend::json(statusJson(now), StatusCode::Accepted);
    case BlobWrite::Outcome::Complete:
        return HttpFrontend::json(statusJson(now), StatusCode::Created);
    case BlobWrite::Outcome::WrongOffset:
        return conflict(u"wrong_offset"_s,
                        u"This chunk starts at byte %1 but the server has %2 bytes of the upload: "
                        "continue from %2."_s.arg(chunk.value().start)
                            .arg(now.received),
                        now);
    case BlobWrite::Outcome::SizeMismatch:
        return conflict(u"size_mismatch"_s,
                        u"This upload began as %1 bytes, not %2: continue it with the same "
                        "TOTAL."_s.arg(now.size.value_or(0))
                            .arg(chunk.value().total),
                        now);
    case BlobWrite::Outcome::HashMismatch:
        break;
    }
    return HttpFrontend::error(HttpError{
        StatusCode::BadRequest,
        ApiError{u"hash_mismatch"_s,
                 u"The bytes received do not hash to %1; the upload was discarded: send it "
                 "again from the start."_s.arg(name),
                 u"sha256"_s},
        {}});
}

ReadAnswer BlobApi::status(const QString &name, const ReadRequest &request, Database &db)
{
    auto user = m_ctx.auth.requireUser(request, db);
    if (!user)
        return HttpFrontend::error(user.error());
    if (!BlobStore::isValidName(name))
        return HttpFrontend::error(badName());
    BlobStore store(db);
    auto status = store.status(name, user.value().username);
    if (!status)
        return HttpFrontend::error(storageFailure(status.error()));
    return HttpFrontend::json(statusJson(status.value()));
}

ReadAnswer BlobApi::get(const QString &name, const ReadRequest &request, Database &db)
{
    auto user = m_ctx.auth.requireUser(request, db);
    if (!user)
        return HttpFrontend::error(user.error());
    if (!BlobStore::isValidName(name))
        return HttpFrontend::error(badName());
    BlobStore store(db);
    // Not yours to read and not there answer alike: the answer tells nothing of others' blobs.
    const HttpError missing = HttpError::notFound(
        u"There is no complete blob %1 that a record you can see names."_s.arg(name));
    auto readable = store.mayRead(name, AccessScope(user.value()));
    if (!readable)
        return HttpFrontend::error(storageFailure(readable.error()));
    if (!readable.value())
        return HttpFrontend::error(missing);
    auto bytes = store.read(name);
    if (!bytes)
        return HttpFrontend::error(storageFailure(bytes.error()));
    if (!bytes.value())
        return HttpFrontend::error(missing);
    return QHttpServerResponse("application/octet-stream", *bytes.value());
}

} // namespace gx::server
