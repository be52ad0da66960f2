#pragma once

#include "core/indicators.h"
#include "core/result.h"

#include <QString>

namespace gx {

/**
 * Reads the input of the indicator engine from one JSON file, so figures can be computed and
 * traced without a server: {"period", "registry":[{uscc,name,region,industry_code,above_size}],
 * "enterprises":[{uscc,region,above_size}], "surveys":[{id, review, fields}],
 * "equipment":[{id, fields}], "official":{REGION:{INDICATOR: value}}}.
 * The catalog is not in the file: the caller passes the one it loaded.
 */
[[nodiscard]] Result<IndicatorInput, QString> readFiguresFile(const QString &path,
                                                              const RegionCatalog &catalog);

} // namespace gx
