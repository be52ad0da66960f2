#pragma once

#include "sync/figures/registryimport.h"
#include "sync/http/httpfrontend.h"

#include <QHttpServerRequest>
#include <QJsonObject>

#include <optional>

namespace gx::server {

/**
 * What the calls that take a table as their body (POST /api/v1/registry and
 * /api/v1/catalogue, see docs/api.md) check alike before they read it: the dry_run flag and the
 * body's kind (CSV or an Excel workbook), and how they name a bad line.
 */
namespace TableUpload {

/** dry_run=1 (a preview) or 0/absent (the import); anything else is a 400 naming dry_run. */
[[nodiscard]] Result<bool, HttpError> dryRun(const QHttpServerRequest &request);

/**
 * A 415 unsupported_media_type naming Content-Type unless the body is CSV or an xlsx workbook
 * (by its Content-Type or, for clients that send none, by the zip's signature). `what` names
 * the table in the message ("registry", "catalogue").
 */
[[nodiscard]] std::optional<HttpError> refuseUnlessTable(const QHttpServerRequest &request,
                                                         const QString &what);

/** One bad line as the answer's errors list carries it: {"line","field","message"}. */
[[nodiscard]] QJsonObject lineErrorJson(const RegistryLineError &error);

} // namespace TableUpload

} // namespace gx::server
