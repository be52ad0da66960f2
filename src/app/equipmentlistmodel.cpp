#include "app/equipmentlistmodel.h"

#include "app/logging.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QElapsedTimer>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

bool sameLine(const RowSummary &a, const RowSummary &b)
{
    return a.id == b.id && a.title == b.title && a.category == b.category && a.status == b.status &&
           a.state == b.state && a.fieldsJson == b.fieldsJson;
}

} // namespace

EquipmentListModel::EquipmentListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

EquipmentListModel::~EquipmentListModel() = default;

void EquipmentListModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::dataChanged,
                         [this] {
                             if (!m_notifying)
                                 reload();
                         }},
                        {&Session::languageChanged, [this] {
                             if (!m_lines.isEmpty())
                                 emit dataChanged(index(0), index(int(m_lines.size()) - 1));
                         }}}))
        return;
    emit sessionChanged();
    reload();
}

void EquipmentListModel::setSurveyId(const QString &surveyId)
{
    if (surveyId == m_surveyId)
        return;
    m_surveyId = surveyId;
    m_undo.clear();
    emit surveyIdChanged();
    emit undoChanged();
    reload();
}

void EquipmentListModel::setEntity(const QString &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    emit entityChanged();
    reload();
}

QString EquipmentListModel::undoTitle() const
{
    const RowUndo::Entry *last = m_undo.last();
    return last ? last->title : QString();
}

int EquipmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QHash<int, QByteArray> EquipmentListModel::roleNames() const
{
    return {{IdRole, "rowId"},          {TitleRole, "title"},
            {CategoryRole, "category"}, {CategoryLabelRole, "categoryLabel"},
            {StatusRole, "status"},     {StatusLabelRole, "statusLabel"},
            {QuantityRole, "quantity"}, {LocalStateRole, "localState"}};
}

QString EquipmentListModel::optionLabel(const QString &field, const QString &value) const
{
    if (value.isEmpty() || !m_session)
        return {};
    const EntityDefinition *entity = m_session->form().entity(m_entity);
    const FieldDefinition *def = entity ? entity->field(field) : nullptr;
    const ChoiceOption *option = def ? def->option(QJsonValue(value)) : nullptr;
    return option ? option->label.text(m_session->uiLanguage()) : value;
}

QVariant EquipmentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Line &line = m_lines.at(index.row());
    const RowSummary &row = line.summary;
    switch (role) {
    case IdRole:
        return row.id;
    case TitleRole:
        return row.title;
    case CategoryRole:
        return row.category;
    case CategoryLabelRole:
        return optionLabel(u"category"_s, row.category);
    case StatusRole:
        return row.status;
    case StatusLabelRole:
        return optionLabel(u"status"_s, row.status);
    case QuantityRole:
        if (!line.parsed) {
            const QJsonValue q = row.fields().value(u"quantity"_s);
            line.quantity = q.isDouble() ? QVariant(q.toInteger()) : QVariant();
            line.parsed = true;
        }
        return line.quantity;
    case LocalStateRole:
        return localStateName(row.state);
    default:
        return {};
    }
}

int EquipmentListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).summary.id == id)
            return i;
    }
    return -1;
}

QString EquipmentListModel::idAt(int row) const
{
    return row >= 0 && row < m_lines.size() ? m_lines.at(row).summary.id : QString();
}

QList<RowSummary> EquipmentListModel::readRows()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_surveyId.isEmpty())
        return {};
    auto view = store->queries().survey(m_surveyId);
    if (!view) {
        setLastError(view.error().message);
        return {};
    }
    if (!view.value())
        return {};
    return m_entity == u"key_process"_s ? view.value()->keyProcesses : view.value()->equipment;
}

void EquipmentListModel::reload()
{
    QElapsedTimer timer;
    timer.start();
    applyRows(readRows());
    m_loadMillis = int(timer.elapsed());
}

void EquipmentListModel::applyRows(QList<RowSummary> rows)
{
    const int oldCount = int(m_lines.size());
    const int newCount = int(rows.size());
    // The common head and tail stay; the middle is removed and inserted (one add, duplicate or
    // delete touches only its row, so the view keeps its place).
    int head = 0;
    while (head < oldCount && head < newCount && m_lines.at(head).summary.id == rows.at(head).id)
        ++head;
    int tail = 0;
    while (tail < oldCount - head && tail < newCount - head &&
           m_lines.at(oldCount - 1 - tail).summary.id == rows.at(newCount - 1 - tail).id)
        ++tail;
    if (oldCount - tail > head) {
        beginRemoveRows({}, head, oldCount - tail - 1);
        m_lines.remove(head, oldCount - tail - head);
        endRemoveRows();
    }
    if (newCount - tail > head) {
        beginInsertRows({}, head, newCount - tail - 1);
        for (int i = head; i < newCount - tail; ++i)
            m_lines.insert(i, Line{rows.at(i), {}, false});
        endInsertRows();
    }
    for (int i = 0; i < newCount; ++i) {
        if (!sameLine(m_lines.at(i).summary, rows.at(i))) {
            m_lines[i] = Line{std::move(rows[i]), {}, false};
            emit dataChanged(index(i), index(i));
        }
    }
    if (oldCount != newCount || oldCount == 0)
        emit countChanged();
}

void EquipmentListModel::afterWrite()
{
    reload();
    m_notifying = true;
    m_session->notifyDataChanged();
    m_notifying = false;
}

QString EquipmentListModel::addRow()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_surveyId.isEmpty())
        return {};
    const Language language = m_session->uiLanguage();
    QJsonObject fields{{u"survey"_s, m_surveyId}};
    if (m_entity == u"key_process"_s) {
        fields.insert(u"name"_s, LocalizedText{u"新工序"_s, u"New process"_s}.text(language));
    } else {
        fields.insert(u"name"_s, LocalizedText{u"新设备"_s, u"New equipment"_s}.text(language));
        fields.insert(u"category"_s, u"other"_s);
        fields.insert(u"quantity"_s, 1);
        fields.insert(u"status"_s, u"in_service"_s);
    }
    auto receipt = store->createRecord(m_entity, fields);
    if (!receipt) {
        setLastError(receipt.error().message);
        return {};
    }
    afterWrite();
    return receipt.value().id;
}

QString EquipmentListModel::duplicateRow(int row)
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || row < 0 || row >= m_lines.size())
        return {};
    auto receipt = store->duplicateRecord(m_entity, m_lines.at(row).summary.id, {u"photo"_s});
    if (!receipt) {
        setLastError(receipt.error().message);
        return {};
    }
    afterWrite();
    return receipt.value().id;
}

bool EquipmentListModel::removeRow(int row)
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || row < 0 || row >= m_lines.size())
        return false;
    const RowSummary &summary = m_lines.at(row).summary;
    RowUndo::Entry entry{m_entity, summary.id, summary.fields(), summary.title};
    auto receipt = store->deleteRecord(m_entity, summary.id);
    if (!receipt) {
        setLastError(receipt.error().message);
        return false;
    }
    m_undo.push(std::move(entry));
    emit undoChanged();
    afterWrite();
    return true;
}

QString EquipmentListModel::undoRemove()
{
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || m_undo.isEmpty())
        return {};
    auto receipt = m_undo.undo(*store);
    emit undoChanged();
    if (!receipt) {
        setLastError(receipt.error().message);
        return {};
    }
    afterWrite();
    return receipt.value().id;
}

void EquipmentListModel::clearUndo()
{
    if (m_undo.isEmpty())
        return;
    m_undo.clear();
    emit undoChanged();
}

void EquipmentListModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

} // namespace gx
