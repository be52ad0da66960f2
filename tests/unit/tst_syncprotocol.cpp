#include "core/syncprotocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gx;

Q_DECLARE_METATYPE(gx::ProtocolLimits)
Q_DECLARE_METATYPE(gx::MutationResult)

namespace {

const QString kUuidA = u"0b7e2a4c-1f3d-4e5a-9b6c-7d8e9f0a1b2c"_s;
const QString kUuidB = u"c3d4e5f6-a7b8-4c9d-8e0f-112233445566"_s;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

Mutation sampleUpsert()
{
    Mutation m;
    m.mutationId = kUuidA;
    m.entity = u"survey"_s;
    m.id = kUuidB;
    m.op = Mutation::Op::Upsert;
    m.baseRev = 12;
    m.fields = QJsonObject{{u"digital_level"_s, 2},
                           {u"notes"_s, u"数控化改造进行中"_s},
                           {u"design_tools"_s, true},
                           {u"visit_date"_s, QJsonValue::Null},
                           {u"design_tool_kinds"_s, QJsonArray{u"cad2d"_s, u"cae"_s}},
                           {u"location"_s, QJsonObject{{u"lat"_s, 28.45}, {u"lon"_s, 119.92}}},
                           {u"revenue_10k"_s, 12345.5}};
    m.hlc = Hlc{1732800000000, 3, u"tablet-7"_s};
    return m;
}

Mutation sampleDelete()
{
    Mutation m;
    m.mutationId = kUuidB;
    m.entity = u"equipment"_s;
    m.id = u"eq-1"_s;
    m.op = Mutation::Op::Delete;
    m.baseRev = 9007199254740991; // 2^53 - 1, the largest accepted
    m.hlc = Hlc{1732800000001, 0, u"tablet-7"_s};
    return m;
}

/** A mutation object that decodes, as written by hand. */
QJsonObject validMutationJson()
{
    return QJsonObject{{u"mutation_id"_s, kUuidA},
                       {u"entity"_s, u"survey"_s},
                       {u"id"_s, kUuidB},
                       {u"op"_s, u"upsert"_s},
                       {u"base_rev"_s, 0},
                       {u"fields"_s, QJsonObject{{u"digital_level"_s, 1}}},
                       {u"hlc"_s, u"1732800000000:0:tablet-7"_s}};
}

/**
 * A push body whose second mutation is the valid one with `patch` applied: members of patch
 * replace or add; names in `drop` are removed. A patch value "@RAW@" is replaced by rawValue in
 * the bytes, to write numbers QJsonValue cannot (1.5 stays 1.5, 2^53 stays exact).
 */
QByteArray push(const QJsonObject &patch, const QStringList &drop = {},
                const QByteArray &rawValue = {})
{
    QJsonObject second = validMutationJson();
    for (auto it = patch.begin(); it != patch.end(); ++it)
        second.insert(it.key(), it.value());
    for (const QString &name : drop)
        second.remove(name);
    const QJsonObject body{{u"device_id"_s, u"tablet-7"_s},
                           {u"mutations"_s, QJsonArray{validMutationJson(), second}}};
    QByteArray bytes = compact(body);
    if (!rawValue.isEmpty())
        bytes.replace("\"@RAW@\"", rawValue);
    return bytes;
}

QJsonObject validResultJson()
{
    return QJsonObject{{u"mutation_id"_s, kUuidA},
                       {u"status"_s, u"rejected"_s},
                       {u"rev"_s, 0},
                       {u"error"_s, QJsonObject{{u"code"_s, u"duplicate_survey"_s},
                                                {u"message"_s, u"已有调查"_s},
                                                {u"field"_s, QJsonValue::Null},
                                                {u"existing_id"_s, kUuidB}}}};
}

QByteArray response(const QJsonObject &patch, const QStringList &drop = {},
                    const QJsonObject &errorPatch = {}, const QStringList &errorDrop = {})
{
    QJsonObject result = validResultJson();
    QJsonObject error = result.value(u"error"_s).toObject();
    for (auto it = errorPatch.begin(); it != errorPatch.end(); ++it)
        error.insert(it.key(), it.value());
    for (const QString &name : errorDrop)
        error.remove(name);
    result.insert(u"error"_s, error);
    for (auto it = patch.begin(); it != patch.end(); ++it)
        result.insert(it.key(), it.value());
    for (const QString &name : drop)
        result.remove(name);
    return compact(QJsonObject{{u"results"_s, QJsonArray{result}}});
}

QJsonObject validChangeJson()
{
    return QJsonObject{{u"entity"_s, u"enterprise"_s},
                       {u"id"_s, u"91331100MA2A0ABCDE"_s},
                       {u"rev"_s, 7},
                       {u"deleted"_s, false},
                       {u"fields"_s, QJsonObject{{u"name"_s, u"丽水某机械有限公司"_s}}}};
}

QByteArray pull(const QJsonObject &changePatch, const QStringList &changeDrop = {},
                const QJsonObject &pagePatch = {}, const QStringList &pageDrop = {})
{
    QJsonObject change = validChangeJson();
    for (auto it = changePatch.begin(); it != changePatch.end(); ++it)
        change.insert(it.key(), it.value());
    for (const QString &name : changeDrop)
        change.remove(name);
    QJsonObject page{
        {u"changes"_s, QJsonArray{change}}, {u"cursor"_s, u"c1.NDI"_s}, {u"more"_s, false}};
    for (auto it = pagePatch.begin(); it != pagePatch.end(); ++it)
        page.insert(it.key(), it.value());
    for (const QString &name : pageDrop)
        page.remove(name);
    return compact(page);
}

/** Decodes body as the given kind; returns the error, or nullopt when it decoded. */
std::optional<CodecError> decodeAs(const QString &kind, const QByteArray &body,
                                   const ProtocolLimits &limits = {})
{
    if (kind == u"push"_s) {
        const auto r = decodePushRequest(body, limits);
        return r.ok() ? std::nullopt : std::optional(r.error());
    }
    if (kind == u"response"_s) {
        const auto r = decodePushResponse(body, limits);
        return r.ok() ? std::nullopt : std::optional(r.error());
    }
    if (kind == u"pull"_s) {
        const auto r = decodePullPage(body, limits);
        return r.ok() ? std::nullopt : std::optional(r.error());
    }
    const auto r = decodeApiError(parseObject(body), limits);
    return r.ok() ? std::nullopt : std::optional(r.error());
}

} // namespace

