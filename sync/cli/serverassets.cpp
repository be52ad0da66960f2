#include "sync/cli/serverassets.h"

#include <QFile>

#include <QDir>

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

Result<FormDefinition, DefinitionError> ServerAssets::loadFirstForm(const QString &dir)
{
    return FormDefinition::load(dir + u"/forms/survey.v1.json"_s);
}

Result<QByteArray, DefinitionError> ServerAssets::loadCatalogue(const QString &dir)
{
    QFile file(dir + u"/forms/catalogue.json"_s);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return DefinitionError{file.fileName(), QString(), file.errorString()};
    return file.readAll();
}

Result<RegionCatalog, DefinitionError> ServerAssets::loadRegions(const QString &dir)
{
    return RegionCatalog::load(dir + u"/regions/lishui.json"_s);
}

} // namespace gx::server
