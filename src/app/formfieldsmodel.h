#pragma once

#include "core/formdefinition.h"
#include "core/validator.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <optional>

// moc needs the whole Session for the `session` property.
Q_MOC_INCLUDE("app/session.h")

namespace gx {

class Session;

/**
 * The fields of ONE record (a survey, an equipment row, ...) as the survey definition lays them
 * out: one row per field of the entity's sections, in the definition's order, so that the form is
 * rendered from the definition and never written per field.
 *
 * Each row carries what its editor needs: the label, unit, options and bounds from the definition,
 * the stored value, whether the field is relevant (its relevance expression over the record's
 * current values: an irrelevant field is hidden but keeps its value), the Validator's draft-mode
 * error and warning in the UI language, the open review comment pinned to it and the newest
 * conflict note about it.
 *
 * setValue() saves at once through the device store (durable when it returns), then re-judges
 * the record and emits dataChanged only for rows whose state changed. Typed input that does not
 * parse saves nothing and shows why on the row (`error`). A read-only model (the office's review)
 * refuses every edit.
 */
class FormFieldsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY entityChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool readOnly READ isReadOnly WRITE setReadOnly NOTIFY readOnlyChanged)
    /** Whether the record was found in the store. */
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    /** The record's title (its title field, e.g. an equipment row's name). */
    Q_PROPERTY(QString title READ title NOTIFY recordChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** Why the last edit failed (store error or read-only), "" after a good one. */
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        HintRole,
        SectionRole,   ///< the section's label
        SectionIdRole, ///< the section's id
        TypeRole,      ///< the FieldType name: integer, decimal, bool, text, date, ...
        UnitRole,
        ValueRole,        ///< the stored value (null when unanswered)
        DisplayValueRole, ///< the value as text (option labels, 是/否, numbers as written)
        OptionsRole,      ///< [{value, label}]
        MinimumRole,      ///< a number, a date text, or null
        MaximumRole,
        RequiredOnSubmitRole,
        RelevantRole,
        ErrorRole,   ///< input that did not parse, else the validator's first error; "" if none
        WarningRole, ///< the validator's first warning
        ReviewCommentRole, ///< the comment of an open review task pinned to this field
        ConflictRole,      ///< {mine, theirs, who, when, reason, id} or an empty map
        MultiLineRole,     ///< a long free text (notes), not a code
        PhotoUrlRole,      ///< the file of the photo (photo fields), else empty
    };
    Q_ENUM(Role)

    explicit FormFieldsModel(QObject *parent = nullptr);
    ~FormFieldsModel() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString entity() const { return m_entity; }
    void setEntity(const QString &entity);
    [[nodiscard]] QString recordId() const { return m_recordId; }
    void setRecordId(const QString &recordId);
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The row of a field, or -1. */
    Q_INVOKABLE int indexOf(const QString &field) const;
    /** One role of a row by its name ("error", "relevant", ...), for tests and simple bindings. */
    Q_INVOKABLE QVariant get(int row, const QString &roleName) const;

    /**
     * Saves a field (by row number or name) from an editor's input: parsed (see FieldValue),
     * written through the store, then relevance and validation are re-evaluated. Returns false
     * when nothing was saved: the input does not parse (the row's `error` says why), the model is
     * read-only, or the store refused (lastError).
     */
    Q_INVOKABLE bool setValue(const QVariant &rowOrName, const QVariant &value);
    /** A picked photo file larger than this (50 MiB) is refused before it is read. */
    static constexpr qint64 kMaxPhotoFileBytes = 50 * 1024 * 1024;
    /**
     * A picked photo file made into the photo the camera would store (PhotoEncoder: upright by
     * its EXIF orientation, at most 1600 px on its long side, JPEG q85), kept as the blob and then
     * set on the field. False, with lastError 「FIELD」未保存：… and nothing written, when the file
     * cannot be read, is larger than kMaxPhotoFileBytes, is no picture or has too many pixels,
     * or when setPhotoBytes() fails.
     */
    Q_INVOKABLE bool setPhotoFile(const QVariant &rowOrName, const QUrl &file);
    /**
     * Stores the bytes of a photo (PhotoCapture's JPEG) durably as the store's blob, then sets
     * the photo field to its sha256 and saves the record. False (lastError, in the UI language)
     * when the field is not a photo, the form is read-only or closed (nothing written), or the
     * blob could not be written (a full disk: the record is unchanged).
     */
    [[nodiscard]] bool setPhotoBytes(const QString &field, const QByteArray &bytes);
    /** Hides the conflict note shown on a row (it stays in the conflict log). */
    Q_INVOKABLE bool dismissConflict(int row);
    /** Re-reads the record, the review tasks and the conflicts from the store. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void entityChanged();
    void recordIdChanged();
    void readOnlyChanged();
    void loadedChanged();
    void recordChanged();
    void countChanged();
    void lastErrorChanged();
    /** An edit was saved (after the store committed it). */
    void saved(const QString &field);

private:
    /** What a row shows beyond the definition: recomputed after every change. */
    struct RowState
    {
        bool relevant = true;
        QString error;
        QString warning;
        QString reviewComment;
        QVariantMap conflict;

        friend bool operator==(const RowState &, const RowState &) = default;
    };
    struct Row
    {
        const FieldDefinition *field = nullptr;
        const SectionDefinition *section = nullptr;
        QString inputError; ///< the last input that did not parse, until the next good one
        RowState state;
    };

    /** The validator and the rows from the session's current definition. */
    void useSessionForm();
    void rebuildRows();
    void readRecord();
    /** Recomputes every row's state; emits dataChanged for rows whose state differs, for
     * alsoRows (their value changed) or for all rows (emitAll); nothing when quiet (inside a
     * model reset). */
    void refreshStates(bool emitAll, const QList<int> &alsoRows, bool quiet = false);
    [[nodiscard]] RowState computeState(const Row &row, const QList<ValidationIssue> &issues) const;
    [[nodiscard]] int rowOf(const QVariant &rowOrName) const;
    [[nodiscard]] bool save(int row, const QJsonValue &value);
    void setLastError(const QString &error);
    void setLoaded(bool loaded);
    void onDataChanged();

    QPointer<Session> m_session;
    QString m_entity;
    QString m_recordId;
    bool m_readOnly = false;
    bool m_loaded = false;
    bool m_notifying = false;
    QString m_lastError;
    const EntityDefinition *m_definition = nullptr;
    std::optional<Validator> m_validator;
    QList<Row> m_rows;
    QJsonObject m_fields;
    QHash<QString, QString> m_reviewComments; ///< field -> comment of an open task
    QHash<QString, QVariantMap> m_conflicts;  ///< field -> newest undismissed conflict
};

} // namespace gx
