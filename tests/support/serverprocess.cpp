#include "serverprocess.h"

#include "servercommand.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gx::test {

namespace {

constexpr int kStartMs = 60'000;

} // namespace

ServerProcess::ServerProcess(QString dbUrl, QString logPath)
    : m_dbUrl(std::move(dbUrl))
    , m_logPath(logPath.isEmpty() ? m_dir.filePath(u"server.log"_s) : std::move(logPath))
{}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

QString ServerProcess::start(quint16 port)
{
    if (isRunning())
        return u"already running"_s;
    const QString listen = u"127.0.0.1:%1"_s.arg(port);
    QString why;
    for (int attempt = 0; attempt < (port == 0 ? 1 : 20); ++attempt) {
        if (attempt > 0)
            QThread::msleep(250);
        why = startOnce(listen);
        if (why.isEmpty())
            return {};
    }
    return why;
}

QString ServerProcess::startOnce(const QString &listen)
{
    m_port = 0;
    m_process.setStandardErrorFile(m_logPath, QIODevice::Append);
    m_process.start(serverBinary(),
                    QStringList{u"serve"_s, u"--db"_s, m_dbUrl, u"--listen"_s, listen} +
                        m_extraArguments);
    if (!m_process.waitForStarted(10'000))
        return u"cannot start %1: %2"_s.arg(serverBinary(), m_process.errorString());
    static const QRegularExpression listening(u"^listening on 127\\.0\\.0\\.1:(\\d+)$"_s);
    const QDeadlineTimer deadline(kStartMs);
    while (!deadline.hasExpired()) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200)) {
            if (!isRunning())
                return u"gengxin-server exited: "_s + log().right(4000);
            continue;
        }
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            if (const auto match = listening.match(line); match.hasMatch()) {
                m_port = quint16(match.captured(1).toUInt());
                return {};
            }
        }
    }
    kill();
    return u"gengxin-server did not say it was listening within %1 s: "_s.arg(kStartMs / 1000) +
           log().right(4000);
}

void ServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill(); // SIGKILL
    m_process.waitForFinished(10'000);
}

bool ServerProcess::stop()
{
    m_process.terminate();
    return m_process.waitForFinished(10'000) && m_process.exitStatus() == QProcess::NormalExit &&
           m_process.exitCode() == 0;
}

QUrl ServerProcess::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QString ServerProcess::log() const
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

qint64 ServerProcess::peakRssKb() const
{
    QFile status(u"/proc/%1/status"_s.arg(m_process.processId()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double ServerProcess::cpuSeconds() const
{
    QFile stat(u"/proc/%1/stat"_s.arg(m_process.processId()));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (in clock ticks).
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    if (fields.size() < 13 || ticks <= 0)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(ticks);
}

} // namespace gx::test