class Tst_syncprotocol : public QObject
{
    Q_OBJECT

private slots:
    void validBodiesDecode();
    void mutationContract();
    void mutationRoundTrip_data();
    void mutationRoundTrip();
    void pushRequestRoundTrip();
    void deleteMayOmitFields();
    void integralNumberReadsAsInteger();
    void resultContract();
    void pushResponseRoundTrip();
    void resultTextIsCompactJson_data();
    void resultTextIsCompactJson();
    void pullPageContract();
    void pullPageRoundTrip();
    void formVersion_data();
    void formVersion();
    void apiError();
    void enumNames();
    void rejects_data();
    void rejects();
    void limits_data();
    void limits();
    void defaultLimits();
    void cursorRoundTrip_data();
    void cursorRoundTrip();
    void cursorRejects_data();
    void cursorRejects();
};

void Tst_syncprotocol::validBodiesDecode()
{
    // The bases the rejection table patches must themselves decode.
    QVERIFY(!decodeAs(u"push"_s, push({})));
    QVERIFY(!decodeAs(u"response"_s, response({})));
    QVERIFY(!decodeAs(u"pull"_s, pull({})));
}

void Tst_syncprotocol::mutationContract()
{
    const QByteArray json = R"({"mutation_id":"0b7e2a4c-1f3d-4e5a-9b6c-7d8e9f0a1b2c",
        "entity":"equipment","id":"eq-1","op":"delete","base_rev":4,"fields":{},
        "hlc":"1732800000000:2:tablet-7"})";
    const auto decoded = decodeMutation(parseObject(json));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    const Mutation &m = decoded.value();
    QCOMPARE(m.mutationId, kUuidA);
    QCOMPARE(m.entity, u"equipment"_s);
    QCOMPARE(m.id, u"eq-1"_s);
    QCOMPARE(m.op, Mutation::Op::Delete);
    QCOMPARE(m.baseRev, qint64(4));
    QVERIFY(m.fields.isEmpty());
    QCOMPARE(m.hlc, (Hlc{1732800000000, 2, u"tablet-7"_s}));
    QCOMPARE(m.toJson(), parseObject(json)); // the member names of the contract, exactly
}

void Tst_syncprotocol::mutationRoundTrip_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("upsert with every kind of value") << 0;
    QTest::newRow("delete at 2^53 - 1") << 1;
}

void Tst_syncprotocol::mutationRoundTrip()
{
    QFETCH(int, which);
    const Mutation original = which == 0 ? sampleUpsert() : sampleDelete();
    const auto fromObject = decodeMutation(original.toJson());
    QVERIFY(fromObject.ok());
    QCOMPARE(fromObject.value(), original);
    // Through bytes, as on the wire.
    const auto fromBytes = decodeMutation(parseObject(compact(original.toJson())));
    QVERIFY(fromBytes.ok());
    QCOMPARE(fromBytes.value(), original);
}

void Tst_syncprotocol::pushRequestRoundTrip()
{
    const PushRequest original{u"tablet-7"_s, {sampleUpsert(), sampleDelete()}};
    const QJsonObject json = original.toJson();
    QCOMPARE(json.keys(), (QStringList{u"device_id"_s, u"mutations"_s}));
    const auto decoded = decodePushRequest(compact(json));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    QCOMPARE(decoded.value(), original);
    QCOMPARE(decoded.value().mutations.size(), 2);

    const PushRequest empty{u"phone.3"_s, {}};
    const auto decodedEmpty = decodePushRequest(compact(empty.toJson()));
    QVERIFY(decodedEmpty.ok());
    QCOMPARE(decodedEmpty.value(), empty);
}

void Tst_syncprotocol::deleteMayOmitFields()
{
    QJsonObject json = sampleDelete().toJson();
    json.remove(u"fields"_s);
    const auto decoded = decodeMutation(json);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), sampleDelete());
}

void Tst_syncprotocol::integralNumberReadsAsInteger()
{
    // JSON has one number type: 4.0 is the integer 4 (documented in the header).
    QJsonObject json = sampleDelete().toJson();
    json.insert(u"base_rev"_s, 4.0);
    const auto decoded = decodeMutation(json);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().baseRev, qint64(4));
}

