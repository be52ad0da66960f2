#include "core/validator.h"

#include "core/blobname.h"
#include "core/industrycode.h"
#include "core/uscc.h"
#include "core/uuidcheck.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

// The largest integer a JSON number (a double) holds exactly, as the sync codec allows: 2^53 - 1.
constexpr double kMaxSafeInteger = 9007199254740991.0;

/** A problem with the JSON shape of a value: the issue code and its message. */
struct ShapeProblem
{
    QString code;
    LocalizedText message;
};

QString zhLabel(const FieldDefinition &field)
{
    return u"「"_s + (field.label.zh.isEmpty() ? field.name : field.label.zh) + u"」"_s;
}

QString enLabel(const FieldDefinition &field)
{
    return u"“"_s + (field.label.en.isEmpty() ? field.name : field.label.en) + u"”"_s;
}

/**
 * A message about a field: `zh` and `en` get the field's label as %1 and `args` as %2, ... (in
 * one pass, so that a value quoted in the message is never taken for a placeholder).
 */
template <typename... Args>
LocalizedText about(const FieldDefinition &field, const QString &zh, const QString &en,
                    const Args &...args)
{
    return {zh.arg(zhLabel(field), args...), en.arg(enLabel(field), args...)};
}

QString formatNumber(double value)
{
    if (value == std::trunc(value) && std::abs(value) < 1e15)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', 15);
}

/** A short rendering of a JSON value for messages (an option someone gave, a code). */
QString formatValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().left(40);
    if (value.isDouble())
        return formatNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

/** Types whose answer is a JSON string, for which "" means "not answered". */
bool holdsString(const FieldDefinition &field)
{
    switch (field.type) {
    case FieldType::Text:
    case FieldType::Date:
    case FieldType::Photo:
        return true;
    case FieldType::SingleChoice:
        return !field.options.isEmpty() && field.options.first().value.isString();
    default:
        return false;
    }
}

/** Null, absent, "" for a string-valued field and [] for a multiple choice: no answer. */
bool isUnanswered(const FieldDefinition &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return true;
    if (value.isString() && value.toString().isEmpty())
        return holdsString(field);
    if (value.isArray() && value.toArray().isEmpty())
        return field.type == FieldType::MultipleChoice;
    return false;
}

bool isRelevant(const FieldDefinition &field, const QJsonObject &record)
{
    return field.relevant.isEmpty() || field.relevant.evaluate(record);
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() &&
              text.at(i + 1).isLowSurrogate()))
            ++count;
    }
    return count;
}

bool isIsoDate(const QString &text, QDate *date)
{
    if (text.size() != 10 || text.at(4) != u'-' || text.at(7) != u'-' ||
        !allDigits(QStringView(text).first(4)) || !allDigits(QStringView(text).sliced(5, 2)) ||
        !allDigits(QStringView(text).sliced(8, 2)))
        return false;
    *date = QDate::fromString(text, Qt::ISODate);
    return date->isValid();
}

bool isCoordinate(const QJsonValue &value, double limit)
{
    return value.isDouble() && std::isfinite(value.toDouble()) &&
           std::abs(value.toDouble()) <= limit;
}

/** A mainland mobile (1[3-9] + 9 digits) or landline (0 + 2-3 digits, optional -, 7-8 digits). */
bool isPhoneNumber(QStringView text)
{
    if (text.size() == 11 && text.at(0) == u'1' && text.at(1) >= u'3' && text.at(1) <= u'9' &&
        allDigits(text))
        return true;
    if (text.isEmpty() || text.at(0) != u'0')
        return false;
    const qsizetype dash = text.indexOf(u'-');
    if (dash < 0)
        return text.size() >= 10 && text.size() <= 12 && allDigits(text);
    const QStringView area = text.first(dash);
    const QStringView number = text.sliced(dash + 1);
    return area.size() >= 3 && area.size() <= 4 && allDigits(area) && number.size() >= 7 &&
           number.size() <= 8 && allDigits(number);
}

