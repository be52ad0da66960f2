#include "app/registryerrormodel.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

bool isHan(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

/** Where the Chinese half of "English. 中文" begins, or -1. */
qsizetype chineseStart(const QString &message)
{
    for (qsizetype i = message.indexOf(". "_L1); i >= 0; i = message.indexOf(". "_L1, i + 1)) {
        qsizetype start = i + 2;
        while (start < message.size() && message.at(start) == u' ')
            ++start;
        if (start < message.size() && isHan(message.at(start)))
            return start;
    }
    return -1;
}

} // namespace

RegistryErrorModel::RegistryErrorModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int RegistryErrorModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

QVariant RegistryErrorModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    const Problem &problem = m_problems.at(index.row());
    switch (role) {
    case LineRole:
        return problem.line;
    case LineTextRole:
        return lineText(problem.line);
    case FieldRole:
        return problem.field;
    case FieldLabelRole:
        return fieldLabel(problem.field);
    case MessageRole:
    case Qt::DisplayRole:
        return problem.message;
    default:
        return {};
    }
}

QHash<int, QByteArray> RegistryErrorModel::roleNames() const
{
    return {{LineRole, "line"},
            {LineTextRole, "lineText"},
            {FieldRole, "field"},
            {FieldLabelRole, "fieldLabel"},
            {MessageRole, "message"}};
}

void RegistryErrorModel::setErrors(const QJsonArray &errors, bool chinese)
{
    beginResetModel();
    m_problems.clear();
    for (const QJsonValue &value : errors) {
        const QJsonObject error = value.toObject();
        m_problems.append({error.value("line"_L1).toInt(), error.value("field"_L1).toString(),
                           readableMessage(error.value("message"_L1).toString(), chinese)});
    }
    endResetModel();
    emit countChanged();
}

void RegistryErrorModel::clear()
{
    if (m_problems.isEmpty())
        return;
    beginResetModel();
    m_problems.clear();
    endResetModel();
    emit countChanged();
}

QString RegistryErrorModel::fieldLabel(const QString &field)
{
    if (field == u"uscc"_s)
        return tr("Unified social credit code");
    if (field == u"name"_s)
        return tr("Enterprise name");
    if (field == u"region"_s)
        return tr("Region code");
    if (field == u"industry_code"_s)
        return tr("Industry code");
    if (field == u"above_size"_s)
        return tr("Above designated size");
    if (field.isEmpty())
        return tr("Whole line");
    return field;
}

QString RegistryErrorModel::lineText(int line)
{
    if (line <= 0)
        return tr("The whole file");
    if (line == 1)
        return tr("Header (line 1)");
    return tr("Line %1").arg(line);
}

QString RegistryErrorModel::readableMessage(const QString &message, bool chinese)
{
    const qsizetype start = chineseStart(message);
    if (start < 0)
        return message;
    if (chinese)
        return message.mid(start).trimmed();
    // The English half without the ". " that joined the two.
    return message.left(message.lastIndexOf(". "_L1, start - 1)).trimmed();
}

} // namespace gx
