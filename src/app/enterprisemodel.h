#pragma once

#include "app/session.h"

#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * One enterprise's page: its profile (each field of the definition's `enterprise` entity with
 * its label and displayed value in the UI's language), its surveys by period with their open
 * review tasks, and starting the survey of a period. Reloads when the store's data changes.
 */
class EnterpriseModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString uscc READ uscc WRITE setUscc NOTIFY usccChanged)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)
    Q_PROPERTY(QString name READ name NOTIFY loaded)
    Q_PROPERTY(QString regionName READ regionName NOTIFY loaded)
    Q_PROPERTY(QString localState READ localState NOTIFY loaded)
    /** [{name, label, value}] in the definition's order; unanswered fields show "". */
    Q_PROPERTY(QVariantList profile READ profile NOTIFY loaded)
    /** [{id, period, state, localState, reviewTasks}], newest period first. */
    Q_PROPERTY(QVariantList surveys READ surveys NOTIFY loaded)
    /** Open review tasks of its surveys: [{id, surveyId, period, state, comment, field,
     * fieldLabel, reviewer}]. */
    Q_PROPERTY(QVariantList reviewTasks READ reviewTasks NOTIFY loaded)
    /** The id of the survey of the Session's period, "" when not started. */
    Q_PROPERTY(QString currentSurveyId READ currentSurveyId NOTIFY loaded)
    Q_PROPERTY(QString error READ error NOTIFY loaded)

public:
    explicit EnterpriseModel(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString uscc() const { return m_uscc; }
    void setUscc(const QString &uscc);
    [[nodiscard]] bool exists() const { return m_exists; }
    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString regionName() const { return m_regionName; }
    [[nodiscard]] QString localState() const { return m_localState; }
    [[nodiscard]] QVariantList profile() const { return m_profile; }
    [[nodiscard]] QVariantList surveys() const { return m_surveys; }
    [[nodiscard]] QVariantList reviewTasks() const { return m_reviewTasks; }
    [[nodiscard]] QString currentSurveyId() const { return m_currentSurveyId; }
    [[nodiscard]] QString error() const { return m_error; }

    /**
     * The survey of the enterprise for a period: the existing one, or a new record
     * {enterprise, period, state: "draft"}. Returns its id, "" on failure (see error).
     */
    Q_INVOKABLE QString startSurvey(int period);
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void usccChanged();
    void loaded();

private:
    [[nodiscard]] QString displayValue(const QString &field, const QJsonValue &value) const;

    QPointer<Session> m_session;
    QString m_uscc;
    bool m_exists = false;
    QString m_name;
    QString m_regionName;
    QString m_localState;
    QVariantList m_profile;
    QVariantList m_surveys;
    QVariantList m_reviewTasks;
    QString m_currentSurveyId;
    QString m_error;
};

} // namespace gx
