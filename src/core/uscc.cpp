#include "core/uscc.h"

#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr int kUsccLength = 18;
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // GB 32100 table 2
constexpr std::array<int, 17> kUsccWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                              29, 25, 13, 8,  24, 10, 30, 28};
constexpr std::array<int, 8> kOrgWeights = {3, 7, 9, 10, 5, 8, 4, 2}; // GB 11714

/** Registration authorities and the organisation types each may issue. */
struct AuthorityTypes
{
    char authority;
    std::string_view types;
};
constexpr std::array<AuthorityTypes, 12> kAuthorities = {{
    {'1', "1239"}, // 机构编制: 机关, 事业单位, 中央编办管理的群众团体, 其他
    {'2', "19"},   // 外交: 外国常驻新闻机构, 其他
    {'3',
     "123459"}, // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    {'4', "19"},   // 文化: 外国在华文化中心, 其他
    {'5', "1239"}, // 民政: 社会团体, 民办非企业单位, 基金会, 其他
    {'6', "129"},  // 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
    {'7', "129"},  // 宗教: 宗教活动场所, 宗教院校, 其他
    {'8', "19"},   // 工会: 基层工会, 其他
    {'9', "123"},  // 工商: 企业, 个体工商户, 农民专业合作社
    {'A', "19"},   // 中央军委改革和编制办公室: 军队事业单位, 其他
    {'N', "1239"}, // 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    {'Y', "1"},    // 其他: not divided further
}};