void Tst_syncprotocol::resultContract()
{
    const QByteArray json = R"({"results":[
        {"mutation_id":"0b7e2a4c-1f3d-4e5a-9b6c-7d8e9f0a1b2c","status":"rejected","rev":0,
         "error":{"code":"duplicate_survey","message":"survey exists","field":null,
                  "existing_id":"c3d4e5f6-a7b8-4c9d-8e0f-112233445566"}},
        {"mutation_id":"c3d4e5f6-a7b8-4c9d-8e0f-112233445566","status":"applied","rev":41,
         "error":null}]})";
    const auto decoded = decodePushResponse(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    const auto &results = decoded.value().results;
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).status, MutationResult::Status::Rejected);
    QCOMPARE(results.at(0).rev, qint64(0));
    QVERIFY(results.at(0).error.has_value());
    QCOMPARE(results.at(0).error->code, QString(SyncErrorCode::DuplicateSurvey));
    QCOMPARE(results.at(0).error->message, u"survey exists"_s);
    QVERIFY(results.at(0).error->field.isEmpty());
    QCOMPARE(results.at(0).error->existingId, kUuidB);
    QCOMPARE(results.at(1).mutationId, kUuidB);
    QCOMPARE(results.at(1).status, MutationResult::Status::Applied);
    QCOMPARE(results.at(1).rev, qint64(41));
    QVERIFY(!results.at(1).error.has_value());
    QCOMPARE(decoded.value().toJson(), parseObject(json));
}

void Tst_syncprotocol::pushResponseRoundTrip()
{
    PushResponse original;
    const QList<MutationResult::Status> statuses{
        MutationResult::Status::Applied, MutationResult::Status::Duplicate,
        MutationResult::Status::Merged, MutationResult::Status::Conflict};
    for (qsizetype i = 0; i < statuses.size(); ++i)
        original.results.append(MutationResult{kUuidA, statuses.at(i), 10 + i, std::nullopt});
    original.results[3].error = SyncError{u"conflict"_s, u"digital_level kept the server's 3"_s,
                                          u"digital_level"_s, QString()};
    original.results.append(
        MutationResult{kUuidB, MutationResult::Status::Rejected, 0,
                       SyncError{u"forbidden"_s, u"outside your region"_s, QString(), QString()}});
    const auto decoded = decodePushResponse(compact(original.toJson()));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    QCOMPARE(decoded.value(), original);
    QCOMPARE(decoded.value().results.at(2).rev, qint64(12));
}

void Tst_syncprotocol::resultTextIsCompactJson_data()
{
    QTest::addColumn<MutationResult>("result");
    const auto row = [](const char *name, MutationResult result) {
        QTest::newRow(name) << result;
    };
    row("applied", MutationResult{kUuidA, MutationResult::Status::Applied, 1, std::nullopt});
    row("duplicate", MutationResult{kUuidA, MutationResult::Status::Duplicate, 7, std::nullopt});
    row("merged", MutationResult{kUuidB, MutationResult::Status::Merged, 123456789012, {}});
    row("conflict with its note",
        MutationResult{kUuidA, MutationResult::Status::Conflict, 3,
                       SyncError{u"conflict"_s, u"字段 \"x\" kept"_s, u"x"_s, QString()}});
    row("rejected", MutationResult{kUuidB, MutationResult::Status::Rejected, 0,
                                   SyncError{u"duplicate_survey"_s, u"exists"_s, u"period"_s,
                                             u"1b4e28ba-2fa1-11d2-883f-0016d3cca427"_s}});
    row("odd id", MutationResult{u"a\"b\\c\n"_s, MutationResult::Status::Applied, 1, {}});
}

void Tst_syncprotocol::resultTextIsCompactJson()
{
    QFETCH(MutationResult, result);
    // What the server logs and answers, written directly, is the text Qt writes for toJson().
    QCOMPARE(result.toCompactJsonText(), QString::fromUtf8(compact(result.toJson())));
    // And a push's answer assembled from such texts is the text of the whole response.
    const PushResponse response{{result, result}};
    QCOMPARE(PushResponse::compactJsonFromResults(
                 {result.toCompactJsonText(), result.toCompactJsonText()}),
             compact(response.toJson()));
}

void Tst_syncprotocol::pullPageContract()
{
    const QByteArray json = R"({"changes":[
        {"entity":"survey","id":"s-1","rev":3,"deleted":false,"fields":{"period":2024}},
        {"entity":"equipment","id":"e-9","rev":4,"deleted":true,"fields":{}}],
        "cursor":"c1.NA","more":true})";
    const auto decoded = decodePullPage(json);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message()));
    const PullPage &page = decoded.value();
    QCOMPARE(page.changes.size(), 2);
    QCOMPARE(page.changes.at(0),
             (Change{u"survey"_s, u"s-1"_s, 3, false, QJsonObject{{u"period"_s, 2024}}}));
    QCOMPARE(page.changes.at(1), (Change{u"equipment"_s, u"e-9"_s, 4, true, QJsonObject()}));
    QCOMPARE(page.cursor, u"c1.NA"_s);
    QVERIFY(page.more);
    QCOMPARE(page.toJson(), parseObject(json));
}

