#pragma once

#include "app/reportdata.h"
#include "core/localizedtext.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QFont>
#include <QString>
#include <QVariantMap>

class QPainter;
class QPdfWriter;

namespace gx {

/** Why a report was not written. */
struct ReportError
{
    enum class Code
    {
        NoFigures,   ///< the data holds no region
        FontMissing, ///< "Noto Sans CJK SC" is not installed (fonts-noto-cjk)
        CannotWrite, ///< the file could not be written
    };
    Code code = Code::CannotWrite;
    QString message; ///< a sentence for a person, in the UI language
};

/** What was written. */
struct ReportFile
{
    QString path;
    int pages = 0;
    qint64 bytes = 0;
};

/**
 * Writes the report of a period for leaders as an A4 PDF (QPdfWriter + QPainter): a title with
 * the period and the date of the data, the city's figures, then per indicator a table of the
 * city and every region (value, numerator/denominator, target, gap or met) and a bar chart of
 * the regions against their targets; page numbers on every page. Text is drawn in
 * "Noto Sans CJK SC", embedded in the file (as a subset), and reads right when copied or
 * searched (PdfTextFix). Figures are formatted by FigureFormatter, as on the dashboard.
 * The file is written whole or not at all (QSaveFile).
 */
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(gx::ReportBuilder)
public:
    static constexpr auto kFontFamily = "Noto Sans CJK SC";

    explicit ReportBuilder(ReportData data, Language language = Language::Zh);

    /** The report's font at a size (every text of the report is drawn in it). */
    [[nodiscard]] static QFont font(double points, bool bold = false);

    [[nodiscard]] Result<ReportFile, ReportError> write(const QString &path) const;
    /** The PDF's bytes. */
    [[nodiscard]] Result<QByteArray, ReportError> render(int *pages = nullptr) const;

    /** The indicators the report shows, in display order (those the data holds). */
    [[nodiscard]] QStringList indicators() const;

private:
    class Layout;

    /** Lays everything out; paints when layout has a painter. */
    void lay(Layout &layout) const;
    void layTitle(Layout &layout) const;
    void layCityTable(Layout &layout) const;
    void layIndicator(Layout &layout, int number, const QString &indicator) const;
    [[nodiscard]] QVariantMap describe(const ReportRegion &region, const QString &indicator) const;
    [[nodiscard]] QString regionName(const ReportRegion &region) const;

    ReportData m_data;
    Language m_language;
};

} // namespace gx
