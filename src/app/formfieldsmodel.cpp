#include "app/formfieldsmodel.h"
#include "app/photoencoder.h"

#include "app/fieldvalue.h"
#include "app/logging.h"
#include "app/session.h"
#include "store/devicestore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

QVariant boundValue(const Bound &bound, const QDate &today)
{
    switch (bound.kind) {
    case Bound::Kind::None:
        return {};
    case Bound::Kind::Number:
        return bound.number;
    case Bound::Kind::Date:
        return bound.date.toString(Qt::ISODate);
    case Bound::Kind::Today:
        return today.toString(Qt::ISODate);
    case Bound::Kind::ThisYear:
        return today.year();
    }
    return {};
}

/** "yyyy-MM-dd HH:mm" of an HLC text "MILLIS:COUNTER:DEVICE", or "". */
QString hlcTime(const QString &hlc)
{
    bool ok = false;
    const qint64 millis = hlc.section(u':', 0, 0).toLongLong(&ok);
    if (!ok)
        return {};
    return QDateTime::fromMSecsSinceEpoch(millis).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

FormFieldsModel::FormFieldsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

FormFieldsModel::~FormFieldsModel() = default;

void FormFieldsModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this,
                       {{&Session::dataChanged,
                         [this] {
                             onDataChanged();
                         }},
                        {&Session::languageChanged,
                         [this] {
                             readRecord();
                             refreshStates(true, {});
                         }},
                        {&Session::formChanged,
                         [this] {
                             useSessionForm();
                         }},
                        {&Session::sessionChanged, [this] {
                             reload();
                         }}}))
        return;
    emit sessionChanged();
    useSessionForm();
}

void FormFieldsModel::useSessionForm()
{
    m_validator.reset();
    if (m_session) {
        ValidationContext context;
        context.today = QDateTime::fromMSecsSinceEpoch(m_session->now()).date();
        context.regionCodes = m_session->regions().regionCodes();
        m_validator.emplace(m_session->form(), context);
    }
    rebuildRows();
}

void FormFieldsModel::setEntity(const QString &entity)
{
    if (entity == m_entity)
        return;
    m_entity = entity;
    emit entityChanged();
    rebuildRows();
}

void FormFieldsModel::setRecordId(const QString &recordId)
{
    if (recordId == m_recordId)
        return;
    m_recordId = recordId;
    emit recordIdChanged();
    for (Row &row : m_rows)
        row.inputError.clear();
    reload();
}

void FormFieldsModel::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly)
        return;
    m_readOnly = readOnly;
    emit readOnlyChanged();
}

QString FormFieldsModel::title() const
{
    if (!m_definition || m_definition->titleField.isEmpty())
        return {};
    const FieldDefinition *field = m_definition->field(m_definition->titleField);
    const Language language = m_session ? m_session->uiLanguage() : Language::Zh;
    return field ? FieldValue::display(*field, m_fields.value(field->name), language) : QString();
}

int FormFieldsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> FormFieldsModel::roleNames() const
{
    return {{NameRole, "name"},
            {LabelRole, "label"},
            {HintRole, "hint"},
            {SectionRole, "section"},
            {SectionIdRole, "sectionId"},
            {TypeRole, "type"},
            {UnitRole, "unit"},
            {ValueRole, "value"},
            {DisplayValueRole, "displayValue"},
            {OptionsRole, "options"},
            {MinimumRole, "minimum"},
            {MaximumRole, "maximum"},
            {RequiredOnSubmitRole, "requiredOnSubmit"},
            {RelevantRole, "relevant"},
            {ErrorRole, "error"},
            {WarningRole, "warning"},
            {ReviewCommentRole, "reviewComment"},
            {ConflictRole, "conflict"},
            {MultiLineRole, "multiLine"},
            {PhotoUrlRole, "photoUrl"}};
}