std::optional<ShapeProblem> typeProblem(const FieldDefinition &field, const QString &zh,
                                        const QString &en)
{
    return ShapeProblem{u"type"_s, about(field, zh, en)};
}

std::optional<ShapeProblem> choiceProblem(const FieldDefinition &field, const QJsonValue &value)
{
    const bool stringOptions = !field.options.isEmpty() && field.options.first().value.isString();
    if (value.isString() != stringOptions || !(value.isString() || value.isDouble()))
        return typeProblem(field, u"%1应从给定的选项中选择"_s,
                           u"%1 must be one of the options offered"_s);
    if (!field.option(value))
        return ShapeProblem{u"option"_s, about(field, u"%1没有“%2”这个选项"_s,
                                               u"%1 has no option '%2'"_s, formatValue(value))};
    return std::nullopt;
}

/** What is wrong with the JSON shape of an answer, if anything. */
std::optional<ShapeProblem> shapeProblem(const FieldDefinition &field, const QJsonValue &value)
{
    switch (field.type) {
    case FieldType::Integer: {
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number) || number != std::trunc(number) ||
            std::abs(number) > kMaxSafeInteger ||
            std::abs(static_cast<double>(value.toInteger())) > kMaxSafeInteger)
            return typeProblem(field, u"%1应为整数"_s, u"%1 must be a whole number"_s);
        return std::nullopt;
    }
    case FieldType::Decimal:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return typeProblem(field, u"%1应为数字"_s, u"%1 must be a number"_s);
        return std::nullopt;
    case FieldType::Bool:
        if (!value.isBool())
            return typeProblem(field, u"%1应为“是”或“否”"_s, u"%1 must be yes or no"_s);
        return std::nullopt;
    case FieldType::Text:
        if (!value.isString())
            return typeProblem(field, u"%1应为文字"_s, u"%1 must be text"_s);
        return std::nullopt;
    case FieldType::Date: {
        QDate date;
        if (!value.isString() || !isIsoDate(value.toString(), &date))
            return typeProblem(field, u"%1不是有效日期，应按“年-月-日”填写，如 2024-05-31"_s,
                               u"%1 is not a real date written year-month-day, e.g. 2024-05-31"_s);
        return std::nullopt;
    }
    case FieldType::SingleChoice:
        return choiceProblem(field, value);
    case FieldType::MultipleChoice: {
        if (!value.isArray())
            return typeProblem(field, u"%1应为选项列表"_s, u"%1 must be a list of options"_s);
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (auto problem = choiceProblem(field, items.at(i)))
                return problem;
            for (qsizetype j = 0; j < i; ++j) {
                if (items.at(j) == items.at(i))
                    return ShapeProblem{u"option"_s,
                                        about(field, u"%1重复选择了“%2”"_s,
                                              u"%1 lists '%2' twice"_s, formatValue(items.at(i)))};
            }
        }
        return std::nullopt;
    }
    case FieldType::Photo:
        if (!value.isString() || !isBlobName(value.toString()))
            return typeProblem(field, u"%1不是有效的照片编号（64 位小写十六进制 SHA-256）"_s,
                               u"%1 is not a photo reference (64 lower-case hex digits of its "
                               u"SHA-256)"_s);
        return std::nullopt;
    case FieldType::Location: {
        const QJsonObject location = value.toObject();
        if (!value.isObject() || location.size() != 2 ||
            !isCoordinate(location.value(u"lat"_s), 90) ||
            !isCoordinate(location.value(u"lon"_s), 180))
            return typeProblem(field, u"%1应为经纬度坐标（纬度 -90 至 90，经度 -180 至 180）"_s,
                               u"%1 must be a position: latitude -90 to 90 and longitude -180 "
                               u"to 180"_s);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

/** Collects the issues of one record; one instance per validate() call. */
class RecordChecker
{
public:
    RecordChecker(const EntityDefinition &entity, const QJsonObject &record,
                  const ValidationContext &context, ValidationMode mode)
        : m_entity(entity)
        , m_record(record)
        , m_context(context)
        , m_mode(mode)
    {}

    void checkField(const FieldDefinition &field);
    void checkRules(const QString &onlyField = {});
    [[nodiscard]] QList<ValidationIssue> take() { return std::move(m_issues); }

private:
    void add(const FieldDefinition &field, const QString &code, LocalizedText message)
    {
        m_issues.append({field.name, code, Severity::Error, std::move(message)});
    }
    void checkNumberBounds(const FieldDefinition &field, double value);
    void checkDateBounds(const FieldDefinition &field, const QDate &value);
    void checkText(const FieldDefinition &field, const QString &text);
    void checkCode(const FieldDefinition &field, const QString &text);
    /** The value a rule may read: answered, well-formed and relevant. */
    [[nodiscard]] bool usableByRules(const QString &name) const;

    const EntityDefinition &m_entity;
    const QJsonObject &m_record;
    const ValidationContext &m_context;
    ValidationMode m_mode;
    QList<ValidationIssue> m_issues;
};

void RecordChecker::checkField(const FieldDefinition &field)
{
    const QJsonValue value = m_record.value(field.name);
    if (isUnanswered(field, value)) {
        if (m_mode == ValidationMode::Submit && field.required && isRelevant(field, m_record))
            add(field, u"required"_s, about(field, u"请填写%1"_s, u"%1 is required"_s));
        return;
    }
    if (auto problem = shapeProblem(field, value)) {
        add(field, problem->code, problem->message);
        return;
    }
    if (!isRelevant(field, m_record))
        return; // kept as it is, and judged by nothing but its type
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Decimal:
        checkNumberBounds(field, value.toDouble());
        break;
    case FieldType::Date:
        checkDateBounds(field, QDate::fromString(value.toString(), Qt::ISODate));
        break;
    case FieldType::Text:
        checkText(field, value.toString());
        break;
    case FieldType::MultipleChoice: {
        const auto count = static_cast<double>(value.toArray().size());
        if (field.minimum.kind == Bound::Kind::Number && count < field.minimum.number)
            add(field, u"min"_s,
                about(field, u"%1至少选择 %2 项"_s, u"%1 needs at least %2 choices"_s,
                      formatNumber(field.minimum.number)));
        if (field.maximum.kind == Bound::Kind::Number && count > field.maximum.number)
            add(field, u"max"_s,
                about(field, u"%1最多选择 %2 项"_s, u"%1 allows at most %2 choices"_s,
                      formatNumber(field.maximum.number)));
        break;
    }
    default:
        break;
    }
}

