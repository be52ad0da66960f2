#include "app/credentialstore.h"

#include <QFile>
#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace gx {

CredentialStore::CredentialStore(QString path)
    : m_path(std::move(path))
{}

bool CredentialStore::exists() const
{
    return QFile::exists(m_path);
}

Status<CredentialError> CredentialStore::save(const StoredCredential &who,
                                              const QString &password) const
{
    if (sodium_init() < 0)
        return CredentialError{CredentialError::Code::Io, u"sodium_init failed"_s};
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return CredentialError{CredentialError::Code::Io, u"crypto_pwhash_str: out of memory"_s};
    const QJsonObject json{{u"username"_s, who.username},
                           {u"server"_s, who.server},
                           {u"role"_s, who.role},
                           {u"region"_s, who.region},
                           {u"enterprise"_s, who.enterprise},
                           {u"hash"_s, QString::fromLatin1(hash)}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return CredentialError{CredentialError::Code::Io, file.errorString()};
    // Owner only, before any byte is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return CredentialError{CredentialError::Code::Io, file.errorString()};
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Done{};
}

Result<StoredCredential, CredentialError> CredentialStore::verify(const QString &password) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return CredentialError{CredentialError::Code::Missing, file.errorString()};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray hash = json.value("hash"_L1).toString().toLatin1();
    if (hash.isEmpty() || sodium_init() < 0)
        return CredentialError{CredentialError::Code::Damaged, m_path};
    const QByteArray utf8 = password.toUtf8();
    if (crypto_pwhash_str_verify(hash.constData(), utf8.constData(),
                                 static_cast<unsigned long long>(utf8.size())) != 0)
        return CredentialError{CredentialError::Code::WrongPassword, {}};
    return StoredCredential{json.value("username"_L1).toString(),
                            json.value("server"_L1).toString(), json.value("role"_L1).toString(),
                            json.value("region"_L1).toString(),
                            json.value("enterprise"_L1).toString()};
}

} // namespace gx