/** First two digits of a GB/T 2260 code of a province-level division; 10 is central. */
constexpr std::array<int, 35> kProvinces = {10, 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33,
                                            34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
                                            52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

/** The value of c in the code's alphabet, or -1. */
int usccValue(QChar c)
{
    if (c.unicode() > 0x7f)
        return -1;
    const auto index = kAlphabet.find(static_cast<char>(c.unicode()));
    return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

/** The GB 11714 value of a digit or upper-case letter (A = 10 ... Z = 35), or -1. */
int organizationValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    return -1;
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

const AuthorityTypes *authority(QChar c)
{
    for (const auto &entry : kAuthorities) {
        if (c.unicode() == static_cast<char16_t>(entry.authority))
            return &entry;
    }
    return nullptr;
}

bool isProvince(int twoDigits)
{
    for (int province : kProvinces) {
        if (province == twoDigits)
            return true;
    }
    return false;
}

UsccProblem problemAt(UsccError error, QStringView code, int position, QChar expected = {})
{
    return UsccProblem{error, position, code.at(position), expected, int(code.size())};
}

QString human(int position)
{
    return QString::number(position + 1);
}

QString quoted(QChar c)
{
    return c == u' ' ? u"空格"_s : QString(c);
}

} // namespace

QChar usccCheckCharacter(QStringView first17)
{
    if (first17.size() != qsizetype(kUsccWeights.size()))
        return {};
    int sum = 0;
    for (std::size_t i = 0; i < kUsccWeights.size(); ++i) {
        const int value = usccValue(first17.at(qsizetype(i)));
        if (value < 0)
            return {};
        sum += value * kUsccWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return QChar(char16_t(kAlphabet[std::size_t(check)]));
}

QChar organizationCodeCheckCharacter(QStringView first8)
{
    if (first8.size() != qsizetype(kOrgWeights.size()))
        return {};
    int sum = 0;
    for (std::size_t i = 0; i < kOrgWeights.size(); ++i) {
        const int value = organizationValue(first8.at(qsizetype(i)));
        if (value < 0)
            return {};
        sum += value * kOrgWeights[i];
    }
    const int check = 11 - sum % 11; // 1..11
    if (check == 10)
        return u'X';
    return QChar(char16_t(u'0' + check % 11));
}

std::optional<UsccProblem> checkUscc(QStringView code)
{
    if (code.isEmpty())
        return UsccProblem{UsccError::Empty, -1, {}, {}, 0};
    if (code.size() != kUsccLength)
        return UsccProblem{UsccError::Length, -1, {}, {}, int(code.size())};
    for (int i = 0; i < kUsccLength; ++i) {
        if (usccValue(code.at(i)) < 0)
            return problemAt(UsccError::Character, code, i);
    }
    const AuthorityTypes *registration = authority(code.at(0));
    if (!registration)
        return problemAt(UsccError::RegistrationAuthority, code, 0);
    if (registration->types.find(static_cast<char>(code.at(1).unicode())) == std::string_view::npos)
        return problemAt(UsccError::OrganizationType, code, 1);
    for (int i = 2; i < 8; ++i) {
        if (!isAsciiDigit(code.at(i)))
            return problemAt(UsccError::DivisionCode, code, i);
    }
    if (!isProvince(code.mid(2, 2).toInt()))
        return problemAt(UsccError::DivisionCode, code, 2);
    const QChar orgCheck = organizationCodeCheckCharacter(code.mid(8, 8));
    if (code.at(16) != orgCheck)
        return problemAt(UsccError::OrganizationCode, code, 16, orgCheck);
    const QChar check = usccCheckCharacter(code.first(17));
    if (code.at(17) != check)
        return problemAt(UsccError::CheckCharacter, code, 17, check);
    return std::nullopt;
}

LocalizedText describe(UsccError error)
{
    switch (error) {
    case UsccError::Empty:
        return {u"未填写统一社会信用代码"_s, u"The unified social credit code is missing"_s};
    case UsccError::Length:
        return {u"统一社会信用代码应为 18 位"_s,
                u"A unified social credit code has 18 characters"_s};
    case UsccError::Character:
        return {u"统一社会信用代码只能由数字和大写字母组成（不使用 I、O、S、V、Z）"_s,
                u"A unified social credit code consists of digits and capital letters "
                u"(never I, O, S, V or Z)"_s};
    case UsccError::RegistrationAuthority:
        return {u"统一社会信用代码第 1 位（登记管理部门代码）不存在"_s,
                u"Character 1 of the unified social credit code is no registration authority"_s};
    case UsccError::OrganizationType:
        return {u"统一社会信用代码第 2 位（机构类别代码）与第 1 位登记管理部门不符"_s,
                u"Character 2 of the unified social credit code is no organisation type of the "
                u"registration authority in character 1"_s};
    case UsccError::DivisionCode:
        return {u"统一社会信用代码第 3–8 位应为登记管理机关的行政区划代码"_s,
                u"Characters 3-8 of the unified social credit code must be the administrative "
                u"division code of the registering office"_s};
    case UsccError::OrganizationCode:
        return {u"统一社会信用代码第 9–17 位（组织机构代码）校验不通过"_s,
                u"The organisation code in characters 9-17 of the unified social credit code "
                u"does not check"_s};
    case UsccError::CheckCharacter:
        return {u"统一社会信用代码校验位（第 18 位）错误"_s,
                u"The check character (character 18) of the unified social credit code is wrong"_s};
    }
    return {};
}

LocalizedText describe(const UsccProblem &problem)
{
    const QString at = human(problem.position);
    const QString found = problem.found.isNull() ? QString() : quoted(problem.found);
    const QString expected = problem.expected.isNull() ? QString() : QString(problem.expected);
    switch (problem.error) {
    case UsccError::Empty:
        return describe(problem.error);
    case UsccError::Length:
        return {u"统一社会信用代码应为 18 位，现为 %1 位"_s.arg(problem.length),
                u"A unified social credit code has 18 characters, this one has %1"_s.arg(
                    problem.length)};
    case UsccError::Character: {
        const char16_t u = problem.found.unicode();
        if (u >= u'a' && u <= u'z')
            return {u"统一社会信用代码第 %1 位「%2」是小写字母，应使用大写字母"_s.arg(at, found),
                    u"Character %1 '%2' of the unified social credit code is lower case; the "
                    u"code uses capital letters"_s.arg(at, found)};
        if (u == u'I' || u == u'O' || u == u'S' || u == u'V' || u == u'Z')
            return {u"统一社会信用代码第 %1 位「%2」有误：代码中不使用字母 I、O、S、V、Z"_s.arg(
                        at, found),
                    u"Character %1 '%2' of the unified social credit code is wrong: the letters "
                    u"I, O, S, V and Z never occur in it"_s.arg(at, found)};
        return {u"统一社会信用代码第 %1 位「%2」不是允许的字符，只能使用数字和大写字母"_s.arg(
                    at, found),
                u"Character %1 '%2' of the unified social credit code is not allowed: digits "
                u"and capital letters only"_s.arg(at, found)};
    }
    case UsccError::RegistrationAuthority:
        return {u"统一社会信用代码第 1 位「%1」不是登记管理部门代码"_s.arg(found),
                u"Character 1 '%1' of the unified social credit code is no registration "
                u"authority"_s.arg(found)};
    case UsccError::OrganizationType:
        return {
            u"统一社会信用代码第 2 位机构类别代码「%1」不属于第 1 位的登记管理部门"_s.arg(found),
            u"Character 2 '%1' of the unified social credit code is no organisation type "
            u"of the registration authority in character 1"_s.arg(found)};
    case UsccError::DivisionCode:
        return {u"统一社会信用代码第 3–8 位应为行政区划代码，第 %1 位「%2」有误"_s.arg(at, found),
                u"Characters 3-8 of the unified social credit code must be an administrative "
                u"division code; character %1 '%2' is wrong"_s.arg(at, found)};
    case UsccError::OrganizationCode:
        return {u"统一社会信用代码第 9–17 位组织机构代码校验不通过：按第 9–16 位计算第 17 位应为"
                u"「%1」，现为「%2」，请核对是否有错字或颠倒"_s.arg(expected, found),
                u"The organisation code in characters 9-17 does not check: from characters 9-16 "
                u"character 17 would be '%1', not '%2'; look for a mistyped or swapped "
                u"character"_s.arg(expected, found)};
    case UsccError::CheckCharacter:
        return {
            u"统一社会信用代码校验位错误：按前 17 位计算第 18 位应为「%1」，现为「%2」，"
            u"请核对是否有错字或颠倒"_s.arg(expected, found),
            u"The check character is wrong: from the first 17 characters character 18 would "
            u"be '%1', not '%2'; look for a mistyped or swapped character"_s.arg(expected, found)};
    }
    return {};
}

QStringView usccDivisionCode(QStringView code)
{
    return code.size() < 8 ? QStringView() : code.sliced(2, 6);
}

QString makeUscc(QChar authorityCode, QChar type, QStringView division6, QStringView orgBody8)
{
    if (usccValue(authorityCode) < 0 || usccValue(type) < 0 || division6.size() != 6 ||
        orgBody8.size() != 8)
        return {};
    for (QChar c : division6) {
        if (!isAsciiDigit(c))
            return {};
    }
    for (QChar c : orgBody8) {
        if (usccValue(c) < 0)
            return {};
    }
    QString code;
    code.reserve(kUsccLength);
    code += authorityCode;
    code += type;
    code += division6;
    code += orgBody8;
    code += organizationCodeCheckCharacter(orgBody8);
    code += usccCheckCharacter(code);
    return code;
}

QString normalizeUscc(QStringView code)
{
    return code.toString().normalized(QString::NormalizationForm_KC).trimmed().toUpper();
}

} // namespace gx
