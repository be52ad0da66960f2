#include "sync/figures/xlsxexport.h"

#include "core/formdefinition.h"
#include "core/indicatorlabels.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gx::server {

namespace {

/** The formats of the workbook, made once. */
struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *bold = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *count = nullptr;
    lxw_format *percentMet = nullptr;
    lxw_format *percentMissed = nullptr;
    lxw_format *countMet = nullptr;
    lxw_format *countMissed = nullptr;
    lxw_format *amount = nullptr;

    explicit Formats(lxw_workbook *book)
    {
        header = workbook_add_format(book);
        format_set_bold(header);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_bg_color(header, 0xDDEBF7);
        format_set_border(header, LXW_BORDER_THIN);
        bold = workbook_add_format(book);
        format_set_bold(bold);
        percent = numberFormat(book, "0.0%", 0);
        count = numberFormat(book, "#,##0", 0);
        percentMet = numberFormat(book, "0.0%", 0x007A33);
        percentMissed = numberFormat(book, "0.0%", 0xC00000);
        countMet = numberFormat(book, "#,##0", 0x007A33);
        countMissed = numberFormat(book, "#,##0", 0xC00000);
        amount = numberFormat(book, "#,##0.0", 0);
    }

    static lxw_format *numberFormat(lxw_workbook *book, const char *pattern, lxw_color_t color)
    {
        lxw_format *format = workbook_add_format(book);
        format_set_num_format(format, pattern);
        if (color != 0)
            format_set_font_color(format, color);
        return format;
    }
};

/** libxlsxwriter takes UTF-8 C strings; this keeps the bytes alive for the call. */
class Utf8
{
public:
    explicit Utf8(const QString &text)
        : m_bytes(text.toUtf8())
    {}
    [[nodiscard]] const char *c() const { return m_bytes.constData(); }

private:
    QByteArray m_bytes;
};

void writeText(lxw_worksheet *sheet, int row, int column, const QString &text,
               lxw_format *format = nullptr)
{
    worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), Utf8(text).c(), format);
}

void writeNumber(lxw_worksheet *sheet, int row, int column, double value,
                 lxw_format *format = nullptr)
{
    worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), value, format);
}

void writeFigureSheet(lxw_workbook *book, const Formats &f, const CoverageReport &report)
{
    lxw_worksheet *sheet = workbook_add_worksheet(book, Utf8(u"各县（市、区）指标"_s).c());
    const QStringList fixed{u"地区"_s, u"地区代码"_s, u"规上企业数"_s, u"已调查规上企业"_s,
                            u"计入统计的调查"_s};
    const QStringList &names = indicatorNames();
    for (int c = 0; c < fixed.size(); ++c)
        writeText(sheet, 0, c, fixed.at(c), f.header);
    for (int i = 0; i < names.size(); ++i)
        writeText(sheet, 0, int(fixed.size()) + i, indicatorLabel(names.at(i)).zh, f.header);
    worksheet_set_row(sheet, 0, 48, nullptr);
    worksheet_set_column(sheet, 0, 0, 22, nullptr);
    worksheet_set_column(sheet, 1, 4, 12, nullptr);
    worksheet_set_column(sheet, lxw_col_t(fixed.size()), lxw_col_t(fixed.size() + names.size()), 14,
                         nullptr);
    worksheet_freeze_panes(sheet, 1, 2);

    QList<const RegionFigures *> rows;
    for (const RegionFigures &region : report.regions)
        rows.append(&region);
    rows.append(&report.city);
    int row = 1;
    for (const RegionFigures *region : std::as_const(rows)) {
        const bool city = region == &report.city;
        writeText(sheet, row, 0, region->name.zh, city ? f.bold : nullptr);
        writeText(sheet, row, 1, region->region, city ? f.bold : nullptr);
        writeNumber(sheet, row, 2, region->registry, f.count);
        writeNumber(sheet, row, 3, region->surveyed, f.count);
        writeNumber(sheet, row, 4, region->countedSurveys, f.count);
        for (int i = 0; i < names.size(); ++i) {
            const Figure figure = region->indicators.value(names.at(i));
            if (!figure.value)
                continue;
            const bool rate = indicatorKind(names.at(i)) == FigureKind::Rate;
            lxw_format *format = rate ? f.percent : f.count;
            if (figure.met)
                format = *figure.met ? (rate ? f.percentMet : f.countMet)
                                     : (rate ? f.percentMissed : f.countMissed);
            writeNumber(sheet, row, int(fixed.size()) + i, *figure.value, format);
        }
        ++row;
    }
    // The city's targets under the table, and each column's indicator name for machines.
    ++row;
    writeText(sheet, row, 0, u"全市目标（%1年）"_s.arg(report.period), f.bold);
    writeText(sheet, row + 1, 0, u"指标代码"_s, f.bold);
    for (int i = 0; i < names.size(); ++i) {
        const auto target = report.city.indicators.value(names.at(i)).target;
        const bool rate = indicatorKind(names.at(i)) == FigureKind::Rate;
        if (target)
            writeNumber(sheet, row, int(fixed.size()) + i, target->value,
                        rate ? f.percent : f.count);
        writeText(sheet, row + 1, int(fixed.size()) + i, names.at(i));
    }
}

