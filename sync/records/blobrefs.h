#pragma once

#include "core/formdefinition.h"
#include "sync/store/database.h"
#include "sync/store/statementcache.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace gx::server {

struct StoredRecord;

/**
 * Which records name which blobs: a row of `blob_refs` (sha256, entity, id) for every blob a
 * live record holds in one of its photo fields (the definition's FieldType::Photo, so a new photo
 * field needs no code). BlobStore::mayRead() joins it with the records' scope columns: knowing a
 * blob's hash is not enough to read it. Kept at every record write of a push, in its
 * transaction; a record whose photos did not change costs no statement.
 */
class BlobRefs
{
public:
    BlobRefs(StatementCache &statements, const FormDefinition &form);

    /** The blobs a record names (none for a tombstone), sorted and without repeats. */
    [[nodiscard]] QStringList named(const StoredRecord &record) const;
    /** Brings the record's rows from what `before` named to what `after` names. */
    [[nodiscard]] DbStatus update(const std::optional<StoredRecord> &before,
                                  const StoredRecord &after);

    /** Fills blob_refs from every record already stored (the migration that adds it). */
    [[nodiscard]] static DbStatus backfill(Database &db, const FormDefinition &form);

private:
    StatementCache &m_statements;
    QHash<QString, QStringList> m_photoFields; ///< entity -> its photo fields (only those with any)
};

} // namespace gx::server
