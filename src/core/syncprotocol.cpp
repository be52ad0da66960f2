#include "core/syncprotocol.h"

#include "core/compactjson.h"
#include "core/jsonreader.h"
#include "core/syncchecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

using detail::checkCursorShape;
using detail::checkDeviceId;
using detail::checkEntityName;
using detail::checkErrorCode;
using detail::checkFields;
using detail::checkRecordId;
using detail::checkText;
using detail::checkUuid;
using detail::JsonReader;
using detail::wrongType;

constexpr QLatin1StringView kCursorPrefix{"c1."};

constexpr std::array kOpNames{"upsert"_L1, "delete"_L1};
constexpr std::array kStatusNames{"applied"_L1, "duplicate"_L1, "merged"_L1, "conflict"_L1,
                                  "rejected"_L1};

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/** The optional form_version member: 1 when absent. */
int formVersionAt(JsonReader &r)
{
    if (!r.has("form_version"_L1))
        return 1;
    qint64 version = 1;
    r.integer(version, "form_version"_L1, 1);
    if (version > kMaxFormVersion) {
        r.fail("form_version"_L1, u"at most %1"_s.arg(kMaxFormVersion));
        return 1;
    }
    return int(version);
}

void insertFormVersion(QJsonObject &object, int version)
{
    if (version != 1)
        object.insert(u"form_version"_s, version);
}

Result<Mutation, CodecError> mutationAt(const QJsonObject &object, const QString &path,
                                        const ProtocolLimits &limits)
{
    JsonReader r(object, path, limits);
    r.members({"mutation_id"_L1, "entity"_L1, "id"_L1, "op"_L1, "base_rev"_L1, "hlc"_L1},
              {"fields"_L1, "form_version"_L1});
    Mutation m;
    r.string(m.mutationId, "mutation_id"_L1, checkUuid);
    r.string(m.entity, "entity"_L1, checkEntityName);
    r.string(m.id, "id"_L1, checkRecordId);
    r.choice(m.op, "op"_L1, mutationOpFromName, "upsert or delete"_L1);
    r.integer(m.baseRev, "base_rev"_L1, 0);
    if (r.has("fields"_L1)) {
        r.object(m.fields, "fields"_L1, checkFields);
        if (m.op == Mutation::Op::Delete && !m.fields.isEmpty())
            r.fail("fields"_L1, u"a delete carries no fields"_s);
    } else if (m.op == Mutation::Op::Upsert) {
        r.fail("fields"_L1, u"missing required member (an upsert carries fields)"_s);
    }
    r.hlc(m.hlc, "hlc"_L1);
    m.formVersion = formVersionAt(r);
    return r.finish(std::move(m));
}

Result<SyncError, CodecError> syncErrorAt(const QJsonObject &object, const QString &path,
                                          const ProtocolLimits &limits, bool withExistingId)
{
    JsonReader r(object, path, limits);
    if (withExistingId)
        r.members({"code"_L1, "message"_L1, "field"_L1}, {"existing_id"_L1});
    else
        r.members({"code"_L1, "message"_L1, "field"_L1});
    SyncError e;
    r.string(e.code, "code"_L1, checkErrorCode);
    r.string(e.message, "message"_L1, checkText);
    r.string(e.field, "field"_L1, checkText, true);
    if (r.has("existing_id"_L1))
        r.string(e.existingId, "existing_id"_L1, checkRecordId);
    return r.finish(std::move(e));
}

