#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

namespace gx {
class StoreDatabase;
}

/**
 * Internal to gengxin_store: reading and writing rows of the records table, the JSON text of
 * fields, the names the protocol allows, and which field of an entity holds its parent's id.
 */
namespace gx::detail {

/** The columns readRecord() and recordFromRow() expect, in order. */
inline constexpr QStringView kRecordColumns =
    u"entity, id, fields, server_rev, local_state, reject_code, reject_message, reject_field,"
    u" reject_existing_id, deleted, parent_id, updated_at, form_version";

/** Compact JSON text of an object (what the fields columns hold). */
[[nodiscard]] QString jsonText(const QJsonObject &object);
/** The object of a fields column (an empty object for anything else). */
[[nodiscard]] QJsonObject jsonObject(const QString &text);

/** The field holding the parent's id: survey -> enterprise, equipment and key_process -> survey
 * (docs/design.md "Records"); empty for entities without a parent. */
[[nodiscard]] QString parentFieldOf(const QString &entity);
/** The entities whose parent is of entity (survey -> equipment, key_process). */
[[nodiscard]] QStringList childEntitiesOf(const QString &entity);
/** The parent's id as the fields name it, or empty. */
[[nodiscard]] QString parentIdOf(const QString &entity, const QJsonObject &fields);

/** Refusals of names the sync protocol would refuse (syncprotocol.h), or nothing. */
[[nodiscard]] std::optional<StoreError> checkEntityName(const QString &entity);
[[nodiscard]] std::optional<StoreError> checkRecordId(const QString &id);
[[nodiscard]] std::optional<StoreError> checkFieldNames(const QJsonObject &fields);

/** A new lower-case UUID without braces (record ids, mutation ids, batch ids). */
[[nodiscard]] QString newUuid();

/** Equality of field values where "absent" and null are the same (both are no answer). */
[[nodiscard]] bool sameValue(const QJsonValue &a, const QJsonValue &b);

/** The record whose kRecordColumns start at column first of the current row. */
[[nodiscard]] StoredRecord recordFromRow(const QSqlQuery &query, int first = 0);

/** Reads and writes whole rows of the records table with cached statements. */
class RecordRows
{
public:
    explicit RecordRows(StoreDatabase &db);

    [[nodiscard]] Result<std::optional<StoredRecord>, StoreError> read(const QString &entity,
                                                                       const QString &id);
    /** Inserts a new row (fails when (entity, id) exists). */
    [[nodiscard]] Status<StoreError> insert(const StoredRecord &record);
    /** Rewrites every column of an existing row. */
    [[nodiscard]] Status<StoreError> update(const StoredRecord &record);
    /** Writes a local edit of before as after: only fields and updated_at when nothing else
     * changed (the common case of a record already pending, kept cheap), else every column. */
    [[nodiscard]] Status<StoreError> updateEdited(const StoredRecord &before,
                                                  const StoredRecord &after);
    /** Removes the row (its outbox entries go with it: ON DELETE CASCADE). */
    [[nodiscard]] Status<StoreError> remove(const QString &entity, const QString &id);

private:
    StoreDatabase &m_db;
};

} // namespace gx::detail
