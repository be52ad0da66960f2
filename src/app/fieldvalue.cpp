#include "app/fieldvalue.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QVariantList>
#include <QVariantMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1, what JSON numbers keep exactly

LocalizedText msg(const QString &zh, const QString &en)
{
    return LocalizedText{zh, en};
}

/** Typed text with full-width digits and signs folded to ASCII, trimmed. */
QString normalizedText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E)
            out += QChar(char16_t(u - 0xFEE0));
        else if (u == 0x3002)
            out += u'.';
        else
            out += c;
    }
    return out.trimmed();
}

bool isEmptyInput(const QVariant &input)
{
    if (!input.isValid() || input.isNull())
        return true;
    switch (input.typeId()) {
    case QMetaType::QString:
        return normalizedText(input.toString()).isEmpty();
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return input.toList().isEmpty();
    case QMetaType::QVariantMap:
        return input.toMap().isEmpty();
    default:
        return false;
    }
}

std::optional<double> numberOf(const QVariant &input)
{
    if (input.typeId() == QMetaType::QString) {
        static const QRegularExpression grouped(u"^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$"_s);
        QString text = normalizedText(input.toString());
        if (grouped.match(text).hasMatch()) // 1,200.5 as written on a form
            text.remove(u',');
        bool ok = false;
        const double v = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(v))
            return std::nullopt;
        return v;
    }
    if (input.typeId() == QMetaType::Bool)
        return std::nullopt;
    bool ok = false;
    const double v = input.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

Result<QJsonValue, LocalizedText> parseInteger(const QVariant &input)
{
    const auto v = numberOf(input);
    if (!v)
        return msg(u"请输入整数"_s, u"Enter a whole number"_s);
    if (std::trunc(*v) != *v)
        return msg(u"请输入整数，不要带小数"_s, u"Enter a whole number, without decimals"_s);
    if (std::fabs(*v) > kMaxSafeInteger)
        return msg(u"数字太大"_s, u"The number is too large"_s);
    return QJsonValue(qint64(*v));
}

Result<QJsonValue, LocalizedText> parseDecimal(const QVariant &input)
{
    const auto v = numberOf(input);
    if (!v)
        return msg(u"请输入数字，如 12.5"_s, u"Enter a number, e.g. 12.5"_s);
    return QJsonValue(*v);
}

Result<QJsonValue, LocalizedText> parseBool(const QVariant &input)
{
    if (input.typeId() == QMetaType::Bool)
        return QJsonValue(input.toBool());
    const QString text = normalizedText(input.toString()).toLower();
    if (text == u"true"_s || text == u"是"_s || text == u"1"_s)
        return QJsonValue(true);
    if (text == u"false"_s || text == u"否"_s || text == u"0"_s)
        return QJsonValue(false);
    return msg(u"请选择是或否"_s, u"Choose yes or no"_s);
}

Result<QJsonValue, LocalizedText> parseDate(const QVariant &input)
{
    QDate date;
    if (input.typeId() == QMetaType::QDate)
        date = input.toDate();
    else if (input.typeId() == QMetaType::QDateTime)
        date = input.toDateTime().toLocalTime().date();
    else
        date = QDate::fromString(normalizedText(input.toString()), Qt::ISODate);
    if (!date.isValid())
        return msg(u"日期格式应为 年-月-日，如 2024-05-01"_s,
                   u"Write the date as year-month-day, e.g. 2024-05-01"_s);
    return QJsonValue(date.toString(Qt::ISODate));
}

/** The option of a choice field that the input names (by value, or a numeric string). */
const ChoiceOption *optionFor(const FieldDefinition &field, const QVariant &input)
{
    for (const ChoiceOption &o : field.options) {
        if (o.value.isDouble()) {
            const auto v = numberOf(input);
            if (v && *v == o.value.toDouble())
                return &o;
        } else if (input.typeId() == QMetaType::QString && o.value.toString() == input.toString()) {
            return &o;
        }
    }
    return nullptr;
}

LocalizedText unknownOption()
{
    return msg(u"请从选项中选择"_s, u"Choose one of the options"_s);
}

Result<QJsonValue, LocalizedText> parseSingle(const FieldDefinition &field, const QVariant &input)
{
    const ChoiceOption *o = optionFor(field, input);
    if (!o)
        return unknownOption();
    return o->value;
}

