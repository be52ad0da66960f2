#pragma once

#include "app/submitissuemodel.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

// moc needs the whole Session for the `session` property.
Q_MOC_INCLUDE("app/session.h")

namespace gx {

class Session;

/**
 * What the survey screen does beyond its fields: the heading (enterprise and period), the
 * survey's state, and submission. submit() checks the survey and every equipment row and key
 * process in submit mode (core's Validator: required answers, bounds, rules), lists each problem
 * in `issues` (field label, row, message) and, when there is no error, sets the survey's state
 * to "submitted" as one saved edit.
 */
class SurveyController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY surveyIdChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY surveyChanged)
    Q_PROPERTY(QString enterpriseName READ enterpriseName NOTIFY surveyChanged)
    Q_PROPERTY(QString enterpriseId READ enterpriseId NOTIFY surveyChanged)
    Q_PROPERTY(int period READ period NOTIFY surveyChanged)
    /** The survey's `state`: "draft" or "submitted". */
    Q_PROPERTY(QString state READ state NOTIFY surveyChanged)
    Q_PROPERTY(bool submitted READ isSubmitted NOTIFY surveyChanged)
    Q_PROPERTY(gx::SubmitIssueModel *issues READ issues CONSTANT)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY checked)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit SurveyController(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &surveyId);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString enterpriseName() const { return m_enterpriseName; }
    [[nodiscard]] QString enterpriseId() const { return m_enterpriseId; }
    [[nodiscard]] int period() const { return m_period; }
    [[nodiscard]] QString state() const { return m_state; }
    [[nodiscard]] bool isSubmitted() const { return m_state == QStringLiteral("submitted"); }
    [[nodiscard]] SubmitIssueModel *issues() { return &m_issues; }
    [[nodiscard]] int errorCount() const { return m_errorCount; }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /** Checks everything in submit mode and fills `issues`; returns the number of errors. */
    Q_INVOKABLE int check();
    /** check(), then, with no error, marks the survey submitted. True when it was submitted. */
    Q_INVOKABLE bool submit();
    /** Re-reads the survey record. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void surveyIdChanged();
    void surveyChanged();
    void checked();
    void lastErrorChanged();

private:
    void setLastError(const QString &error);

    QPointer<Session> m_session;
    QString m_surveyId;
    bool m_loaded = false;
    QString m_enterpriseName;
    QString m_enterpriseId;
    int m_period = 0;
    QString m_state;
    SubmitIssueModel m_issues;
    int m_errorCount = 0;
    QString m_lastError;
};

} // namespace gx
