#pragma once

#include "core/formchanges.h"
#include "core/formdefinition.h"
#include "sync/store/database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <map>
#include <optional>

namespace gx::server {

/** The error codes of a refused publish (docs/api.md "Survey versions"). */
namespace FormErrorCode {
/** 422: the document does not load as a survey definition (`field` names where). */
inline constexpr QLatin1StringView InvalidForm{"invalid_form"};
/** 422: it removes a field, an option, a section or an entity, or changes a type (`field`). */
inline constexpr QLatin1StringView IncompatibleForm{"incompatible_form"};
/** 409: its version is not the current one + 1. */
inline constexpr QLatin1StringView VersionConflict{"version_conflict"};
} // namespace FormErrorCode

/** One published version as GET /api/v1/forms lists it. */
struct FormVersionInfo
{
    int version = 0;
    qint64 publishedAt = 0; ///< Unix ms
    QString publishedBy;    ///< a user name, "cli:OSUSER", or empty for the first version
    QList<FormChange> changes;

    /** {"version","published_at","published_by","changes"}: published_at as ISO 8601 UTC. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** What a publish did (or, for a dry run, would do). */
struct PublishOutcome
{
    int version = 0;
    QList<FormChange> changes;
    bool stored = false;

    /** {"version","changes":[{"kind","entity","field"}]}. */
    [[nodiscard]] QJsonObject toJson() const;
};

/** Why a publish was refused: a FormErrorCode with the field and a sentence, or the store. */
struct PublishProblem
{
    QLatin1StringView code; ///< a FormErrorCode, or empty for a storage failure (`db`)
    QString field;
    QString message;
    DbError db;
};

/**
 * The versions of the survey definition in table `form_versions` (version, definition as JSON,
 * published_at, published_by, changes as JSON): the migration that adds the table seeds version 1
 * from assets/forms/survey.v1.json (seed()), and every later version is published here (POST
 * /api/v1/forms, `gengxin-server form publish`), checked against the current one by core's
 * compareForms(), and written with its audit row (`form_published`) in one transaction.
 * Versions only add, so the current version holds every field of every earlier one with the same
 * type.
 */
class FormStore
{
public:
    /** The largest definition accepted, in bytes (the shipped one is about 60 kB). */
    static constexpr qsizetype kMaxDefinitionBytes = 1 << 20;

    explicit FormStore(Database &db)
        : m_db(db)
    {}

    /** Stores `first` as version 1 (the backfill of the migration that adds the table). */
    [[nodiscard]] static DbStatus seed(Database &db, const FormDefinition &first, qint64 now);

    /** Every version, oldest first. */
    [[nodiscard]] Result<QList<FormVersionInfo>, DbError> list();
    /** The highest version stored. */
    [[nodiscard]] Result<int, DbError> currentVersion();
    /** The definitions of the versions above `after`, ascending (all with 0). */
    [[nodiscard]] Result<QList<FormDefinition>, DbError> definitions(int after = 0);

    /**
     * Checks `json` as the next version and, unless `dryRun`, stores it with its audit row.
     * Refused: a body that does not load (invalid_form), one whose version is not the current
     * + 1 (version_conflict), one that takes something away (incompatible_form).
     */
    [[nodiscard]] Result<PublishOutcome, PublishProblem>
    publish(const QByteArray &json, const QString &actor, bool dryRun, qint64 now);

private:
    [[nodiscard]] Result<PublishOutcome, PublishProblem> check(const FormDefinition &candidate,
                                                               const FormDefinition &current) const;

    Database &m_db;
};

/**
 * The parsed versions a server validates against, loaded from FormStore at start and kept in
 * memory; a version it does not hold yet (published since, e.g. by another server on the same
 * PostgreSQL) is read from the store when first asked for.
 */
class FormVersions
{
public:
    /** Every version of the store; fails when the store cannot be read or holds none. */
    [[nodiscard]] static Result<FormVersions, DbError> load(Database &db);

    /** The highest version held. */
    [[nodiscard]] const FormDefinition &current() const;
    /** The version, reading newer versions from the store when it is above the highest held;
     * nullptr when the store does not have it either. */
    [[nodiscard]] Result<const FormDefinition *, DbError> find(Database &db, int version);
    /** Reads the versions published since the highest held. */
    [[nodiscard]] DbStatus refresh(Database &db);
    /** Every version held, ascending. */
    [[nodiscard]] QList<const FormDefinition *> all() const;

private:
    FormVersions() = default;
    /** Node-based, so that a pointer handed out stays valid while versions are added. */
    std::map<int, FormDefinition> m_versions;
};

} // namespace gx::server
