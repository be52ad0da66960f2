#include "syncclient/tokenstore.h"

using namespace Qt::StringLiterals;

namespace gx {

TokenStore::TokenStore(SecretStore secrets, SecretSlot slot)
    : m_secrets(std::move(secrets))
    , m_slot(std::move(slot))
{}

SecretSlot TokenStore::slotFor(const QString &storePath, const QString &server,
                               const QString &username)
{
    return {SecretSlot::keyFor(u"token"_s, server, username), TokenFile::pathFor(storePath)};
}

TokenStore TokenStore::fileOnly(const QString &storePath)
{
    return {SecretStore(SecretStore::Mode::FileOnly),
            {u"token|"_s + storePath, TokenFile::pathFor(storePath)}};
}

void TokenStore::read(QObject *context, ReadDone done) const
{
    m_secrets.read(m_slot, context, [slot = m_slot, done](const auto &read) {
        if (!read) {
            done(TokenFileError{read.error().message()});
            return;
        }
        if (!read.value().secret) {
            done(std::optional<SessionToken>());
            return;
        }
        const QString where = read.value().place == SecretPlace::File
                                  ? slot.file
                                  : u"the keychain's %1"_s.arg(slot.key);
        TokenFileError error;
        auto token = TokenFile::decode(*read.value().secret, where, &error);
        if (!token) {
            done(error);
            return;
        }
        done(token);
    });
}

void TokenStore::write(const SessionToken &token, QObject *context, WriteDone done) const
{
    m_secrets.write(m_slot, TokenFile::encode(token), context, [done](const auto &written) {
        if (!written) {
            done(TokenFileError{written.error().message()});
            return;
        }
        done(Done{});
    });
}

void TokenStore::remove(QObject *context, WriteDone done) const
{
    m_secrets.remove(m_slot, context, [done](const auto &removed) {
        if (!removed) {
            done(TokenFileError{removed.error().message()});
            return;
        }
        done(Done{});
    });
}

} // namespace gx