Result<QJsonValue, LocalizedText> parseMultiple(const FieldDefinition &field, const QVariant &input)
{
    const QVariantList items = input.toList();
    QList<const ChoiceOption *> chosen;
    for (const QVariant &item : items) {
        const ChoiceOption *o = optionFor(field, item);
        if (!o)
            return unknownOption();
        chosen << o;
    }
    QJsonArray out; // in the definition's order, each once
    for (const ChoiceOption &o : field.options) {
        if (chosen.contains(&o))
            out.append(o.value);
    }
    return out.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(out);
}

Result<QJsonValue, LocalizedText> parsePhoto(const QVariant &input)
{
    static const QRegularExpression sha(u"^[0-9a-f]{64}$"_s);
    const QString text = input.toString().trimmed();
    if (!sha.match(text).hasMatch())
        return msg(u"照片无效"_s, u"Not a valid photo"_s);
    return QJsonValue(text);
}

Result<QJsonValue, LocalizedText> parseLocation(const QVariant &input)
{
    std::optional<double> lat;
    std::optional<double> lon;
    if (input.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = input.toMap();
        if (!isEmptyInput(map.value(u"lat"_s)))
            lat = numberOf(map.value(u"lat"_s));
        if (!isEmptyInput(map.value(u"lon"_s)))
            lon = numberOf(map.value(u"lon"_s));
    } else {
        const QStringList parts =
            normalizedText(input.toString()).split(QRegularExpression(u"[,，\\s]+"_s));
        if (parts.size() == 2) {
            lat = numberOf(parts.at(0));
            lon = numberOf(parts.at(1));
        }
    }
    if (!lat || !lon)
        return msg(u"请填写纬度和经度（数字）"_s, u"Enter latitude and longitude (numbers)"_s);
    if (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)
        return msg(u"纬度应在 -90 到 90 之间，经度在 -180 到 180 之间"_s,
                   u"Latitude must be between -90 and 90, longitude between -180 and 180"_s);
    return QJsonValue(QJsonObject{{u"lat"_s, *lat}, {u"lon"_s, *lon}});
}

} // namespace

Result<QJsonValue, LocalizedText> FieldValue::parse(const FieldDefinition &field,
                                                    const QVariant &input)
{
    if (isEmptyInput(input))
        return QJsonValue(QJsonValue::Null);
    switch (field.type) {
    case FieldType::Integer:
        return parseInteger(input);
    case FieldType::Decimal:
        return parseDecimal(input);
    case FieldType::Bool:
        return parseBool(input);
    case FieldType::Text: // stray spaces around a code or a name are not part of it
        return QJsonValue(input.toString().trimmed());
    case FieldType::Date:
        return parseDate(input);
    case FieldType::SingleChoice:
        return parseSingle(field, input);
    case FieldType::MultipleChoice:
        return parseMultiple(field, input);
    case FieldType::Photo:
        return parsePhoto(input);
    case FieldType::Location:
        return parseLocation(input);
    }
    return QJsonValue(QJsonValue::Null);
}

QString FieldValue::formatNumber(double value)
{
    if (std::trunc(value) == value && std::fabs(value) <= kMaxSafeInteger)
        return QString::number(qint64(value));
    QString text = QString::number(value, 'f', 6);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QString FieldValue::display(const FieldDefinition &field, const QJsonValue &value,
                            Language language)
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Decimal:
        return value.isDouble() ? formatNumber(value.toDouble()) : value.toVariant().toString();
    case FieldType::Bool:
        if (!value.isBool())
            return value.toVariant().toString();
        return value.toBool() ? LocalizedText{u"是"_s, u"Yes"_s}.text(language)
                              : LocalizedText{u"否"_s, u"No"_s}.text(language);
    case FieldType::SingleChoice: {
        const ChoiceOption *o = field.option(value);
        return o ? o->label.text(language) : value.toVariant().toString();
    }
    case FieldType::MultipleChoice: {
        QStringList labels;
        for (const QJsonValue &item : value.toArray()) {
            const ChoiceOption *o = field.option(item);
            labels << (o ? o->label.text(language) : item.toVariant().toString());
        }
        return labels.join(language == Language::Zh ? u"、"_s : u", "_s);
    }
    case FieldType::Location: {
        const QJsonObject o = value.toObject();
        return formatNumber(o.value(u"lat"_s).toDouble()) + u", "_s +
               formatNumber(o.value(u"lon"_s).toDouble());
    }
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::Photo:
        return value.toString();
    }
    return {};
}

} // namespace gx
