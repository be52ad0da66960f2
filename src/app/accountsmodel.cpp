#include "app/accountsmodel.h"

#include "core/setupcode.h"
#include "core/uscc.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** Office and admin accounts belong to no county: they sort last. */
constexpr QLatin1StringView kNoCounty{"~"};

AccountRow rowOf(const QJsonObject &json)
{
    AccountRow row;
    row.username = json.value("username"_L1).toString();
    row.role = json.value("role"_L1).toString();
    row.region = json.value("region"_L1).toString();
    row.enterprise = json.value("enterprise"_L1).toString();
    row.disabled = json.value("disabled"_L1).toBool();
    row.mustChangePassword = json.value("must_change_password"_L1).toBool();
    row.lastLoginAt = qint64(json.value("last_login_at"_L1).toDouble());
    return row;
}

QString encoded(const QString &username)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(username));
}

} // namespace

AccountsModel::AccountsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

AccountsModel::~AccountsModel() = default;

int AccountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AccountsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AccountRow &row = m_rows.at(index.row());
    switch (role) {
    case UsernameRole:
        return row.username;
    case RoleRole:
        return row.role;
    case RoleLabelRole:
        return roleLabel(row.role);
    case CountyRole:
        return row.county;
    case CountyNameRole:
        return countyName(row.county);
    case EnterpriseRole:
        return row.enterprise;
    case DisabledRole:
        return row.disabled;
    case MustChangePasswordRole:
        return row.mustChangePassword;
    case LastLoginRole:
        return row.lastLoginAt > 0
                   ? QDateTime::fromMSecsSinceEpoch(row.lastLoginAt).toString(u"yyyy-MM-dd HH:mm"_s)
                   : tr("never");
    case ManageableRole:
        return mayManage(row.role) && (!m_session || row.username != m_session->username());
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const
{
    return {{UsernameRole, "username"},     {RoleRole, "role"},
            {RoleLabelRole, "roleLabel"},   {CountyRole, "county"},
            {CountyNameRole, "countyName"}, {EnterpriseRole, "enterprise"},
            {DisabledRole, "disabled"},     {MustChangePasswordRole, "mustChangePassword"},
            {LastLoginRole, "lastLogin"},   {ManageableRole, "manageable"}};
}

void AccountsModel::setSession(Session *session)
{
    if (!rebindSession(m_session, session, this, {}))
        return;
    m_client.setSession(session);
    emit sessionChanged();
    reload();
}

void AccountsModel::setCounty(const QString &county)
{
    if (county == m_county)
        return;
    m_county = county;
    emit countyChanged();
    rebuild();
}

QVariantList AccountsModel::counties() const
{
    QVariantList out;
    if (!m_session)
        return out;
    for (const Region &region : m_session->regions().regions())
        out.append(QVariantMap{{u"code"_s, region.code},
                               {u"name"_s, region.name.text(m_session->uiLanguage())}});
    return out;
}

QVariantList AccountsModel::roles() const
{
    QVariantList out;
    for (const QString &role : {u"inspector"_s, u"enterprise"_s, u"office"_s, u"admin"_s}) {
        if (mayManage(role))
            out.append(QVariantMap{{u"value"_s, role}, {u"label"_s, roleLabel(role)}});
    }
    return out;
}

QString AccountsModel::roleLabel(const QString &role)
{
    if (role == "inspector"_L1)
        return tr("Inspector");
    if (role == "enterprise"_L1)
        return tr("Enterprise");
    if (role == "office"_L1)
        return tr("Office");
    if (role == "admin"_L1)
        return tr("Administrator");
    return role;
}

bool AccountsModel::mayManage(const QString &role) const
{
    if (!m_session)
        return false;
    if (m_session->role() == "admin"_L1)
        return true;
    return m_session->role() == "office"_L1 && (role == "inspector"_L1 || role == "enterprise"_L1);
}

bool AccountsModel::start()
{
    if (m_client.isBusy())
        return false;
    clearError();
    return true;
}

void AccountsModel::reload()
{
    if (!start())
        return;
    m_client.get(u"/api/v1/users"_s, [this](const OfficeReply &reply) { listed(reply); });
    emit busyChanged();
}

void AccountsModel::listed(const OfficeReply &reply)
{
    emit busyChanged();
    if (!reply.ok()) {
        fail(reply.field, reply.message);
        return;
    }
    const QJsonArray array = QJsonDocument::fromJson(reply.body).array();
    m_all.clear();
    for (const QJsonValue &value : array) {
        AccountRow row = rowOf(value.toObject());
        row.county = countyOf(row);
        m_all.append(row);
    }
    std::sort(m_all.begin(), m_all.end(), [](const AccountRow &a, const AccountRow &b) {
        return std::tie(a.county, a.role, a.username) < std::tie(b.county, b.role, b.username);
    });
    rebuild();
}

void AccountsModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    for (const AccountRow &row : std::as_const(m_all)) {
        if (m_county.isEmpty() || row.county == m_county)
            m_rows.append(row);
    }
    endResetModel();
    emit countChanged();
}

QString AccountsModel::countyOf(const AccountRow &row) const
{
    if (row.role == "inspector"_L1)
        return row.region;
    if (row.role == "enterprise"_L1 && m_session) {
        const QStringView division = usccDivisionCode(row.enterprise);
        for (const Region &region : m_session->regions().regions()) {
            if (region.divisionCode() == division && !region.code.endsWith("-EDZ"_L1))
                return region.code;
        }
    }
    return QString(kNoCounty);
}

