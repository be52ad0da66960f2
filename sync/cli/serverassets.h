#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"

#include <QString>

namespace gx::server {

/**
 * Where the server finds its data files (assets/): the survey definition it serves and
 * validates against, and the regions with their targets.
 */
class ServerAssets
{
public:
    /** The --assets flag if given, else $GX_ASSETS_DIR, else the source tree's assets/. */
    [[nodiscard]] static QString resolveDir(const QString &flag = {});
    /** The current survey definition: the highest N of DIR/forms/survey.vN.json. */
    [[nodiscard]] static Result<FormDefinition, DefinitionError>
    loadCurrentForm(const QString &dir);
    /** DIR/regions/lishui.json. */
    [[nodiscard]] static Result<RegionCatalog, DefinitionError> loadRegions(const QString &dir);
};

} // namespace gx::server
