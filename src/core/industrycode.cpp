#include "core/industrycode.h"

#include <array>

using namespace Qt::StringLiterals;

namespace gx {

namespace {

constexpr int kClassCodeLength = 4;

/** The sections of GB/T 4754-2017 and the last division of each (they are contiguous). */
struct Section
{
    char letter;
    int lastDivision;
};
constexpr std::array<Section, 20> kSections = {{
    {'A', 5},  // 农、林、牧、渔业 01-05
    {'B', 12}, // 采矿业 06-12
    {'C', 43}, // 制造业 13-43
    {'D', 46}, // 电力、热力、燃气及水生产和供应业 44-46
    {'E', 50}, // 建筑业 47-50
    {'F', 52}, // 批发和零售业 51-52
    {'G', 60}, // 交通运输、仓储和邮政业 53-60
    {'H', 62}, // 住宿和餐饮业 61-62
    {'I', 65}, // 信息传输、软件和信息技术服务业 63-65
    {'J', 69}, // 金融业 66-69
    {'K', 70}, // 房地产业 70
    {'L', 72}, // 租赁和商务服务业 71-72
    {'M', 75}, // 科学研究和技术服务业 73-75
    {'N', 79}, // 水利、环境和公共设施管理业 76-79
    {'O', 82}, // 居民服务、修理和其他服务业 80-82
    {'P', 83}, // 教育 83
    {'Q', 85}, // 卫生和社会工作 84-85
    {'R', 90}, // 文化、体育和娱乐业 86-90
    {'S', 96}, // 公共管理、社会保障和社会组织 91-96
    {'T', 97}, // 国际组织 97
}};

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

/** The division number of the first two characters, or -1 when they are not two digits. */
int division(QStringView code)
{
    if (code.size() < 2 || !isAsciiDigit(code.at(0)) || !isAsciiDigit(code.at(1)))
        return -1;
    return (code.at(0).unicode() - u'0') * 10 + (code.at(1).unicode() - u'0');
}

const Section *sectionOf(int divisionNumber)
{
    if (divisionNumber < 1)
        return nullptr;
    for (const auto &section : kSections) {
        if (divisionNumber <= section.lastDivision)
            return &section;
    }
    return nullptr;
}

} // namespace

std::optional<IndustryCodeError> checkIndustryCode(QStringView code)
{
    if (code.isEmpty())
        return IndustryCodeError::Empty;
    if (code.size() != kClassCodeLength)
        return IndustryCodeError::Length;
    for (QChar c : code) {
        if (!isAsciiDigit(c))
            return IndustryCodeError::Character;
    }
    if (!sectionOf(division(code)))
        return IndustryCodeError::Division;
    const int number = division(code);
    const bool undivided = number == 12 || number == 91 || number == 97;
    if (undivided ? code.sliced(2) != u"00" : code.at(2) == u'0')
        return IndustryCodeError::Group;
    return std::nullopt;
}

LocalizedText describe(IndustryCodeError error)
{
    switch (error) {
    case IndustryCodeError::Empty:
        return {u"未填写行业代码"_s, u"The industry code is missing"_s};
    case IndustryCodeError::Length:
        return {u"行业代码应为 GB/T 4754-2017 的 4 位小类代码"_s,
                u"An industry code is a 4-digit class code of GB/T 4754-2017"_s};
    case IndustryCodeError::Character:
        return {u"行业代码只能由 4 位数字组成"_s, u"An industry code consists of 4 digits"_s};
    case IndustryCodeError::Division:
        return {u"行业代码前两位不是 GB/T 4754-2017 中的行业大类（01–97）"_s,
                u"The first two digits of the industry code are no division of GB/T 4754-2017 "
                u"(01-97)"_s};
    case IndustryCodeError::Group:
        return {
            u"行业代码第 3 位（中类）不存在：中类从 1 起编号（大类 12、91、97 不分中类，"
            u"代码为 1200、9100、9700）"_s,
            u"The third digit of the industry code names no group: groups are numbered from 1 "
            u"(divisions 12, 91 and 97 are not divided, their codes are 1200, 9100 and 9700)"_s};
    }
    return {};
}

QString industrySection(QStringView code)
{
    const Section *section = sectionOf(division(code));
    return section ? QString(QLatin1Char(section->letter)) : QString();
}

bool isIndustrial(QStringView code)
{
    if (checkIndustryCode(code))
        return false;
    const QString section = industrySection(code);
    return section == u"B" || section == u"C" || section == u"D";
}

} // namespace gx
