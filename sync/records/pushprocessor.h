#pragma once

#include "core/formdefinition.h"
#include "core/regioncatalog.h"
#include "core/validator.h"
#include "sync/records/blobrefs.h"
#include "sync/records/conflictlog.h"
#include "sync/records/formstore.h"
#include "sync/records/mutationlog.h"
#include "sync/records/recordscope.h"
#include "sync/records/scoperesolver.h"

namespace gx::server {

/** The error codes of rejected mutations besides the validator's (docs/api.md lists them all). */
namespace PushErrorCode {
/** Not an entity devices may write (enterprise, survey, equipment, key_process). */
inline constexpr QLatin1StringView UnknownEntity{"unknown_entity"};
/** The HLC is more than 24 hours ahead of the server's clock, or names another device than the
 * push's device_id. */
inline constexpr QLatin1StringView BadHlc{"bad_hlc"};
/** The record id has the wrong form (a USCC for enterprises, a lower-case UUID otherwise). */
inline constexpr QLatin1StringView BadId{"bad_id"};
/** An enterprise whose `uscc` field differs from its id. */
inline constexpr QLatin1StringView IdMismatch{"id_mismatch"};
/** An enterprise's `region` changed by a user other than office or admin. */
inline constexpr QLatin1StringView RegionChange{"region_change"};
/**
 * An enterprise written by a user other than office or admin with a `region` whose division code
 * is not the one in its USCC (characters 3-8), where the stored record did not already say so.
 */
inline constexpr QLatin1StringView RegionMismatch{"region_mismatch"};
/** An upsert naming a field that its form_version does not define (`field` names it). */
inline constexpr QLatin1StringView UnknownField{"unknown_field"};
/** A note on a `conflict` result (not a rejection): which fields clashed. */
inline constexpr QLatin1StringView Conflict{"conflict"};
} // namespace PushErrorCode

/**
 * Applies one push (docs/design.md "Sync") for one user: every mutation of the batch in ONE write
 * transaction together with its row in `mutations`, so that an acknowledged mutation is
 * committed with its id. Each mutation is all or nothing without a savepoint of its own: every
 * rejection is decided before the mutation's first write, and a write that fails aborts the
 * whole push (nothing is committed or acknowledged). The batch's mutation ids are looked up in
 * one query and its `mutations` rows written in multi-row INSERTs.
 *
 * For each mutation, in this order: a mutation id seen before answers `duplicate` with the first
 * result; the entity must be one devices write (`unknown_entity`); the HLC at most 24 h ahead of
 * the server's clock and its device the push's device_id (`bad_hlc`); the id well formed
 * (`bad_id`); the caller in scope of the stored record (`forbidden`); the mutation's form_version
 * one the server holds (`unknown_form_version`) and, for an upsert, every field it carries one of
 * that version's (`unknown_field`); then FieldMerge merges, the Validator of the mutation's
 * version judges the merged record (Submit mode when the record is
 * submitted, see validationMode(), else Draft; the first error is the rejection's code, field and
 * message), an enterprise's region must be the caller's to give (checkRegion(): `region_change`,
 * `region_mismatch`), ScopeResolver finds where the record now belongs (`unknown_enterprise`,
 * `unknown_parent`) and the caller must be in that scope too (`forbidden`); a survey must be the
 * only live one of its enterprise and period
 * (`duplicate_survey` with existing_id). Only then are the record and its conflict records
 * written, with the mutation's form_version (an upsert's; a delete keeps the record's), and the
 * blobs its photo fields name (BlobRefs).
 */
/** What a push answers: its results, and their JSON text, written once as they are logged. */
struct PushOutcome
{
    PushResponse response;
    QByteArray json; ///< compact JSON of response.toJson(), UTF-8
};

/** What a push is judged against: the database, the definition's versions and the regions, and
 * the time now. Scopes, parents and photo fields are read from the current version (versions
 * only add, so it holds every field of every version). */
struct PushEnvironment
{
    Database &db;
    FormVersions &forms;
    const RegionCatalog &regions;
    qint64 now = 0; ///< Unix ms, the server's clock at the start of the push
};

class PushProcessor
{
public:
    static constexpr qint64 kMaxHlcLeadMillis = qint64(24) * 60 * 60 * 1000;

    PushProcessor(const PushEnvironment &environment, const AuthedUser &user);

    /**
     * Whether devices may push records of this entity: the survey's four, and the city-wide
     * entities of the current definition (the catalogue; its scope lets office and admin only).
     */
    [[nodiscard]] bool isDeviceEntity(const QString &entity) const;

    /** Processes a decoded push; a DbError means nothing was committed (answer 500). */
    [[nodiscard]] Result<PushOutcome, DbError> process(const PushRequest &request);

private:
    [[nodiscard]] Result<MutationResult, DbError> apply(const Mutation &mutation, qsizetype index);
    [[nodiscard]] std::optional<SyncError> checkId(const Mutation &mutation) const;
    /**
     * How strictly the merged record of the batch's mutation `index` is judged: Submit when its
     * own `state` is `submitted`; a repeat-group row (equipment, key_process) as its parent:
     * Submit when the parent as stored now (earlier mutations of the batch included) is
     * submitted, or a later mutation of the batch sets the parent's `state` to `submitted`; else
     * Draft.
     */
    [[nodiscard]] Result<ValidationMode, DbError> validationMode(const StoredRecord &record,
                                                                 qsizetype index);
    [[nodiscard]] std::optional<SyncError> validate(const StoredRecord &record, ValidationMode mode,
                                                    int formVersion);
    /** The mutation's version and its fields (`unknown_form_version`, `unknown_field`). */
    [[nodiscard]] Result<std::optional<SyncError>, DbError> checkVersion(const Mutation &mutation);
    /** The validator of one version, made on first use. */
    [[nodiscard]] const Validator &validator(int formVersion);
    /**
     * An enterprise's region is the office's (office and admin pass): anyone else may not change
     * a region the stored record has (`region_change`), and a region they give where the stored
     * record had none, or to a new enterprise, must be the one whose division code its USCC
     * carries (`region_mismatch`; Region::divisionCode(), usccDivisionCode()). A disagreement
     * the record already had (e.g. the registry's) does not stop other edits.
     */
    [[nodiscard]] std::optional<SyncError> checkRegion(const std::optional<StoredRecord> &current,
                                                       const StoredRecord &record) const;
    [[nodiscard]] Result<std::optional<SyncError>, DbError>
    checkOneSurvey(const StoredRecord &survey);

    Database &m_db;
    AuthedUser m_user;
    AccessScope m_scope;
    RecordStore m_records;
    ScopeResolver m_resolver;
    ConflictLog m_conflicts;
    MutationLog m_log;
    BlobRefs m_blobRefs;
    StatementCache &m_statements;
    FormVersions &m_forms;
    const FormDefinition &m_form; ///< the current version
    QDate m_today;
    /** Per version (the definitions live in m_forms as long as the server). */
    std::map<int, Validator> m_validators;
    const RegionCatalog &m_regions;
    qint64 m_now = 0;
    QString m_deviceId; ///< the device_id of the push being processed
    /** "entity/id" -> the index of the batch's last upsert setting its `state` to `submitted`. */
    QHash<QString, qsizetype> m_submittedAt;
};

} // namespace gx::server
