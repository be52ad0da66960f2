#pragma once

#include "core/syncprotocol.h"
#include "sync/records/recordstore.h"

#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

namespace gx::server {

/** Why a value lost (the `reason` of a conflict record). */
namespace ClashReason {
/** The later HLC won (the device id breaks ties). */
inline constexpr QLatin1StringView Hlc{"hlc"};
/** A forward-only field kept the more advanced value. */
inline constexpr QLatin1StringView ForwardOnly{"forward_only"};
/** The record had been deleted by a change the editing device had not seen. */
inline constexpr QLatin1StringView Deleted{"deleted"};
} // namespace ClashReason

/** One field that two writers changed concurrently: what was kept and what was lost. */
struct FieldClash
{
    QString field;
    QJsonValue keptValue;
    QJsonValue lostValue;
    QString keptHlc;
    QString lostHlc;
    QString lostDevice; ///< the device of lostHlc
    QString lostBy;     ///< the user who wrote the lost value ("" when unknown)
    QString reason;     ///< a ClashReason
};

/** What a mutation does to a record: the merged record, whether it must be written, and how. */
struct MergeOutcome
{
    StoredRecord record; ///< the record after the mutation (rev already advanced when changed)
    bool changed = false;
    MutationResult::Status status = MutationResult::Status::Applied;
    QList<FieldClash> clashes;
};

/**
 * The per-field merge of docs/design.md "Sync", without storage: a pure function of the stored
 * record and the mutation, so that every rule is testable on its own.
 *
 * - A field whose last change (meta rev) is at or below the mutation's base_rev applies: nobody
 *   else changed it since the device last saw the record.
 * - A field changed since base_rev and now given a different value clashes: `renovation_status`
 *   (not_started < in_progress < completed) and `digital_level` (0..4) keep the more advanced
 *   value whoever wrote it; any other field keeps the value with the later HLC (Hlc ordering:
 *   millis, counter, then device id). The losing value, incoming or overwritten, is a FieldClash.
 * - Status: applied when the record had not changed since base_rev, merged when it had but no
 *   field clashed, conflict when one did.
 * - Deletion: a delete always wins and leaves a tombstone that keeps the fields (rev + 1; merged
 *   when the device had not seen the latest rev). An upsert of a tombstone revives it when the
 *   device had seen the deletion (base_rev >= its rev); otherwise the deletion stands and every
 *   incoming field is a clash with reason `deleted`. Deleting what is already deleted, or was
 *   never created, changes nothing.
 * - Each applied field's meta becomes {"hlc": the mutation's HLC, "rev": the new rev, "by": the
 *   user}; a deletion is noted in meta under kDeletedKey (field names cannot start with '_').
 */
class FieldMerge
{
public:
    static inline const QString kDeletedKey = QStringLiteral("_deleted");

    /** The rank of a forward-only field's value (higher is more advanced), or nothing when the
     * field is not forward-only. Values off the scale (null, unknown) rank -1. */
    [[nodiscard]] static std::optional<int> forwardRank(const QString &field,
                                                        const QJsonValue &value);

    /**
     * Merges `mutation` by `username` into `current` (nothing when the record never existed).
     * `entity` and `id` name the record (taken from the mutation).
     */
    [[nodiscard]] static MergeOutcome merge(const std::optional<StoredRecord> &current,
                                            const Mutation &mutation, const QString &username);

private:
    [[nodiscard]] static MergeOutcome upsertLive(const StoredRecord &current,
                                                 const Mutation &mutation, const QString &username);
    [[nodiscard]] static QJsonObject metaEntry(const Hlc &hlc, qint64 rev, const QString &username);
};

} // namespace gx::server
