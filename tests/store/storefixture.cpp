#include "storefixture.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gx::test {

QString StoreFixture::setUpClosed()
{
    tearDown();
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = TestClock(kClockStart);
    return m_dir->isValid() ? QString() : u"cannot make a temporary directory"_s;
}

QString StoreFixture::setUp()
{
    const QString why = setUpClosed();
    return why.isEmpty() ? reopen() : why;
}

void StoreFixture::tearDown()
{
    m_store.reset(); // before its directory goes
    m_dir.reset();
}

QString StoreFixture::reopen()
{
    m_store.reset();
    auto opened = open();
    if (!opened)
        return opened.error().toString();
    m_store = std::move(opened).value();
    return {};
}

Result<std::unique_ptr<DeviceStore>, StoreError> StoreFixture::open(const QString &device)
{
    return DeviceStore::open(path(), device, m_clock.function());
}

QString StoreFixture::path() const
{
    return filePath(u"device.db"_s);
}

QString StoreFixture::filePath(const QString &name) const
{
    return m_dir ? m_dir->filePath(name) : QString();
}

QJsonObject jsonObject(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace gx::test
