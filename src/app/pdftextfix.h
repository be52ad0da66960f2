#pragma once

#include <QByteArray>
#include <QFont>
#include <QHash>

namespace gx {

/**
 * Makes the text of a PDF from QPdfWriter read right when it is copied, searched or extracted
 * (pdftotext). Qt's PDF engine names each glyph in the font's ToUnicode map by the LOWEST code
 * point that the font maps to it. Noto Sans CJK draws the Kangxi radicals (U+2F00...) and the
 * CJK radicals supplement (U+2E80...) with the ideographs' glyphs, so 水 would read as the
 * radical ⽔ (丽⽔市) and 页 as ⻚; the space glyph would read as a tab. This rewrites those
 * entries of every ToUnicode map to the ideograph (or the space) that shares the glyph. Qt writes
 * those maps uncompressed and every entry keeps its length, so no offset of the file moves.
 */
class PdfTextFix
{
public:
    /** Learns, from the font the PDF was drawn with, which code point stands for which. */
    explicit PdfTextFix(const QFont &font);

    /** Rewrites the ToUnicode entries in place; returns how many it changed. */
    int apply(QByteArray &pdf) const;

    /** The code point that replaces `codePoint` (itself when none does). */
    [[nodiscard]] char16_t preferred(char16_t codePoint) const
    {
        return m_replacements.value(codePoint, codePoint);
    }

private:
    /** Rewrites one `<XXXX>` destination at pos; true when it changed. */
    bool fixToken(QByteArray &pdf, qsizetype open, qsizetype close) const;
    int fixBlock(QByteArray &pdf, qsizetype from, qsizetype to, bool ranges) const;

    QHash<char16_t, char16_t> m_replacements;
};

} // namespace gx
