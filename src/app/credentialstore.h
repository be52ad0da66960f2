#pragma once

#include "core/result.h"
#include "syncclient/secretstore.h"

#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace gx {

/** Who logged in, as the server said at the last online login, kept for offline logins. */
struct StoredCredential
{
    QString username;
    QString server;
    QString role;
    QString region;
    QString enterprise;
};

/** Why a credential could not be written or did not match. Session words it for a person. */
struct CredentialError
{
    enum class Code
    {
        Missing,       ///< no online login of this user on this server yet
        Damaged,       ///< what is kept does not parse
        WrongPassword, ///< the password does not match the hash
        Io, ///< neither the keychain nor the file could keep or give it, or the hash library
            ///< failed (message says how)
    };
    Code code = Code::Io;
    QString message; ///< technical detail, for logs
};

/**
 * The offline login of one user on one server: an Argon2id hash of the password (libsodium's
 * crypto_pwhash_str, interactive limits) and what the server said about the user, as JSON in
 * the OS keychain (SecretStore, key "login|SERVER|USER") or, where the keychain refuses or no
 * keychain service runs, in a file readable by the owner only (0600). A file kept by a version
 * before the keychain moves into it at the first offline login. The password itself is never
 * written; the app checks a password typed while the server is out of reach against the hash.
 *
 * Asynchronous like the SecretStore: save() and verify() answer once through `done`, in the
 * event loop when the keychain is asked (at once in file-only mode), never after `context` is
 * gone; LoginFlow waits for them as it waits for the server.
 */
class CredentialStore
{
public:
    using SaveDone = std::function<void(const Status<CredentialError> &)>;
    using VerifyDone = std::function<void(const Result<StoredCredential, CredentialError> &)>;

    CredentialStore(SecretStore secrets, SecretSlot slot);

    /** The slot of `username` at `server`, its fallback file `file` (Preferences names it). */
    [[nodiscard]] static SecretSlot slotFor(const QString &file, const QString &server,
                                            const QString &username);

    [[nodiscard]] const SecretSlot &slot() const { return m_slot; }
    /** Hashes the password and keeps the verifier whole (keychain, or temporary file + rename). */
    void save(const StoredCredential &who, const QString &password, QObject *context,
              SaveDone done) const;
    /**
     * The stored user when the password matches the hash; an error when it does not or none is
     * kept (the code says which, for a person).
     */
    void verify(const QString &password, QObject *context, VerifyDone done) const;

private:
    SecretStore m_secrets;
    SecretSlot m_slot;
};

} // namespace gx
