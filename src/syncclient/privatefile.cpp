#include "syncclient/privatefile.h"

#include "syncclient/logging.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

PrivateFile::PrivateFile(QString path)
    : m_path(std::move(path))
{}

bool PrivateFile::exists() const
{
    return QFile::exists(m_path);
}

Result<std::optional<QByteArray>, QString> PrivateFile::read() const
{
    QFile file(m_path);
    if (!file.exists())
        return std::optional<QByteArray>();
    if ((file.permissions() & kOthers) != 0) {
        qCWarning(lcSync) << "the file" << m_path
                          << "was readable by others; its permissions are now 0600";
        file.setPermissions(kOwnerOnly);
    }
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read %1: %2"_s.arg(m_path, file.errorString());
    if (file.size() > kMaxBytes)
        return u"%1 is larger than %2 bytes"_s.arg(m_path).arg(kMaxBytes);
    return std::optional<QByteArray>(file.read(kMaxBytes));
}

Status<QString> PrivateFile::write(const QByteArray &bytes) const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write %1: %2"_s.arg(m_path, file.errorString());
    // Before the first byte of the secret: the temporary file is the user's alone.
    if (!file.setPermissions(kOwnerOnly)) {
        file.cancelWriting();
        return u"cannot make %1 private: %2"_s.arg(m_path, file.errorString());
    }
    file.write(bytes);
    if (!file.commit())
        return u"cannot write %1: %2"_s.arg(m_path, file.errorString());
    return Done{};
}

Status<QString> PrivateFile::remove() const
{
    QFile file(m_path);
    if (!file.exists() || file.remove())
        return Done{};
    return u"cannot remove %1: %2"_s.arg(m_path, file.errorString());
}

} // namespace gx
