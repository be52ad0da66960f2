#pragma once

#include "app/rowundo.h"
#include "store/storequeries.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

// moc needs the whole Session for the `session` property.
Q_MOC_INCLUDE("app/session.h")

namespace gx {

class Session;
struct EntityDefinition;

/**
 * The rows of one repeat group of a survey (its equipment, or its key processes with
 * entity "key_process") for a ListView: one line each with the title, the category and status
 * labels, the quantity and where the row stands with the server.
 *
 * Opening a survey with 1,000 rows must be quick: the rows come from one indexed query
 * (StoreQueries::survey) and a row's JSON is parsed only when its line asks for the quantity.
 * Adding, duplicating (without the nameplate photo) and deleting write through the store at once;
 * a deleted row can be brought back with undoRemove() (see RowUndo). After the store changes the
 * model updates in place (rows inserted or removed, lines changed), so a long list keeps its
 * scroll position.
 */
class EquipmentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY surveyIdChanged)
    /** "equipment" (the default) or "key_process". */
    Q_PROPERTY(QString entity READ entity WRITE setEntity NOTIFY entityChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    /** The title of the row undoRemove() would bring back. */
    Q_PROPERTY(QString undoTitle READ undoTitle NOTIFY undoChanged)
    /** Milliseconds the last load took (the 300 ms goal of a 1,000-row survey). */
    Q_PROPERTY(int loadMillis READ loadMillis NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        CategoryRole,
        CategoryLabelRole,
        StatusRole,
        StatusLabelRole,
        QuantityRole, ///< parsed from the row's fields when asked
        LocalStateRole,
    };
    Q_ENUM(Role)

    explicit EquipmentListModel(QObject *parent = nullptr);
    ~EquipmentListModel() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &surveyId);
    [[nodiscard]] QString entity() const { return m_entity; }
    void setEntity(const QString &entity);
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    [[nodiscard]] QString undoTitle() const;
    [[nodiscard]] int loadMillis() const { return m_loadMillis; }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The row of a record id, or -1. */
    Q_INVOKABLE int indexOf(const QString &id) const;
    /** The record id of a row, or "". */
    Q_INVOKABLE QString idAt(int row) const;
    /** A new row with a default name (and category "other", quantity 1, in service for
     * equipment); returns its id ("" on failure, see lastError). */
    Q_INVOKABLE QString addRow();
    /** A copy of a row under a new id, without its photo; returns the new id. */
    Q_INVOKABLE QString duplicateRow(int row);
    /** Deletes a row at once; undoRemove() brings it back. */
    Q_INVOKABLE bool removeRow(int row);
    /** Re-creates the last deleted row with the same fields; returns its id ("" if none). */
    Q_INVOKABLE QString undoRemove();
    /** Forgets the deleted rows (the undo offer expired). */
    Q_INVOKABLE void clearUndo();
    /** Re-reads the rows, updating the list in place. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void surveyIdChanged();
    void entityChanged();
    void countChanged();
    void undoChanged();
    void lastErrorChanged();

private:
    struct Line
    {
        RowSummary summary;
        mutable QVariant quantity; ///< parsed on first ask
        mutable bool parsed = false;
    };

    [[nodiscard]] QList<RowSummary> readRows();
    void applyRows(QList<RowSummary> rows);
    void afterWrite();
    void setLastError(const QString &error);
    [[nodiscard]] QString optionLabel(const QString &field, const QString &value) const;

    QPointer<Session> m_session;
    QString m_surveyId;
    QString m_entity = QStringLiteral("equipment");
    QList<Line> m_lines;
    RowUndo m_undo;
    QString m_lastError;
    int m_loadMillis = 0;
    bool m_notifying = false;
};

} // namespace gx
