#include "devicedriver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::StringLiterals;

namespace gx::e2e {

namespace {

QString compact(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A scalar: wrap it in an array and strip the brackets.
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

std::optional<QJsonValue> parseValue(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(u"["_s.append(text).append(u']').toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

} // namespace

DeviceDriver::DeviceDriver(QTextStream &out, const QString &storePath, const QString &deviceId,
                           const QUrl &server, const SyncOptions &options)
    : m_out(out)
    , m_device(std::make_unique<TestDevice>(storePath, deviceId, server, options,
                                            quint32(QCoreApplication::applicationPid())))
{
    if (m_device->error().isEmpty()) {
        QObject::connect(&m_device->client(), &SyncClient::phaseStarted,
                         [this](const QString &phase) { print(u"phase "_s + phase); });
    }
}

QString DeviceDriver::error() const
{
    return m_device->error();
}

void DeviceDriver::print(const QString &line)
{
    m_out << line << '\n';
    m_out.flush();
}

bool DeviceDriver::fail(const QString &message)
{
    print(u"error "_s + message);
    return false;
}

void DeviceDriver::printReceipt(const EditReceipt &receipt, const QJsonObject &fields)
{
    // One write, so a kill cuts at most the last line.
    const QString record = receipt.entity + u'/' + receipt.id;
    QString text = u"receipt %1 %2\n"_s.arg(record, receipt.mutationId);
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        text += u"saved %1 %2 %3\n"_s.arg(record, it.key(), compact(it.value()));
    m_out << text;
    m_out.flush();
}

bool DeviceDriver::run(const QString &line)
{
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || words.first().startsWith(u'#'))
        return true;
    const QString &command = words.first();
    if ((command == "login"_L1 || command == "ensure-login"_L1) && words.size() >= 3) {
        const QString password = words.mid(2).join(u' '); // the rest of the line
        if (command == "ensure-login"_L1 && m_device->client().isLoggedIn()) {
            print(u"logged_in"_s);
            return true;
        }
        const QString why = m_device->login(words.at(1), password);
        if (!why.isEmpty())
            return fail(u"login: "_s + why);
        print(u"logged_in"_s);
        return true;
    }
    if ((command == "create"_L1 && words.size() == 4) || (command == "set"_L1 && words.size() == 5))
        return edit(words);
    if (command == "photo"_L1 && words.size() == 6)
        return photo(words);
    if (command == "sync"_L1)
        return sync();
    if (command == "sleep"_L1 && words.size() == 2) {
        QThread::msleep(words.at(1).toULong());
        return true;
    }
    if (command == "dump"_L1 && words.size() == 3) {
        const auto record = m_device->store().record(words.at(1), words.at(2));
        if (!record)
            return fail(record.error().toString());
        print(
            u"record %1/%2 %3"_s.arg(words.at(1), words.at(2),
                                     record.value() ? compact(record.value()->fields) : u"null"_s));
        return true;
    }
    if (command == "outbox"_L1) {
        const auto entries = m_device->store().outbox().entries();
        if (!entries)
            return fail(entries.error().toString());
        int rejected = 0;
        for (const OutboxEntry &e : entries.value())
            rejected += e.status == OutboxStatus::Rejected ? 1 : 0;
        print(u"outbox %1 %2"_s.arg(entries.value().size() - rejected).arg(rejected));
        return true;
    }
    return fail(u"unknown command: "_s + line);
}

bool DeviceDriver::edit(const QStringList &words)
{
    const QString &entity = words.at(1);
    const QString &id = words.at(2);
    if (words.first() == "create"_L1) {
        const auto fields = parseValue(words.at(3));
        if (!fields || !fields->isObject())
            return fail(u"create: the fields are not a JSON object"_s);
        const auto receipt = m_device->store().createRecord(entity, fields->toObject(), id);
        if (!receipt)
            return fail(u"create: "_s + receipt.error().toString());
        printReceipt(receipt.value(), fields->toObject());
        return true;
    }
    const auto value = parseValue(words.at(4));
    if (!value)
        return fail(u"set: the value is not JSON"_s);
    const auto receipt = m_device->store().setField(entity, id, words.at(3), *value);
    if (!receipt)
        return fail(u"set: "_s + receipt.error().toString());
    printReceipt(receipt.value(), QJsonObject{{words.at(3), *value}});
    return true;
}

bool DeviceDriver::photo(const QStringList &words)
{
    const qint64 size = words.at(4).toLongLong();
    QRandomGenerator rng(words.at(5).toUInt());
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(rng.bounded(256));
    const auto sha = m_device->store().attachments().add(bytes);
    if (!sha)
        return fail(u"photo: "_s + sha.error().toString());
    const auto receipt =
        m_device->store().setField(words.at(1), words.at(2), words.at(3), sha.value());
    if (!receipt)
        return fail(u"photo: "_s + receipt.error().toString());
    printReceipt(receipt.value(), QJsonObject{{words.at(3), sha.value()}});
    return true;
}

bool DeviceDriver::sync()
{
    const QString why = m_device->sync();
    if (!why.isEmpty()) {
        print(u"sync_failed "_s + why);
        return false;
    }
    print(u"synced"_s);
    return true;
}

} // namespace gx::e2e
