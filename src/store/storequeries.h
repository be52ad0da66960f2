#pragma once

#include "core/result.h"
#include "store/storeerror.h"
#include "store/storetypes.h"

#include <QHash>
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

/** The open work on one enterprise for a period (the list's badges): open review tasks and
 * undismissed conflicts of the enterprise itself, its survey of the period and that survey's rows.
 */
struct EnterpriseBadges
{
    int reviewTasks = 0;
    int conflicts = 0;
};

/** One survey of an enterprise, as its page lists them. */
struct SurveySummary
{
    QString id;
    int period = 0;
    QString state; ///< the survey's `state` field (draft/submitted)
    LocalState localState = LocalState::Synced;
};

/** A record the server refused, with its reason: the sync screen's "fix and resend" list. */
struct RejectedRecord
{
    QString entity;
    QString id;
    QString title;    ///< its `name`, if it has one
    QString parentId; ///< the parent's id of a child record (an equipment row's survey)
    SyncError error;
    qint64 updatedAt = 0;
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
    /** The badges of every enterprise with open work for the period, by USCC (one query). */
    [[nodiscard]] Result<QHash<QString, EnterpriseBadges>, StoreError> enterpriseBadges(int period);
    /** The surveys (not deleted) of one enterprise, newest period first. */
    [[nodiscard]] Result<QList<SurveySummary>, StoreError> surveysOf(const QString &uscc);
    /** A survey (not deleted) that has equipment rows, e.g. for a demo or a screenshot; ""
     * when there is none. */
    [[nodiscard]] Result<QString, StoreError> surveyWithEquipment();
    /** Surveys (not deleted) with at least one equipment row planned for renewal, at most
     * `limit`, in the order their rows were stored (e.g. for a screenshot of the local supply). */
    [[nodiscard]] Result<QStringList, StoreError> surveysWithPlannedRenewal(int limit);
    /** Records in the rejected state with the server's reason, most recently changed first. */
    [[nodiscard]] Result<QList<RejectedRecord>, StoreError> rejectedRecords();
    /**
     * Every record (not deleted) of one entity, by name then id: e.g. the catalogue's providers
     * or products (a few hundred, city-wide). Fields, id, revision and version are filled.
     */
    [[nodiscard]] Result<QList<StoredRecord>, StoreError> recordsOf(const QString &entity);

private:
    StoreDatabase &m_db;
};

} // namespace gx
