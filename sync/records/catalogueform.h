#pragma once

#include "sync/records/formstore.h"

#include <QByteArray>
#include <QString>

namespace gx::server {

/** What ensure() did: the version it published, or 0 when the current one had the catalogue. */
struct CatalogueFormOutcome
{
    int published = 0;
    QStringList added; ///< the entities added, in the catalogue's order
};

/**
 * The catalogue of 供需对接 (assets/forms/catalogue.json: the city-wide entities `provider`,
 * `product` and `case`) in the survey definition. The file is not a version of its own: when the
 * current version lacks any of its entities, ensure() publishes the current definition with those
 * entities appended as the next version (published_by "system", with its `form_published` audit
 * row, through FormStore::publish(), so compareForms() judges it like any other version). It runs
 * when the catalogue is first needed: the office's first POST /api/v1/catalogue, and `demo`. A
 * deployment on any version thus gets the catalogue without a release, and versions published
 * later keep it (versions only add). Idempotent; two servers racing on one
 * PostgreSQL: the loser's version_conflict is retried once and then finds the catalogue there.
 */
class CatalogueForm
{
public:
    /** The actor of the publish in form_versions and the audit log. */
    static constexpr QLatin1StringView kActor{"system"};

    [[nodiscard]] static Result<CatalogueFormOutcome, PublishProblem>
    ensure(Database &db, const QByteArray &catalogueJson, qint64 now);
    /** assets/forms/catalogue.json as built into the server (a resource of this library). */
    [[nodiscard]] static QByteArray shipped();
};

} // namespace gx::server
