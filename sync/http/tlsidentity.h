#pragma once

#include "core/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace gx::server {

/** Why a certificate and key cannot serve TLS, and which of the two files is at fault. */
struct TlsError
{
    enum class Source
    {
        Certificate, ///< the certificate file (`--tls-cert`)
        Key,         ///< the key file (`--tls-key`), including a key that does not match
        Backend      ///< Qt has no working TLS backend on this machine
    };
    Source source = Source::Certificate;
    QString message;
};

/**
 * The certificate (with any intermediate certificates after it, as in certbot's fullchain.pem)
 * and private key that `gengxin-server serve` presents when it speaks HTTPS itself. load()
 * checks everything that would otherwise only fail at each client's handshake: readable files,
 * PEM contents, an unencrypted RSA or EC key, and that the key belongs to the certificate (by a
 * TLS handshake over loopback with the very configuration that will serve).
 */
class TlsIdentity
{
public:
    /** Reads and checks the two PEM files; the error names the file at fault. */
    [[nodiscard]] static Result<TlsIdentity, TlsError> load(const QString &certificateFile,
                                                            const QString &keyFile);

    /** What a listening socket needs: this identity, TLS 1.2 or later, no client certificates. */
    [[nodiscard]] QSslConfiguration serverConfiguration() const;
    /** The server's own certificate (the first one of the file). */
    [[nodiscard]] const QSslCertificate &certificate() const { return m_chain.constFirst(); }
    /** "CN=localhost, O=Example", for the log. */
    [[nodiscard]] QString subject() const;

private:
    TlsIdentity(QList<QSslCertificate> chain, QSslKey key);

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace gx::server
