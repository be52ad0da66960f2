#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The office's verdict on one survey (POST /api/v1/reviews): approve, has issues (a comment,
 * optionally pinned to a field) or reject (a comment). A verdict that needs a comment is refused
 * here, before any call, with a readable message; the server's refusals come back with its
 * message and the field it names. After a verdict is stored the controller asks the sync client
 * for a sync so that the review lands in the device store (and the lists refresh).
 *
 * It also gives the screen what it shows around the form: the enterprise's name, the survey's
 * state and its latest review from the store.
 */
class ReviewController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY surveyIdChanged)
    /** The field the comment is pinned to ("" for none). */
    Q_PROPERTY(QString field READ field WRITE setField NOTIFY fieldChanged)
    Q_PROPERTY(QString fieldLabel READ fieldLabel NOTIFY fieldChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultChanged)
    /** The field the server (or the local check) refused: "comment", "field", ... */
    Q_PROPERTY(QString errorField READ errorField NOTIFY resultChanged)
    /** What happened after a verdict was stored, for the user. */
    Q_PROPERTY(QString message READ message NOTIFY resultChanged)
    Q_PROPERTY(bool found READ isFound NOTIFY surveyChanged)
    Q_PROPERTY(QString enterpriseName READ enterpriseName NOTIFY surveyChanged)
    Q_PROPERTY(QString surveyStateText READ surveyStateText NOTIFY surveyChanged)
    /** The latest review in the store: state ("none" without) and its readable form, comment. */
    Q_PROPERTY(QString reviewState READ reviewState NOTIFY surveyChanged)
    Q_PROPERTY(QString reviewStateText READ reviewStateText NOTIFY surveyChanged)
    Q_PROPERTY(QString reviewComment READ reviewComment NOTIFY surveyChanged)

public:
    explicit ReviewController(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &surveyId);
    [[nodiscard]] QString field() const { return m_field; }
    void setField(const QString &field);
    [[nodiscard]] QString fieldLabel() const;
    [[nodiscard]] bool isBusy() const { return m_client.isBusy(); }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString errorField() const { return m_errorField; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool isFound() const { return m_found; }
    [[nodiscard]] QString enterpriseName() const { return m_enterpriseName; }
    [[nodiscard]] QString surveyStateText() const { return m_surveyStateText; }
    [[nodiscard]] QString reviewState() const { return m_reviewState; }
    [[nodiscard]] QString reviewStateText() const;
    [[nodiscard]] QString reviewComment() const { return m_reviewComment; }

    /**
     * Sends the verdict ("approved", "has_issues" or "rejected") with the comment and the
     * pinned field. Returns false when it is refused before sending (a comment is needed, or
     * a call is running); the outcome of a sent verdict arrives as reviewed() or failed().
     */
    Q_INVOKABLE bool submit(const QString &state, const QString &comment);
    /** Reads the survey and its latest review from the store again. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void surveyIdChanged();
    void fieldChanged();
    void busyChanged();
    void resultChanged();
    void surveyChanged();
    void reviewed(const QString &state);
    void failed(const QString &message);

private:
    void setResult(const QString &error, const QString &errorField, const QString &message);

    QPointer<Session> m_session;
    OfficeClient m_client;
    QString m_surveyId;
    QString m_field;
    QString m_error;
    QString m_errorField;
    QString m_message;
    bool m_found = false;
    QString m_enterpriseName;
    QString m_surveyStateText;
    QString m_reviewState = QStringLiteral("none");
    QString m_reviewComment;
};

} // namespace gx