void Tst_syncprotocol::pullPageRoundTrip()
{
    PullPage original;
    original.changes.append(Change{u"enterprise"_s, u"91331100MA2A0ABCDE"_s, 1, false,
                                   QJsonObject{{u"above_size"_s, true}, {u"employees"_s, 230}}});
    original.changes.append(Change{u"review"_s, kUuidA, 9007199254740991, true, QJsonObject()});
    original.cursor = PullCursor{17}.encode();
    original.more = false;
    const auto decoded = decodePullPage(compact(original.toJson()));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), original);

    const PullPage empty{{}, u"c1.MA"_s, false};
    const auto decodedEmpty = decodePullPage(compact(empty.toJson()));
    QVERIFY(decodedEmpty.ok());
    QCOMPARE(decodedEmpty.value(), empty);
}

void Tst_syncprotocol::formVersion_data()
{
    QTest::addColumn<QJsonValue>("member");
    QTest::addColumn<int>("version");
    QTest::newRow("absent means 1, as devices sent before versions")
        << QJsonValue(QJsonValue::Undefined) << 1;
    QTest::newRow("1 written by hand") << QJsonValue(1) << 1;
    QTest::newRow("2") << QJsonValue(2) << 2;
    QTest::newRow("the largest") << QJsonValue(kMaxFormVersion) << kMaxFormVersion;
}

void Tst_syncprotocol::formVersion()
{
    QFETCH(QJsonValue, member);
    QFETCH(int, version);
    QJsonObject mutationJson = validMutationJson();
    QJsonObject changeJson = validChangeJson();
    if (!member.isUndefined()) {
        mutationJson.insert(u"form_version"_s, member);
        changeJson.insert(u"form_version"_s, member);
    }
    const auto mutation = decodeMutation(mutationJson);
    QVERIFY(mutation.ok());
    QCOMPARE(mutation.value().formVersion, version);
    const auto change = decodeChange(changeJson);
    QVERIFY(change.ok());
    QCOMPARE(change.value().formVersion, version);
    // Written only when not 1: what reads as 1 is written as before versions existed.
    QCOMPARE(mutation.value().toJson().contains(u"form_version"_s), version != 1);
    QCOMPARE(change.value().toJson().contains(u"form_version"_s), version != 1);
    QCOMPARE(decodeMutation(mutation.value().toJson()).value(), mutation.value());
    QCOMPARE(decodeChange(change.value().toJson()).value(), change.value());
}

void Tst_syncprotocol::apiError()
{
    const ApiError error{u"bad_request"_s, u"mutations[3].base_rev: must be at least 0"_s,
                         u"mutations[3].base_rev"_s};
    QCOMPARE(error.toJson(), parseObject(R"({"error":{"code":"bad_request",
                 "message":"mutations[3].base_rev: must be at least 0",
                 "field":"mutations[3].base_rev"}})"));
    const auto decoded = decodeApiError(error.toJson());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), error);

    const ApiError noField{u"unauthorized"_s, u"log in first"_s, QString()};
    QCOMPARE(noField.toJson(), parseObject(R"({"error":{"code":"unauthorized",
                 "message":"log in first","field":null}})"));
    const auto decodedNoField = decodeApiError(noField.toJson());
    QVERIFY(decodedNoField.ok());
    QCOMPARE(decodedNoField.value(), noField);

    QCOMPARE((CodecError{u"mutations[3].base_rev"_s, u"must be at least 0, got -1"_s}.message()),
             u"mutations[3].base_rev: must be at least 0, got -1"_s);
    QCOMPARE((CodecError{QString(), u"the top level is not a JSON object"_s}.message()),
             u"the top level is not a JSON object"_s);
}

void Tst_syncprotocol::enumNames()
{
    QCOMPARE(mutationOpName(Mutation::Op::Upsert), u"upsert"_s);
    QCOMPARE(mutationOpName(Mutation::Op::Delete), u"delete"_s);
    QVERIFY(mutationOpFromName(u"delete") == Mutation::Op::Delete);
    QVERIFY(!mutationOpFromName(u"Delete"));
    const QStringList names{u"applied"_s, u"duplicate"_s, u"merged"_s, u"conflict"_s,
                            u"rejected"_s};
    const QList<MutationResult::Status> statuses{
        MutationResult::Status::Applied, MutationResult::Status::Duplicate,
        MutationResult::Status::Merged, MutationResult::Status::Conflict,
        MutationResult::Status::Rejected};
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(mutationStatusName(statuses.at(i)), names.at(i));
        QVERIFY(mutationStatusFromName(names.at(i)) == statuses.at(i));
    }
    QVERIFY(!mutationStatusFromName(u"ok"));
    QCOMPARE(QString(SyncEntity::KeyProcess), u"key_process"_s);
}

