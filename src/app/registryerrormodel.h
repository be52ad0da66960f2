#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The bad rows of a registry file as the server listed them (POST /api/v1/registry: 422
 * `invalid_registry`, "errors":[{"line","field","message"}]), for a clerk: the line ("第 3 行",
 * the header, or the file as a whole), the column by its Chinese name (统一社会信用代码, 所属地区,
 * ...) and the reason in Chinese (the Chinese half of the server's English-then-Chinese message).
 * Read-only; RegistryImportController fills it.
 */
class RegistryErrorModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RegistryImportController owns the bad rows.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        LineRole = Qt::UserRole + 1, ///< the file's line (1 the header, 0 the whole file)
        LineTextRole,                ///< "第 3 行", "表头（第 1 行）", "整个文件"
        FieldRole,                   ///< the column as in the file ("uscc"), "" for the whole line
        FieldLabelRole, ///< the column's name for a person ("统一社会信用代码")
        MessageRole,    ///< why, in the UI language where the server gave it
    };
    Q_ENUM(Role)

    struct Problem
    {
        int line = 0;
        QString field;
        QString message;
    };

    explicit RegistryErrorModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The problems of a 422 answer's "errors" array, in its order; messages in Chinese or not. */
    void setErrors(const QJsonArray &errors, bool chinese);
    void clear();
    [[nodiscard]] const QList<Problem> &problems() const { return m_problems; }

    /** A registry column (uscc, name, region, industry_code, above_size) named for a person. */
    [[nodiscard]] static QString fieldLabel(const QString &field);
    /** "第 3 行", "表头（第 1 行）" or "整个文件" (line 0). */
    [[nodiscard]] static QString lineText(int line);
    /**
     * The server's "English. 中文" message in one language: its Chinese half (from the first
     * ". " followed by a Chinese character) or its English half; the whole message when it is
     * not in two halves.
     */
    [[nodiscard]] static QString readableMessage(const QString &message, bool chinese);

signals:
    void countChanged();

private:
    QList<Problem> m_problems;
};

} // namespace gx
