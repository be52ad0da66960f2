#include "serverharness.h"

#include "core/uscc.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

using namespace Qt::StringLiterals;

namespace gx::e2e {

QString usccFor(const QString &region, int n)
{
    return makeUscc(u'9', u'1', region, u"MB%1"_s.arg(n, 6, 10, QChar(u'0')));
}

ServerHarness::ServerHarness()
{
    m_process.setStandardErrorFile(m_dir.filePath(u"server.log"_s), QIODevice::Append);
}

ServerHarness::~ServerHarness()
{
    if (isRunning())
        kill();
}

QString ServerHarness::binary()
{
    const QString fromEnvironment = qEnvironmentVariable("GX_SERVER_BIN");
    return fromEnvironment.isEmpty() ? QStringLiteral(GX_SERVER_BIN) : fromEnvironment;
}

QString ServerHarness::dbPath() const
{
    return m_dir.filePath(u"server.db"_s);
}

QString ServerHarness::dbUrl() const
{
    return u"sqlite:"_s + dbPath();
}

QUrl ServerHarness::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString ServerHarness::runCommand(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(binary(), arguments);
    if (!process.waitForStarted(10'000))
        return u"cannot start %1: %2"_s.arg(binary(), process.errorString());
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        return u"%1 did not finish"_s.arg(arguments.join(u' '));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return u"%1 exited %2: %3"_s.arg(arguments.join(u' '))
            .arg(process.exitCode())
            .arg(QString::fromUtf8(process.readAllStandardError()));
    }
    return {};
}

QString ServerHarness::addUser(const QString &name, const QString &role, const QString &password,
                               const QString &region, const QString &enterprise)
{
    QStringList args{u"user"_s, u"add"_s, name, u"--role"_s, role, u"--password-stdin"_s,
                     u"--db"_s, dbUrl()};
    if (!region.isEmpty())
        args << u"--region"_s << region;
    if (!enterprise.isEmpty())
        args << u"--enterprise"_s << enterprise;
    return runCommand(args, password.toUtf8() + '\n');
}

QString ServerHarness::importRegistry(const QList<RegistryLine> &lines)
{
    QByteArray csv = "uscc,name,region,industry_code,above_size\n";
    for (const RegistryLine &line : lines) {
        csv += line.uscc.toUtf8() + ',' + line.name.toUtf8() + ',' + line.region.toUtf8() + ',' +
               line.industryCode.toUtf8() + ',' + (line.aboveSize ? "true" : "false") + '\n';
    }
    const QString path = m_dir.filePath(u"registry.csv"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
        return u"cannot write %1"_s.arg(path);
    file.close();
    return runCommand({u"registry"_s, u"import"_s, path, u"--db"_s, dbUrl()}, {});
}

QString ServerHarness::start(quint16 port)
{
    if (isRunning())
        return u"already running"_s;
    const QString listen = u"127.0.0.1:%1"_s.arg(port);
    QString last;
    // A restart on the same port may find it briefly held; try a few times.
    for (int attempt = 0; attempt < 20; ++attempt) {
        m_process.start(binary(), {u"serve"_s, u"--db"_s, dbUrl(), u"--listen"_s, listen});
        if (!m_process.waitForStarted(10'000))
            return u"cannot start %1: %2"_s.arg(binary(), m_process.errorString());
        static const QRegularExpression listening(u"listening on [^\\s:]+:(\\d+)"_s);
        QByteArray out;
        const QDeadlineTimer deadline(30'000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(out));
            if (match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return {};
            }
        }
        m_process.waitForFinished(5'000);
        last = u"the server did not come up: %1"_s.arg(log().right(2000));
        if (m_process.state() == QProcess::Running)
            kill();
        if (port == 0)
            break;
        QThread::msleep(250);
    }
    return last;
}

void ServerHarness::kill()
{
    if (!isRunning())
        return;
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(10'000);
}

QString ServerHarness::log() const
{
    QFile file(m_dir.filePath(u"server.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace gx::e2e
