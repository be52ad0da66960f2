#pragma once

#include "core/formdefinition.h"
#include "core/result.h"
#include "store/storeerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gx {

class LocalEditor;
class StoreDatabase;

/**
 * One version of the survey definition as the device keeps it: the definition as the server
 * served it (GET /api/v1/forms/{version}) and what GET /api/v1/forms says of it.
 */
struct StoredFormVersion
{
    int version = 0;
    QJsonObject definition; ///< the whole document; its "version" member is `version`
    QString publishedAt;    ///< as the server wrote it (ISO 8601), or empty (the bundled one)
    QString publishedBy;    ///< a user name, or empty
    QJsonArray changes;     ///< [{"kind","entity","field"}] against the version before
    qint64 storedAt = 0;    ///< wall-clock ms when this device stored it
};

/**
 * The versions of the survey definition on the device (table form_versions): every version the
 * device fetched at sync, and the one bundled with the app, so that a record naming a version
 * can always be read with it. Nothing is ever removed: versions only add, and a record keeps the
 * version of its last upsert.
 *
 * add() checks that the document loads (core's FormDefinition) and names the version it is
 * stored as, and commits it before anything can use it; a version stored already is kept as it
 * was (a server never changes a published version). A version newer than the one edits are
 * made on becomes that one, in the same transaction (DeviceStore::formVersion()).
 */
class FormVersionStore
{
public:
    /** The largest definition kept, in bytes of compact JSON (the server's limit). */
    static constexpr qsizetype kMaxDefinitionBytes = 1 << 20;
    /** The most changes one version may list. */
    static constexpr qsizetype kMaxChanges = 10000;

    FormVersionStore(StoreDatabase &db, LocalEditor &editor,
                     std::function<qint64()> wallClockMillis);

    /** Stores a version (see the class); true when it was new. */
    [[nodiscard]] Result<bool, StoreError> add(const StoredFormVersion &version);
    /** The versions stored, ascending. */
    [[nodiscard]] Result<QList<int>, StoreError> versions();
    /** The highest version stored, or 0 when none is. */
    [[nodiscard]] Result<int, StoreError> newest();
    /** One version with its definition, or nothing. */
    [[nodiscard]] Result<std::optional<StoredFormVersion>, StoreError> find(int version);
    /** The definition of a stored version, loaded by core, or nothing when it is not stored. */
    [[nodiscard]] Result<std::optional<FormDefinition>, StoreError> definition(int version);
    /**
     * Versions that records or outbox mutations name but that are not stored (e.g. a record
     * pulled before its version was fetched), ascending: the sync client fetches them.
     */
    [[nodiscard]] Result<QList<int>, StoreError> missing();

    /**
     * The version the user was last told of (the app's notice "the survey was updated"), 1 until
     * setNoticedVersion() is called: a version above it has not been announced yet.
     */
    [[nodiscard]] Result<int, StoreError> noticedVersion();
    /** Remembers that the user was told of `version` (kept in the database; at least 1). */
    [[nodiscard]] Status<StoreError> setNoticedVersion(int version);

private:
    StoreDatabase &m_db;
    LocalEditor &m_editor;
    std::function<qint64()> m_wallClockMillis;
};

} // namespace gx