QVariant FormFieldsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || !m_session)
        return {};
    const Row &row = m_rows.at(index.row());
    const FieldDefinition &field = *row.field;
    const Language language = m_session->uiLanguage();
    const QJsonValue value = m_fields.value(field.name);
    switch (role) {
    case NameRole:
        return field.name;
    case LabelRole:
        return field.label.text(language);
    case HintRole:
        return field.hint.text(language);
    case SectionRole:
        return row.section->label.text(language);
    case SectionIdRole:
        return row.section->id;
    case TypeRole:
        return fieldTypeName(field.type);
    case UnitRole:
        return field.unit.text(language);
    case ValueRole:
        return value.isUndefined() ? QVariant() : value.toVariant();
    case DisplayValueRole:
        return FieldValue::display(field, value, language);
    case OptionsRole: {
        QVariantList options;
        for (const ChoiceOption &o : field.options)
            options << QVariantMap{{u"value"_s, o.value.toVariant()},
                                   {u"label"_s, o.label.text(language)}};
        return options;
    }
    case MinimumRole:
        return boundValue(field.minimum, m_validator->context().today);
    case MaximumRole:
        return boundValue(field.maximum, m_validator->context().today);
    case RequiredOnSubmitRole:
        return field.required;
    case RelevantRole:
        return row.state.relevant;
    case ErrorRole:
        return row.inputError.isEmpty() ? row.state.error : row.inputError;
    case WarningRole:
        return row.state.warning;
    case ReviewCommentRole:
        return row.state.reviewComment;
    case ConflictRole:
        return row.state.conflict;
    case MultiLineRole:
        return field.type == FieldType::Text && field.check == FieldCheck::None &&
               field.maxLength > Validator::kLongTextLength;
    case PhotoUrlRole: {
        if (field.type != FieldType::Photo || !value.isString() || !m_session->store())
            return QUrl();
        const QString path = m_session->store()->attachments().filePath(value.toString());
        return QFileInfo::exists(path) ? QUrl::fromLocalFile(path) : QUrl();
    }
    default:
        return {};
    }
}

int FormFieldsModel::indexOf(const QString &field) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).field->name == field)
            return i;
    }
    return -1;
}

QVariant FormFieldsModel::get(int row, const QString &roleName) const
{
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
        if (QLatin1StringView(it.value()) == roleName)
            return data(index(row), it.key());
    }
    return {};
}

int FormFieldsModel::rowOf(const QVariant &rowOrName) const
{
    if (rowOrName.typeId() == QMetaType::QString)
        return indexOf(rowOrName.toString());
    bool ok = false;
    const int row = rowOrName.toInt(&ok);
    return ok && row >= 0 && row < m_rows.size() ? row : -1;
}

bool FormFieldsModel::setValue(const QVariant &rowOrName, const QVariant &value)
{
    const int row = rowOf(rowOrName);
    if (row < 0) {
        setLastError(tr("No such field."));
        return false;
    }
    if (m_readOnly) {
        setLastError(tr("This form is read-only."));
        return false;
    }
    auto parsed = FieldValue::parse(*m_rows.at(row).field, value);
    if (!parsed) {
        m_rows[row].inputError = parsed.error().text(m_session->uiLanguage());
        const QModelIndex at = index(row);
        emit dataChanged(at, at, {ErrorRole});
        return false;
    }
    return save(row, parsed.value());
}

bool FormFieldsModel::setPhotoFile(const QVariant &rowOrName, const QUrl &file)
{
    const int row = rowOf(rowOrName);
    if (row < 0 || m_rows.at(row).field->type != FieldType::Photo) {
        setLastError(tr("No such field."));
        return false;
    }
    const QString name = m_rows.at(row).field->name;
    const QString label =
        m_rows.at(row).field->label.text(m_session ? m_session->uiLanguage() : Language::Zh);
    const auto notSaved = [this, &label, &name](const QString &reason) {
        setLastError(tr("%1 was not saved: %2").arg(label.isEmpty() ? name : label, reason));
        return false;
    };
    if (m_readOnly)
        return notSaved(tr("This form is read-only."));
    QFile in(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!in.open(QIODevice::ReadOnly))
        return notSaved(tr("The photo cannot be read: %1").arg(in.errorString()));
    if (in.size() > kMaxPhotoFileBytes)
        return notSaved(tr("the file is larger than %1 MB").arg(kMaxPhotoFileBytes >> 20));
    auto decoded = PhotoEncoder::decode(in.read(kMaxPhotoFileBytes + 1));
    auto encoded = decoded ? PhotoEncoder::encode(decoded.value())
                           : Result<EncodedPhoto, PhotoEncodeError>(decoded.error());
    if (!encoded) {
        qCWarning(lcApp) << "photo file" << in.fileName() << encoded.error().message;
        switch (encoded.error().code) {
        case PhotoEncodeError::Code::Empty:
            return notSaved(tr("the file is not a picture"));
        case PhotoEncodeError::Code::TooLarge:
            return notSaved(tr("the picture is too large"));
        case PhotoEncodeError::Code::Encode:
            break;
        }
        return notSaved(tr("it could not be encoded as JPEG"));
    }
    if (!setPhotoBytes(name, encoded.value().jpeg))
        return notSaved(lastError());
    return true;
}