void RecordChecker::checkNumberBounds(const FieldDefinition &field, double value)
{
    const auto resolve = [this](const Bound &bound) -> std::optional<std::pair<double, bool>> {
        if (bound.kind == Bound::Kind::Number)
            return std::pair{bound.number, false};
        if (bound.kind == Bound::Kind::ThisYear && m_context.today.isValid())
            return std::pair{static_cast<double>(m_context.today.year()), true};
        return std::nullopt;
    };
    if (const auto minimum = resolve(field.minimum); minimum && value < minimum->first) {
        const QString bound = formatNumber(minimum->first);
        add(field, u"min"_s,
            minimum->second
                ? about(field, u"%1不能早于今年（%2 年）"_s,
                        u"%1 cannot be before this year (%2)"_s, bound)
                : about(field, u"%1不能小于 %2"_s, u"%1 cannot be less than %2"_s, bound));
    }
    if (const auto maximum = resolve(field.maximum); maximum && value > maximum->first) {
        const QString bound = formatNumber(maximum->first);
        add(field, u"max"_s,
            maximum->second
                ? about(field, u"%1不能晚于今年（%2 年）"_s, u"%1 cannot be after this year (%2)"_s,
                        bound)
                : about(field, u"%1不能大于 %2"_s, u"%1 cannot be more than %2"_s, bound));
    }
}

