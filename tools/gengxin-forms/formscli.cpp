#include "formscli.h"

#include "figuresfile.h"

#include "core/formdefinition.h"
#include "core/indicatorlabels.h"
#include "core/indicators.h"
#include "core/regioncatalog.h"
#include "core/validator.h"

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gx {

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const QString kUsage = u"usage:\n"
                       u"  gengxin-forms check [--assets DIR]\n"
                       u"  gengxin-forms validate ENTITY FILE.json [--submit] [--today YYYY-MM-DD]"
                       u" [--lang zh|en] [--assets DIR]\n"
                       u"  gengxin-forms figures FILE.json [--lang zh|en] [--assets DIR]\n"_s;

struct Options
{
    QStringList positional;
    QString assets;
    QDate today = QDate::currentDate();
    Language language = Language::Zh;
    bool submit = false;
};

std::optional<Options> parseOptions(QStringList args)
{
    Options options;
    const QString fromEnv = qEnvironmentVariable("GX_ASSETS_DIR");
    options.assets = fromEnv.isEmpty() ? QStringLiteral(GX_ASSETS_DIR) : fromEnv;
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        const bool hasValue = !args.isEmpty();
        if (arg == u"--submit"_s) {
            options.submit = true;
        } else if (arg == u"--assets"_s && hasValue) {
            options.assets = args.takeFirst();
        } else if (arg == u"--today"_s && hasValue) {
            options.today = QDate::fromString(args.takeFirst(), Qt::ISODate);
            if (!options.today.isValid()) {
                err() << "--today takes a date YYYY-MM-DD\n";
                return std::nullopt;
            }
        } else if (arg == u"--lang"_s && hasValue) {
            const QString lang = args.takeFirst();
            if (lang != u"zh"_s && lang != u"en"_s) {
                err() << "--lang takes zh or en\n";
                return std::nullopt;
            }
            options.language = lang == u"en"_s ? Language::En : Language::Zh;
        } else if (arg.startsWith(u"--"_s)) {
            err() << "unknown or incomplete option " << arg << '\n';
            return std::nullopt;
        } else {
            options.positional.append(arg);
        }
    }
    return options;
}

struct Assets
{
    FormDefinition form;
    RegionCatalog regions;
};

std::optional<Assets> loadAssets(const QString &dir)
{
    auto form = FormDefinition::load(dir + u"/forms/survey.v1.json"_s);
    if (!form) {
        err() << "survey definition refused: " << form.error().toString() << '\n';
        return std::nullopt;
    }
    auto regions = RegionCatalog::load(dir + u"/regions/lishui.json"_s);
    if (!regions) {
        err() << "regions refused: " << regions.error().toString() << '\n';
        return std::nullopt;
    }
    return Assets{std::move(form).value(), std::move(regions).value()};
}

/** Pads to a display width, counting CJK characters as two columns as terminals show them. */
QString padded(const QString &text, int width)
{
    int columns = 0;
    for (const QChar c : text)
        columns += c.unicode() >= 0x2E80 ? 2 : 1;
    return text + QString(std::max(0, width - columns), u' ');
}

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'f', 1) + u'%';
}

QString showValue(const QString &name, std::optional<double> value)
{
    if (!value)
        return u"—"_s;
    return indicatorKind(name) == FigureKind::Rate ? percent(*value)
                                                   : QString::number(*value, 'f', 0);
}

QString showFigure(const QString &name, const Figure &f, Language language)
{
    QString text = showValue(name, f.value);
    if (officialIndicatorNames().contains(name))
        text += language == Language::Zh ? u"  (统计部门数据)"_s : u"  (statistics bureau)"_s;
    else
        text += u"  ("_s + QString::number(f.numerator, 'g', 10) + u" / "_s +
                QString::number(f.denominator, 'g', 10) + u')';
    if (f.target) {
        const QString op = f.target->op == Comparison::Above ? u">"_s : u"≥"_s;
        text += u"  "_s + (language == Language::Zh ? u"目标 "_s : u"target "_s) + op +
                showValue(name, f.target->value);
        if (f.met)
            text += *f.met ? (language == Language::Zh ? u" 达标"_s : u" met"_s)
                           : (language == Language::Zh ? u" 未达标"_s : u" not met"_s);
    }
    return text;
}