bool FormFieldsModel::setPhotoBytes(const QString &field, const QByteArray &bytes)
{
    const int row = indexOf(field);
    if (row < 0 || m_rows.at(row).field->type != FieldType::Photo) {
        setLastError(tr("No such field."));
        return false;
    }
    if (m_readOnly) {
        setLastError(tr("This form is read-only."));
        return false;
    }
    if (!m_session || !m_session->store() || !m_loaded) {
        setLastError(tr("The record is not open."));
        return false;
    }
    auto sha = m_session->store()->attachments().add(bytes);
    if (!sha) {
        qCWarning(lcApp) << "photo" << m_entity << m_recordId << field << sha.error().toString();
        setLastError(tr("the photo could not be written to this device (is its storage full?)"));
        return false;
    }
    return save(row, QJsonValue(sha.value()));
}

bool FormFieldsModel::save(int row, const QJsonValue &value)
{
    if (!m_session || !m_session->store() || !m_loaded) {
        setLastError(tr("The record is not open."));
        return false;
    }
    const QString name = m_rows.at(row).field->name;
    auto receipt = m_session->store()->setField(m_entity, m_recordId, name, value);
    if (!receipt) {
        qCWarning(lcApp) << "setField" << m_entity << m_recordId << name
                         << receipt.error().toString();
        setLastError(receipt.error().message);
        return false;
    }
    setLastError({});
    const bool hadInputError = !m_rows.at(row).inputError.isEmpty();
    m_rows[row].inputError.clear();
    if (value.isNull())
        m_fields.remove(name);
    else
        m_fields.insert(name, value);
    const bool changed = receipt.value().changed;
    refreshStates(false, changed || hadInputError ? QList<int>{row} : QList<int>{});
    if (changed) {
        if (m_definition && name == m_definition->titleField)
            emit recordChanged();
        emit saved(name);
        m_notifying = true;
        m_session->notifyDataChanged();
        m_notifying = false;
    }
    return true;
}

bool FormFieldsModel::dismissConflict(int row)
{
    if (row < 0 || row >= m_rows.size() || !m_session || !m_session->store())
        return false;
    const QString id = m_rows.at(row).state.conflict.value(u"id"_s).toString();
    if (id.isEmpty())
        return false;
    auto done = m_session->store()->inbox().dismissConflict(id);
    if (!done || !done.value())
        return false;
    reload();
    m_notifying = true;
    m_session->notifyDataChanged();
    m_notifying = false;
    return true;
}

void FormFieldsModel::rebuildRows()
{
    beginResetModel();
    m_rows.clear();
    m_definition = m_session ? m_session->form().entity(m_entity) : nullptr;
    if (m_definition) {
        for (const SectionDefinition &section : m_definition->sections) {
            if (!section.repeat.isEmpty())
                continue;
            for (const QString &name : section.fields) {
                if (const FieldDefinition *field = m_definition->field(name))
                    m_rows.append(Row{field, &section, {}, {}});
            }
        }
    }
    readRecord();
    refreshStates(false, {}, true);
    endResetModel();
    emit countChanged();
    emit recordChanged();
}

