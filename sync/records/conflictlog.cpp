#include "sync/records/conflictlog.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject ConflictLog::fields(const StoredRecord &record, const FieldClash &clash,
                                const QString &mutationId, qint64 now)
{
    return QJsonObject{{u"entity"_s, record.entity},
                       {u"record_id"_s, record.id},
                       {u"field"_s, clash.field},
                       {u"kept_value"_s, clash.keptValue},
                       {u"lost_value"_s, clash.lostValue},
                       {u"kept_hlc"_s, textOrNull(clash.keptHlc)},
                       {u"lost_hlc"_s, textOrNull(clash.lostHlc)},
                       {u"lost_device"_s, textOrNull(clash.lostDevice)},
                       {u"lost_by"_s, textOrNull(clash.lostBy)},
                       {u"reason"_s, clash.reason},
                       {u"mutation_id"_s, mutationId},
                       {u"at"_s, now}};
}

DbStatus ConflictLog::write(const StoredRecord &record, const QList<FieldClash> &clashes,
                            const QString &mutationId, qint64 now)
{
    const Hlc hlc{now, 0, RecordStore::kServerDevice};
    for (const FieldClash &clash : clashes) {
        StoredRecord conflict;
        conflict.entity = kEntity;
        conflict.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        conflict.rev = 1;
        conflict.fields = fields(record, clash, mutationId, now);
        const QJsonObject stamp{{u"hlc"_s, hlc.toString()}, {u"rev"_s, 1}};
        for (auto it = conflict.fields.constBegin(); it != conflict.fields.constEnd(); ++it)
            conflict.meta.insert(it.key(), stamp);
        conflict.region = record.region;
        conflict.enterprise = record.enterprise;
        if (auto written = m_records.write(conflict); !written)
            return written.error();
    }
    return Done{};
}

} // namespace gx::server