void Tst_syncprotocol::rejects_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");

    const QString m1 = u"mutations[1]."_s;
    const QJsonValue raw(u"@RAW@"_s);
    const QString p = u"push"_s;

    // The document
    QTest::newRow("truncated JSON")
        << p << QByteArray(R"({"device_id":"x")") << QString() << u"invalid JSON at byte offset"_s;
    QTest::newRow("empty body") << p << QByteArray() << QString() << u"invalid JSON"_s;
    QTest::newRow("top-level array")
        << p << QByteArray("[]") << QString() << u"not a JSON object"_s;
    QTest::newRow("invalid UTF-8") << p << QByteArray("{\"device_id\":\"\xff\",\"mutations\":[]}")
                                   << QString() << u"invalid JSON"_s;
    QTest::newRow("trailing garbage") << p << QByteArray(R"({"device_id":"a","mutations":[]} x)")
                                      << QString() << u"invalid JSON"_s;
    // The request
    QTest::newRow("unknown top member")
        << p << QByteArray(R"({"device_id":"a","mutations":[],"extra":1})") << u"extra"_s
        << u"unknown member"_s;
    QTest::newRow("missing device_id")
        << p << QByteArray(R"({"mutations":[]})") << u"device_id"_s << u"missing required member"_s;
    QTest::newRow("device_id number") << p << QByteArray(R"({"device_id":7,"mutations":[]})")
                                      << u"device_id"_s << u"expected a string, got a number"_s;
    QTest::newRow("device_id with space")
        << p << QByteArray(R"({"device_id":"tablet 7","mutations":[]})") << u"device_id"_s
        << u"not a device id"_s;
    QTest::newRow("mutations an object") << p << QByteArray(R"({"device_id":"a","mutations":{}})")
                                         << u"mutations"_s << u"expected an array, got an object"_s;
    QTest::newRow("mutation a string")
        << p << QByteArray(R"({"device_id":"a","mutations":["x"]})") << u"mutations[0]"_s
        << u"expected an object, got a string"_s;
    // One mutation
    QTest::newRow("unknown mutation member")
        << p << push({{u"colour"_s, u"red"_s}}) << m1 + u"colour"_s << u"unknown member"_s;
    QTest::newRow("form_version 0")
        << p << push({{u"form_version"_s, 0}}) << m1 + u"form_version"_s << u"must be at least 1"_s;
    QTest::newRow("form_version a fraction") << p << push({{u"form_version"_s, raw}}, {}, "1.5")
                                             << m1 + u"form_version"_s << u"expected an integer"_s;
    QTest::newRow("form_version a string") << p << push({{u"form_version"_s, u"2"_s}})
                                           << m1 + u"form_version"_s << u"expected an integer"_s;
    QTest::newRow("form_version too large") << p << push({{u"form_version"_s, 1000001}})
                                            << m1 + u"form_version"_s << u"at most 1000000"_s;
    QTest::newRow("change form_version 0")
        << u"pull"_s << pull({{u"form_version"_s, 0}}) << u"changes[0].form_version"_s
        << u"must be at least 1"_s;
    QTest::newRow("missing mutation_id") << p << push({}, {u"mutation_id"_s})
                                         << m1 + u"mutation_id"_s << u"missing required member"_s;
    QTest::newRow("mutation_id not a UUID") << p << push({{u"mutation_id"_s, u"not-a-uuid"_s}})
                                            << m1 + u"mutation_id"_s << u"not a UUID"_s;
    QTest::newRow("mutation_id upper case")
        << p << push({{u"mutation_id"_s, u"0B7E2A4C-1F3D-4E5A-9B6C-7D8E9F0A1B2C"_s}})
        << m1 + u"mutation_id"_s << u"not a UUID"_s;
    QTest::newRow("mutation_id in braces")
        << p << push({{u"mutation_id"_s, u"{0b7e2a4c-1f3d-4e5a-9b6c-7d8e9f0a1b2c}"_s}})
        << m1 + u"mutation_id"_s << u"not a UUID"_s;
    QTest::newRow("mutation_id misplaced dash")
        << p << push({{u"mutation_id"_s, u"0b7e2a4c1-f3d-4e5a-9b6c-7d8e9f0a1b2c"_s}})
        << m1 + u"mutation_id"_s << u"not a UUID"_s;
    QTest::newRow("nil mutation_id")
        << p << push({{u"mutation_id"_s, u"00000000-0000-0000-0000-000000000000"_s}})
        << m1 + u"mutation_id"_s << u"nil UUID"_s;
    QTest::newRow("entity number") << p << push({{u"entity"_s, 5}}) << m1 + u"entity"_s
                                   << u"expected a string, got a number"_s;
    QTest::newRow("entity empty") << p << push({{u"entity"_s, u""_s}}) << m1 + u"entity"_s
                                  << u"empty entity name"_s;
    QTest::newRow("entity upper case") << p << push({{u"entity"_s, u"Survey"_s}})
                                       << m1 + u"entity"_s << u"must match [a-z][a-z0-9_]*"_s;
    QTest::newRow("entity too long")
        << p << push({{u"entity"_s, QString(65, u'e')}}) << m1 + u"entity"_s << u"longer than 64"_s;
    QTest::newRow("id empty") << p << push({{u"id"_s, u""_s}}) << m1 + u"id"_s << u"empty id"_s;
    QTest::newRow("id too long") << p << push({{u"id"_s, QString(129, u'i')}}) << m1 + u"id"_s
                                 << u"longer than 128"_s;
    QTest::newRow("id with control character")
        << p << push({{u"id"_s, u"ab\u0001c"_s}}) << m1 + u"id"_s << u"control character"_s;
    QTest::newRow("id with newline")
        << p << push({{u"id"_s, u"ab\nc"_s}}) << m1 + u"id"_s << u"control character"_s;
    QTest::newRow("id with lone surrogate") << p << push({{u"id"_s, raw}}, {}, R"("ab\ud800")")
                                            << m1 + u"id"_s << u"unpaired surrogate"_s;
    QTest::newRow("op upper case")
        << p << push({{u"op"_s, u"UPSERT"_s}}) << m1 + u"op"_s << u"unknown op \"UPSERT\""_s;
    QTest::newRow("op patch") << p << push({{u"op"_s, u"patch"_s}}) << m1 + u"op"_s
                              << u"expected upsert or delete"_s;
    QTest::newRow("base_rev fraction")
        << p << push({{u"base_rev"_s, raw}}, {}, "1.5") << m1 + u"base_rev"_s << u"fraction 1.5"_s;
    QTest::newRow("base_rev negative") << p << push({{u"base_rev"_s, -1}}) << m1 + u"base_rev"_s
                                       << u"must be at least 0, got -1"_s;
    QTest::newRow("base_rev 2^53") << p << push({{u"base_rev"_s, raw}}, {}, "9007199254740992")
                                   << m1 + u"base_rev"_s << u"beyond 2^53"_s;
    QTest::newRow("base_rev 1e300")
        << p << push({{u"base_rev"_s, raw}}, {}, "1e300") << m1 + u"base_rev"_s << u"beyond 2^53"_s;
    QTest::newRow("base_rev string") << p << push({{u"base_rev"_s, u"3"_s}}) << m1 + u"base_rev"_s
                                     << u"expected an integer, got a string"_s;
    QTest::newRow("base_rev boolean") << p << push({{u"base_rev"_s, true}}) << m1 + u"base_rev"_s
                                      << u"expected an integer, got a boolean"_s;
    QTest::newRow("base_rev null") << p << push({{u"base_rev"_s, QJsonValue::Null}})
                                   << m1 + u"base_rev"_s << u"expected an integer, got null"_s;
    QTest::newRow("hlc malformed") << p << push({{u"hlc"_s, u"1:2"_s}}) << m1 + u"hlc"_s
                                   << u"bad hybrid logical clock: expected MILLIS"_s;
    QTest::newRow("hlc leading zero") << p << push({{u"hlc"_s, u"01:0:tablet-7"_s}})
                                      << m1 + u"hlc"_s << u"millis has a leading zero"_s;
    QTest::newRow("hlc number") << p << push({{u"hlc"_s, qint64(1732800000000)}}) << m1 + u"hlc"_s
                                << u"expected a string, got a number"_s;
    QTest::newRow("missing hlc") << p << push({}, {u"hlc"_s}) << m1 + u"hlc"_s
                                 << u"missing required member"_s;
    QTest::newRow("fields an array") << p << push({{u"fields"_s, QJsonArray()}}) << m1 + u"fields"_s
                                     << u"expected an object, got an array"_s;
    QTest::newRow("delete with fields") << p << push({{u"op"_s, u"delete"_s}}) << m1 + u"fields"_s
                                        << u"a delete carries no fields"_s;
    QTest::newRow("upsert without fields")
        << p << push({}, {u"fields"_s}) << m1 + u"fields"_s << u"missing required member"_s;
    QTest::newRow("field name with space")
        << p << push({{u"fields"_s, QJsonObject{{u"bad name"_s, 1}}}}) << m1 + u"fields.bad name"_s
        << u"field name must match"_s;
    QTest::newRow("field name starting with digit")
        << p << push({{u"fields"_s, QJsonObject{{u"1st"_s, 1}}}}) << m1 + u"fields.1st"_s
        << u"field name must match"_s;
    QTest::newRow("field value too deep")
        << p << push({{u"fields"_s, QJsonObject{{u"a"_s, raw}}}}, {}, "[[[[[1]]]]]")
        << m1 + u"fields.a[0][0][0][0]"_s << u"nested deeper than 4"_s;
    QTest::newRow("field string with NUL")
        << p << push({{u"fields"_s, QJsonObject{{u"notes"_s, raw}}}}, {}, R"("a\u0000b")")
        << m1 + u"fields.notes"_s << u"U+0000"_s;

    // Push responses
    const QString r = u"response"_s;
    const QString r0 = u"results[0]."_s;
    QTest::newRow("results missing")
        << r << QByteArray("{}") << u"results"_s << u"missing required member"_s;
    QTest::newRow("status unknown") << r << response({{u"status"_s, u"ok"_s}}) << r0 + u"status"_s
                                    << u"unknown status \"ok\""_s;
    QTest::newRow("result rev negative")
        << r << response({{u"rev"_s, -3}}) << r0 + u"rev"_s << u"at least 0"_s;
    QTest::newRow("rejected without error")
        << r << response({{u"error"_s, QJsonValue::Null}}) << r0 + u"error"_s
        << u"a rejected result carries an error"_s;
    QTest::newRow("error a string") << r << response({{u"error"_s, u"boom"_s}}) << r0 + u"error"_s
                                    << u"expected an object or null, got a string"_s;
    QTest::newRow("error member missing")
        << r << response({}, {u"error"_s}) << r0 + u"error"_s << u"missing required member"_s;
    QTest::newRow("error field missing") << r << response({}, {}, {}, {u"field"_s})
                                         << r0 + u"error.field"_s << u"missing required member"_s;
    QTest::newRow("error code shape") << r << response({}, {}, {{u"code"_s, u"Bad-Code"_s}})
                                      << r0 + u"error.code"_s << u"error code must be"_s;
    QTest::newRow("error unknown member") << r << response({}, {}, {{u"hint"_s, u"x"_s}})
                                          << r0 + u"error.hint"_s << u"unknown member"_s;
    QTest::newRow("existing_id number")
        << r << response({}, {}, {{u"existing_id"_s, 4}}) << r0 + u"error.existing_id"_s
        << u"expected a string, got a number"_s;
    QTest::newRow("error field a number")
        << r << response({}, {}, {{u"field"_s, 4}}) << r0 + u"error.field"_s
        << u"expected a string or null, got a number"_s;

    // Pull pages
    const QString l = u"pull"_s;
    QTest::newRow("change rev 0") << l << pull({{u"rev"_s, 0}}) << u"changes[0].rev"_s
                                  << u"must be at least 1, got 0"_s;
    QTest::newRow("deleted a string")
        << l << pull({{u"deleted"_s, u"yes"_s}}) << u"changes[0].deleted"_s
        << u"expected a boolean, got a string"_s;
    QTest::newRow("change fields missing")
        << l << pull({}, {u"fields"_s}) << u"changes[0].fields"_s << u"missing required member"_s;
    QTest::newRow("change unknown member")
        << l << pull({{u"seq"_s, 5}}) << u"changes[0].seq"_s << u"unknown member"_s;
    QTest::newRow("change entity shape") << l << pull({{u"entity"_s, u"key process"_s}})
                                         << u"changes[0].entity"_s << u"must match"_s;
    QTest::newRow("cursor empty") << l << pull({}, {}, {{u"cursor"_s, u""_s}}) << u"cursor"_s
                                  << u"cursor must be 1..256 of"_s;
    QTest::newRow("cursor with space")
        << l << pull({}, {}, {{u"cursor"_s, u"c1 NDI"_s}}) << u"cursor"_s << u"cursor must be"_s;
    QTest::newRow("cursor null") << l << pull({}, {}, {{u"cursor"_s, QJsonValue::Null}})
                                 << u"cursor"_s << u"expected a string, got null"_s;
    QTest::newRow("more missing") << l << pull({}, {}, {}, {u"more"_s}) << u"more"_s
                                  << u"missing required member"_s;
    QTest::newRow("more a number") << l << pull({}, {}, {{u"more"_s, 1}}) << u"more"_s
                                   << u"expected a boolean, got a number"_s;

    // Error bodies
    const QString a = u"api"_s;
    QTest::newRow("api error a string") << a << QByteArray(R"({"error":"x"})") << u"error"_s
                                        << u"expected an object, got a string"_s;
    QTest::newRow("api error with existing_id")
        << a << QByteArray(R"({"error":{"code":"x","message":"m","field":null,"existing_id":"a"}})")
        << u"error.existing_id"_s << u"unknown member"_s;
}

