#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace gx {

/**
 * The targets of one period as the office sets them (GET and PUT /api/v1/targets): one row per
 * (region, indicator), the city first, then the counties and the development zone in the
 * catalog's order, every indicator of core's indicatorNames() under each. Beside each value the
 * reference: the annex's target, i.e. the 2024 period's targets as the server has them.
 *
 * Rates are typed and shown as percents (95 means 95 %) and sent as fractions; counts as whole
 * numbers. setInput() holds an edit (as typed) until save(), which sends every changed target in
 * one PUT (an emptied box removes the target). A box that is not a number is refused before
 * anything is sent; the server judges the range (a rate within 0 to 1000 %, a count a whole
 * number) and refuses the whole request with the member it concerns, which is mapped back to
 * its row. Either way nothing is saved, the edits stay, and error names the county and the
 * indicator. `message` says "saved" only after the server's 200, whose answer becomes the
 * values shown.
 */
class TargetsModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ELEMENT
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** The year whose targets are set; 0 (the default) follows the Session's period. */
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    /** The year of the annex's targets shown beside each value. */
    Q_PROPERTY(int referencePeriod READ referencePeriod CONSTANT)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool saving READ isSaving NOTIFY savingChanged)
    /** How many rows hold an edit that differs from the server's value. */
    Q_PROPERTY(int changeCount READ changeCount NOTIFY editsChanged)
    /** Why loading or the last save failed ("" otherwise); a refusal names county and indicator. */
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /** The row the last refusal concerns, or -1. */
    Q_PROPERTY(int errorRow READ errorRow NOTIFY errorChanged)
    /** "Saved ..." after the server's 200 to the last save; "" until then. */
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)

public:
    static constexpr int kReferencePeriod = 2024;

    enum Role
    {
        RegionRole = Qt::UserRole + 1,
        RegionNameRole,
        IndicatorRole,
        LabelRole,
        KindRole,          ///< "rate" or "count"
        UnitRole,          ///< "%" or ""
        OpRole,            ///< "≥" or ">": how a figure is compared with the target
        HasValueRole,      ///< the server has a target for this period
        ValueTextRole,     ///< the server's target: "95.0%", "12", or "—"
        InputRole,         ///< the edit as typed, else the server's value in display units, or ""
        EditedRole,        ///< the edit differs from the server's value
        ReferenceTextRole, ///< the annex's (2024) target: "≥ 90.0%", or "" without one
        ErrorRole,         ///< why this row's value was refused ("" otherwise)
    };
    Q_ENUM(Role)

    explicit TargetsModel(QObject *parent = nullptr);
    ~TargetsModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void classBegin() override { m_complete = false; }
    void componentComplete() override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] int period() const;
    void setPeriod(int period);
    [[nodiscard]] static int referencePeriod() { return kReferencePeriod; }
    [[nodiscard]] bool isLoading() const { return m_pending > 0; }
    [[nodiscard]] bool isSaving() const { return m_saving; }
    [[nodiscard]] int changeCount() const;
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int errorRow() const { return m_errorRow; }
    [[nodiscard]] QString message() const { return m_message; }

    /** Reads the period's targets and the reference from the server; drops every edit. */
    Q_INVOKABLE void load();
    /** Holds what was typed in a row's box (in display units; "" removes the target). */
    Q_INVOKABLE void setInput(int row, const QString &text);
    /** Drops every edit. */
    Q_INVOKABLE void revert();
    /**
     * Sends every changed target in one PUT. Returns false when nothing was sent: a box is not a
     * number (error and the row say which), there is no change, or a call is running.
     */
    Q_INVOKABLE bool save();
    /** The row of (region, indicator), or -1. */
    Q_INVOKABLE int rowOf(const QString &region, const QString &indicator) const;

signals:
    void sessionChanged();
    void periodChanged();
    void loadingChanged();
    void savingChanged();
    void editsChanged();
    void errorChanged();
    void messageChanged();
    /** A save ended: ok when the server stored it (200). */
    void saved(bool ok);

private:
    struct Row
    {
        QString region;
        QString indicator;
        std::optional<double> value;     ///< the server's target of the period
        std::optional<double> reference; ///< the server's target of kReferencePeriod
        std::optional<QString> edit;     ///< as typed, until saved or reverted
        QString error;
    };
    /** One target to send: set to value, or remove it. */
    struct Change
    {
        int row = -1;
        std::optional<double> value;
    };

    void buildRows();
    void fetch(OfficeClient &client, int period, bool reference);
    /** Puts the targets of a GET or PUT answer into the rows (value or reference). */
    void applyTargets(const QJsonObject &answer, bool reference);
    /** The change a row's edit asks for, nothing when it changes nothing; false if not a number. */
    [[nodiscard]] bool changeOf(int row, std::optional<Change> &change) const;
    void refuse(int row, const QString &reason);
    void refusedByServer(const OfficeReply &reply, const QStringList &sentRegions);
    void clearErrors();
    void setError(const QString &error, int row = -1);
    void setMessage(const QString &message);
    void setSaving(bool saving);
    void finishFetch();
    [[nodiscard]] QString regionName(const QString &code) const;
    [[nodiscard]] QString label(const QString &indicator) const;
    [[nodiscard]] static bool isCount(const QString &indicator);
    /** A server value in display units as the edit box shows it (95 for 0.95). */
    [[nodiscard]] static QString inputText(const QString &indicator, double value);
    [[nodiscard]] static QString valueText(const QString &indicator, double value);

    QPointer<Session> m_session;
    OfficeClient m_loader;
    OfficeClient m_referenceLoader;
    OfficeClient m_saver;
    int m_period = 0;
    int m_pending = 0; ///< GETs still running
    QList<Row> m_rows;
    QString m_error;
    int m_errorRow = -1;
    QString m_message;
    bool m_saving = false;
    bool m_complete = true;
};

} // namespace gx
