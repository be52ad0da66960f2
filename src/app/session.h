#pragma once

#include "app/appenvironment.h"
#include "app/loginflow.h"
#include "app/preferences.h"
#include "app/uitranslator.h"
#include "core/formdefinition.h"
#include "core/localizedtext.h"
#include "core/regioncatalog.h"
#include "core/result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QQmlEngine;
class QJSEngine;

namespace gx {

class DeviceStore;
class SyncClient;

/**
 * Who is using the app and the data they work on: the logged-in user (name, role, region or
 * enterprise), the device store opened for that user and server, the sync client over it, the
 * survey definition and the region catalog, and the survey period being looked at.
 *
 * Every model of the app takes the Session (a QML singleton) and reads the store through it,
 * binding with rebindSession(); models that write call notifyDataChanged() afterwards so that the
 * other lists refresh, and a finished sync does the same. A LoginFlow checks the password (at the
 * server, or offline against the hash kept from an earlier online login) and the Session opens
 * the store of whoever it lets in; what the device remembers between runs is in Preferences.
 *
 * main() (or a test) creates the one instance with an AppEnvironment and makes it current before
 * the QML engine loads; QML gets that instance.
 */
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString lastUsername READ lastUsername NOTIFY serverUrlChanged)
    Q_PROPERTY(bool loggedIn READ isLoggedIn NOTIFY sessionChanged)
    Q_PROPERTY(bool offline READ isOffline NOTIFY sessionChanged)
    Q_PROPERTY(QString username READ username NOTIFY sessionChanged)
    Q_PROPERTY(QString role READ role NOTIFY sessionChanged)
    Q_PROPERTY(QString region READ region NOTIFY sessionChanged)
    Q_PROPERTY(QString regionName READ regionName NOTIFY sessionChanged)
    Q_PROPERTY(QString enterprise READ enterprise NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /** The last login used a one-time password: the login screen asks for the user's own
     * (changePassword()) before anything else; nobody is logged in meanwhile. */
    Q_PROPERTY(bool passwordChangeRequired READ isPasswordChangeRequired NOTIFY
                   passwordChangeRequiredChanged)
    Q_PROPERTY(int period READ period WRITE setPeriod NOTIFY periodChanged)
    /** The survey years to choose from, ascending: from the first year the survey's period field
     * allows (2024, the policy's first) to this year by the clock, and period() if later; never
     * past the field's maximum. No fixed list: next year offers itself. */
    Q_PROPERTY(QVariantList periods READ periods NOTIFY periodsChanged)
    Q_PROPERTY(int dataRevision READ dataRevision NOTIFY dataChanged)
    /** The version of the survey definition in use (form()). */
    Q_PROPERTY(int formVersion READ formVersion NOTIFY formChanged)
    /**
     * Said once per device when the OS keychain would not keep a secret of the login (no
     * keychain service, or it is locked or refused) and the 0600 file keeps it instead: a
     * sentence in the UI language, empty when there is nothing to say or it was read
     * (dismissKeychainNotice()).
     */
    Q_PROPERTY(QString keychainNotice READ keychainNotice NOTIFY keychainNoticeChanged)
    /** "zh_CN" (the default) or "en": the UI's language, remembered. */
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)

