#include "servercommand.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace gx::test {

QString serverBinary()
{
    const QString fromEnvironment = qEnvironmentVariable("GX_SERVER_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral(GX_SERVER_BIN) : fromEnvironment;
}

QString CommandRun::failure() const
{
    if (ok())
        return {};
    return u"%1 exited %2: %3"_s.arg(command).arg(exitCode).arg(err);
}

CommandRun runServerCommand(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    CommandRun run;
    run.command = u"gengxin-server "_s + arguments.join(u' ');
    QProcess process;
    process.start(serverBinary(), arguments);
    if (!process.waitForStarted(10'000)) {
        run.err = u"could not start %1: %2"_s.arg(serverBinary(), process.errorString());
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = u"still running after %1 s, killed"_s.arg(timeoutMs / 1000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString addUserByCommand(const QString &dbUrl, const QString &name, const QString &role,
                         const QString &password, const QString &region, const QString &enterprise)
{
    QStringList args{u"user"_s, u"add"_s, name, u"--role"_s, role, u"--password-stdin"_s,
                     u"--db"_s, dbUrl};
    if (!region.isEmpty())
        args << u"--region"_s << region;
    if (!enterprise.isEmpty())
        args << u"--enterprise"_s << enterprise;
    return runServerCommand(args, password.toUtf8() + '\n').failure();
}

QString importRegistryByCommand(const QString &dbUrl, const QString &csvPath,
                                const QList<RegistryLine> &lines, int timeoutMs)
{
    QByteArray csv = "uscc,name,region,industry_code,above_size\n";
    for (const RegistryLine &line : lines) {
        csv += line.uscc.toUtf8() + ',' + line.name.toUtf8() + ',' + line.region.toUtf8() + ',' +
               line.industryCode.toUtf8() + ',' + (line.aboveSize ? "true" : "false") + '\n';
    }
    QFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        return u"cannot write %1"_s.arg(csvPath);
    file.close();
    return runServerCommand({u"registry"_s, u"import"_s, csvPath, u"--db"_s, dbUrl}, {}, timeoutMs)
        .failure();
}

} // namespace gx::test
