#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace gx::server {

/** The file kinds GET /api/v1/export/coverage and `gengxin-server export` write. */
enum class ExportFormat
{
    Csv,
    Xlsx,
};

/** A finished export: its bytes and how to hand them over. */
struct ExportFile
{
    QByteArray bytes;
    QString contentType; ///< for the HTTP answer
    QString fileName;    ///< e.g. gengxin-coverage-2024.xlsx
};

struct ExportError
{
    enum class Kind
    {
        Storage, ///< the store could not be read (`db`)
        Writer,  ///< the workbook could not be written
    };
    Kind kind = Kind::Storage;
    QString message;
    DbError db;
};

/**
 * The coverage export of one period: CoverageQuery reads the store, core's engine computes the
 * report, and CsvExport or XlsxExport writes it (their headers describe the layouts).
 */
class CoverageExport
{
public:
    /** "csv" or "xlsx". */
    [[nodiscard]] static std::optional<ExportFormat> formatFromName(const QString &name);

    [[nodiscard]] static Result<ExportFile, ExportError> make(Database &db,
                                                              const RegionCatalog &catalog,
                                                              const FormDefinition &form,
                                                              int period, ExportFormat format);
};

} // namespace gx::server
