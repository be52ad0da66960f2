#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "sync/figures/registryimport.h"
#include "sync/store/csvreader.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace gx::server {

/** One checked row of a catalogue file: its line, the record id it names and its fields. */
struct CatalogueRow
{
    int line = 0;
    QString id;
    QJsonObject fields; ///< the file's non-empty cells, typed by the definition
    QStringList empty;  ///< the columns left empty on this line (cleared on an existing record)
};

/** Every row of a file, or every problem found in it (then no row is imported). */
struct CatalogueFile
{
    QList<CatalogueRow> rows;
    QList<RegistryLineError> errors; ///< the registry's form: line, column, English then Chinese

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

struct CatalogueImportSummary
{
    int rows = 0;
    int added = 0;     ///< records new to the catalogue (or deleted before)
    int updated = 0;   ///< records the file changed
    int unchanged = 0; ///< records identical to the file
};

/**
 * The catalogue of 供需对接 from a file: POST /api/v1/catalogue?entity=provider|product|case.
 *
 * The file is UTF-8 CSV or an Excel workbook (first sheet), as the registry's. Its header names
 * fields of the entity in the current definition (any order, any subset that holds every
 * required field; a photo field cannot be imported); each cell is read by the field's type
 * (numbers, 是/否 or true/false or 1/0, an option by its value or its Chinese label, several
 * options separated by ; or ；, since labels hold 、) and the row is then judged by core's
 * Validator as a submission. The record id is a name-based UUID of the row's key (kKeys: a
 * provider's USCC; a product's maker and model; a case's enterprise and title), so that importing
 * the same list again updates the same records; a key twice in the file is an error. Every problem
 * is reported with its line and column and then nothing is written. A good file is written in one
 * transaction (each record city-wide, with the definition's current version), with an audit row
 * (`catalogue_imported`).
 */
class CatalogueImport
{
public:
    /** The entities the call imports. */
    static const QStringList &entities();
    /** The fields whose values name an entity's record (the id is a UUID v5 of them). */
    static QStringList keys(const QString &entity);

    /** Reads and checks a file, CSV or XLSX by its first bytes, against the entity of `form`. */
    [[nodiscard]] static CatalogueFile parse(const QByteArray &bytes, const FormDefinition &form,
                                             const QString &entity, const RegionCatalog &regions,
                                             const QDate &today);
    /** Checks rows already read (row 1 the header). */
    [[nodiscard]] static CatalogueFile
    parseRecords(const QList<CsvRecord> &records, const FormDefinition &form, const QString &entity,
                 const RegionCatalog &regions, const QDate &today);
    /**
     * Writes checked rows of `entity` in one transaction with an audit row by `actor`; a dry
     * run counts added / updated / unchanged from the same reads and writes nothing.
     */
    [[nodiscard]] static Result<CatalogueImportSummary, DbError>
    apply(Database &db, const QString &entity, int formVersion, const QList<CatalogueRow> &rows,
          const QString &actor, const QString &source, qint64 now,
          RegistryImport::Mode mode = RegistryImport::Mode::Write);
};

} // namespace gx::server
