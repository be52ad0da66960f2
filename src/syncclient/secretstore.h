#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QObject;

namespace gx {

/** Where a secret was found or went. */
enum class SecretPlace
{
    Nowhere,  ///< read: there is none
    Keychain, ///< the OS keychain (the Secret Service on Linux, through QtKeychain)
    File,     ///< the 0600 fallback file
};

[[nodiscard]] QString secretPlaceName(SecretPlace place);

/** One secret: its item in the keychain and the 0600 file used where the keychain cannot. */
struct SecretSlot
{
    QString key;  ///< the keychain item's key under the store's service; see keyFor()
    QString file; ///< the fallback file (and where versions before the keychain kept it)

    /** The key of a secret of one user at one server: "KIND|SERVER|USER". */
    [[nodiscard]] static QString keyFor(const QString &kind, const QString &server,
                                        const QString &username);
};

/** Why a secret could not be read, written or forgotten anywhere; technical, for logs. */
struct SecretError
{
    QString keychain; ///< what the keychain said (empty: it was not asked or had no service)
    QString file;     ///< what went wrong with the file (empty: it was not the problem)

    [[nodiscard]] QString message() const;
};

/** Why a secret went to, or stayed in, the 0600 file although the keychain was to keep it. */
enum class KeychainFallback
{
    Absent,  ///< no keychain service here (no session bus, no Secret Service)
    Refused, ///< the keychain said no (locked, denied) or did not answer within the timeout
};

/** A secret read back, and where it was. */
struct SecretRead
{
    std::optional<QByteArray> secret;
    SecretPlace place = SecretPlace::Nowhere;
};

/**
 * Secrets of the device (the login token, the offline-login verifier) in the OS keychain
 * through QtKeychain (service "gengxin"), falling back to a 0600 file (PrivateFile) where no
 * keychain service runs (no session bus, no Secret Service) or the keychain refuses (locked,
 * denied, no answer within the timeout). The log (gx.syncclient) says which place each secret
 * went to, and the fallback observer (setFallbackObserver()) hears of every secret that the
 * keychain would not keep and the file now holds, so that the app can tell the user.
 *
 * The file, when there is one, always holds the newest value: a write that the keychain takes
 * removes the file, one it refuses goes to the file. So a read looks at the file first and,
 * when it finds one (written by a version before the keychain, or while the keychain refused),
 * moves it into the keychain and removes it; a keychain that still refuses leaves it there.
 * Upgrading, or a keychain that comes and goes, loses nothing.
 *
 * Asynchronous, because QtKeychain is (its jobs answer over D-Bus, and a locked keychain may
 * wait for the user at an unlock prompt): each call answers once through `done`, in the event
 * loop, unless `context` is destroyed first; every keychain job is bounded by the timeout, after
 * which the keychain counts as refusing. The UI thread never waits on it. In Mode::FileOnly
 * (tests, tools) nothing is asynchronous and `done` is called before the call returns.
 * A value type: copies share nothing but their settings and the fallback observer.
 */
class SecretStore
{
public:
    enum class Mode
    {
        Keychain, ///< the keychain first, the file as the fallback
        FileOnly, ///< the file alone
    };
    static constexpr int kDefaultTimeoutMillis = 10'000;

    explicit SecretStore(Mode mode = Mode::Keychain, QString service = QStringLiteral("gengxin"),
                         int timeoutMillis = kDefaultTimeoutMillis);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] const QString &service() const { return m_service; }

    /** Called, in the event loop, each time a secret was written to the file or stayed in it
     * because the keychain was absent or refused (Mode::Keychain only; never when the file
     * failed too, which the call's answer says). */
    using FallbackObserver = std::function<void(KeychainFallback why)>;
    /** Sets the observer of this store and of every copy made from it afterwards. */
    void setFallbackObserver(FallbackObserver observer);

    using ReadDone = std::function<void(const Result<SecretRead, SecretError> &)>;
    using WriteDone = std::function<void(const Result<SecretPlace, SecretError> &)>;
    using RemoveDone = std::function<void(const Status<SecretError> &)>;

    /** The secret, or none; an error only when one may exist but cannot be read. */
    void read(const SecretSlot &slot, QObject *context, ReadDone done) const;
    /** Keeps the secret (at most PrivateFile::kMaxBytes) in the keychain, or else the file. */
    void write(const SecretSlot &slot, const QByteArray &secret, QObject *context,
               WriteDone done) const;
    /** Forgets the secret in both places. */
    void remove(const SecretSlot &slot, QObject *context, RemoveDone done) const;

private:
    void fellBack(KeychainFallback why) const;

    Mode m_mode;
    QString m_service;
    int m_timeoutMillis;
    std::shared_ptr<const FallbackObserver> m_fallbackObserver;
};

} // namespace gx
