#include "sync/api/formsapi.h"

#include "sync/http/httpfrontend.h"
#include "sync/records/formstore.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

HttpError publishRefusal(const PublishProblem &problem)
{
    if (problem.code.isEmpty())
        return storageFailure(problem.db);
    const StatusCode status = problem.code == FormErrorCode::VersionConflict
                                  ? StatusCode::Conflict
                                  : StatusCode::UnprocessableEntity;
    return HttpError{status, ApiError{QString(problem.code), problem.message, problem.field}, {}};
}

} // namespace

void FormsApi::registerRoutes(HttpFrontend &http)
{
    http.route(Method::Get, u"/api/v1/forms"_s,
               [this](const QHttpServerRequest &request) { return list(request); });
    http.route(Method::Get, u"/api/v1/forms/current"_s,
               [this](const QHttpServerRequest &request) { return current(request); });
    http.route(Method::Get, u"/api/v1/forms/<arg>"_s,
               [this](const QString &which, const QHttpServerRequest &request) {
                   return version(which, request);
               });
    http.route(
        Method::Post, u"/api/v1/forms"_s,
        [this](const QHttpServerRequest &request) { return publish(request); },
        RouteOptions{FormStore::kMaxDefinitionBytes});
}

QHttpServerResponse FormsApi::list(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireUser(request);
    if (!user)
        return HttpFrontend::error(user.error());
    auto versions = FormStore(m_ctx.db).list();
    if (!versions)
        return HttpFrontend::error(storageFailure(versions.error()));
    QJsonArray out;
    for (const FormVersionInfo &info : std::as_const(versions.value()))
        out.append(info.toJson());
    return HttpFrontend::json(out);
}

QHttpServerResponse FormsApi::current(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireUser(request);
    if (!user)
        return HttpFrontend::error(user.error());
    // Another server on the same database may have published since.
    if (auto refreshed = m_ctx.forms.refresh(m_ctx.db); !refreshed)
        return HttpFrontend::error(storageFailure(refreshed.error()));
    return HttpFrontend::json(m_ctx.forms.current().json());
}

QHttpServerResponse FormsApi::version(const QString &which, const QHttpServerRequest &request)
{
    if (which == "current"_L1)
        return current(request);
    auto user = m_ctx.auth.requireUser(request);
    if (!user)
        return HttpFrontend::error(user.error());
    bool ok = false;
    const int number = which.toInt(&ok);
    const FormDefinition *form = nullptr;
    if (ok && number >= 1 && QString::number(number) == which) {
        auto found = m_ctx.forms.find(m_ctx.db, number);
        if (!found)
            return HttpFrontend::error(storageFailure(found.error()));
        form = found.value();
    }
    if (!form) {
        return HttpFrontend::error(HttpError::notFound(
            u"There is no version '%1' of the survey definition: GET /api/v1/forms lists them "
            "(the current one is %2)."_s.arg(which.left(20))
                .arg(m_ctx.forms.current().version())));
    }
    return HttpFrontend::json(form->json());
}

QHttpServerResponse FormsApi::publish(const QHttpServerRequest &request)
{
    auto user = m_ctx.auth.requireOffice(request);
    if (!user)
        return HttpFrontend::error(user.error());
    const QString dryRunValue = request.query().queryItemValue(u"dry_run"_s);
    const bool dryRun = dryRunValue == "1"_L1 || dryRunValue == "true"_L1;
    auto outcome =
        FormStore(m_ctx.db).publish(request.body(), user.value().username, dryRun, m_ctx.now());
    if (!outcome)
        return HttpFrontend::error(publishRefusal(outcome.error()));
    if (outcome.value().stored) {
        if (auto refreshed = m_ctx.forms.refresh(m_ctx.db); !refreshed)
            return HttpFrontend::error(storageFailure(refreshed.error()));
    }
    return HttpFrontend::json(outcome.value().toJson(),
                              dryRun ? StatusCode::Ok : StatusCode::Created);
}

} // namespace gx::server
