#pragma once

#include "core/formdefinition.h"
#include "sync/figures/coverageexport.h"
#include "sync/store/database.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gx::server {

/** One column of a records export: a field, with the version that first defined it. */
struct RecordColumn
{
    QString field;
    QString header; ///< the Chinese label of the latest version, with its unit in brackets
    int sinceVersion = 1;
};

/**
 * The records of one entity as a table, GET /api/v1/export/records: a row per live record
 * (surveys of the period, the equipment rows and key processes of those surveys, or every
 * enterprise), columns 记录编号 (the id), 表单版本 (the version of its last upsert), then every
 * field of every version of the definition (the union, in version order: version 1's fields in its
 * order, then those version 2 added, ...), so that a field a later version added is exported
 * with no code change. Choices are written as their Chinese labels (several joined with 、),
 * booleans as 是/否, a location as "lat,lon"; an empty cell is a field the record does not have.
 * CSV: UTF-8 with a byte-order mark, CRLF, as CsvExport::cell() quotes; XLSX: one sheet named
 * after the entity, numbers as numbers.
 */
class RecordExport
{
public:
    /** The entities that may be exported. */
    [[nodiscard]] static bool isExportable(const QString &entity);
    /** The columns of an entity over the versions (ascending). */
    [[nodiscard]] static QList<RecordColumn> columns(const QList<const FormDefinition *> &versions,
                                                     const QString &entity);

    /** period: for survey, equipment and key_process the surveys' period; unused for enterprise. */
    [[nodiscard]] static Result<ExportFile, ExportError>
    make(Database &db, const QList<const FormDefinition *> &versions, const QString &entity,
         int period, ExportFormat format);
};

} // namespace gx::server
