#pragma once

#include "sync/records/fieldmerge.h"
#include "sync/records/recordstore.h"

namespace gx::server {

/**
 * The conflict log: every value that lost a merge becomes a record of entity `conflict`, in the
 * scope of the record concerned, so that it flows through the change feed to the devices of
 * that scope and to the office. Its fields: entity, record_id, field, kept_value, lost_value,
 * kept_hlc, lost_hlc, lost_device, lost_by, reason ("hlc" | "forward_only" | "deleted"),
 * mutation_id (the mutation that met the clash) and at (server time, Unix ms).
 * Conflict records are written by the server only; devices cannot push them.
 */
class ConflictLog
{
public:
    static inline const QString kEntity = QStringLiteral("conflict");

    explicit ConflictLog(RecordStore &records)
        : m_records(records)
    {}

    /** Writes one conflict record per clash of `record` (inside the caller's transaction). */
    [[nodiscard]] DbStatus write(const StoredRecord &record, const QList<FieldClash> &clashes,
                                 const QString &mutationId, qint64 now);

    /** The fields of the conflict record of one clash. */
    [[nodiscard]] static QJsonObject fields(const StoredRecord &record, const FieldClash &clash,
                                            const QString &mutationId, qint64 now);

private:
    RecordStore &m_records;
};

} // namespace gx::server
