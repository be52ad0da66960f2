#pragma once

#include "core/hlc.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <optional>

/**
 * The sync protocol between devices and the server (docs/design.md "Sync"; docs/api.md): the
 * messages of POST /api/v1/sync/push and GET /api/v1/sync/pull, with one strict JSON codec shared
 * by both ends, so that what one side writes the other reads, and anything else is refused with the
 * path of the offending member and the reason.
 *
 * Strict means: unknown members, missing required members, wrong JSON types, fractions or
 * negatives where a count is expected, integers beyond 2^53 - 1, unknown enum strings and
 * malformed ids are all errors. JSON cannot tell 1 from 1.0, so 1.0 reads as the integer 1.
 * (QJsonDocument keeps one of two duplicate member names; the codec cannot see duplicates.)
 */
namespace gx {

/** The entities that sync carries. The codec checks only a name's shape; the server checks it is
 * one of these. */
namespace SyncEntity {
inline constexpr QLatin1StringView Enterprise{"enterprise"};
inline constexpr QLatin1StringView Survey{"survey"};
inline constexpr QLatin1StringView Equipment{"equipment"};
inline constexpr QLatin1StringView KeyProcess{"key_process"};
inline constexpr QLatin1StringView Review{"review"};
} // namespace SyncEntity

/** The largest survey definition version the codec accepts (as FormDefinition does). */
inline constexpr int kMaxFormVersion = 1'000'000;

/** Error codes that the protocol itself names (docs/design.md); the server may use more. */
namespace SyncErrorCode {
/** A second survey for an enterprise and period; existing_id names the survey that exists. */
inline constexpr QLatin1StringView DuplicateSurvey{"duplicate_survey"};
/** A write outside the caller's scope; nothing changed. */
inline constexpr QLatin1StringView Forbidden{"forbidden"};
/** A mutation naming a survey definition version the server does not hold. */
inline constexpr QLatin1StringView UnknownFormVersion{"unknown_form_version"};
/** A request the codec refused (the field is the CodecError path). */
inline constexpr QLatin1StringView BadRequest{"bad_request"};
/** Not a refusal: the note a `conflict` result carries (the clashed fields went to the log). */
inline constexpr QLatin1StringView Conflict{"conflict"};
} // namespace SyncErrorCode

/**
 * Bounds the decoders enforce, so that a hostile or broken peer cannot make the other side
 * allocate without limit. The defaults are the server's.
 */
struct ProtocolLimits
{
    int maxMutations = 1000;           ///< mutations in one push request
    int maxFieldsPerMutation = 200;    ///< members of a mutation's or a change's "fields"
    int maxStringLength = 10000;       ///< UTF-16 units of any string in fields or messages
    int maxValueDepth = 4;             ///< nesting of arrays/objects inside one field value
    int maxChanges = 1000;             ///< changes in one pull page (the pull limit's cap)
    int maxResults = 1000;             ///< results in one push response
    qsizetype maxBodyBytes = 16 << 20; ///< size of a whole JSON body read from bytes
};

/** Why a message was refused: where (e.g. "mutations[3].base_rev"; "" is the document) and why. */
struct CodecError
{
    QString path;
    QString reason;

    /** "path: reason" (or the reason alone for the document), for logs and error answers. */
    [[nodiscard]] QString message() const;
};

/** The error of one mutation's result. JSON {"code","message","field"[,"existing_id"]}; field is
 * null when the error concerns no one field, existing_id present only when set. */
struct SyncError
{
    QString code;       ///< machine-readable, [a-z0-9_]+ (see SyncErrorCode)
    QString message;    ///< readable by a person
    QString field;      ///< the field concerned, or empty
    QString existingId; ///< for duplicate_survey: the id of the survey that exists

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const SyncError &, const SyncError &) = default;
};

/** The error body of any failed HTTP call: {"error":{"code","message","field"}}. */
struct ApiError
{
    QString code;
    QString message;
    QString field; ///< empty encodes as null

    /** The whole body, {"error":{...}}. */
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const ApiError &, const ApiError &) = default;
};

/**
 * One edit of one record made on a device. base_rev is the server revision the device last saw
 * (0 for a record it created); fields holds only the changed fields (none for a delete); hlc
 * orders it against concurrent edits of the same fields; form_version is the version of the survey
 * definition the device wrote it under (docs/api.md "Survey versions").
 * JSON {"mutation_id","entity","id","op":"upsert"|"delete","base_rev","fields","hlc"
 * [,"form_version"]}: form_version is an integer from 1 to kMaxFormVersion, absent meaning 1 (as
 * every device sent before versions existed), and written only when it is not 1.
 */
struct Mutation
{
    enum class Op
    {
        Upsert,
        Delete
    };

    QString mutationId; ///< a UUID, lower case, 8-4-4-4-12 without braces
    QString entity;     ///< [a-z][a-z0-9_]*, at most 64 characters
    QString id;         ///< 1..128 characters, no control characters
    Op op = Op::Upsert;
    qint64 baseRev = 0;
    QJsonObject fields; ///< names [A-Za-z][A-Za-z0-9_]*, at most 64 characters
    Hlc hlc;
    int formVersion = 1;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Mutation &, const Mutation &) = default;
};

/** Body of POST /api/v1/sync/push: {"device_id","mutations":[...]}. The codec does not require
 * each hlc's device to equal device_id; the server decides that. */
struct PushRequest
{
    QString deviceId; ///< Hlc::isValidDeviceId()
    QList<Mutation> mutations;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const PushRequest &, const PushRequest &) = default;
};

