#include "sync/cli/cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gengxin-server"));
    qSetMessagePattern(QStringLiteral(
        "%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-warning}warning: %{endif}%{if-critical}error: "
        "%{endif}%{message}"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    gx::server::Cli cli(out, err, in);
    return cli.run(QCoreApplication::arguments().mid(1));
}
