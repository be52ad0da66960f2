#pragma once

#include "core/regioncatalog.h"
#include "sync/store/csvreader.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gx::server {

/** One checked row of the statistics bureau's registry file. */
struct RegistryRow
{
    int line = 0;
    QString uscc;
    QString name;
    QString region;
    QString industryCode;
    bool aboveSize = false;
};

/**
 * One problem of one line of the file: its line (1 is the header; 0 the file as a whole), the
 * column it concerns ("" for the whole line) and what is wrong, in English then in Chinese.
 */
struct RegistryLineError
{
    int line = 0;
    QString field;
    QString message;
};

/** Every row of a file, or every problem found in it (then no row is imported). */
struct RegistryFile
{
    QList<RegistryRow> rows;
    QList<RegistryLineError> errors;

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
    /** How many lines have at least one problem. */
    [[nodiscard]] int badLines() const;
};

struct RegistryImportSummary
{
    int rows = 0;
    int added = 0;             ///< USCCs new to the registry
    int updated = 0;           ///< rows that changed an existing registry entry
    int unchanged = 0;         ///< rows identical to the registry
    int enterpriseRecords = 0; ///< enterprise records created or changed (each a change-feed entry)
};

/**
 * The statistics bureau's list of enterprises: `gengxin-server registry import FILE` and
 * POST /api/v1/registry.
 *
 * The file is UTF-8 CSV (a byte-order mark is accepted), or an Excel workbook (.xlsx, its first
 * sheet, read by XlsxReader; told apart by its zip signature), with the header
 * uscc,name,region,industry_code,above_size (in any order; no other columns). Every row is
 * checked: the USCC by GB 32100 (core/uscc.h), the region against the catalog, the industry code
 * by GB/T 4754 (core/industrycode.h), a name of 1-100 characters, above_size as true/false, 1/0
 * or 是/否, and no USCC twice in the file. Every problem is reported with its line and column,
 * and then nothing is imported. A good file is written in one transaction: registry rows upserted
 * (rows not in the file stay) and, per row, the `enterprise` record created or updated with those
 * five fields (a change-feed entry only when something changed), so that devices pull the registry.
 */
class RegistryImport
{
public:
    static constexpr int kMaxNameLength = 100;

    /** Whether apply() writes, or only counts what it would write (a preview). */
    enum class Mode
    {
        Write,
        DryRun
    };

    /** Reads and checks a file, CSV or XLSX by its first bytes. */
    [[nodiscard]] static RegistryFile parse(const QByteArray &bytes, const RegionCatalog &regions);
    /** Checks rows already read (row 1 the header). */
    [[nodiscard]] static RegistryFile parseRecords(const QList<CsvRecord> &records,
                                                   const RegionCatalog &regions);
    /**
     * Writes checked rows in one transaction with an audit row by `actor`; a dry run reads the
     * registry, counts added / updated / unchanged and writes nothing.
     */
    [[nodiscard]] static Result<RegistryImportSummary, DbError>
    apply(Database &db, const QList<RegistryRow> &rows, const QString &actor, const QString &source,
          qint64 now, Mode mode = Mode::Write);
};

} // namespace gx::server