int check(const Options &options)
{
    const auto assets = loadAssets(options.assets);
    if (!assets)
        return 1;
    const FormDefinition &form = assets->form;
    out() << "survey definition " << form.id() << " v" << form.version() << ": "
          << form.title().text(options.language) << '\n';
    for (const EntityDefinition &entity : form.entities()) {
        out() << "  " << entity.name << " (" << entity.label.text(options.language)
              << "): " << entity.fields.size() << " fields, " << entity.sections.size()
              << " sections, " << entity.rules.size() << " rules";
        if (entity.isRepeatGroup())
            out() << ", rows of " << entity.parent;
        out() << '\n';
    }
    const RegionCatalog &regions = assets->regions;
    out() << "\nregions and their 2024 targets (annex of the policy):\n";
    QList<Region> all{regions.city()};
    all += regions.regions();
    for (const Region &region : all) {
        out() << "  " << padded(region.code, 11) << ' '
              << padded(region.name.text(options.language), 16) << ':';
        const auto targets = region.targets.value(2024);
        for (const QString &name : indicatorNames()) {
            const auto it = targets.constFind(name);
            if (it != targets.cend())
                out() << ' ' << name << (it->op == Comparison::Above ? " >" : " >=")
                      << showValue(name, it->value);
        }
        out() << '\n';
    }
    return 0;
}

int validate(const Options &options)
{
    if (options.positional.size() != 2) {
        err() << kUsage;
        return 2;
    }
    const auto assets = loadAssets(options.assets);
    if (!assets)
        return 1;
    QFile file(options.positional.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        err() << file.fileName() << ": " << file.errorString() << '\n';
        return 1;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject()) {
        err() << file.fileName() << ": not a JSON object of fields\n";
        return 1;
    }
    const Validator validator(assets->form,
                              ValidationContext{options.today, assets->regions.regionCodes()});
    const QString &entity = options.positional.at(0);
    const auto mode = options.submit ? ValidationMode::Submit : ValidationMode::Draft;
    const QList<ValidationIssue> issues = validator.validate(entity, doc.object(), mode);
    out() << file.fileName() << " as " << entity << (options.submit ? " submission" : " draft")
          << ": " << issues.size() << (issues.size() == 1 ? " problem\n" : " problems\n");
    const EntityDefinition *definition = assets->form.entity(entity);
    for (const ValidationIssue &issue : issues) {
        const FieldDefinition *field = definition ? definition->field(issue.field) : nullptr;
        const QString label = field ? field->label.text(options.language) : issue.field;
        out() << (issue.severity == Severity::Error ? "  error   " : "  warning ") << issue.field
              << " [" << label << "] " << issue.code << ": " << issue.message.text(options.language)
              << '\n';
    }
    return Validator::hasErrors(issues) ? 1 : 0;
}

int figures(const Options &options)
{
    if (options.positional.size() != 1) {
        err() << kUsage;
        return 2;
    }
    const auto assets = loadAssets(options.assets);
    if (!assets)
        return 1;
    const auto input = readFiguresFile(options.positional.at(0), assets->regions);
    if (!input) {
        err() << input.error() << '\n';
        return 1;
    }
    const CoverageReport report = computeCoverage(input.value());
    const Language language = options.language;
    const QStringList headline{indicator::kDigitalRenovationCoverage,
                               indicator::kDesignToolPenetration, indicator::kKeyProcessCncRate,
                               indicator::kTechInvestGrowth, indicator::kSurveyCompletion};
    out() << "figures for " << report.period << " from " << options.positional.at(0)
          << "  (value (numerator / denominator) and target)\n";
    for (const QString &name : headline) {
        out() << '\n' << indicatorLabel(name).text(language) << '\n';
        for (const RegionFigures &region : report.regions)
            out() << "  " << padded(region.name.text(language), language == Language::Zh ? 20 : 52)
                  << showFigure(name, region.indicators.value(name), language) << '\n';
    }
    const RegionFigures &city = report.city;
    out() << '\n'
          << city.name.text(language) << ": " << city.registry << " above-size enterprises, "
          << city.surveyed << " with a counted survey\n";
    for (const QString &name : indicatorNames())
        out() << "  " << indicatorLabel(name).text(language) << ": "
              << showFigure(name, city.indicators.value(name), language) << '\n';
    if (report.unassignedSurveys > 0)
        out() << "  surveys of no known region (not counted): " << report.unassignedSurveys << '\n';
    return 0;
}

} // namespace

int runFormsCli(const QStringList &arguments)
{
    const auto options = parseOptions(arguments.mid(1));
    if (!options || options->positional.isEmpty()) {
        err() << kUsage;
        return 2;
    }
    Options rest = *options;
    const QString command = rest.positional.takeFirst();
    if (command == u"check"_s && rest.positional.isEmpty())
        return check(rest);
    if (command == u"validate"_s)
        return validate(rest);
    if (command == u"figures"_s)
        return figures(rest);
    err() << kUsage;
    return 2;
}

} // namespace gx
