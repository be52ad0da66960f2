#include "sync/store/secrets.h"

#include <QCryptographicHash>

#include <sodium.h>

#include <cstring>
#include <mutex>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

} // namespace

Result<QString, HashError> Secrets::hashPassword(const QString &password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), kOpsLimit,
                              kMemLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return HashError{u"hashing the password failed (out of memory?)"_s};
    }
    return QString::fromLatin1(out, qsizetype(std::strlen(out)));
}

bool Secrets::verifyPassword(const QString &hash, const QString &password)
{
    ensureSodium();
    const QByteArray stored = hash.toLatin1();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size())) ==
           0;
}

const QString &Secrets::decoyHash()
{
    static const QString hash = [] {
        auto made = hashPassword(newToken());
        return made ? made.value() : QString();
    }();
    return hash;
}

QString Secrets::newToken()
{
    ensureSodium();
    QByteArray bytes(kTokenBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString Secrets::oneTimePassword()
{
    ensureSodium();
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr uint32_t size = sizeof(kAlphabet) - 1;
    QString out;
    out.reserve(kOneTimePasswordLength);
    for (int i = 0; i < kOneTimePasswordLength; ++i)
        out.append(QLatin1Char(kAlphabet[randombytes_uniform(size)]));
    return out;
}

QString Secrets::tokenHash(const QString &token)
{
    return sha256Hex(token.toUtf8());
}

QString Secrets::sha256Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace gx::server
