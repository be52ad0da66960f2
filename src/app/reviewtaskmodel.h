#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

// moc needs the whole Session for the `session` property.
Q_MOC_INCLUDE("app/session.h")

namespace gx {

class Session;

/**
 * The office's open review tasks (has issues / rejected, not marked done) on one survey and on
 * its equipment rows and key processes, newest first, each with its comment and the field it is
 * pinned to, so that the survey screen shows them on top and a tap jumps to the field.
 */
class ReviewTaskModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY surveyIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        TaskIdRole = Qt::UserRole + 1,
        StateRole,      ///< has_issues | rejected
        StateLabelRole, ///< in the UI language
        CommentRole,
        FieldRole,
        FieldLabelRole, ///< "" when the comment is on the whole record
        EntityRole,
        RecordIdRole,
        ReviewerRole,
        ReviewedAtRole,
    };
    Q_ENUM(Role)

    explicit ReviewTaskModel(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &surveyId);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Marks a task as dealt with (it leaves the list). */
    Q_INVOKABLE bool markDone(int row);
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void surveyIdChanged();
    void countChanged();

private:
    struct Task
    {
        QString id;
        QString state;
        QString comment;
        QString field;
        QString entity;
        QString recordId;
        QString reviewer;
        QString reviewedAt;
    };

    QPointer<Session> m_session;
    QString m_surveyId;
    QList<Task> m_tasks;
};

} // namespace gx
