#pragma once

#include "core/regioncatalog.h"
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

/** A bad line of the file and everything wrong with it. Line 0 concerns the file as a whole. */
struct RegistryLineError
{
    int line = 0;
    QString message;
};

/** Every row of a file, or every problem found in it (then no row is imported). */
struct RegistryFile
{
    QList<RegistryRow> rows;
    QList<RegistryLineError> errors;

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
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
 * `gengxin-server registry import FILE.csv`: the statistics bureau's list of enterprises.
 *
 * The file is UTF-8 CSV (a byte-order mark is accepted) with the header
 * uscc,name,region,industry_code,above_size (in any order; no other columns). Every row is
 * checked: the USCC by GB 32100 (core/uscc.h), the region against the catalog, the industry code
 * by GB/T 4754 (core/industrycode.h), a name of 1-100 characters, above_size as true/false, 1/0
 * or 是/否, and no USCC twice in the file. Every bad line is reported by number and then nothing
 * is imported. A good file is written in one transaction: registry rows upserted (rows not in the
 * file stay) and, per row, the `enterprise` record created or updated with those five fields (a
 * change-feed entry only when something changed), so that devices pull the registry.
 */
class RegistryImport
{
public:
    static constexpr int kMaxNameLength = 100;

    [[nodiscard]] static RegistryFile parse(const QByteArray &csv, const RegionCatalog &regions);
    [[nodiscard]] static Result<RegistryImportSummary, DbError>
    apply(Database &db, const QList<RegistryRow> &rows, const QString &actor, const QString &source,
          qint64 now);
};

} // namespace gx::server
