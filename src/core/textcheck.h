#pragma once

#include <QString>
#include <QStringView>

#include <optional>

/**
 * The one test of a string that anyone sends gengxin-server, whatever carries it: the sync codec
 * (field values, ids, messages), reviews, accounts, the registry and the other calls. What it
 * accepts, every device decoder accepts too (they run the same codec), so a string the server
 * took can never stall a pull page (docs/api.md "Limits"). Refused: U+0000, unpaired surrogates,
 * and control characters (C0, DEL, C1) other than tab, line feed and carriage return, which
 * reach terminals and logs as escape sequences and have no place in survey text.
 */
namespace gx {

enum class TextProblem
{
    TooLong,       ///< more than maxLength UTF-16 code units
    Nul,           ///< U+0000
    LoneSurrogate, ///< not well-formed UTF-16
    Control,       ///< a control character other than tab, LF, CR (ESC, DEL, C1, ...)
};

/** Why `text` is refused (at most maxLength code units; negative: no limit), or nothing. */
[[nodiscard]] std::optional<TextProblem> textProblem(QStringView text, qsizetype maxLength = -1);

/** The problem in a few words, e.g. "contains a control character (U+001B)", "longer than 500
 * characters". */
[[nodiscard]] QString textProblemMessage(QStringView text, TextProblem problem,
                                         qsizetype maxLength = -1);

} // namespace gx