/**
 * The headers and choice labels of the enterprise sheet, read from the survey definition so that
 * the workbook names a field as the form does.
 */
class FormLabels
{
public:
    explicit FormLabels(const FormDefinition &form)
        : m_form(form)
    {}

    /** The field's Chinese label, with its unit in brackets; the field's name if unknown. */
    [[nodiscard]] QString header(const QString &entity, const QString &name) const
    {
        const FieldDefinition *f = field(entity, name);
        if (!f)
            return name;
        return f->unit.zh.isEmpty() ? f->label.zh : u"%1（%2）"_s.arg(f->label.zh, f->unit.zh);
    }

    /** The Chinese label of the choice `value` of the field; the value itself if unknown. */
    [[nodiscard]] QString option(const QString &entity, const QString &name,
                                 const QString &value) const
    {
        const FieldDefinition *f = field(entity, name);
        const ChoiceOption *choice = f ? f->option(QJsonValue(value)) : nullptr;
        return choice ? choice->label.zh : value;
    }

private:
    [[nodiscard]] const FieldDefinition *field(const QString &entity, const QString &name) const
    {
        const EntityDefinition *e = m_form.entity(entity);
        return e ? e->field(name) : nullptr;
    }

    const FormDefinition &m_form;
};

const QString kEnterprise = u"enterprise"_s;
const QString kSurvey = u"survey"_s;

QString surveyStateLabel(const FormLabels &labels, const SurveyFacts *survey)
{
    if (!survey)
        return u"未调查"_s;
    return labels.option(kSurvey, u"state"_s, surveyStateName(survey->state));
}

QString reviewLabel(const SurveyFacts *survey)
{
    if (!survey)
        return {};
    switch (survey->review) {
    case ReviewState::None:
        return u"未审核"_s;
    case ReviewState::Approved:
        return u"通过"_s;
    case ReviewState::HasIssues:
        return u"有问题"_s;
    case ReviewState::Rejected:
        return u"退回"_s;
    }
    return {};
}

/** The survey the enterprise sheet shows: counted, else submitted, else a draft; then by id. */
QHash<QString, const SurveyFacts *> shownSurveys(const IndicatorInput &input)
{
    auto rank = [](const SurveyFacts &s) {
        return s.isCounted() ? 2 : s.state == SurveyState::Submitted ? 1 : 0;
    };
    QHash<QString, const SurveyFacts *> out;
    for (const SurveyFacts &survey : input.surveys) {
        if (survey.period != input.period)
            continue;
        const SurveyFacts *&shown = out[survey.enterprise];
        if (!shown || rank(survey) > rank(*shown) ||
            (rank(survey) == rank(*shown) && survey.id > shown->id))
            shown = &survey;
    }
    return out;
}

