#include "syncclient/secretstore.h"

#include "syncclient/logging.h"
#include "syncclient/privatefile.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

/** What a keychain job came to. */
struct KeychainAnswer
{
    enum class Outcome
    {
        Ok,
        NotFound,
        Absent,  ///< no keychain service here (no session bus, no Secret Service)
        Refused, ///< a keychain that said no (locked, denied) or did not answer in time
    };
    Outcome outcome = Outcome::Refused;
    QByteArray data;
    QString message;
};

KeychainAnswer answerOf(QKeychain::Job *job)
{
    using Outcome = KeychainAnswer::Outcome;
    const QString why = u"QtKeychain error %1: %2"_s.arg(int(job->error())).arg(job->errorString());
    switch (job->error()) {
    case QKeychain::NoError: {
        auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        return {Outcome::Ok, read ? read->binaryData() : QByteArray(), {}};
    }
    case QKeychain::EntryNotFound:
        return {Outcome::NotFound, {}, why};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // D-Bus: no session bus, no service providing the secrets
        return {Outcome::Absent, {}, why};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return {Outcome::Refused, {}, why};
}

/**
 * Starts the job and answers once: when it finishes, or with Refused after timeoutMillis. The
 * job deletes itself when it finishes (never before: QtKeychain's callbacks still point at it).
 */
void runJob(QKeychain::Job *job, QObject *context, int timeoutMillis,
            std::function<void(const KeychainAnswer &)> done)
{
    auto answered = std::make_shared<bool>(false);
    auto once = [answered, done = std::move(done)](const KeychainAnswer &answer) {
        if (*answered)
            return;
        *answered = true;
        done(answer);
    };
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [once](QKeychain::Job *finished) { once(answerOf(finished)); });
    QTimer::singleShot(timeoutMillis, context, [once, timeoutMillis] {
        once({KeychainAnswer::Outcome::Refused,
              {},
              u"the keychain did not answer within %1 ms"_s.arg(timeoutMillis)});
    });
    job->start();
}

void logFallback(const SecretSlot &slot, const KeychainAnswer &answer, const char *what)
{
    if (answer.outcome == KeychainAnswer::Outcome::Absent)
        qCInfo(lcSync) << "no keychain here (" << answer.message << "):" << slot.key << what
                       << slot.file << "(0600)";
    else
        qCWarning(lcSync) << "the keychain refused" << slot.key << "(" << answer.message
                          << "):" << what << slot.file << "(0600)";
}

KeychainFallback fallbackOf(const KeychainAnswer &answer)
{
    return answer.outcome == KeychainAnswer::Outcome::Absent ? KeychainFallback::Absent
                                                             : KeychainFallback::Refused;
}

} // namespace

QString secretPlaceName(SecretPlace place)
{
    switch (place) {
    case SecretPlace::Keychain:
        return u"keychain"_s;
    case SecretPlace::File:
        return u"file"_s;
    case SecretPlace::Nowhere:
        break;
    }
    return u"nowhere"_s;
}

QString SecretSlot::keyFor(const QString &kind, const QString &server, const QString &username)
{
    return kind + u'|' + server + u'|' + username;
}

QString SecretError::message() const
{
    if (keychain.isEmpty())
        return file;
    if (file.isEmpty())
        return u"the keychain: %1"_s.arg(keychain);
    return u"the keychain: %1; the file: %2"_s.arg(keychain, file);
}

SecretStore::SecretStore(Mode mode, QString service, int timeoutMillis)
    : m_mode(mode)
    , m_service(std::move(service))
    , m_timeoutMillis(timeoutMillis)
{}

void SecretStore::setFallbackObserver(FallbackObserver observer)
{
    m_fallbackObserver =
        observer ? std::make_shared<const FallbackObserver>(std::move(observer)) : nullptr;
}

void SecretStore::fellBack(KeychainFallback why) const
{
    if (m_fallbackObserver)
        (*m_fallbackObserver)(why);
}