void Tst_syncprotocol::rejects()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, reason);

    const auto error = decodeAs(kind, body);
    QVERIFY2(error.has_value(), body.constData());
    QCOMPARE(error->path, path);
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
}

void Tst_syncprotocol::limits_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ProtocolLimits>("limits");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");   // of the error
    QTest::addColumn<QString>("reason"); // empty: the body is accepted

    const QByteArray twoMutations = push({});
    ProtocolLimits two;
    two.maxMutations = 2;
    QTest::newRow("mutations at the limit")
        << u"push"_s << two << twoMutations << QString() << QString();
    ProtocolLimits one;
    one.maxMutations = 1;
    QTest::newRow("mutations over the limit") << u"push"_s << one << twoMutations << u"mutations"_s
                                              << u"too many mutations (2, at most 1)"_s;

    const QJsonObject fourFields{{u"a"_s, 1}, {u"b"_s, 2}, {u"c"_s, 3}, {u"d"_s, 4}};
    ProtocolLimits fields;
    fields.maxFieldsPerMutation = 4;
    QTest::newRow("fields at the limit")
        << u"push"_s << fields << push({{u"fields"_s, fourFields}}) << QString() << QString();
    fields.maxFieldsPerMutation = 3;
    QTest::newRow("fields over the limit")
        << u"push"_s << fields << push({{u"fields"_s, fourFields}}) << u"mutations[1].fields"_s
        << u"too many fields (4, at most 3)"_s;
    QTest::newRow("change fields over the limit")
        << u"pull"_s << fields << pull({{u"fields"_s, fourFields}}) << u"changes[0].fields"_s
        << u"too many fields (4, at most 3)"_s;

    ProtocolLimits strings;
    strings.maxStringLength = 5;
    QTest::newRow("string at the limit")
        << u"push"_s << strings << push({{u"fields"_s, QJsonObject{{u"notes"_s, u"12345"_s}}}})
        << QString() << QString();
    QTest::newRow("string over the limit")
        << u"push"_s << strings << push({{u"fields"_s, QJsonObject{{u"notes"_s, u"123456"_s}}}})
        << u"mutations[1].fields.notes"_s << u"string longer than 5 characters"_s;
    QTest::newRow("string in a list over the limit")
        << u"push"_s << strings
        << push({{u"fields"_s, QJsonObject{{u"kinds"_s, QJsonArray{u"cad2d"_s, u"pdm_plm"_s}}}}})
        << u"mutations[1].fields.kinds[1]"_s << u"string longer than 5"_s;
    QTest::newRow("error message over the limit")
        << u"response"_s << strings << response({}, {}, {{u"message"_s, u"123456"_s}})
        << u"results[0].error.message"_s << u"string longer than 5"_s;

    ProtocolLimits shallow;
    shallow.maxValueDepth = 1;
    const QJsonObject location{{u"lat"_s, 28.4}, {u"lon"_s, 119.9}};
    QTest::newRow("location at depth 1")
        << u"push"_s << shallow << push({{u"fields"_s, QJsonObject{{u"location"_s, location}}}})
        << QString() << QString();
    QTest::newRow("list of lists at depth 1")
        << u"push"_s << shallow
        << push({{u"fields"_s, QJsonObject{{u"m"_s, QJsonArray{QJsonArray{1}}}}}})
        << u"mutations[1].fields.m[0]"_s << u"nested deeper than 1"_s;

    ProtocolLimits small;
    small.maxBodyBytes = twoMutations.size();
    QTest::newRow("body at the limit")
        << u"push"_s << small << twoMutations << QString() << QString();
    small.maxBodyBytes = twoMutations.size() - 1;
    QTest::newRow("body over the limit")
        << u"push"_s << small << twoMutations << QString() << u"body too large"_s;

    ProtocolLimits pages;
    pages.maxChanges = 0;
    QTest::newRow("changes over the limit")
        << u"pull"_s << pages << pull({}) << u"changes"_s << u"too many changes (1, at most 0)"_s;
    pages.maxResults = 0;
    QTest::newRow("results over the limit") << u"response"_s << pages << response({})
                                            << u"results"_s << u"too many results (1, at most 0)"_s;
}

