#pragma once

#include "app/officeclient.h"
#include "app/session.h"

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace gx {

/** One account as GET /api/v1/users lists it, with the county it belongs to. */
struct AccountRow
{
    QString username;
    QString role;
    QString region;     ///< inspectors
    QString enterprise; ///< enterprise users (a USCC)
    QString county;     ///< the inspector's region, or the county of the enterprise's USCC
    bool disabled = false;
    bool mustChangePassword = false;
    qint64 lastLoginAt = 0; ///< 0: never
};

/**
 * The office's accounts screen (office and admin; docs/api.md "Accounts"): every account of the
 * server by county (inspectors by their region, enterprise users by the division code of their
 * USCC, office and admin last), filtered to one county when `county` is set. create() makes an
 * inspector or enterprise account (admin also office and admin ones) and holds, once, its
 * one-time password and its setup code (core's SetupCode: the server address and the user name,
 * never the password) for the QR code; resetPassword() holds the new one-time password the same
 * way; setDisabled() disables or enables. A refusal is a Chinese sentence naming the field
 * (`error`, `errorField`), checked on the device first where it can be; the server writes
 * nothing then, and the list reloads after every change.
 */
class AccountsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(gx::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    /** "" for every county, else a region code. */
    Q_PROPERTY(QString county READ county WRITE setCounty NOTIFY countyChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /** The member the refusal concerns: username, role, region, enterprise ("" otherwise). */
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorChanged)
    /** The counties for the filter and the new account: [{code, name}] in the catalog's order. */
    Q_PROPERTY(QVariantList counties READ counties NOTIFY sessionChanged)
    /** The roles the caller may make: [{value, label}] (office: inspector and enterprise). */
    Q_PROPERTY(QVariantList roles READ roles NOTIFY sessionChanged)
    /** After create() or resetPassword(): whose password it is, the one-time password (shown
     * once: cleared by dismissPassword()) and the setup code's text. */
    Q_PROPERTY(QString passwordUser READ passwordUser NOTIFY passwordChanged)
    Q_PROPERTY(QString oneTimePassword READ oneTimePassword NOTIFY passwordChanged)
    Q_PROPERTY(QString setupCode READ setupCode NOTIFY passwordChanged)
    Q_PROPERTY(bool accountMade READ accountMade NOTIFY passwordChanged)

public:
    enum Role
    {
        UsernameRole = Qt::UserRole + 1,
        RoleRole,
        RoleLabelRole,
        CountyRole,
        CountyNameRole,
        EnterpriseRole,
        DisabledRole,
        MustChangePasswordRole,
        LastLoginRole,
        ManageableRole,
    };
    Q_ENUM(Role)

    explicit AccountsModel(QObject *parent = nullptr);
    ~AccountsModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);
    [[nodiscard]] QString county() const { return m_county; }
    void setCounty(const QString &county);
    [[nodiscard]] bool isBusy() const { return m_client.isBusy(); }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString errorField() const { return m_errorField; }
    [[nodiscard]] QVariantList counties() const;
    [[nodiscard]] QVariantList roles() const;
    [[nodiscard]] QString passwordUser() const { return m_passwordUser; }
    [[nodiscard]] QString oneTimePassword() const { return m_oneTimePassword; }
    [[nodiscard]] QString setupCode() const { return m_setupCode; }
    [[nodiscard]] bool accountMade() const { return m_accountMade; }

    /** GET /api/v1/users. */
    Q_INVOKABLE void reload();
    /** POST /api/v1/users; false when refused on the device or a call is running. */
    Q_INVOKABLE bool create(const QString &username, const QString &role, const QString &region,
                            const QString &enterprise);
    Q_INVOKABLE bool setDisabled(const QString &username, bool disabled);
    Q_INVOKABLE bool resetPassword(const QString &username);
    /** Forgets the one-time password shown (the screen closes it). */
    Q_INVOKABLE void dismissPassword();
    /** A role's name for a person. */
    [[nodiscard]] static QString roleLabel(const QString &role);

    /** Why a new account cannot be sent, naming the field: {field, message}, or nothing. */
    [[nodiscard]] std::optional<std::pair<QString, QString>>
    checkNew(const QString &username, const QString &role, const QString &region,
             const QString &enterprise) const;

signals:
    void sessionChanged();
    void countyChanged();
    void countChanged();
    void busyChanged();
    void errorChanged();
    void passwordChanged();
    /** A create, disable, enable or reset ended (ok: the server did it). */
    void changed(bool ok);

private:
    void listed(const OfficeReply &reply);
    void rebuild();
    void fail(const QString &field, const QString &message);
    void clearError();
    void showPassword(const QString &user, const QString &password, bool made);
    [[nodiscard]] QString refusal(const OfficeReply &reply, const QString &username) const;
    [[nodiscard]] QString countyOf(const AccountRow &row) const;
    [[nodiscard]] QString countyName(const QString &code) const;
    [[nodiscard]] bool mayManage(const QString &role) const;
    [[nodiscard]] bool start();

    QPointer<Session> m_session;
    OfficeClient m_client;
    QList<AccountRow> m_all;
    QList<AccountRow> m_rows;
    QString m_county;
    QString m_error;
    QString m_errorField;
    QString m_passwordUser;
    QString m_oneTimePassword;
    QString m_setupCode;
    bool m_accountMade = false;
};

} // namespace gx