void SecretStore::read(const SecretSlot &slot, QObject *context, ReadDone done) const
{
    const PrivateFile file(slot.file);
    if (file.exists() || m_mode == Mode::FileOnly) {
        auto bytes = file.read();
        if (!bytes) {
            done(SecretError{{}, bytes.error()});
            return;
        }
        if (!bytes.value() || m_mode == Mode::FileOnly) {
            done(SecretRead{bytes.value(),
                            bytes.value() ? SecretPlace::File : SecretPlace::Nowhere});
            return;
        }
        // A file: from a version before the keychain, or kept while the keychain refused.
        const QByteArray secret = *bytes.value();
        auto *job = new QKeychain::WritePasswordJob(m_service);
        job->setKey(slot.key);
        job->setBinaryData(secret);
        runJob(job, context, m_timeoutMillis,
               [store = *this, slot, secret, done](const KeychainAnswer &answer) {
                   if (answer.outcome != KeychainAnswer::Outcome::Ok) {
                       logFallback(slot, answer, "stays in");
                       store.fellBack(fallbackOf(answer));
                       done(SecretRead{secret, SecretPlace::File});
                       return;
                   }
                   if (auto removed = PrivateFile(slot.file).remove(); !removed)
                       qCWarning(lcSync)
                           << "moved" << slot.key << "into the keychain, but" << removed.error();
                   else
                       qCInfo(lcSync)
                           << "moved" << slot.key << "from" << slot.file << "into the keychain";
                   done(SecretRead{secret, SecretPlace::Keychain});
               });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(slot.key);
    runJob(job, context, m_timeoutMillis, [slot, done](const KeychainAnswer &answer) {
        using Outcome = KeychainAnswer::Outcome;
        switch (answer.outcome) {
        case Outcome::Ok:
            qCDebug(lcSync) << "read" << slot.key << "from the keychain";
            done(SecretRead{answer.data, SecretPlace::Keychain});
            return;
        case Outcome::Absent:
            qCInfo(lcSync) << "no keychain here (" << answer.message << "), and no" << slot.file;
            [[fallthrough]];
        case Outcome::NotFound:
            done(SecretRead{});
            return;
        case Outcome::Refused:
            qCWarning(lcSync) << "the keychain refused to read" << slot.key << ":"
                              << answer.message;
            done(SecretError{answer.message, {}});
            return;
        }
    });
}

void SecretStore::write(const SecretSlot &slot, const QByteArray &secret, QObject *context,
                        WriteDone done) const
{
    if (secret.size() > PrivateFile::kMaxBytes) {
        done(SecretError{{},
                         u"a secret of %1 bytes is more than the %2 kept"_s.arg(secret.size())
                             .arg(PrivateFile::kMaxBytes)});
        return;
    }
    const auto toFile = [slot,
                         secret](const QString &keychainSaid) -> Result<SecretPlace, SecretError> {
        if (auto written = PrivateFile(slot.file).write(secret); !written)
            return SecretError{keychainSaid, written.error()};
        return SecretPlace::File;
    };
    if (m_mode == Mode::FileOnly) {
        done(toFile({}));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(slot.key);
    job->setBinaryData(secret);
    runJob(job, context, m_timeoutMillis,
           [store = *this, slot, secret, toFile, done](const KeychainAnswer &answer) {
               if (answer.outcome == KeychainAnswer::Outcome::Ok) {
                   qCInfo(lcSync) << "kept" << slot.key << "in the keychain";
                   // The file must not outlive the keychain's newer value (it is read first).
                   const PrivateFile file(slot.file);
                   if (auto removed = file.remove(); !removed) {
                       qCWarning(lcSync) << removed.error() << "; it is overwritten instead";
                       (void)file.write(secret);
                   }
                   done(SecretPlace::Keychain);
                   return;
               }
               logFallback(slot, answer, "kept in");
               const auto kept = toFile(answer.outcome == KeychainAnswer::Outcome::Absent
                                            ? u"no keychain service (%1)"_s.arg(answer.message)
                                            : answer.message);
               if (!kept)
                   qCWarning(lcSync)
                       << "cannot keep" << slot.key << "anywhere:" << kept.error().message();
               else
                   store.fellBack(fallbackOf(answer));
               done(kept);
           });
}

void SecretStore::remove(const SecretSlot &slot, QObject *context, RemoveDone done) const
{
    const auto removeFile = [slot](const QString &keychainSaid) -> Status<SecretError> {
        if (auto removed = PrivateFile(slot.file).remove(); !removed)
            return SecretError{keychainSaid, removed.error()};
        if (!keychainSaid.isEmpty())
            return SecretError{keychainSaid, {}};
        return Done{};
    };
    if (m_mode == Mode::FileOnly) {
        done(removeFile({}));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(slot.key);
    runJob(job, context, m_timeoutMillis, [slot, removeFile, done](const KeychainAnswer &answer) {
        const bool refused = answer.outcome == KeychainAnswer::Outcome::Refused;
        if (refused)
            qCWarning(lcSync) << "the keychain refused to forget" << slot.key << ":"
                              << answer.message;
        done(removeFile(refused ? answer.message : QString()));
    });
}

} // namespace gx