Result<MutationResult, CodecError> mutationResultAt(const QJsonObject &object, const QString &path,
                                                    const ProtocolLimits &limits)
{
    JsonReader r(object, path, limits);
    r.members({"mutation_id"_L1, "status"_L1, "rev"_L1, "error"_L1});
    MutationResult m;
    r.string(m.mutationId, "mutation_id"_L1, checkUuid);
    r.choice(m.status, "status"_L1, mutationStatusFromName,
             "applied, duplicate, merged, conflict or rejected"_L1);
    r.integer(m.rev, "rev"_L1, 0);
    const QJsonValue error = r.value("error"_L1);
    if (r.failed()) {
        // reported by finish()
    } else if (error.isNull()) {
        if (m.status == MutationResult::Status::Rejected)
            r.fail("error"_L1, u"a rejected result carries an error"_s);
    } else if (!error.isObject()) {
        r.fail(wrongType(r.pathOf("error"_L1), "an object or null"_L1, error));
    } else if (const auto decoded =
                   syncErrorAt(error.toObject(), r.pathOf("error"_L1), limits, true)) {
        m.error = decoded.value();
    } else {
        r.fail(decoded.error());
    }
    return r.finish(std::move(m));
}

Result<Change, CodecError> changeAt(const QJsonObject &object, const QString &path,
                                    const ProtocolLimits &limits)
{
    JsonReader r(object, path, limits);
    r.members({"entity"_L1, "id"_L1, "rev"_L1, "deleted"_L1, "fields"_L1}, {"form_version"_L1});
    Change c;
    r.string(c.entity, "entity"_L1, checkEntityName);
    r.string(c.id, "id"_L1, checkRecordId);
    r.integer(c.rev, "rev"_L1, 1);
    r.boolean(c.deleted, "deleted"_L1);
    r.object(c.fields, "fields"_L1, checkFields);
    c.formVersion = formVersionAt(r);
    return r.finish(std::move(c));
}

/** The top-level object of a JSON body, within the byte limit. */
Result<QJsonObject, CodecError> parseBody(const QByteArray &body, const ProtocolLimits &limits)
{
    if (body.size() > limits.maxBodyBytes)
        return CodecError{
            QString(),
            u"body too large (%1 bytes, at most %2)"_s.arg(body.size()).arg(limits.maxBodyBytes)};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return CodecError{QString(), u"invalid JSON at byte offset %1: %2"_s.arg(parseError.offset)
                                         .arg(parseError.errorString())};
    if (!document.isObject())
        return CodecError{QString(), u"the top level is not a JSON object"_s};
    return document.object();
}

template <typename T>
Result<T, CodecError> decodeBody(const QByteArray &body, const ProtocolLimits &limits,
                                 Result<T, CodecError> (*decode)(const QJsonObject &,
                                                                 const ProtocolLimits &))
{
    const auto object = parseBody(body, limits);
    if (!object)
        return object.error();
    return decode(object.value(), limits);
}

