#pragma once

#include "app/session.h"

#include "store/storequeries.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The enterprises of a region with the state of their survey for the Session's period, searched
 * by part of the name or the start of the USCC and filtered by survey state, with badges for
 * open review tasks and conflicts. Two indexed queries per reload (the list and the badges), so
 * it stays quick with thousands of enterprises; it reloads when the store's data, the period or
 * a property changes.
 */
class EnterpriseListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** A region code; empty: every enterprise the device holds. */
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY regionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    /** any | not_started | draft | submitted */
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** Why the last reload failed, empty when it worked. */
    Q_PROPERTY(QString error READ error NOTIFY countChanged)

public:
    enum Role
    {
        UsccRole = Qt::UserRole + 1,
        NameRole,
        RegionRole,
        RegionNameRole,
        SurveyIdRole,
        SurveyStateRole, ///< not_started | draft | submitted
        LocalStateRole,  ///< synced | pending | conflicted | rejected ("" without a survey)
        ReviewTasksRole,
        ConflictsRole,
    };
    Q_ENUM(Role)

    explicit EnterpriseListModel(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString region() const { return m_region; }
    void setRegion(const QString &region);
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString filter() const;
    void setFilter(const QString &filter);
    [[nodiscard]] QString error() const { return m_error; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Reads the list again (done automatically on every change). */
    Q_INVOKABLE void reload();
    /** The row of an enterprise, -1 when it is not listed. */
    Q_INVOKABLE int indexOf(const QString &uscc) const;

signals:
    void sessionChanged();
    void regionChanged();
    void searchChanged();
    void filterChanged();
    void countChanged();

private:
    QPointer<Session> m_session;
    QString m_region;
    QString m_search;
    SurveyFilter m_filter = SurveyFilter::Any;
    QList<EnterpriseRow> m_rows;
    QHash<QString, EnterpriseBadges> m_badges;
    QString m_error;
};

} // namespace gx
