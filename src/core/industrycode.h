#pragma once

#include "core/localizedtext.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace gx {

/**
 * Industry class codes of GB/T 4754-2017 (国民经济行业分类), as enterprises and the statistics
 * bureau's registry carry them: four digits, division (2) + group (1) + class (1), e.g. 3311.
 *
 * What is checked: exactly four ASCII digits; the first two name one of the 97 divisions of the
 * 2017 edition (01-97: every number in that range is a division, 11 included, which is
 * 开采专业及辅助性活动); the group digit is 1-9, except in the three divisions that are not
 * divided (12 其他采矿业, 91 中国共产党机关, 97 国际组织), whose one class is 1200, 9100 and 9700.
 * What is not: that the group and class exist within their division (the class list has some
 * 1,380 entries and is revised by amendments; the registry import and the office's review catch
 * a wrong class). A section letter or a 2- or 3-digit code is not a class code and is refused.
 */
enum class IndustryCodeError
{
    Empty,     ///< nothing given
    Length,    ///< not four characters
    Character, ///< not all ASCII digits
    Division,  ///< the first two digits are no division of GB/T 4754-2017 (00, 98, 99)
    Group,     ///< no such group: digit 3 is 0 (or, in 12, 91 and 97, the code is not XX00)
};

/** The error of a code, or nothing when it is a well-formed class code of a real division. */
[[nodiscard]] std::optional<IndustryCodeError> checkIndustryCode(QStringView code);

/** A sentence for an inspector, in Chinese and English. */
[[nodiscard]] LocalizedText describe(IndustryCodeError error);

/**
 * The section letter (门类, "A" ... "T") of a code whose first two digits are a division, e.g.
 * "C" for 3311; empty when they are not. Indicators group enterprises by it.
 */
[[nodiscard]] QString industrySection(QStringView code);

/**
 * True for the industrial sections B (mining), C (manufacturing) and D (electricity, heat, gas
 * and water), which the statistics bureau counts as industry (工业); false for invalid codes.
 */
[[nodiscard]] bool isIndustrial(QStringView code);

} // namespace gx