void Tst_syncprotocol::limits()
{
    QFETCH(QString, kind);
    QFETCH(ProtocolLimits, limits);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, reason);

    const auto error = decodeAs(kind, body, limits);
    if (reason.isEmpty()) {
        QVERIFY2(!error, qPrintable(error ? error->message() : QString()));
        return;
    }
    QVERIFY(error.has_value());
    QCOMPARE(error->path, path);
    QVERIFY2(error->reason.contains(reason), qPrintable(error->reason));
}

void Tst_syncprotocol::defaultLimits()
{
    const ProtocolLimits defaults;
    QCOMPARE(defaults.maxMutations, 1000);
    QCOMPARE(defaults.maxFieldsPerMutation, 200);
    QCOMPARE(defaults.maxStringLength, 10000);

    PushRequest request{u"tablet-7"_s, {}};
    Mutation m = sampleDelete();
    for (int i = 0; i < 1000; ++i)
        request.mutations.append(m);
    QVERIFY(decodePushRequest(request.toJson()).ok());
    request.mutations.append(m);
    const auto refused = decodePushRequest(request.toJson());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().path, u"mutations"_s);
    QVERIFY(refused.error().reason.contains(u"1001, at most 1000"_s));
}

void Tst_syncprotocol::cursorRoundTrip_data()
{
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("encoded");

    // base64url by hand: "0" = 0x30 -> 001100|00.... -> "MA"; "42" = 0x34 0x32 -> "NDI";
    // "17" = 0x31 0x37 -> 001100|010011|0111.. -> "MTc".
    QTest::newRow("start") << qint64(0) << u"c1.MA"_s;
    QTest::newRow("42") << qint64(42) << u"c1.NDI"_s;
    QTest::newRow("17") << qint64(17) << u"c1.MTc"_s;
    QTest::newRow("large") << qint64(1234567890123) << QString();
    QTest::newRow("2^53 - 1") << qint64(9007199254740991) << QString();
}

