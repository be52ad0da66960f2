#pragma once

#include <QEventLoop>
#include <QString>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace gx::test {

/** The keychain with-keychain.sh set up for this run (GX_KEYCHAIN). */
enum class KeychainKind
{
    Unknown,
    Present,
    Refusing,
    Absent,
};

inline KeychainKind keychainKind()
{
    const QString kind = qEnvironmentVariable("GX_KEYCHAIN");
    if (kind == QLatin1String("present"))
        return KeychainKind::Present;
    if (kind == QLatin1String("refusing"))
        return KeychainKind::Refusing;
    if (kind == QLatin1String("absent"))
        return KeychainKind::Absent;
    return KeychainKind::Unknown;
}

/** What a raw QtKeychain write answers here (-1: no answer in 10 s). */
inline int probeKeychainWrite()
{
    auto *job = new QKeychain::WritePasswordJob(QStringLiteral("gengxin-probe"));
    job->setKey(QStringLiteral("probe"));
    job->setBinaryData("probe");
    int error = -1;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *done) {
        error = done->error();
        loop.quit();
    });
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    return error;
}

/**
 * Whether the keychain behaves as the kind says (present: takes a write; refusing: refuses it
 * as locked; absent: has no service), so that a wrapper gone wrong fails rather than passes.
 */
inline QString keychainMismatch()
{
    const KeychainKind kind = keychainKind();
    if (kind == KeychainKind::Unknown)
        return QStringLiteral("run under tests/keychain/with-keychain.sh (GX_KEYCHAIN unset)");
    const int error = probeKeychainWrite();
    const bool as = (kind == KeychainKind::Present && error == QKeychain::NoError) ||
                    (kind == KeychainKind::Refusing && error == QKeychain::AccessDenied) ||
                    (kind == KeychainKind::Absent && error == QKeychain::OtherError);
    return as ? QString()
              : QStringLiteral("GX_KEYCHAIN=%1 but a keychain write answered %2")
                    .arg(qEnvironmentVariable("GX_KEYCHAIN"))
                    .arg(error);
}

} // namespace gx::test
