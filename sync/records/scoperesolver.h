#pragma once

#include "core/formdefinition.h"
#include "core/syncprotocol.h"
#include "sync/records/recordscope.h"
#include "sync/records/recordstore.h"
#include "sync/store/statementcache.h"

#include <QHash>

#include <variant>

namespace gx::server {

/**
 * Works out the scope columns of a record as it will be stored (docs/architecture.md "The server in
 * one page"):
 * - enterprise: its `region` field and its own id;
 * - survey: the enterprise of its `enterprise` field, and that enterprise's region from the
 *   registry, else from the enterprise record; the enterprise record must exist and not be
 *   deleted (created by the registry import or pushed before), else `unknown_enterprise`;
 * - equipment, key_process (repeat groups): copied from the parent survey named by the
 *   definition's parent field, which must exist and not be deleted, else `unknown_parent`;
 * - a city-wide entity of the definition (`"scope": "city"`, the catalogue):
 * RecordScope::cityWide();
 * - review, conflict: copied from the record concerned (their writers set them).
 * Lookups run inside the caller's transaction, so records pushed earlier in the same batch count.
 * Anchors found are remembered for the resolver's life (one push: thousands of rows share a few
 * surveys); the caller must forget() every record it writes, so that a change within the batch
 * (a survey deleted, an enterprise moved) is seen by the mutations after it.
 */
class ScopeResolver
{
public:
    /** The scope, or the rejection to answer when the record's anchor is missing. */
    using Resolution = std::variant<RecordScope, SyncError>;

    ScopeResolver(Database &db, RecordStore &records, const FormDefinition &form)
        : m_statements(db.statements())
        , m_records(records)
        , m_form(form)
    {}

    [[nodiscard]] Result<Resolution, DbError> resolve(const QString &entity, const QString &id,
                                                      const QJsonObject &fields);
    /**
     * The record a write of `fields` to `entity` takes its scope from (the enterprise of a
     * survey, the parent of a repeat-group row), if any: a push prefetches them all at once.
     */
    [[nodiscard]] std::optional<std::pair<QString, QString>>
    anchorOf(const QString &entity, const QJsonObject &fields) const;
    /** Drops what is remembered about a record (call after writing it). */
    void forget(const QString &entity, const QString &id);

private:
    [[nodiscard]] Result<Resolution, DbError> surveyScope(const QJsonObject &fields);
    [[nodiscard]] Result<Resolution, DbError> childScope(const QString &entity,
                                                         const QJsonObject &fields);

    StatementCache &m_statements;
    RecordStore &m_records;
    const FormDefinition &m_form;
    QHash<QString, RecordScope> m_anchors; ///< "entity/id" of a live anchor -> its scope
};

} // namespace gx::server
