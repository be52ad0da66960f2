#pragma once

#include "core/result.h"
#include "core/syncprotocol.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storeerror.h"

#include <QSet>
#include <QString>

#include <functional>

class QSqlQuery;

namespace gx {

class Inbox;
class StoreDatabase;

/** What PullApplier::applyPullPage() did with a page. */
struct PullOutcome
{
    int applied = 0;   ///< records written as the server has them
    int keptLocal = 0; ///< records with pending edits: the server's other fields taken, the
                       ///< pending ones kept until their push result
    int deleted = 0;   ///< records removed by tombstones
    int stale = 0;     ///< changes older than what the device already knows (ignored)
    int conflicts = 0; ///< conflict notes stored or removed
    int reviews = 0;   ///< reviews stored or removed
};

/**
 * Applies the server's change feed to the device store, one page per transaction together with
 * the page's cursor: after a crash the device resumes exactly after the last page it holds.
 *
 * A pulled change never enters the outbox (it is the server's own state) and never overwrites a
 * field the device still has a mutation for, in any state (pending, in flight, rejected): the
 * server's merge decides those, and the local value stays until its answer. Tombstones remove
 * records without local edits. `conflict` and `review` changes go to the Inbox.
 */
class PullApplier
{
public:
    PullApplier(StoreDatabase &db, Inbox &inbox, std::function<qint64()> wallClockMillis);

    /**
     * Applies every change of the page and stores its cursor, all or nothing. A change the
     * store cannot take (bad entity name or id, rev < 1) or an empty cursor fails the whole page
     * (BadChange), leaving records and cursor as they were.
     */
    [[nodiscard]] Result<PullOutcome, StoreError> applyPullPage(const PullPage &page);
    /** The cursor to send as ?since= (empty: pull from the start). */
    [[nodiscard]] Result<QString, StoreError> cursor();

private:
    /** What every change of a page shares: asked once per page. */
    struct PageContext
    {
        qint64 now = 0;
        QSet<QString> entitiesInOutbox; ///< the entities the outbox holds mutations of
        QSqlQuery *upsert = nullptr;    ///< without the outbox probe
        QSqlQuery *upsertProbed = nullptr;
        QSqlQuery *remove = nullptr; ///< without the outbox probe
        QSqlQuery *removeProbed = nullptr;
    };

    [[nodiscard]] Result<PageContext, StoreError> pageContext();
    [[nodiscard]] Status<StoreError> applyChange(const Change &change, const PageContext &context,
                                                 PullOutcome &outcome);
    [[nodiscard]] Status<StoreError> applyOverPending(const Change &change, qint64 now,
                                                      PullOutcome &outcome);

    StoreDatabase &m_db;
    Inbox &m_inbox;
    std::function<qint64()> m_wallClockMillis;
    detail::RecordRows m_records;
    detail::OutboxRows m_outbox;
};

} // namespace gx
