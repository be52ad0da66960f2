#include "sync/api/reviewapi.h"

#include "sync/http/httpfrontend.h"
#include "sync/records/reviewstore.h"
#include "sync/store/auditlog.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

HttpError toHttp(const ReviewError &error)
{
    switch (error.kind) {
    case ReviewError::Kind::Invalid:
        return HttpError::badRequest(error.message, error.field);
    case ReviewError::Kind::NotFound: {
        HttpError out = HttpError::notFound(error.message);
        out.error.field = error.field;
        return out;
    }
    case ReviewError::Kind::Storage:
        break;
    }
    return storageFailure(error.db);
}

} // namespace

void ReviewApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Post, u"/api/v1/reviews"_s,
               [this](const QHttpServerRequest &request) { return create(request); });
}

QHttpServerResponse ReviewApi::create(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    auto body = HttpFrontend::jsonObjectBody(request);
    if (!body)
        return HttpFrontend::error(body.error());
    auto parsed = ReviewRequest::fromJson(body.value());
    if (!parsed)
        return HttpFrontend::error(toHttp(parsed.error()));
    ReviewStore reviews(m_ctx.db, m_ctx.forms.current());
    if (auto problem = reviews.check(parsed.value()))
        return HttpFrontend::error(toHttp(*problem));

    auto transaction = WriteTransaction::begin(m_ctx.db);
    if (!transaction)
        return HttpFrontend::error(storageFailure(transaction.error()));
    const qint64 now = m_ctx.now();
    auto review = reviews.create(parsed.value(), QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 user.value().username, now);
    if (!review)
        return HttpFrontend::error(toHttp(review.error()));
    const StoredRecord &written = review.value();
    auto audited =
        AuditLog::record(m_ctx.db, now, user.value().username, AuditAction::ReviewCreated,
                         {{u"review"_s, written.id},
                          {u"entity"_s, parsed.value().entity},
                          {u"id"_s, parsed.value().id},
                          {u"state"_s, parsed.value().state}});
    if (!audited)
        return HttpFrontend::error(storageFailure(audited.error()));
    if (auto committed = transaction.value().commit(); !committed)
        return HttpFrontend::error(storageFailure(committed.error()));
    return HttpFrontend::json(ReviewStore::toJson(written), StatusCode::Created);
}

} // namespace gx::server
