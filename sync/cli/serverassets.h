#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"

#include <QString>

namespace gx::server {

/**
 * Where the server finds its data files (assets/): the first version of the survey definition
 * (which a new store is seeded with; later versions are published into the store, never read
 * from files), and the regions with their targets.
 */
class ServerAssets
{
public:
    /** The --assets flag if given, else $GX_ASSETS_DIR, else the source tree's assets/. */
    [[nodiscard]] static QString resolveDir(const QString &flag = {});
    /** DIR/forms/survey.v1.json: version 1, as migration 7 stores it in a new store. */
    [[nodiscard]] static Result<FormDefinition, DefinitionError> loadFirstForm(const QString &dir);
    /**
     * DIR/forms/catalogue.json (the catalogue's entities, CatalogueForm::ensure()), or an empty
     * array when the assets have none.
     */
    [[nodiscard]] static Result<QByteArray, DefinitionError> loadCatalogue(const QString &dir);
    /** DIR/regions/lishui.json. */
    [[nodiscard]] static Result<RegionCatalog, DefinitionError> loadRegions(const QString &dir);
};

} // namespace gx::server