QString AccountsModel::countyName(const QString &code) const
{
    if (code == kNoCounty)
        return tr("City (office and administrators)");
    const Region *region = m_session ? m_session->regions().region(code) : nullptr;
    return region ? region->name.text(m_session->uiLanguage()) : code;
}

std::optional<std::pair<QString, QString>> AccountsModel::checkNew(const QString &username,
                                                                   const QString &role,
                                                                   const QString &region,
                                                                   const QString &enterprise) const
{
    static const QRegularExpression name(u"^[A-Za-z0-9\\p{Han}][A-Za-z0-9\\p{Han}._@-]{0,63}$"_s);
    if (!name.match(username).hasMatch())
        return std::pair{u"username"_s, tr("User name: 1 to 64 letters, digits or . _ @ -, "
                                           "beginning with a letter or digit.")};
    if (!mayManage(role))
        return std::pair{u"role"_s, tr("Role: choose the kind of account to make.")};
    if (role == "inspector"_L1 && (!m_session || !m_session->regions().region(region)))
        return std::pair{u"region"_s, tr("County: an inspector needs the county they survey.")};
    if (role == "enterprise"_L1) {
        if (auto problem = checkUscc(enterprise.trimmed().toUpper()))
            return std::pair{u"enterprise"_s,
                             tr("Enterprise USCC: %1")
                                 .arg(describe(*problem).text(m_session ? m_session->uiLanguage()
                                                                        : Language::Zh))};
    }
    return std::nullopt;
}

bool AccountsModel::create(const QString &username, const QString &role, const QString &region,
                           const QString &enterprise)
{
    if (!start())
        return false;
    const QString user = username.trimmed();
    if (auto problem = checkNew(user, role, region, enterprise)) {
        fail(problem->first, problem->second);
        return false;
    }
    QJsonObject body{{u"username"_s, user}, {u"role"_s, role}};
    if (role == "inspector"_L1)
        body.insert(u"region"_s, region);
    if (role == "enterprise"_L1)
        body.insert(u"enterprise"_s, enterprise.trimmed().toUpper());
    m_client.post(u"/api/v1/users"_s, body, [this, user](const OfficeReply &reply) {
        emit busyChanged();
        if (!reply.ok()) {
            fail(reply.field, refusal(reply, user));
            emit changed(false);
            return;
        }
        showPassword(user, reply.json.value("password"_L1).toString(), true);
        emit changed(true);
        reload();
    });
    emit busyChanged();
    return true;
}

bool AccountsModel::setDisabled(const QString &username, bool disabled)
{
    if (!start())
        return false;
    const QString path =
        u"/api/v1/users/%1/%2"_s.arg(encoded(username), disabled ? u"disable"_s : u"enable"_s);
    m_client.post(path, {}, [this, username](const OfficeReply &reply) {
        emit busyChanged();
        if (!reply.ok())
            fail(reply.field, refusal(reply, username));
        emit changed(reply.ok());
        reload();
    });
    emit busyChanged();
    return true;
}

bool AccountsModel::resetPassword(const QString &username)
{
    if (!start())
        return false;
    const QString path = u"/api/v1/users/%1/reset-password"_s.arg(encoded(username));
    m_client.post(path, {}, [this, username](const OfficeReply &reply) {
        emit busyChanged();
        if (!reply.ok()) {
            fail(reply.field, refusal(reply, username));
            emit changed(false);
            return;
        }
        showPassword(username, reply.json.value("password"_L1).toString(), false);
        emit changed(true);
        reload();
    });
    emit busyChanged();
    return true;
}

void AccountsModel::showPassword(const QString &user, const QString &password, bool made)
{
    m_passwordUser = user;
    m_oneTimePassword = password;
    m_accountMade = made;
    SetupCode code;
    code.server = QUrl(m_session ? m_session->serverUrl() : QString());
    code.user = user;
    m_setupCode = code.toText();
    emit passwordChanged();
}

void AccountsModel::dismissPassword()
{
    m_passwordUser.clear();
    m_oneTimePassword.clear();
    m_setupCode.clear();
    m_accountMade = false;
    emit passwordChanged();
}

QString AccountsModel::refusal(const OfficeReply &reply, const QString &username) const
{
    if (reply.code == "conflict"_L1)
        return tr("User name: %1 is taken, choose another.").arg(username);
    if (reply.code == "forbidden"_L1 && reply.status == 403)
        return tr("Office users may not make or change office or administrator accounts: ask an "
                  "administrator.");
    if (reply.status == 404)
        return tr("There is no account %1 (any more).").arg(username);
    if (reply.code == "invalid_user"_L1) {
        if (reply.field == "username"_L1)
            return username == (m_session ? m_session->username() : QString())
                       ? tr("You cannot disable your own account.")
                       : tr("User name: 1 to 64 letters, digits or . _ @ -, beginning with a "
                            "letter or digit.");
        if (reply.field == "region"_L1)
            return tr("County: an inspector needs the county they survey.");
        if (reply.field == "enterprise"_L1)
            return tr("Enterprise USCC: no enterprise of the registry has this code; import "
                      "the registry first or check the code.");
        if (reply.field == "role"_L1)
            return tr("Role: choose the kind of account to make.");
    }
    return reply.message;
}

void AccountsModel::fail(const QString &field, const QString &message)
{
    m_errorField = field;
    m_error = message;
    emit errorChanged();
}

void AccountsModel::clearError()
{
    if (m_error.isEmpty() && m_errorField.isEmpty())
        return;
    m_error.clear();
    m_errorField.clear();
    emit errorChanged();
}

} // namespace gx