void Tst_syncprotocol::cursorRoundTrip()
{
    QFETCH(qint64, seq);
    QFETCH(QString, encoded);

    const QString text = PullCursor{seq}.encode();
    if (!encoded.isEmpty())
        QCOMPARE(text, encoded);
    QVERIFY(text.startsWith(u"c1."_s));
    for (const QChar c : text)
        QVERIFY(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_');
    const auto decoded = PullCursor::decode(text);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().reason));
    QCOMPARE(decoded.value().seq, seq);
}

void Tst_syncprotocol::cursorRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");

    const auto b64 = [](const char *digits) -> QString {
        return u"c1."_s + QString::fromLatin1(QByteArray(digits).toBase64(
                              QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    QTest::newRow("empty") << QString() << u"empty cursor"_s;
    QTest::newRow("prefix only") << u"c1."_s << u"empty cursor payload"_s;
    QTest::newRow("future version") << u"c2.NDI"_s << u"unsupported cursor version c2"_s;
    QTest::newRow("no version") << u"NDI"_s << u"not a cursor"_s;
    QTest::newRow("other prefix") << u"x1.NDI"_s << u"not a cursor"_s;
    QTest::newRow("bare number") << u"42"_s << u"not a cursor"_s;
    QTest::newRow("padding") << u"c1.NDI="_s << u"not unpadded base64url"_s;
    QTest::newRow("standard base64 char") << u"c1.N+I"_s << u"not unpadded base64url"_s;
    QTest::newRow("spare bits set") << u"c1.NDJ"_s << u"not in canonical form"_s;
    QTest::newRow("negative") << b64("-1") << u"does not hold a sequence number"_s;
    QTest::newRow("leading zero") << b64("01") << u"does not hold a sequence number"_s;
    QTest::newRow("letters") << b64("abc") << u"does not hold a sequence number"_s;
    QTest::newRow("2^53") << b64("9007199254740992") << u"out of range"_s;
    QTest::newRow("beyond qint64") << b64("99999999999999999999") << u"out of range"_s;
    QTest::newRow("too long") << u"c1."_s + QString(300, u'M') << u"too long"_s;
}

void Tst_syncprotocol::cursorRejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);

    const auto decoded = PullCursor::decode(text);
    QVERIFY2(!decoded.ok(), qPrintable(text));
    QVERIFY2(decoded.error().reason.contains(reason), qPrintable(decoded.error().reason));
}

QTEST_APPLESS_MAIN(Tst_syncprotocol)
#include "tst_syncprotocol.moc"
