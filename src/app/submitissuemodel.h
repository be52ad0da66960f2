#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The problems found when a survey is checked for submission, one line each: which record
 * (the survey itself or one of its equipment rows / key processes), which field, and the
 * Validator's message, so that a tap can jump to the field. Filled by SurveyController.
 */
class SubmitIssueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by SurveyController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    struct Issue
    {
        QString entity;
        QString recordId;
        QString field;
        QString fieldLabel;
        QString rowTitle; ///< "" for the survey's own fields, else e.g. "设备：数控车床"
        QString message;
        bool error = true;
    };

    enum Role
    {
        EntityRole = Qt::UserRole + 1,
        RecordIdRole,
        FieldRole,
        FieldLabelRole,
        RowTitleRole,
        MessageRole,
        IsErrorRole,
    };
    Q_ENUM(Role)

    explicit SubmitIssueModel(QObject *parent = nullptr);

    void setIssues(QList<Issue> issues);
    [[nodiscard]] const QList<Issue> &issues() const { return m_issues; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** One issue as {entity, recordId, field, fieldLabel, rowTitle, message, isError}. */
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

private:
    QList<Issue> m_issues;
};

} // namespace gx
