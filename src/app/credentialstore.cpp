#include "app/credentialstore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace gx {

CredentialStore::CredentialStore(SecretStore secrets, SecretSlot slot)
    : m_secrets(std::move(secrets))
    , m_slot(std::move(slot))
{}

SecretSlot CredentialStore::slotFor(const QString &file, const QString &server,
                                    const QString &username)
{
    return {SecretSlot::keyFor(u"login"_s, server, username), file};
}

void CredentialStore::save(const StoredCredential &who, const QString &password, QObject *context,
                           SaveDone done) const
{
    if (sodium_init() < 0) {
        done(CredentialError{CredentialError::Code::Io, u"sodium_init failed"_s});
        return;
    }
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        done(CredentialError{CredentialError::Code::Io, u"crypto_pwhash_str: out of memory"_s});
        return;
    }
    const QJsonObject json{{u"username"_s, who.username},
                           {u"server"_s, who.server},
                           {u"role"_s, who.role},
                           {u"region"_s, who.region},
                           {u"enterprise"_s, who.enterprise},
                           {u"hash"_s, QString::fromLatin1(hash)}};
    m_secrets.write(
        m_slot, QJsonDocument(json).toJson(QJsonDocument::Compact), context,
        [done](const Result<SecretPlace, SecretError> &written) {
            if (!written) {
                done(CredentialError{CredentialError::Code::Io, written.error().message()});
                return;
            }
            done(Done{});
        });
}

void CredentialStore::verify(const QString &password, QObject *context, VerifyDone done) const
{
    m_secrets.read(
        m_slot, context,
        [password, slot = m_slot, done](const Result<SecretRead, SecretError> &read) {
            if (!read) {
                done(CredentialError{CredentialError::Code::Io, read.error().message()});
                return;
            }
            if (!read.value().secret) {
                done(CredentialError{CredentialError::Code::Missing, slot.key});
                return;
            }
            const QJsonObject json = QJsonDocument::fromJson(*read.value().secret).object();
            const QByteArray hash = json.value("hash"_L1).toString().toLatin1();
            if (hash.isEmpty() || sodium_init() < 0) {
                done(CredentialError{CredentialError::Code::Damaged, slot.key});
                return;
            }
            const QByteArray utf8 = password.toUtf8();
            if (crypto_pwhash_str_verify(hash.constData(), utf8.constData(),
                                         static_cast<unsigned long long>(utf8.size())) != 0) {
                done(CredentialError{CredentialError::Code::WrongPassword, {}});
                return;
            }
            done(StoredCredential{
                json.value("username"_L1).toString(), json.value("server"_L1).toString(),
                json.value("role"_L1).toString(), json.value("region"_L1).toString(),
                json.value("enterprise"_L1).toString()});
        });
}

} // namespace gx