void RecordChecker::checkDateBounds(const FieldDefinition &field, const QDate &value)
{
    const auto resolve = [this](const Bound &bound) {
        if (bound.kind == Bound::Kind::Date)
            return bound.date;
        return bound.kind == Bound::Kind::Today ? m_context.today : QDate();
    };
    const QDate minimum = resolve(field.minimum);
    const QDate maximum = resolve(field.maximum);
    if (minimum.isValid() && value < minimum) {
        const QString bound = minimum.toString(Qt::ISODate);
        add(field, u"min"_s,
            field.minimum.kind == Bound::Kind::Today
                ? about(field, u"%1不能早于今天（%2）"_s, u"%1 cannot be before today (%2)"_s,
                        bound)
                : about(field, u"%1不能早于 %2"_s, u"%1 cannot be before %2"_s, bound));
    }
    if (maximum.isValid() && value > maximum) {
        const QString bound = maximum.toString(Qt::ISODate);
        add(field, u"max"_s,
            field.maximum.kind == Bound::Kind::Today
                ? about(field, u"%1不能晚于今天（%2）"_s, u"%1 cannot be later than today (%2)"_s,
                        bound)
                : about(field, u"%1不能晚于 %2"_s, u"%1 cannot be later than %2"_s, bound));
    }
}

void RecordChecker::checkText(const FieldDefinition &field, const QString &text)
{
    const qsizetype length = codePointCount(text);
    const int maxLength = field.maxLength > 0 ? field.maxLength : FormDefinition::kDefaultMaxLength;
    if (field.minLength > 0 && length < field.minLength)
        add(field, u"min_length"_s,
            about(field, u"%1至少应有 %2 个字"_s, u"%1 needs at least %2 characters"_s,
                  QString::number(field.minLength)));
    if (length > maxLength)
        add(field, u"max_length"_s,
            about(field, u"%1最多 %2 个字，现有 %3 个字"_s,
                  u"%1 allows at most %2 characters, it has %3"_s, QString::number(maxLength),
                  QString::number(length)));
    const bool longText = maxLength > Validator::kLongTextLength && field.check == FieldCheck::None;
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control && !(longText && (c == u'\n' || c == u'\t'))) {
            add(field, u"control_character"_s,
                longText ? about(field, u"%1含有不可见的控制字符，请删除"_s,
                                 u"%1 contains invisible control characters; remove them"_s)
                         : about(field, u"%1不能换行，也不能含有不可见的控制字符"_s,
                                 u"%1 cannot contain line breaks or other control characters"_s));
            break;
        }
    }
    checkCode(field, text);
}

void RecordChecker::checkCode(const FieldDefinition &field, const QString &text)
{
    switch (field.check) {
    case FieldCheck::None:
        return;
    case FieldCheck::Uscc:
        if (const auto problem = checkUscc(text)) {
            const LocalizedText detail = describe(*problem);
            add(field, u"uscc"_s,
                {zhLabel(field) + u"有误："_s + detail.zh,
                 enLabel(field) + u" is invalid: "_s + detail.en});
        }
        return;
    case FieldCheck::Region:
        if (!m_context.regionCodes.contains(text))
            add(field, u"region"_s,
                about(field, u"%1“%2”不是已知的地区代码"_s,
                      u"%1: '%2' is not a known region code"_s, text.left(40)));
        return;
    case FieldCheck::IndustryCode:
        if (const auto error = checkIndustryCode(text)) {
            const LocalizedText detail = describe(*error);
            add(field, u"industry_code"_s,
                {zhLabel(field) + u"有误："_s + detail.zh,
                 enLabel(field) + u" is invalid: "_s + detail.en});
        }
        return;
    case FieldCheck::Phone:
        if (!isPhoneNumber(text))
            add(field, u"phone"_s,
                about(field,
                      u"%1不是有效的电话号码：手机号为 11 位，座机为区号加号码，如 0578-2123456"_s,
                      u"%1 is not a phone number: 11 digits for a mobile, or area code and "
                      u"number such as 0578-2123456"_s));
        return;
    case FieldCheck::Uuid:
        if (!isCanonicalUuid(text))
            add(field, u"uuid"_s,
                about(
                    field,
                    u"%1不是有效的记录编号（小写 UUID，如 1b4e28ba-2fa1-11d2-883f-0016d3cca427）"_s,
                    u"%1 is not a record id (a lower-case UUID such as "
                    u"1b4e28ba-2fa1-11d2-883f-0016d3cca427)"_s));
        return;
    }
}

