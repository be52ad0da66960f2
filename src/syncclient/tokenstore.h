#pragma once

#include "syncclient/secretstore.h"
#include "syncclient/tokenfile.h"

#include <functional>
#include <optional>

class QObject;

namespace gx {

/**
 * The login token of one user at one server, in the keychain (SecretStore, key
 * "token|SERVER|USER") or, where the keychain refuses or no keychain service runs, in the 0600
 * token file beside the device store (TokenFile::pathFor). A token file left by a version
 * before the keychain is moved into the keychain on the first read. Asynchronous like the
 * SecretStore it goes through: each call answers once through `done` (at once in file-only mode).
 */
class TokenStore
{
public:
    using ReadDone =
        std::function<void(const Result<std::optional<SessionToken>, TokenFileError> &)>;
    using WriteDone = std::function<void(const Status<TokenFileError> &)>;

    TokenStore(SecretStore secrets, SecretSlot slot);

    /** The slot of the token of `username` at `server` whose store is at storePath. */
    [[nodiscard]] static SecretSlot slotFor(const QString &storePath, const QString &server,
                                            const QString &username);
    /** The token in the file beside the store alone (tests, tools). */
    [[nodiscard]] static TokenStore fileOnly(const QString &storePath);

    [[nodiscard]] const SecretSlot &slot() const { return m_slot; }
    [[nodiscard]] const SecretStore &secrets() const { return m_secrets; }

    /** The saved token, or none; an error when one is kept but cannot be read or is damaged. */
    void read(QObject *context, ReadDone done) const;
    void write(const SessionToken &token, QObject *context, WriteDone done) const;
    /** Forgets the token (none kept is not an error). */
    void remove(QObject *context, WriteDone done) const;

private:
    SecretStore m_secrets;
    SecretSlot m_slot;
};

} // namespace gx