public:
    /** The survey year the app opens on (the annex's targets are for 2024). */
    static constexpr int kDefaultPeriod = 2024;

    explicit Session(AppEnvironment environment, QObject *parent = nullptr);
    ~Session() override;

    /** The instance QML gets (set by main() or a test before the engine loads). */
    static void setCurrent(Session *session);
    [[nodiscard]] static Session *current();
    /** QML_SINGLETON's factory: the current instance, owned by C++. */
    static Session *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    [[nodiscard]] QString lastUsername() const { return m_lastUsername; }
    [[nodiscard]] bool isLoggedIn() const { return m_store != nullptr; }
    [[nodiscard]] bool isOffline() const { return m_offline; }
    [[nodiscard]] QString username() const { return m_username; }
    [[nodiscard]] QString role() const { return m_role; }
    /**
     * Whether the user may change the city-wide catalogue (provider, product, case): office and
     * admin; inspectors and enterprise users read it only.
     */
    [[nodiscard]] static bool mayEditCatalogue(const QString &role)
    {
        return role == QLatin1StringView("office") || role == QLatin1StringView("admin");
    }
    [[nodiscard]] QString region() const { return m_region; }
    [[nodiscard]] QString regionName() const;
    [[nodiscard]] QString enterprise() const { return m_enterprise; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] bool isPasswordChangeRequired() const { return !m_oneTimeToken.isEmpty(); }
    [[nodiscard]] int period() const { return m_period; }
    void setPeriod(int period);
    [[nodiscard]] QVariantList periods() const;
    [[nodiscard]] int dataRevision() const { return m_dataRevision; }
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);
    /** The language labels and messages of core are shown in. */
    [[nodiscard]] Language uiLanguage() const { return m_language; }

    /**
     * Logs in: at the server when it answers (the role comes from it), otherwise offline against
     * the hash kept from an earlier online login of the same user and server. Answers with
     * loginFinished(); error() holds a readable reason on failure.
     */
    Q_INVOKABLE void login(const QString &serverUrl, const QString &username,
                           const QString &password);
    /**
     * After a login with a one-time password: sets the user's own (typed twice) at the server,
     * then logs in with it as any login does. Answers with loginFinished(); error() says why not
     * (the rules, or the server's refusal), and the change may be tried again.
     */
    Q_INVOKABLE void changePassword(const QString &newPassword, const QString &repeated);
    /** Gives up the change of a one-time password: back to the plain login. */
    Q_INVOKABLE void cancelPasswordChange();
    /**
     * A setup code typed or pasted (core's SetupCode, from the office's accounts screen): sets
     * the server address and the user name to log in as (lastUsername). False, with error()
     * saying why in the UI language, when it is no setup code; setupCodeApplied() when it is.
     */
    Q_INVOKABLE bool applySetupCode(const QString &text);

    [[nodiscard]] QString keychainNotice() const;
    /** The user read the keychain notice: it is not shown on this device again. */
    Q_INVOKABLE void dismissKeychainNotice();
    /** A secret went to the 0600 file because the keychain would not keep it (SecretStore's
     * fallback observer; tests call it too): keychainNotice() says so, unless already read. */
    void noteKeychainFallback(KeychainFallback why);

    /** Closes the store and forgets the server token; the outbox and offline hash stay. */
    Q_INVOKABLE void logout();
    /** Tells every list that the store changed (after a local edit). */
    Q_INVOKABLE void notifyDataChanged();
    /**
     * Starts a sync. After an offline login with no saved token it first logs in at the server
     * with the password typed at login (kept in memory only, never written).
     */
    Q_INVOKABLE void syncNow();

    /**
     * Opens the store of a user without asking any server (tests, and the offline path of
     * login()). Returns a readable error, or nothing on success.
     */
    [[nodiscard]] Status<QString> openLocal(const QString &username, const QString &role,
                                            const QString &region, const QString &enterprise);

    /** The open store, or null when nobody is logged in. */
    [[nodiscard]] DeviceStore *store() const { return m_store.get(); }
    /** The sync client over the store, or null when nobody is logged in. */
    [[nodiscard]] SyncClient *syncClient() const { return m_sync.get(); }
    /**
     * The survey definition the app renders and validates with: the newest version the open
     * store keeps (the one bundled with the app when the store has none newer, and before any
     * login). It changes when a sync brings a newer version (formChanged()); a reference handed
     * out stays valid as long as the Session.
     */
    [[nodiscard]] const FormDefinition &form() const { return *m_form; }
    /** form().version(), for QML. */
    [[nodiscard]] int formVersion() const { return m_form->version(); }
    /**
     * Another version of the definition the open store keeps (e.g. the one a notice compares
     * with), loaded once; nothing when it is not kept (or nobody is logged in and it is not the
     * bundled one). Valid as long as the Session.
     */
    [[nodiscard]] const FormDefinition *formOfVersion(int version);
    /**
     * Stores the bundled definition in the open store when it lacks that version, then makes the
     * newest version the store keeps form() (formChanged() when it is another). Run at login and
     * after every sync; a test that stores a version as the sync would calls it too.
     */
    [[nodiscard]] Status<QString> useNewestForm();
    [[nodiscard]] const RegionCatalog &regions() const { return *m_regions; }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    /** The server's bearer token for calls outside sync (office), empty when offline. */
    [[nodiscard]] QString token() const;
    [[nodiscard]] const AppEnvironment &environment() const { return m_env; }
    [[nodiscard]] qint64 now() const { return m_env.now(); }