bool RecordChecker::usableByRules(const QString &name) const
{
    const QJsonValue value = m_record.value(name);
    const FieldDefinition *field = m_entity.field(name);
    if (!field)
        return !(value.isNull() || value.isUndefined());
    return !isUnanswered(*field, value) && !shapeProblem(*field, value) &&
           isRelevant(*field, m_record);
}

void RecordChecker::checkRules(const QString &onlyField)
{
    for (const RuleDefinition &rule : m_entity.rules) {
        if (!onlyField.isEmpty() && rule.field != onlyField)
            continue;
        if (!rule.when.isEmpty() && !rule.when.evaluate(m_record))
            continue;
        const QStringList &read = rule.check.fields();
        if (!std::all_of(read.begin(), read.end(),
                         [this](const QString &name) { return usableByRules(name); }))
            continue;
        if (rule.check.isEmpty() || rule.check.evaluate(m_record))
            continue;
        LocalizedText message = rule.message;
        if (message.zh.isEmpty() || message.en.isEmpty()) {
            const FieldDefinition *field = m_entity.field(rule.field);
            const QString zh = field ? zhLabel(*field) : rule.field;
            const QString en = field ? enLabel(*field) : rule.field;
            if (message.zh.isEmpty())
                message.zh = u"%1不符合规则“%2”"_s.arg(zh, rule.id);
            if (message.en.isEmpty())
                message.en = u"%1 breaks the rule '%2'"_s.arg(en, rule.id);
        }
        m_issues.append({rule.field, rule.id, Severity::Error, message});
    }
}

ValidationIssue unknownEntity(const QString &entity)
{
    return {QString(),
            u"unknown_entity"_s,
            Severity::Error,
            {u"未知的记录类型“%1”"_s.arg(entity), u"Unknown kind of record '%1'"_s.arg(entity)}};
}

ValidationIssue unknownField(const QString &name)
{
    return {name,
            u"unknown_field"_s,
            Severity::Warning,
            {u"「%1」不在当前问卷定义中，其值仍会保留"_s.arg(name),
             u"“%1” is not in the current survey definition; its value is kept"_s.arg(name)}};
}

} // namespace

Validator::Validator(const FormDefinition &definition, ValidationContext context)
    : m_definition(definition)
    , m_context(std::move(context))
{}

QList<ValidationIssue> Validator::validate(const QString &entity, const QJsonObject &fields,
                                           ValidationMode mode) const
{
    const EntityDefinition *definition = m_definition.entity(entity);
    if (!definition)
        return {unknownEntity(entity)};
    RecordChecker checker(*definition, fields, m_context, mode);
    for (const FieldDefinition &field : definition->fields)
        checker.checkField(field);
    checker.checkRules();
    QList<ValidationIssue> issues = checker.take();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!definition->field(it.key()))
            issues.append(unknownField(it.key()));
    }
    return issues;
}

QList<ValidationIssue> Validator::validateField(const QString &entity, const QString &field,
                                                const QJsonObject &record,
                                                ValidationMode mode) const
{
    const EntityDefinition *definition = m_definition.entity(entity);
    if (!definition)
        return {unknownEntity(entity)};
    const FieldDefinition *fieldDefinition = definition->field(field);
    if (!fieldDefinition)
        return {unknownField(field)};
    RecordChecker checker(*definition, record, m_context, mode);
    checker.checkField(*fieldDefinition);
    checker.checkRules(field);
    return checker.take();
}

bool Validator::hasErrors(const QList<ValidationIssue> &issues)
{
    return std::any_of(issues.begin(), issues.end(), [](const ValidationIssue &issue) {
        return issue.severity == Severity::Error;
    });
}

} // namespace gx
