#pragma once

#include "store/localsupply.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

// moc needs the whole Session for the `session` property.
Q_MOC_INCLUDE("app/session.h")

namespace gx {

class Session;

/**
 * 本地优质供给 on a survey: for each equipment category of its planned renewals (rows with
 * status planned_renewal), the products and providers of the city's catalogue on the device that
 * serve it, those of the enterprise's own county first (store's LocalSupply does the matching,
 * offline), and a "none" line for a category without any (暂无本地供给). One line per product or
 * provider; `section` groups the lines by category for a ListView's sections.
 *
 * It reloads when the store changes (an edited row, a sync that brought the office's catalogue
 * changes), when the definition changes (labels of the catalogue's version) and with the
 * language. Labels fall back to the stored codes while the catalogue's version is not on the
 * device yet (the records are pulled before the forms step fetches it).
 */
class LocalSupplyModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString surveyId READ surveyId WRITE setSurveyId NOTIFY surveyIdChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /** Planned categories of the survey (each has at least one line). */
    Q_PROPERTY(int categoryCount READ categoryCount NOTIFY countChanged)
    /** Planned categories with no local product or provider. */
    Q_PROPERTY(int gapCount READ gapCount NOTIFY countChanged)
    /** The enterprise's county, in the UI language ("" when unknown). */
    Q_PROPERTY(QString countyName READ countyName NOTIFY countChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY countChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole,            ///< "product", "provider" or "none"
        CategoryRole,        ///< the equipment category code
        CategoryLabelRole,   ///< its label
        SectionRole,         ///< "label · N 台计划更新（YEAR 年起）": one per category
        NameRole,            ///< the product's or provider's name
        MakerRole,           ///< product: its maker
        ModelRole,           ///< product: its model
        EfficiencyLabelRole, ///< product: its energy-efficiency level, "" when not given
        FirstOfKindRole,     ///< product: 首台套
        ServicesRole,        ///< provider: its services' labels, joined
        ContactRole,         ///< provider: contact name and phone
        ExcellentRole,       ///< provider: on the province's list of excellent providers
        CountyNameRole,      ///< the maker's or provider's county
        SameCountyRole,      ///< in the enterprise's own county
    };
    Q_ENUM(Role)

    explicit LocalSupplyModel(QObject *parent = nullptr);

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString surveyId() const { return m_surveyId; }
    void setSurveyId(const QString &surveyId);
    [[nodiscard]] int categoryCount() const { return int(m_answer.demand.size()); }
    [[nodiscard]] int gapCount() const;
    [[nodiscard]] QString countyName() const;
    [[nodiscard]] QString lastError() const { return m_lastError; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** Re-reads the survey's rows and the catalogue. */
    Q_INVOKABLE void reload();

signals:
    void sessionChanged();
    void surveyIdChanged();
    void countChanged();

private:
    /** The label of an option of entity.field (or of `fallbackEntity`'s), else the value. */
    [[nodiscard]] QString optionLabel(const QString &entity, const QString &field,
                                      const QString &value,
                                      const QString &fallbackEntity = {}) const;
    [[nodiscard]] QString sectionText(const PlannedCategory &demand) const;
    [[nodiscard]] QString regionName(const QString &code) const;

    QPointer<Session> m_session;
    QString m_surveyId;
    LocalSupply::ForSurvey m_answer;
    QString m_lastError;
};

} // namespace gx