void writeEnterpriseSheet(lxw_workbook *book, const Formats &f, const CoverageReport &report,
                          const IndicatorInput &input, const FormDefinition &form)
{
    lxw_worksheet *sheet = workbook_add_worksheet(book, Utf8(u"企业"_s).c());
    const FormLabels labels(form);
    const QStringList headers{labels.header(kEnterprise, u"name"_s),
                              labels.header(kEnterprise, u"uscc"_s),
                              labels.header(kEnterprise, u"region"_s),
                              u"地区代码"_s,
                              labels.header(kEnterprise, u"industry_code"_s),
                              labels.header(kEnterprise, u"above_size"_s),
                              labels.header(kSurvey, u"state"_s),
                              u"审核状态"_s,
                              labels.header(kSurvey, u"digital_level"_s),
                              labels.header(kSurvey, u"design_tools"_s),
                              labels.header(kSurvey, u"key_processes"_s),
                              labels.header(kSurvey, u"key_processes_cnc"_s),
                              labels.header(kSurvey, u"factory_tier"_s),
                              labels.header(kSurvey, u"robots_added"_s),
                              labels.header(kSurvey, u"tech_invest_10k"_s),
                              labels.header(kSurvey, u"tech_invest_base_10k"_s),
                              labels.header(kSurvey, u"equipment_invest_10k"_s),
                              labels.header(kSurvey, u"equipment_invest_base_10k"_s),
                              labels.header(kSurvey, u"first_of_kind_invest_10k"_s),
                              u"安全淘汰类设备"_s};
    for (int c = 0; c < headers.size(); ++c)
        writeText(sheet, 0, c, headers.at(c), f.header);
    worksheet_set_row(sheet, 0, 32, nullptr);
    worksheet_set_column(sheet, 0, 0, 34, nullptr);
    worksheet_set_column(sheet, 1, 1, 22, nullptr);
    worksheet_set_column(sheet, 2, lxw_col_t(headers.size() - 1), 12, nullptr);
    worksheet_freeze_panes(sheet, 1, 1);

    QHash<QString, int> regionOrder;
    for (int i = 0; i < input.catalog.regions().size(); ++i)
        regionOrder.insert(input.catalog.regions().at(i).code, i);
    QList<const RegistryEntry *> entries;
    for (const RegistryEntry &entry : input.registry)
        entries.append(&entry);
    std::sort(entries.begin(), entries.end(), [&](const RegistryEntry *a, const RegistryEntry *b) {
        const int ra = regionOrder.value(a->region, int(regionOrder.size()));
        const int rb = regionOrder.value(b->region, int(regionOrder.size()));
        return ra != rb ? ra < rb : a->name != b->name ? a->name < b->name : a->uscc < b->uscc;
    });
    const QHash<QString, const SurveyFacts *> shown = shownSurveys(input);
    const QSet<QString> flagged(report.city.flaggedEnterprises.cbegin(),
                                report.city.flaggedEnterprises.cend());
    int row = 1;
    for (const RegistryEntry *entry : std::as_const(entries)) {
        const Region *region = input.catalog.region(entry->region);
        writeText(sheet, row, 0, entry->name);
        writeText(sheet, row, 1, entry->uscc);
        writeText(sheet, row, 2, region ? region->name.zh : QString());
        writeText(sheet, row, 3, entry->region);
        writeText(sheet, row, 4, entry->industryCode);
        writeText(sheet, row, 5, entry->aboveSize ? u"是"_s : u"否"_s);
        const SurveyFacts *s = shown.value(entry->uscc);
        writeText(sheet, row, 6, surveyStateLabel(labels, s));
        writeText(sheet, row, 7, reviewLabel(s));
        if (s) {
            auto integer = [&](int column, const std::optional<int> &value) {
                if (value)
                    writeNumber(sheet, row, column, *value, f.count);
            };
            auto money = [&](int column, const std::optional<double> &value) {
                if (value)
                    writeNumber(sheet, row, column, *value, f.amount);
            };
            integer(8, s->digitalLevel);
            if (s->designTools)
                writeText(sheet, row, 9, *s->designTools ? u"是"_s : u"否"_s);
            integer(10, s->keyProcesses);
            integer(11, s->keyProcessesCnc);
            if (s->factoryTier)
                writeText(
                    sheet, row, 12,
                    labels.option(kSurvey, u"factory_tier"_s, factoryTierName(*s->factoryTier)));
            integer(13, s->robotsAdded);
            money(14, s->techInvest);
            money(15, s->techInvestBase);
            money(16, s->equipmentInvest);
            money(17, s->equipmentInvestBase);
            money(18, s->firstOfKindInvest);
        }
        if (flagged.contains(entry->uscc))
            writeText(sheet, row, 19, u"是"_s);
        ++row;
    }
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(std::max(row - 1, 1)),
                         lxw_col_t(headers.size() - 1));
}

} // namespace

Result<QByteArray, QString> XlsxExport::coverage(const CoverageReport &report,
                                                 const IndicatorInput &input,
                                                 const FormDefinition &form)
{
    return write([&](lxw_workbook *book) {
        const Formats formats(book);
        writeFigureSheet(book, formats, report);
        writeEnterpriseSheet(book, formats, report, input, form);
    });
}

Result<QByteArray, QString> XlsxExport::write(const std::function<void(lxw_workbook *book)> &fill)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return u"cannot create a temporary directory for the workbook"_s;
    const QString path = dir.filePath(u"export.xlsx"_s);
    const QByteArray tmp = dir.path().toUtf8();
    lxw_workbook_options options{LXW_FALSE, const_cast<char *>(tmp.constData()), LXW_FALSE};
    lxw_workbook *book = workbook_new_opt(QFile::encodeName(path).constData(), &options);
    if (!book)
        return u"libxlsxwriter could not start a workbook"_s;
    fill(book);
    const lxw_error status = workbook_close(book);
    if (status != LXW_NO_ERROR)
        return u"libxlsxwriter: %1"_s.arg(QString::fromUtf8(lxw_strerror(status)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString(u"cannot read the workbook back: "_s + file.errorString());
    return file.readAll();
}

} // namespace gx::server