signals:
    void serverUrlChanged();
    void sessionChanged();
    void busyChanged();
    void errorChanged();
    void periodChanged();
    void periodsChanged();
    /** The language changed: models re-read their labels (the engine retranslates qsTr). */
    void languageChanged();
    /** The store's content changed (local edit or sync): lists reload. */
    void dataChanged();
    /** form() is another version now (after a login or a sync): forms re-read the definition. */
    void formChanged();
    void loginFinished(bool ok);
    void passwordChangeRequiredChanged();
    void keychainNoticeChanged();
    /** applySetupCode() took a code (typed, pasted or scanned): the login screen shows its
     * server and user. */
    void setupCodeApplied();

private:
    void loginEnded(const LoginOutcome &outcome, const QString &username, const QString &password);
    /** Opens the store of a user and the sync client over it; the user becomes current. */
    [[nodiscard]] Status<QString> openUser(const StoredCredential &who, bool offline);
    /** Closes the store and the sync client (the token stays for the next login). */
    void close();
    void finishLogin(bool ok);
    void syncFinished(bool ok);
    void rememberLogin();
    void useForm(const FormDefinition *form);
    void setError(const QString &error);
    void setBusy(bool busy);
    void setOneTimeLogin(const QString &token, const QString &user, const QString &password);

    AppEnvironment m_env;
    QNetworkAccessManager *m_network = nullptr;
    NetworkWatcher *m_networkWatcher = nullptr;
    /** Every definition loaded, by store path and version (the bundled one: "" and its
     * version); node-based, so form() references stay valid. */
    std::map<std::pair<QString, int>, FormDefinition> m_forms;
    const FormDefinition *m_bundledForm = nullptr;
    const FormDefinition *m_form = nullptr;
    QString m_formError; ///< why formOfVersion() last found nothing
    std::optional<RegionCatalog> m_regions;
    std::unique_ptr<DeviceStore> m_store;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<LoginFlow> m_login;
    UiTranslator m_translator;
    QString m_heldPassword; ///< after an offline login only, to log in when the server is back
    /** A login with a one-time password: its token (only POST /api/v1/password), the user and
     * the one-time password, in memory only until the user's own is set. */
    QString m_oneTimeToken;
    QString m_oneTimeUser;
    QString m_oneTimePassword;
    QString m_serverUrl;
    QString m_lastUsername;
    QString m_username;
    QString m_role;
    QString m_region;
    QString m_enterprise;
    QString m_error;
    int m_period = kDefaultPeriod;
    Language m_language = Language::Zh;
    int m_dataRevision = 0;
    std::optional<KeychainFallback> m_keychainFallback; ///< unread, this run
    bool m_offline = false;
    bool m_busy = false;
};

/** One of the Session's signals and what a model does when it fires. */
struct SessionReaction
{
    void (Session::*signal)();
    std::function<void()> react;
};

/**
 * The setSession() of every model and controller of the app, which QML hands the Session: moves
 * `current` to `next`, drops the old session's connections to `owner`, and connects each
 * reaction's signal on the new one, in `owner`'s context. Returns false, doing nothing, when
 * `next` is already the session; the caller then emits its sessionChanged() and reloads.
 */
[[nodiscard]] bool rebindSession(QPointer<Session> &current, Session *next, QObject *owner,
                                 std::initializer_list<SessionReaction> reactions);

/** rebindSession() for the common case: each of `reasons` calls the owner's `reload`. */
template <typename Owner>
[[nodiscard]] bool rebindSession(QPointer<Session> &current, Session *next, Owner *owner,
                                 std::initializer_list<void (Session::*)()> reasons,
                                 void (Owner::*reload)())
{
    if (!rebindSession(current, next, owner, {}))
        return false;
    if (next) {
        for (const auto reason : reasons)
            QObject::connect(next, reason, owner, reload);
    }
    return true;
}

} // namespace gx
