#pragma once

#include "core/result.h"
#include "store/outboxrows.h"
#include "store/recordrows.h"
#include "store/storeerror.h"

#include <QString>

namespace gx {

class LocalEditor;
class StoreDatabase;

/** What SurveyFolder::foldSurvey() did. */
struct FoldOutcome
{
    QString survey;         ///< the existing survey everything now belongs to
    int fieldsMoved = 0;    ///< fields of the local survey written as edits of the existing one
    int rowsReparented = 0; ///< equipment and key-process rows moved under it
};

/**
 * Folds a survey begun offline into the one the server already has for the same enterprise and
 * period (the answer to a `duplicate_survey` rejection), so that nothing either inspector typed
 * is lost:
 * - every answered field of the local survey becomes a field edit of the existing one (new
 *   outbox mutations against it, merged by the server like any edit); `enterprise` and `period`
 *   are the same by definition and `state` moves only forward (a local "submitted" is carried,
 *   a local "draft" never demotes the existing survey);
 * - its equipment and key-process rows are re-parented: their `survey` field set to the
 *   existing id, as edits;
 * - the local survey and its refused mutations leave the store.
 * All in one transaction. If the existing survey is not in the store yet (not pulled), it is
 * begun locally with base_rev 0 and the server's merge resolves its fields by HLC; pulling
 * before folding is better.
 */
class SurveyFolder
{
public:
    SurveyFolder(StoreDatabase &db, LocalEditor &editor);

    /** Refused (InFlight) while a mutation of the local survey or its rows is in flight. */
    [[nodiscard]] Result<FoldOutcome, StoreError> foldSurvey(const QString &localSurveyId,
                                                             const QString &existingSurveyId);

private:
    StoreDatabase &m_db;
    LocalEditor &m_editor;
    detail::RecordRows m_records;
    detail::OutboxRows m_outbox;
};

} // namespace gx
