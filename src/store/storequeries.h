#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gx {

class StoreDatabase;

/** Which enterprises a list shows by the state of their survey for the period. */
enum class SurveyFilter
{
    Any,
    NotStarted, ///< no survey for the period on this device
    Draft,      ///< a survey whose `state` is not "submitted"
    Submitted,
};

/** The enterprise list's question. */
struct EnterpriseQuery
{
    QString region; ///< a region code; empty: every region the device holds
    int period = 0; ///< the survey year
    QString search; ///< part of the name, or the start of the USCC; empty: all
    SurveyFilter filter = SurveyFilter::Any;
};

/** One line of the enterprise list. */
struct EnterpriseRow
{
    QString uscc;
    QString name;
    QString region;
    QString surveyId;    ///< empty when not started
    QString surveyState; ///< the survey's `state` field (draft/submitted), empty when none
    LocalState surveyLocalState = LocalState::Synced;
};

/**
 * One child row (an equipment row, a key process) as a list shows it: the few columns a line
 * needs, and the fields as JSON text parsed only when asked (a survey may hold 1,000 rows).
 */
struct RowSummary
{
    QString entity;
    QString id;
    QString title;    ///< its `name`
    QString category; ///< equipment `category`, else empty
    QString status;   ///< equipment `status`, else empty
    LocalState state = LocalState::Synced;
    QString fieldsJson;

    /** The row's fields (parsed now). */
    [[nodiscard]] QJsonObject fields() const;
};

/** A survey with all its rows, as the survey screen opens it. */
struct SurveyView
{
    StoredRecord survey;
    QList<RowSummary> equipment;
    QList<RowSummary> keyProcesses;
};

/** The numbers on the app's badges. */
struct BadgeCounts
{
    int pending = 0;     ///< records with edits not yet acknowledged
    int rejected = 0;    ///< records the server refused (waiting for the user)
    int conflicts = 0;   ///< conflict notes not dismissed
    int reviewTasks = 0; ///< open review tasks
};

/**
 * The reads the UI needs, each one indexed query: the enterprise list of a region with the
 * survey state for a period, a survey with its rows, the badge counts.
 */
class StoreQueries
{
public:
    explicit StoreQueries(StoreDatabase &db);

    /** Enterprises (not deleted) matching the query, by name. */
    [[nodiscard]] Result<QList<EnterpriseRow>, StoreError>
    enterprises(const EnterpriseQuery &query);
    /** The survey and its rows in the order they were added; nothing if no such survey. */
    [[nodiscard]] Result<std::optional<SurveyView>, StoreError> survey(const QString &surveyId);
    [[nodiscard]] Result<BadgeCounts, StoreError> badgeCounts();

private:
    StoreDatabase &m_db;
};

} // namespace gx
