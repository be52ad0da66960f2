#include "sync/records/fieldmerge.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

struct FieldStamp
{
    qint64 rev = 0;
    Hlc hlc; ///< invalid (lowest) when unknown
    QString by;
};

FieldStamp stampOf(const QJsonObject &meta, const QString &field)
{
    const QJsonObject entry = meta.value(field).toObject();
    FieldStamp stamp;
    stamp.rev = entry.value("rev"_L1).toInteger();
    auto hlc = Hlc::parse(entry.value("hlc"_L1).toString());
    if (hlc)
        stamp.hlc = hlc.value();
    stamp.by = entry.value("by"_L1).toString();
    return stamp;
}

/** The HLC's string form, or "" when the stored stamp had none. */
QString hlcText(const Hlc &hlc)
{
    return hlc.isValid() ? hlc.toString() : QString();
}

} // namespace

std::optional<int> FieldMerge::forwardRank(const QString &field, const QJsonValue &value)
{
    if (field == "renovation_status"_L1) {
        static const QStringList order{u"not_started"_s, u"in_progress"_s, u"completed"_s};
        return int(order.indexOf(value.toString()));
    }
    if (field == "digital_level"_L1) {
        if (!value.isDouble())
            return -1;
        const double level = value.toDouble();
        return level >= 0 && level <= 4 && level == double(int(level)) ? int(level) : -1;
    }
    return std::nullopt;
}

QJsonObject FieldMerge::metaEntry(const Hlc &hlc, qint64 rev, const QString &username)
{
    return QJsonObject{{u"hlc"_s, hlc.toString()}, {u"rev"_s, rev}, {u"by"_s, username}};
}

MergeOutcome FieldMerge::merge(const std::optional<StoredRecord> &current, const Mutation &mutation,
                               const QString &username)
{
    MergeOutcome outcome;
    const bool remove = mutation.op == Mutation::Op::Delete;
    if (!current) {
        outcome.record.entity = mutation.entity;
        outcome.record.id = mutation.id;
        if (remove)
            return outcome; // never existed: nothing to delete
        outcome.record.rev = 1;
        outcome.record.fields = mutation.fields;
        const QJsonObject stamp = metaEntry(mutation.hlc, 1, username); // shared by every field
        for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it)
            outcome.record.meta.insert(it.key(), stamp);
        outcome.changed = true;
        return outcome;
    }

    outcome.record = *current;
    const bool stale = mutation.baseRev < current->rev;
    if (remove) {
        if (current->deleted)
            return outcome; // already a tombstone
        outcome.record.deleted = true;
        outcome.record.rev += 1;
        outcome.record.meta.insert(kDeletedKey,
                                   metaEntry(mutation.hlc, outcome.record.rev, username));
        outcome.changed = true;
        outcome.status = stale ? MutationResult::Status::Merged : MutationResult::Status::Applied;
        return outcome;
    }

    if (current->deleted && stale) {
        // Deleted by a change this device had not seen: the deletion stands, the edit is logged.
        const FieldStamp deletion = stampOf(current->meta, kDeletedKey);
        for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it) {
            outcome.clashes.append(FieldClash{it.key(), QJsonValue::Null, it.value(),
                                              hlcText(deletion.hlc), mutation.hlc.toString(),
                                              mutation.hlc.device, username,
                                              QString(ClashReason::Deleted)});
        }
        outcome.status = MutationResult::Status::Conflict;
        return outcome;
    }
    return upsertLive(*current, mutation, username);
}

MergeOutcome FieldMerge::upsertLive(const StoredRecord &current, const Mutation &mutation,
                                    const QString &username)
{
    MergeOutcome outcome;
    outcome.record = current;
    const bool revive = current.deleted;
    QStringList applied;
    for (auto it = mutation.fields.constBegin(); it != mutation.fields.constEnd(); ++it) {
        const QString &field = it.key();
        const QJsonValue incoming = it.value();
        const bool present = current.fields.contains(field);
        const QJsonValue stored = current.fields.value(field);
        const FieldStamp stamp = stampOf(current.meta, field);
        if (stamp.rev <= mutation.baseRev) {
            if (!present || stored != incoming || revive)
                applied.append(field);
            continue;
        }
        if (present && stored == incoming)
            continue; // both sides wrote the same value: nothing to resolve
        bool incomingWins = false;
        QString reason;
        const auto incomingRank = forwardRank(field, incoming);
        const auto storedRank = forwardRank(field, stored);
        if (incomingRank && storedRank && *incomingRank != *storedRank) {
            incomingWins = *incomingRank > *storedRank;
            reason = ClashReason::ForwardOnly;
        } else {
            incomingWins = mutation.hlc > stamp.hlc;
            reason = ClashReason::Hlc;
        }
        if (incomingWins) {
            applied.append(field);
            outcome.clashes.append(FieldClash{field, incoming, stored, mutation.hlc.toString(),
                                              hlcText(stamp.hlc), stamp.hlc.device, stamp.by,
                                              reason});
        } else {
            outcome.clashes.append(FieldClash{field, stored, incoming, hlcText(stamp.hlc),
                                              mutation.hlc.toString(), mutation.hlc.device,
                                              username, reason});
        }
    }

    if (!applied.isEmpty() || revive) {
        outcome.changed = true;
        outcome.record.rev = current.rev + 1;
        outcome.record.deleted = false;
        outcome.record.meta.remove(kDeletedKey);
        const QJsonObject stamp = metaEntry(mutation.hlc, outcome.record.rev, username);
        for (const QString &field : std::as_const(applied)) {
            outcome.record.fields.insert(field, mutation.fields.value(field));
            outcome.record.meta.insert(field, stamp);
        }
    }
    if (!outcome.clashes.isEmpty())
        outcome.status = MutationResult::Status::Conflict;
    else if (mutation.baseRev < current.rev)
        outcome.status = MutationResult::Status::Merged;
    else
        outcome.status = MutationResult::Status::Applied;
    return outcome;
}

} // namespace gx::server
