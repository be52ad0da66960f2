#pragma once

#include "app/session.h"
#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace gx {

/**
 * The enterprises of one county as the office drills down into it, read from the device store
 * (the office's device pulls every record): name and USCC, the period's survey state
 * (none/draft/submitted), the latest review's state (none/approved/has_issues/rejected) and the
 * key figures of the survey (digital level, key processes and those with CNC, equipment rows).
 * Searchable by part of the name or the start of the USCC; reloads on Session::dataChanged.
 */
class CountyEnterprisesModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString region READ region WRITE setRegion NOTIFY regionChanged)
    /** The region's name in the UI language. */
    Q_PROPERTY(QString regionName READ regionName NOTIFY regionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int surveyedCount READ surveyedCount NOTIFY countChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role
    {
        UsccRole = Qt::UserRole + 1,
        NameRole,
        SurveyIdRole,
        SurveyStateRole, ///< none | draft | submitted
        SurveyStateTextRole,
        ReviewStateRole, ///< none | approved | has_issues | rejected
        ReviewStateTextRole,
        DigitalLevelRole,    ///< -1 when not reported
        KeyProcessesRole,    ///< -1 when not reported
        KeyProcessesCncRole, ///< -1 when not reported
        EquipmentCountRole,
        FiguresTextRole, ///< the key figures as one readable line
    };
    Q_ENUM(Role)

    explicit CountyEnterprisesModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString region() const { return m_region; }
    void setRegion(const QString &region);
    [[nodiscard]] QString regionName() const;
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int surveyedCount() const;
    [[nodiscard]] QString error() const { return m_error; }

    /** Reads the list again from the store. */
    Q_INVOKABLE void reload();

    /** Readable names of the states, also used by the review screen. */
    [[nodiscard]] static QString surveyStateText(const QString &state);
    [[nodiscard]] static QString reviewStateText(const QString &state);

signals:
    void sessionChanged();
    void regionChanged();
    void searchChanged();
    void countChanged();
    void errorChanged();

private:
    struct Row
    {
        QString uscc;
        QString name;
        QString surveyId;
        QString surveyState;
        QString reviewState;
        int digitalLevel = -1;
        int keyProcesses = -1;
        int keyProcessesCnc = -1;
        int equipmentCount = 0;
    };

    [[nodiscard]] QString figuresText(const Row &row) const;
    void setError(const QString &error);

    QPointer<Session> m_session;
    QString m_region;
    QString m_search;
    QString m_error;
    QList<Row> m_rows;
    bool m_complete = true;
};

} // namespace gx