/**
 * What became of one mutation. rev is the record's revision after it (for duplicate: the first
 * result's); error is required for rejected and otherwise optional (e.g. a conflict's note).
 * JSON {"mutation_id","status","rev","error": null | SyncError}.
 */
struct MutationResult
{
    enum class Status
    {
        Applied,
        Duplicate,
        Merged,
        Conflict,
        Rejected
    };

    QString mutationId;
    Status status = Status::Applied;
    qint64 rev = 0;
    std::optional<SyncError> error;

    [[nodiscard]] QJsonObject toJson() const;
    /**
     * toCompactJson(toJson()), written directly when there is no error: the server writes one
     * per mutation, into its log and into the push's answer.
     */
    [[nodiscard]] QString toCompactJsonText() const;
    /**
     * Whether the server refused the mutation: `rejected`, or a `duplicate` repeating a first
     * result that was a refusal. A resend is answered `duplicate` with the first result's rev and
     * error, so a duplicate's error is a refusal unless it is a conflict's note.
     */
    [[nodiscard]] bool isRefusal() const;
    /** Whether the mutation was applied with a clash (`conflict`, or a duplicate of one). */
    [[nodiscard]] bool isConflict() const;
    friend bool operator==(const MutationResult &, const MutationResult &) = default;
};

/** Answer of a push: one result per mutation, in the request's order. {"results":[...]} */
struct PushResponse
{
    QList<MutationResult> results;

    [[nodiscard]] QJsonObject toJson() const;
    /**
     * The compact JSON text of toJson() from the compact texts of its results in order
     * (MutationResult::toCompactJsonText()), as UTF-8.
     */
    [[nodiscard]] static QByteArray compactJsonFromResults(const QStringList &resultTexts);
    friend bool operator==(const PushResponse &, const PushResponse &) = default;
};

/** A record as it now is on the server (a tombstone when deleted), with its whole current fields
 * and the definition version of its last upsert. rev >= 1.
 * JSON {"entity","id","rev","deleted","fields"[,"form_version"]}: form_version as in a Mutation
 * (absent means 1 and is written only when not 1, so devices from before versions read every
 * record of version 1). */
struct Change
{
    QString entity;
    QString id;
    qint64 rev = 0;
    bool deleted = false;
    QJsonObject fields;
    int formVersion = 1;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Change &, const Change &) = default;
};

/** Answer of a pull: {"changes":[...],"cursor","more"}. The cursor is opaque to clients: they
 * store it and send it back as ?since=; the codec checks only that it is a non-empty URL-safe
 * string ([A-Za-z0-9._~-], at most 256 characters). */
struct PullPage
{
    QList<Change> changes;
    QString cursor;
    bool more = false;

    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const PullPage &, const PullPage &) = default;
};

/**
 * The server's position in its change feed, as handed to clients. Encoded as "c1." followed by
 * the unpadded base64url of the decimal seq: URL-safe, and version-tagged so that the form can
 * change without old cursors being misread. decode() accepts exactly what encode() writes.
 */
struct PullCursor
{
    qint64 seq = 0; ///< >= 0; 0 is "from the start"

    [[nodiscard]] QString encode() const;
    [[nodiscard]] static Result<PullCursor, CodecError> decode(QStringView text);
    friend bool operator==(const PullCursor &, const PullCursor &) = default;
};

[[nodiscard]] QString mutationOpName(Mutation::Op op);
[[nodiscard]] std::optional<Mutation::Op> mutationOpFromName(QStringView name);
[[nodiscard]] QString mutationStatusName(MutationResult::Status status);
[[nodiscard]] std::optional<MutationResult::Status> mutationStatusFromName(QStringView name);

/** Decoders of the JSON forms above. Paths in errors are relative to the object passed in. */
[[nodiscard]] Result<Mutation, CodecError> decodeMutation(const QJsonObject &object,
                                                          const ProtocolLimits &limits = {});
[[nodiscard]] Result<PushRequest, CodecError> decodePushRequest(const QJsonObject &object,
                                                                const ProtocolLimits &limits = {});
[[nodiscard]] Result<SyncError, CodecError> decodeSyncError(const QJsonObject &object,
                                                            const ProtocolLimits &limits = {});
[[nodiscard]] Result<MutationResult, CodecError>
decodeMutationResult(const QJsonObject &object, const ProtocolLimits &limits = {});
[[nodiscard]] Result<PushResponse, CodecError>
decodePushResponse(const QJsonObject &object, const ProtocolLimits &limits = {});
[[nodiscard]] Result<Change, CodecError> decodeChange(const QJsonObject &object,
                                                      const ProtocolLimits &limits = {});
[[nodiscard]] Result<PullPage, CodecError> decodePullPage(const QJsonObject &object,
                                                          const ProtocolLimits &limits = {});
/** Reads {"error":{...}}, the body of a failed call. */
[[nodiscard]] Result<ApiError, CodecError> decodeApiError(const QJsonObject &object,
                                                          const ProtocolLimits &limits = {});

/**
 * Decoders of whole HTTP bodies: the bytes must be at most limits.maxBodyBytes of valid UTF-8
 * JSON (a parse error's reason carries its byte offset) whose top level is an object.
 */
[[nodiscard]] Result<PushRequest, CodecError> decodePushRequest(const QByteArray &body,
                                                                const ProtocolLimits &limits = {});
[[nodiscard]] Result<PushResponse, CodecError>
decodePushResponse(const QByteArray &body, const ProtocolLimits &limits = {});
[[nodiscard]] Result<PullPage, CodecError> decodePullPage(const QByteArray &body,
                                                          const ProtocolLimits &limits = {});

} // namespace gx
