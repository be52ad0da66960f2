#include "sync/cli/serverassets.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gx::server {

QString ServerAssets::resolveDir(const QString &flag)
{
    if (!flag.isEmpty())
        return flag;
    const QString fromEnvironment = qEnvironmentVariable("GX_ASSETS_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStringLiteral(GX_ASSETS_DIR);
}

Result<FormDefinition, DefinitionError> ServerAssets::loadCurrentForm(const QString &dir)
{
    const QDir forms(dir + u"/forms"_s);
    static const QRegularExpression name(u"^survey\\.v(\\d+)\\.json$"_s);
    int best = -1;
    QString bestFile;
    const QStringList files = forms.entryList({u"survey.v*.json"_s}, QDir::Files);
    for (const QString &file : files) {
        const auto match = name.match(file);
        if (match.hasMatch() && match.captured(1).toInt() > best) {
            best = match.captured(1).toInt();
            bestFile = forms.filePath(file);
        }
    }
    if (bestFile.isEmpty())
        return DefinitionError{forms.path(), QString(),
                               u"no survey definition (survey.vN.json) in this directory"_s};
    return FormDefinition::load(bestFile);
}

Result<RegionCatalog, DefinitionError> ServerAssets::loadRegions(const QString &dir)
{
    return RegionCatalog::load(dir + u"/regions/lishui.json"_s);
}

} // namespace gx::server
