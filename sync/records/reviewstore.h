#pragma once

#include "core/formdefinition.h"
#include "sync/records/recordstore.h"
#include "sync/store/database.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gx::server {

/** Why a review was not written: a bad request (with its field), an unknown record, or storage. */
struct ReviewError
{
    enum class Kind
    {
        Invalid,  ///< the request breaks a rule; `field` names the member
        NotFound, ///< no such record, or it is deleted
        Storage,  ///< the database failed (`db` says how)
    };
    Kind kind = Kind::Invalid;
    QString message;
    QString field;
    DbError db;
};

/** A review as the office asks for it (POST /api/v1/reviews): which record, the verdict, why. */
struct ReviewRequest
{
    QString entity;  ///< the reviewed record's entity (survey, enterprise, equipment, key_process)
    QString id;      ///< the reviewed record's id
    QString state;   ///< approved | has_issues | rejected
    QString comment; ///< required for has_issues and rejected
    QString field;   ///< optional: the field the comment is pinned to

    /** Reads a request body; the error names the member that is not a string. */
    [[nodiscard]] static Result<ReviewRequest, ReviewError> fromJson(const QJsonObject &body);
};

/**
 * Reviews are records of entity `review` (docs/design.md "Sync": they sync back to the device in
 * scope, where they show as tasks). A review's fields are {entity, record_id, state, comment,
 * field, reviewer, reviewed_at (ISO 8601 UTC)}; it carries the scope columns of the record it
 * concerns, so exactly the devices that see the record pull its reviews. The latest review (by
 * change-feed seq) of a survey is its review state: a `rejected` survey stops counting.
 *
 * Used by the HTTP call and by the demo generator, so both write reviews the same way.
 */
class ReviewStore
{
public:
    static constexpr int kMaxCommentLength = 2000;
    static inline const QString kEntity = QStringLiteral("review");

    /** approved, has_issues, rejected. */
    [[nodiscard]] static const QStringList &states();

    ReviewStore(Database &db, const FormDefinition &form);

    /** What is wrong with a request before the store is read (entity, state, comment, field). */
    [[nodiscard]] std::optional<ReviewError> check(const ReviewRequest &request) const;

    /**
     * Checks the request, finds the record (404 unless it exists and is not deleted) and writes
     * the review record with a new seq. Must run inside a WriteTransaction (the caller commits,
     * and writes its audit row in the same transaction).
     */
    [[nodiscard]] Result<StoredRecord, ReviewError> create(const ReviewRequest &request,
                                                           const QString &reviewId,
                                                           const QString &reviewer, qint64 now);

    /** The answer of the HTTP call: the review's fields plus "id" and "rev". */
    [[nodiscard]] static QJsonObject toJson(const StoredRecord &review);

private:
    Database &m_db;
    const FormDefinition &m_form;
};

} // namespace gx::server
