#pragma once

#include "app/session.h"

#include "store/storequeries.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The records the server refused, with its reason, for the sync screen's "fix and resend": each
 * row names the screen that edits it and that screen's properties (a survey opens SurveyScreen,
 * an equipment row EquipmentRowScreen, an enterprise EnterpriseScreen). Editing the record there
 * resends it: the store folds the refused mutation into the next edit.
 */
class RejectedModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        EntityRole = Qt::UserRole + 1,
        RecordIdRole,
        TitleRole, ///< the record's name, or its kind and id
        EntityLabelRole,
        CodeRole,    ///< the server's error code (forbidden, validation, ...)
        MessageRole, ///< the server's reason, for a person
        FieldRole,
        FieldLabelRole,       ///< the field's label in the UI's language
        ScreenRole,           ///< the QML file that edits it, e.g. "SurveyScreen.qml"
        ScreenPropertiesRole, ///< the properties to push it with
    };
    Q_ENUM(Role)

    explicit RejectedModel(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void countChanged();

private:
    QPointer<Session> m_session;
    QList<RejectedRecord> m_rows;
};

} // namespace gx