template <typename Element>
QJsonArray toJsonArray(const QList<Element> &items)
{
    QJsonArray array;
    for (const Element &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace

QString CodecError::message() const
{
    return path.isEmpty() ? reason : path + u": "_s + reason;
}

QString mutationOpName(Mutation::Op op)
{
    return QString(kOpNames.at(static_cast<std::size_t>(op)));
}

std::optional<Mutation::Op> mutationOpFromName(QStringView name)
{
    for (std::size_t i = 0; i < kOpNames.size(); ++i) {
        if (name == kOpNames.at(i))
            return static_cast<Mutation::Op>(i);
    }
    return std::nullopt;
}

QString mutationStatusName(MutationResult::Status status)
{
    return QString(kStatusNames.at(static_cast<std::size_t>(status)));
}

std::optional<MutationResult::Status> mutationStatusFromName(QStringView name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i) {
        if (name == kStatusNames.at(i))
            return static_cast<MutationResult::Status>(i);
    }
    return std::nullopt;
}

QJsonObject SyncError::toJson() const
{
    QJsonObject object{
        {u"code"_s, code}, {u"message"_s, message}, {u"field"_s, nullIfEmpty(field)}};
    if (!existingId.isEmpty())
        object.insert(u"existing_id"_s, existingId);
    return object;
}

QJsonObject ApiError::toJson() const
{
    const QJsonObject error{
        {u"code"_s, code}, {u"message"_s, message}, {u"field"_s, nullIfEmpty(field)}};
    return QJsonObject{{u"error"_s, error}};
}

QJsonObject Mutation::toJson() const
{
    QJsonObject object{{u"mutation_id"_s, mutationId},
                       {u"entity"_s, entity},
                       {u"id"_s, id},
                       {u"op"_s, mutationOpName(op)},
                       {u"base_rev"_s, QJsonValue(baseRev)},
                       {u"fields"_s, fields},
                       {u"hlc"_s, hlc.toString()}};
    insertFormVersion(object, formVersion);
    return object;
}

QJsonObject PushRequest::toJson() const
{
    return QJsonObject{{u"device_id"_s, deviceId}, {u"mutations"_s, toJsonArray(mutations)}};
}

bool MutationResult::isRefusal() const
{
    if (status == Status::Rejected)
        return true;
    return status == Status::Duplicate && error && error->code != SyncErrorCode::Conflict;
}

bool MutationResult::isConflict() const
{
    if (status == Status::Conflict)
        return true;
    return status == Status::Duplicate && error && error->code == SyncErrorCode::Conflict;
}

QJsonObject MutationResult::toJson() const
{
    return QJsonObject{
        {u"mutation_id"_s, mutationId},
        {u"status"_s, mutationStatusName(status)},
        {u"rev"_s, QJsonValue(rev)},
        {u"error"_s, error ? QJsonValue(error->toJson()) : QJsonValue(QJsonValue::Null)}};
}

QString MutationResult::toCompactJsonText() const
{
    if (error)
        return toCompactJson(toJson());
    // The keys in QJsonObject's order, as toCompactJson() writes them.
    QString text = u"{\"error\":null,\"mutation_id\":"_s;
    appendJsonString(text, mutationId);
    text += u",\"rev\":"_s + QString::number(rev) + u",\"status\":"_s;
    appendJsonString(text, mutationStatusName(status));
    text += u'}';
    return text;
}

QByteArray PushResponse::compactJsonFromResults(const QStringList &resultTexts)
{
    return (u"{\"results\":["_s + resultTexts.join(u',') + u"]}"_s).toUtf8();
}

QJsonObject PushResponse::toJson() const
{
    return QJsonObject{{u"results"_s, toJsonArray(results)}};
}

QJsonObject Change::toJson() const
{
    QJsonObject object{{u"entity"_s, entity},
                       {u"id"_s, id},
                       {u"rev"_s, QJsonValue(rev)},
                       {u"deleted"_s, deleted},
                       {u"fields"_s, fields}};
    insertFormVersion(object, formVersion);
    return object;
}

QJsonObject PullPage::toJson() const
{
    return QJsonObject{
        {u"changes"_s, toJsonArray(changes)}, {u"cursor"_s, cursor}, {u"more"_s, more}};
}

QString PullCursor::encode() const
{
    const QByteArray payload = QByteArray::number(seq).toBase64(QByteArray::Base64UrlEncoding |
                                                                QByteArray::OmitTrailingEquals);
    return kCursorPrefix + QString::fromLatin1(payload);
}

Result<PullCursor, CodecError> PullCursor::decode(QStringView text)
{
    if (text.isEmpty())
        return CodecError{QString(), u"empty cursor"_s};
    if (text.size() > detail::kMaxCursorLength)
        return CodecError{QString(), u"cursor too long"_s};
    if (!text.startsWith(kCursorPrefix)) {
        const qsizetype dot = text.indexOf(u'.');
        if (dot > 1 && text.front() == u'c' &&
            std::all_of(text.begin() + 1, text.begin() + dot,
                        [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return CodecError{QString(), u"unsupported cursor version "_s + text.first(dot)};
        return CodecError{QString(), u"not a cursor (expected c1.PAYLOAD)"_s};
    }
    const QStringView payload = text.sliced(kCursorPrefix.size());
    if (payload.isEmpty())
        return CodecError{QString(), u"empty cursor payload"_s};
    if (!detail::allAscii(payload, true, "-_"_L1))
        return CodecError{QString(), u"cursor payload is not unpadded base64url"_s};
    const auto decoded = QByteArray::fromBase64Encoding(
        payload.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return CodecError{QString(), u"cursor payload is not unpadded base64url"_s};
    const QByteArray &digits = decoded.decoded;
    if (digits.isEmpty() || (digits.size() > 1 && digits.front() == '0') ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return CodecError{QString(), u"cursor does not hold a sequence number"_s};
    bool ok = false;
    const qint64 seq = digits.toLongLong(&ok);
    if (!ok || seq > JsonReader::kMaxSafeInteger)
        return CodecError{QString(), u"cursor sequence number out of range"_s};
    const PullCursor cursor{seq};
    if (cursor.encode() != text)
        return CodecError{QString(), u"cursor is not in canonical form"_s};
    return cursor;
}

Result<Mutation, CodecError> decodeMutation(const QJsonObject &object, const ProtocolLimits &limits)
{
    return mutationAt(object, QString(), limits);
}

Result<PushRequest, CodecError> decodePushRequest(const QJsonObject &object,
                                                  const ProtocolLimits &limits)
{
    JsonReader r(object, QString(), limits);
    r.members({"device_id"_L1, "mutations"_L1});
    PushRequest request;
    r.string(request.deviceId, "device_id"_L1, checkDeviceId);
    r.list(request.mutations, "mutations"_L1, limits.maxMutations, mutationAt);
    return r.finish(std::move(request));
}

Result<SyncError, CodecError> decodeSyncError(const QJsonObject &object,
                                              const ProtocolLimits &limits)
{
    return syncErrorAt(object, QString(), limits, true);
}

Result<MutationResult, CodecError> decodeMutationResult(const QJsonObject &object,
                                                        const ProtocolLimits &limits)
{
    return mutationResultAt(object, QString(), limits);
}

Result<PushResponse, CodecError> decodePushResponse(const QJsonObject &object,
                                                    const ProtocolLimits &limits)
{
    JsonReader r(object, QString(), limits);
    r.members({"results"_L1});
    PushResponse response;
    r.list(response.results, "results"_L1, limits.maxResults, mutationResultAt);
    return r.finish(std::move(response));
}

Result<Change, CodecError> decodeChange(const QJsonObject &object, const ProtocolLimits &limits)
{
    return changeAt(object, QString(), limits);
}

Result<PullPage, CodecError> decodePullPage(const QJsonObject &object, const ProtocolLimits &limits)
{
    JsonReader r(object, QString(), limits);
    r.members({"changes"_L1, "cursor"_L1, "more"_L1});
    PullPage page;
    r.list(page.changes, "changes"_L1, limits.maxChanges, changeAt);
    r.string(page.cursor, "cursor"_L1, checkCursorShape);
    r.boolean(page.more, "more"_L1);
    return r.finish(std::move(page));
}

Result<ApiError, CodecError> decodeApiError(const QJsonObject &object, const ProtocolLimits &limits)
{
    JsonReader r(object, QString(), limits);
    r.members({"error"_L1});
    const QJsonValue inner = r.value("error"_L1);
    if (!r.failed() && !inner.isObject())
        r.fail(wrongType(u"error"_s, "an object"_L1, inner));
    if (r.failed())
        return r.finish(ApiError{});
    const auto error = syncErrorAt(inner.toObject(), u"error"_s, limits, false);
    if (!error)
        return error.error();
    return ApiError{error.value().code, error.value().message, error.value().field};
}

Result<PushRequest, CodecError> decodePushRequest(const QByteArray &body,
                                                  const ProtocolLimits &limits)
{
    return decodeBody<PushRequest>(body, limits, decodePushRequest);
}

Result<PushResponse, CodecError> decodePushResponse(const QByteArray &body,
                                                    const ProtocolLimits &limits)
{
    return decodeBody<PushResponse>(body, limits, decodePushResponse);
}

Result<PullPage, CodecError> decodePullPage(const QByteArray &body, const ProtocolLimits &limits)
{
    return decodeBody<PullPage>(body, limits, decodePullPage);
}

} // namespace gx
