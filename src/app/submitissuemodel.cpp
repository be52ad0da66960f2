#include "app/submitissuemodel.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace gx {

SubmitIssueModel::SubmitIssueModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void SubmitIssueModel::setIssues(QList<Issue> issues)
{
    beginResetModel();
    m_issues = std::move(issues);
    endResetModel();
    emit countChanged();
}

int SubmitIssueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

QHash<int, QByteArray> SubmitIssueModel::roleNames() const
{
    return {{EntityRole, "entity"},         {RecordIdRole, "recordId"}, {FieldRole, "field"},
            {FieldLabelRole, "fieldLabel"}, {RowTitleRole, "rowTitle"}, {MessageRole, "message"},
            {IsErrorRole, "isError"}};
}

QVariant SubmitIssueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_issues.size())
        return {};
    const Issue &issue = m_issues.at(index.row());
    switch (role) {
    case EntityRole:
        return issue.entity;
    case RecordIdRole:
        return issue.recordId;
    case FieldRole:
        return issue.field;
    case FieldLabelRole:
        return issue.fieldLabel;
    case RowTitleRole:
        return issue.rowTitle;
    case MessageRole:
        return issue.message;
    case IsErrorRole:
        return issue.error;
    default:
        return {};
    }
}

QVariantMap SubmitIssueModel::get(int row) const
{
    QVariantMap out;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

} // namespace gx