void FormFieldsModel::reload()
{
    const QJsonObject before = m_fields;
    readRecord();
    QList<int> changed;
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString &name = m_rows.at(i).field->name;
        if (before.value(name) != m_fields.value(name))
            changed << i;
    }
    refreshStates(false, changed);
    emit recordChanged();
}

void FormFieldsModel::onDataChanged()
{
    if (!m_notifying)
        reload();
}

void FormFieldsModel::readRecord()
{
    m_fields = {};
    m_reviewComments.clear();
    m_conflicts.clear();
    DeviceStore *store = m_session ? m_session->store() : nullptr;
    if (!store || !m_definition || m_recordId.isEmpty()) {
        setLoaded(false);
        return;
    }
    auto stored = store->record(m_entity, m_recordId);
    const bool found = stored && stored.value() && !stored.value()->deleted;
    if (found)
        m_fields = stored.value()->fields;
    setLoaded(found);

    if (auto tasks = store->inbox().reviewTasks()) {
        for (const ReviewTask &task : tasks.value()) {
            if (task.entity == m_entity && task.recordId == m_recordId && !task.field.isEmpty() &&
                !m_reviewComments.contains(task.field))
                m_reviewComments.insert(task.field, task.comment);
        }
    }
    if (auto notes = store->inbox().conflictsOf(m_entity, m_recordId)) {
        const Language language = m_session->uiLanguage();
        for (const ConflictNote &note : notes.value()) {
            if (note.dismissed || m_conflicts.contains(note.field))
                continue;
            const FieldDefinition *field = m_definition->field(note.field);
            auto show = [&](const QJsonValue &v) {
                return field ? FieldValue::display(*field, v, language) : v.toVariant().toString();
            };
            const bool lostIsMine = note.lostDevice == store->deviceId();
            m_conflicts.insert(
                note.field,
                QVariantMap{{u"id"_s, note.id},
                            {u"kept"_s, show(note.keptValue)},
                            {u"lost"_s, show(note.lostValue)},
                            {u"lostBy"_s, note.lostBy},
                            {u"lostIsMine"_s, lostIsMine},
                            {u"mine"_s, show(lostIsMine ? note.lostValue : note.keptValue)},
                            {u"theirs"_s, show(lostIsMine ? note.keptValue : note.lostValue)},
                            {u"who"_s, note.lostBy},
                            {u"when"_s, hlcTime(note.keptHlc)},
                            {u"reason"_s, note.reason}});
        }
    }
}

FormFieldsModel::RowState FormFieldsModel::computeState(const Row &row,
                                                        const QList<ValidationIssue> &issues) const
{
    RowState state;
    const FieldDefinition &field = *row.field;
    state.relevant = field.relevant.evaluate(m_fields);
    const Language language = m_session->uiLanguage();
    for (const ValidationIssue &issue : issues) {
        if (issue.field != field.name)
            continue;
        QString &slot = issue.severity == Severity::Error ? state.error : state.warning;
        if (slot.isEmpty())
            slot = issue.message.text(language);
    }
    state.reviewComment = m_reviewComments.value(field.name);
    state.conflict = m_conflicts.value(field.name);
    return state;
}

void FormFieldsModel::refreshStates(bool emitAll, const QList<int> &alsoRows, bool quiet)
{
    if (m_rows.isEmpty() || !m_validator)
        return;
    const QList<ValidationIssue> issues =
        m_loaded ? m_validator->validate(m_entity, m_fields, ValidationMode::Draft)
                 : QList<ValidationIssue>();
    for (int i = 0; i < m_rows.size(); ++i) {
        RowState next = computeState(m_rows.at(i), issues);
        const bool differs = !(next == m_rows.at(i).state);
        m_rows[i].state = std::move(next);
        if (!quiet && (differs || emitAll || alsoRows.contains(i))) {
            const QModelIndex at = index(i);
            emit dataChanged(at, at);
        }
    }
}

void FormFieldsModel::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}

void FormFieldsModel::setLoaded(bool loaded)
{
    if (loaded == m_loaded)
        return;
    m_loaded = loaded;
    emit loadedChanged();
}

} // namespace gx
