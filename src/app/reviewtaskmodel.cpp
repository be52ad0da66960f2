#include "app/reviewtaskmodel.h"

#include "app/session.h"
#include "store/devicestore.h"

using namespace Qt::StringLiterals;

namespace gx {

ReviewTaskModel::ReviewTaskModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ReviewTaskModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {&Session::dataChanged, &Session::languageChanged},
                       &ReviewTaskModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void ReviewTaskModel::setSurveyId(const QString &surveyId)
{
    if (surveyId == m_surveyId)
        return;
    m_surveyId = surveyId;
    emit surveyIdChanged();
    reload();
}

void ReviewTaskModel::reload()
{
    QList<Task> tasks;
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (store && !m_surveyId.isEmpty()) {
        if (auto open = store->inbox().reviewTasks()) {
            for (const ReviewTask &t : open.value()) {
                bool ours = t.entity == u"survey"_s && t.recordId == m_surveyId;
                if (!ours && t.entity != u"survey"_s) {
                    auto row = store->record(t.entity, t.recordId);
                    ours = row && row.value() && row.value()->parentId == m_surveyId;
                }
                if (ours)
                    tasks.append({t.id, t.state, t.comment, t.field, t.entity, t.recordId,
                                  t.reviewer, t.reviewedAt});
            }
        }
    }
    beginResetModel();
    m_tasks = std::move(tasks);
    endResetModel();
    emit countChanged();
}

int ReviewTaskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QHash<int, QByteArray> ReviewTaskModel::roleNames() const
{
    return {{TaskIdRole, "taskId"},         {StateRole, "state"},
            {StateLabelRole, "stateLabel"}, {CommentRole, "comment"},
            {FieldRole, "field"},           {FieldLabelRole, "fieldLabel"},
            {EntityRole, "entity"},         {RecordIdRole, "recordId"},
            {ReviewerRole, "reviewer"},     {ReviewedAtRole, "reviewedAt"}};
}

QVariant ReviewTaskModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size() || !m_session)
        return {};
    const Task &task = m_tasks.at(index.row());
    const Language language = m_session->uiLanguage();
    switch (role) {
    case TaskIdRole:
        return task.id;
    case StateRole:
        return task.state;
    case StateLabelRole:
        return task.state == u"rejected"_s
                   ? LocalizedText{u"已退回"_s, u"Rejected"_s}.text(language)
                   : LocalizedText{u"需要修改"_s, u"Has issues"_s}.text(language);
    case CommentRole:
        return task.comment;
    case FieldRole:
        return task.field;
    case FieldLabelRole: {
        const EntityDefinition *entity = m_session->form().entity(task.entity);
        const FieldDefinition *field = entity ? entity->field(task.field) : nullptr;
        return field ? field->label.text(language) : task.field;
    }
    case EntityRole:
        return task.entity;
    case RecordIdRole:
        return task.recordId;
    case ReviewerRole:
        return task.reviewer;
    case ReviewedAtRole:
        return task.reviewedAt;
    default:
        return {};
    }
}

bool ReviewTaskModel::markDone(int row)
{
    if (row < 0 || row >= m_tasks.size() || !m_session || !m_session->store())
        return false;
    auto done = m_session->store()->inbox().markReviewDone(m_tasks.at(row).id);
    if (!done || !done.value())
        return false;
    m_session->notifyDataChanged();
    return true;
}

} // namespace gx
