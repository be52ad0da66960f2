#include "app/rejectedmodel.h"

#include "app/session.h"
#include "store/devicestore.h"

using namespace Qt::StringLiterals;

namespace gx {

RejectedModel::RejectedModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void RejectedModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {&Session::dataChanged, &Session::sessionChanged, &Session::languageChanged},
                       &RejectedModel::reload))
        return;
    emit sessionChanged();
    reload();
}

void RejectedModel::reload()
{
    QList<RejectedRecord> rows;
    if (m_session && m_session->store()) {
        auto read = m_session->store()->queries().rejectedRecords();
        if (read)
            rows = std::move(read.value());
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        emit countChanged();
}

int RejectedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RejectedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || !m_session)
        return {};
    const RejectedRecord &row = m_rows.at(index.row());
    const EntityDefinition *entity = m_session->form().entity(row.entity);
    const Language lang = m_session->uiLanguage();
    switch (role) {
    case EntityRole:
        return row.entity;
    case RecordIdRole:
        return row.id;
    case Qt::DisplayRole:
    case TitleRole:
        return row.title.isEmpty() ? row.id : row.title;
    case EntityLabelRole:
        return entity ? entity->label.text(lang) : row.entity;
    case CodeRole:
        return row.error.code;
    case MessageRole:
        return row.error.message;
    case FieldRole:
        return row.error.field;
    case FieldLabelRole: {
        const FieldDefinition *field = entity ? entity->field(row.error.field) : nullptr;
        return field ? field->label.text(lang) : row.error.field;
    }
    case ScreenRole:
        if (row.entity == u"equipment"_s)
            return u"EquipmentRowScreen.qml"_s;
        if (row.entity == u"enterprise"_s)
            return u"EnterpriseScreen.qml"_s;
        return u"SurveyScreen.qml"_s;
    case ScreenPropertiesRole:
        if (row.entity == u"equipment"_s)
            return QVariantMap{{u"rowId"_s, row.id}};
        if (row.entity == u"enterprise"_s)
            return QVariantMap{{u"uscc"_s, row.id}};
        if (row.entity == u"survey"_s)
            return QVariantMap{{u"surveyId"_s, row.id}};
        return QVariantMap{{u"surveyId"_s, row.parentId}}; // a key process: its survey
    default:
        return {};
    }
}

QHash<int, QByteArray> RejectedModel::roleNames() const
{
    return {{EntityRole, "entity"}, {RecordIdRole, "recordId"},
            {TitleRole, "title"},   {EntityLabelRole, "entityLabel"},
            {CodeRole, "code"},     {MessageRole, "message"},
            {FieldRole, "field"},   {FieldLabelRole, "fieldLabel"},
            {ScreenRole, "screen"}, {ScreenPropertiesRole, "screenProperties"}};
}

} // namespace gx
