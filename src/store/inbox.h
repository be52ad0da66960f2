#pragma once

#include "core/result.h"
#include "core/syncprotocol.h"
#include "store/storeerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace gx {

class StoreDatabase;

/**
 * A value that lost a merge on the server (a pulled record of entity `conflict`): shown to the
 * inspector beside the record so that nothing overwritten goes unseen.
 */
struct ConflictNote
{
    QString id;
    qint64 rev = 0;
    QString entity; ///< the record concerned
    QString recordId;
    QString field;
    QJsonValue keptValue;
    QJsonValue lostValue;
    QString keptHlc;
    QString lostHlc;
    QString lostDevice;
    QString lostBy; ///< the user whose value lost
    QString reason; ///< "hlc" (the later edit won) or "forward_only" (a level only moves up)
    bool dismissed = false;
};

/** A review by the office (a pulled record of entity `review`). An open task is the latest
 * review of its record when it asks for work (has_issues or rejected) and is not marked done. */
struct ReviewTask
{
    QString id;
    qint64 rev = 0;
    QString entity; ///< the record reviewed
    QString recordId;
    QString state; ///< approved | has_issues | rejected
    QString comment;
    QString field; ///< the field the comment is pinned to, or empty
    QString reviewer;
    QString reviewedAt;
    bool done = false;
};

/**
 * What the server sent for a person to look at: the conflict log of the device's records and
 * the office's reviews. Filled by PullApplier inside the page's transaction; read and marked by
 * the UI.
 */
class Inbox
{
public:
    explicit Inbox(StoreDatabase &db);

    /** Conflicts, newest first; dismissed ones only when asked. */
    [[nodiscard]] Result<QList<ConflictNote>, StoreError> conflicts(bool includeDismissed = false);
    /** The conflicts of one record, newest first, dismissed included. */
    [[nodiscard]] Result<QList<ConflictNote>, StoreError> conflictsOf(const QString &entity,
                                                                      const QString &recordId);
    /** Hides a conflict from the open list (kept for the record). False: no such conflict. */
    [[nodiscard]] Result<bool, StoreError> dismissConflict(const QString &id);

    /** Open review tasks, newest review first. */
    [[nodiscard]] Result<QList<ReviewTask>, StoreError> reviewTasks();
    /** The latest review of a record, whatever its state (e.g. to show "approved"). */
    [[nodiscard]] Result<std::optional<ReviewTask>, StoreError>
    latestReview(const QString &entity, const QString &recordId);
    /** Marks a task as dealt with. False: no such review. */
    [[nodiscard]] Result<bool, StoreError> markReviewDone(const QString &id);

    /** Stores (or, for a tombstone, removes) a pulled conflict or review; the caller's
     * transaction. An older revision than the one held is ignored. */
    [[nodiscard]] Status<StoreError> storeConflict(const Change &change, qint64 nowMillis);
    [[nodiscard]] Status<StoreError> storeReview(const Change &change, qint64 nowMillis);

private:
    [[nodiscard]] Result<QList<ConflictNote>, StoreError> readConflicts(const QString &sql,
                                                                        const QStringList &binds);
    [[nodiscard]] Result<QList<ReviewTask>, StoreError> readReviews(const QString &sql,
                                                                    const QStringList &binds);
    [[nodiscard]] Result<bool, StoreError> mark(const QString &sql, const QString &id);
    /** Keeps a pulled conflict or review row: its text columns come from the change's fields. */
    [[nodiscard]] Status<StoreError> upsert(const QString &table, const QStringList &columns,
                                            const Change &change, qint64 nowMillis);

    StoreDatabase &m_db;
};

} // namespace gx
