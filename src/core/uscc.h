#pragma once

#include "core/localizedtext.h"

#include <QChar>
#include <QString>
#include <QStringView>

#include <optional>

namespace gx {

/**
 * The unified social credit code (统一社会信用代码, USCC) of GB 32100-2015: an enterprise's id
 * in every record, the registry and sync. 18 characters from the 31-character set
 * 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z):
 *
 *     1      registration authority (登记管理部门): 1-9, A, N, Y
 *     2      organisation type (机构类别), from the authority's own list (9: 1-3, 5: 1-3 and 9,
 * ...) 3-8    administrative division of the registering office (GB/T 2260, 6 digits) 9-17   the GB
 * 11714 organisation code: 8 body characters and its mod-11 check character 18     the check
 * character: mod 31 over the first 17 with weights 3^i mod 31
 *
 * The authority/type table is the one the national code centre publishes for GB 32100 (with the
 * later additions A: military, N: rural collectives), so real codes of law firms (31...),
 * social organisations (51...) or village collectives (N2...) are accepted; only codes that no
 * registration office can issue are refused. The division code is checked to be six digits whose
 * first two name a province-level division (10 for central registration), not against the full
 * GB/T 2260 list, which changes every year.
 *
 * Checking is strict: lower case, spaces or full-width characters are errors. Importers that
 * want to be lenient call normalizeUscc() first, deliberately.
 */
enum class UsccError
{
    Empty,                 ///< nothing given
    Length,                ///< not 18 characters
    Character,             ///< a character outside the 31-character set (incl. lower case)
    RegistrationAuthority, ///< character 1 is no registration authority
    OrganizationType,      ///< character 2 is no organisation type of that authority
    DivisionCode,          ///< characters 3-8 are not a plausible division code
    OrganizationCode,      ///< characters 9-17 fail the GB 11714 check
    CheckCharacter,        ///< character 18 is not the check character of the first 17
};

/** What is wrong with a code, precisely enough to tell a person how to fix it. */
struct UsccProblem
{
    UsccError error = UsccError::Empty;
    int position = -1; ///< 0-based index of the offending character; -1 for Empty and Length
    QChar found;       ///< the character at position, when there is one
    QChar expected;    ///< the right check character (OrganizationCode, CheckCharacter)
    int length = 0;    ///< the length that was given (for Length)

    friend bool operator==(const UsccProblem &, const UsccProblem &) = default;
};

/** The first problem of a code, or nothing when it is a valid USCC. */
[[nodiscard]] std::optional<UsccProblem> checkUscc(QStringView code);

/** A sentence for an inspector, in Chinese and English, e.g. "…校验位（第 18 位）应为「3」…". */
[[nodiscard]] LocalizedText describe(const UsccProblem &problem);

/** A sentence for the bare error kind, when the details are not at hand. */
[[nodiscard]] LocalizedText describe(UsccError error);

/**
 * Characters 3-8 of a code: the GB/T 2260 division code of the office that registered it (e.g.
 * "331121" in 91331121MA2A00001X). Empty when the code is shorter than 8 characters; not checked
 * (call checkUscc() for that). The server compares it with an enterprise's region
 * (Region::divisionCode(), docs/api.md "Sync").
 */
[[nodiscard]] QStringView usccDivisionCode(QStringView code);

/**
 * The check character (18th) of the first 17 characters, or a null QChar when first17 is not
 * 17 characters of the code's character set.
 */
[[nodiscard]] QChar usccCheckCharacter(QStringView first17);

/**
 * The GB 11714 check character of an 8-character organisation code body (digits and upper-case
 * letters, A=10 ... Z=35), '0'-'9' or 'X'; a null QChar when the body is malformed.
 */
[[nodiscard]] QChar organizationCodeCheckCharacter(QStringView first8);

/**
 * A valid code built from its parts, both check characters computed: for tests, fixtures and
 * the demo generator. Returns an empty string when a part is malformed (wrong length, or
 * characters outside the set); it does not judge the authority/type table.
 */
[[nodiscard]] QString makeUscc(QChar authority, QChar type, QStringView division6,
                               QStringView orgBody8);

/**
 * Folds full-width characters to ASCII (NFKC), trims whitespace and upper-cases: for importers
 * of hand-kept spreadsheets, never applied silently by checkUscc(). The result still needs
 * checkUscc().
 */
[[nodiscard]] QString normalizeUscc(QStringView code);

} // namespace gx
