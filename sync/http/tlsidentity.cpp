#include "sync/http/tlsidentity.h"

#include <QEventLoop>
#include <QFile>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

constexpr int kCheckTimeoutMs = 10000;

Result<QByteArray, TlsError> readFile(const QString &path, TlsError::Source source)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return TlsError{source, u"cannot read '%1': %2"_s.arg(path, file.errorString())};
    return file.readAll();
}

/**
 * Serves one handshake on loopback with `configuration` to a client that accepts any
 * certificate. OpenSSL refuses a key that does not belong to the certificate only when a
 * connection starts, so this is where a mismatch shows. Returns the server side's reason.
 */
std::optional<QString> loopbackHandshakeProblem(const QSslConfiguration &configuration)
{
    QSslServer listener;
    listener.setSslConfiguration(configuration);
    if (!listener.listen(QHostAddress::LocalHost, 0))
        return u"cannot open a loopback socket to check them: "_s + listener.errorString();

    QEventLoop loop;
    std::optional<QString> problem;
    bool serverDone = false;
    bool clientDone = false;
    QSslSocket client;
    const auto finishIfDone = [&] {
        if (problem || (serverDone && clientDone))
            loop.quit();
    };
    QObject::connect(&listener, &QSslServer::pendingConnectionAvailable, &loop, [&] {
        serverDone = true;
        finishIfDone();
    });
    QObject::connect(&listener, &QSslServer::errorOccurred, &loop,
                     [&](QSslSocket *socket, QAbstractSocket::SocketError) {
                         problem = socket->errorString();
                         finishIfDone();
                     });
    QObject::connect(&client, &QSslSocket::encrypted, &loop, [&] {
        clientDone = true;
        finishIfDone();
    });
    QObject::connect(&client, &QSslSocket::errorOccurred, &loop, [&] {
        // The server's reason, when it has one, arrives at the same time and says more: wait
        // for it a moment before reporting the client's.
        QTimer::singleShot(500, &loop, [&] {
            if (!problem)
                problem = u"the TLS check handshake failed: "_s + client.errorString();
            loop.quit();
        });
    });
    QTimer::singleShot(kCheckTimeoutMs, &loop, [&] {
        problem = u"the TLS check handshake did not finish in %1 s"_s.arg(kCheckTimeoutMs / 1000);
        loop.quit();
    });
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.setSslConfiguration(clientConfiguration);
    client.connectToHostEncrypted(u"127.0.0.1"_s, listener.serverPort());
    loop.exec();
    client.abort();
    listener.close();
    return problem;
}

} // namespace

TlsIdentity::TlsIdentity(QList<QSslCertificate> chain, QSslKey key)
    : m_chain(std::move(chain))
    , m_key(std::move(key))
{}

Result<TlsIdentity, TlsError> TlsIdentity::load(const QString &certificateFile,
                                                const QString &keyFile)
{
    using Source = TlsError::Source;
    if (!QSslSocket::supportsSsl()) {
        return TlsError{Source::Backend,
                        u"this machine has no TLS backend for Qt (QSslSocket::supportsSsl() is "
                        "false; the OpenSSL plugin of libqt6network6 and libssl3 are needed)"_s};
    }
    auto certificateBytes = readFile(certificateFile, Source::Certificate);
    if (!certificateBytes)
        return certificateBytes.error();
    QList<QSslCertificate> chain = QSslCertificate::fromData(certificateBytes.value(), QSsl::Pem);
    chain.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (chain.isEmpty()) {
        return TlsError{
            Source::Certificate,
            u"'%1' holds no PEM certificate (-----BEGIN CERTIFICATE-----)"_s.arg(certificateFile)};
    }

    auto keyBytes = readFile(keyFile, Source::Key);
    if (!keyBytes)
        return keyBytes.error();
    if (keyBytes.value().contains("ENCRYPTED")) {
        return TlsError{
            Source::Key,
            u"'%1' is encrypted; give the key without a passphrase (openssl pkey "
            "-in KEY -out PLAIN-KEY), readable by the server's user only"_s.arg(keyFile)};
    }
    QSslKey key(keyBytes.value(), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyBytes.value(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        return TlsError{Source::Key,
                        u"'%1' holds no RSA or EC private key in PEM (-----BEGIN PRIVATE "
                        "KEY-----, -----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE "
                        "KEY-----)"_s.arg(keyFile)};
    }

    TlsIdentity identity(std::move(chain), std::move(key));
    if (auto problem = loopbackHandshakeProblem(identity.serverConfiguration())) {
        QString reason = problem->trimmed();
        while (reason.endsWith(u':'))
            reason.chop(1);
        return TlsError{Source::Key,
                        u"the key in '%1' does not fit the certificate in '%2' (a TLS check "
                        "with them failed: %3)"_s.arg(keyFile, certificateFile, reason)};
    }
    return identity;
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    return configuration;
}

QString TlsIdentity::subject() const
{
    QStringList parts;
    const QSslCertificate &own = certificate();
    for (const QByteArray &attribute : own.subjectInfoAttributes()) {
        for (const QString &value : own.subjectInfo(attribute))
            parts.append(QString::fromLatin1(attribute) + u'=' + value);
    }
    return parts.join(u", "_s);
}

} // namespace gx::server
